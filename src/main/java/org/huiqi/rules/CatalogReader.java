package org.huiqi.rules;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.huiqi.evaluation.RuleName;
import org.huiqi.evaluation.Text;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Reads the measure catalog out of the compiled rules' metadata. A rule named "ID" declares a
 * measure through its {@code @annotations}; a rule named "ID / criterion" is one of its criteria;
 * "ID / amount" computes its amount. {@code @conflicts("OTHER-ID")} names a measure that cannot be claimed
 * together with this one, and {@code @preferZh}/{@code @preferEn} say why to choose this one when both give the same. Everything a staff member can get wrong here is reported with
 * file and line, all at once.
 */
final class CatalogReader {
    static final String AMOUNT = "amount";
    /** The annotations a declaration must have, with what staff call them. */
    private static final Map<String, String> REQUIRED = requiredAnnotations();
    /** Every annotation read from a declaration: any other is a slip that would be ignored. */
    private static final Set<String> DECLARATION = Set.of("zh", "en", "benefit", "benefitZh", "benefitEn", "amountZh",
            "amountEn", "document", "number", "issuer", "issuerEn", "article", "url", "validFrom", "validTo", "confirmed",
            "confirmedUntil", "basis", "conflicts", "preferZh", "preferEn", "supersededBy", "successorZh", "successorEn",
            "perProject", "enterpriseStatus", "claim", "officeZh", "officeEn", "channelZh", "channelEn", "windowZh",
            "windowEn", "documentsZh", "documentsEn", "claimConfirmed");
    /** Every annotation read from a criterion or an amount rule. */
    private static final Set<String> CRITERION = Set.of("zh", "en", "fixed", "askFirst");

    private final RuleFiles files;
    private final List<RuleProblem> problems = new ArrayList<>();

    CatalogReader(RuleFiles files) {
        this.files = files;
    }

    List<RuleProblem> problems() {
        return problems;
    }

    Map<String, Measure> read(KieBase kieBase) {
        List<RuleImpl> rules = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) rules.add((RuleImpl) rule);
        }
        rules.sort(Comparator.comparing(CatalogReader::file).thenComparingInt(RuleImpl::getLoadOrder));

        Map<String, RuleImpl> declarations = new LinkedHashMap<>();
        Map<String, List<Measure.Criterion>> criteria = new LinkedHashMap<>();
        for (RuleImpl rule : rules) {
            RuleName name = RuleName.of(rule.getName());
            unknownAnnotations(rule, name.declaresMeasure() ? DECLARATION : CRITERION);
            if (name.declaresMeasure()) {
                RuleImpl earlier = declarations.putIfAbsent(name.measureId(), rule);
                if (earlier != null) {
                    problem(rule, null, "措施编号“" + name.measureId() + "”已在 " + file(earlier) + " 第" + line(earlier)
                            + "行声明，同一个编号只能用一次 / measure " + name.measureId() + " is already declared in "
                            + file(earlier) + ":" + line(earlier));
                }
            } else if (!AMOUNT.equals(name.criterionId())) {
                criteria.computeIfAbsent(name.measureId(), id -> new ArrayList<>()).add(criterion(rule, name));
            }
        }
        for (RuleImpl rule : rules) {
            RuleName name = RuleName.of(rule.getName());
            if (!name.declaresMeasure() && !declarations.containsKey(name.measureId())) {
                problem(rule, null, "规则“" + rule.getName() + "”属于措施“" + name.measureId() + "”，但没有找到这个措施的声明："
                        + "检查编号拼写，或写一条名为 \"" + name.measureId() + "\" 的规则（@zh、@benefit 等注解）/ rule \""
                        + rule.getName() + "\" belongs to measure " + name.measureId()
                        + ", which no rule declares (a rule named \"" + name.measureId() + "\" with its @zh, @benefit, ... )");
            }
        }
        Map<String, Measure> catalog = new LinkedHashMap<>();
        declarations.forEach((id, rule) -> {
            List<Measure.Criterion> own = criteria.getOrDefault(id, List.of());
            if (own.isEmpty()) problem(rule, null, "措施“" + id + "”还没有条件：请加名为 \"" + id + " / 条件编号\" 的规则"
                    + " / measure " + id + " has no criteria: add rules named \"" + id + " / <criterion>\"");
            Measure measure = measure(rule, id, own);
            if (measure != null) catalog.put(id, measure);
        });
        catalog.values().forEach(m -> m.conflicts().stream().filter(c -> !catalog.containsKey(c)).forEach(c ->
                problem(declarations.get(m.id()), "conflicts", "@conflicts 写的措施“" + c + "”没有声明：检查编号拼写"
                        + " / @conflicts names " + c + ", which no rule declares")));
        catalog.values().stream().filter(m -> m.successor() != null && m.successor().measureId() != null
                        && !catalog.containsKey(m.successor().measureId()))
                .forEach(m -> problem(declarations.get(m.id()), "supersededBy", "@supersededBy 写的措施“" + m.successor().measureId()
                        + "”没有声明：取代它的文件尚未编码时，请改写 @successorZh/@successorEn"
                        + " / @supersededBy names " + m.successor().measureId()
                        + ", which no rule declares; for a successor not yet encoded write @successorZh/@successorEn instead"));
        return catalog;
    }

    private Measure.Criterion criterion(RuleImpl rule, RuleName name) {
        String zh = meta(rule, "zh");
        String en = meta(rule, "en");
        if (zh == null || en == null) {
            problem(rule, null, "条件“" + rule.getName() + "”缺少 @zh(\"…\") 和 @en(\"…\")：写明它要求什么（中文、英文）"
                    + " / criterion \"" + rule.getName() + "\" needs @zh(\"...\") and @en(\"...\") saying what it requires");
        }
        return new Measure.Criterion(name.criterionId(), Text.of(zh, en), rule.getMetaData().containsKey("fixed"),
                rule.getMetaData().containsKey("askFirst"));
    }

    private Measure measure(RuleImpl rule, String id, List<Measure.Criterion> criteria) {
        List<String> absent = REQUIRED.keySet().stream().filter(key -> meta(rule, key) == null).toList();
        if (!absent.isEmpty()) {
            problem(rule, null, "措施“" + id + "”的声明缺少 " + String.join("、", absent.stream().map(k -> "@" + k + "（" + REQUIRED.get(k) + "）").toList())
                    + "：出处和施行日期必须写明 / measure " + id + " is missing " + String.join(", ", absent.stream().map(k -> "@" + k).toList()));
            return null;
        }
        Measure.BenefitKind kind;
        try {
            kind = Measure.BenefitKind.valueOf(meta(rule, "benefit"));
        } catch (IllegalArgumentException e) {
            problem(rule, "benefit", "@benefit 只能是 " + Arrays.toString(Measure.BenefitKind.values()) + " 之一，不能是“" + meta(rule, "benefit")
                    + "” / @benefit must be one of " + Arrays.toString(Measure.BenefitKind.values()) + ", not " + meta(rule, "benefit"));
            return null;
        }
        LocalDate from = date(rule, "validFrom");
        LocalDate to = date(rule, "validTo");
        if (from == null || (meta(rule, "validTo") != null && to == null)) return null;
        if (to != null && to.isBefore(from)) {
            problem(rule, "validTo", "截止日期 @validTo " + to + " 早于施行日期 @validFrom " + from + " / @validTo " + to + " is before @validFrom " + from);
        }
        LocalDate confirmedUntil = date(rule, "confirmedUntil");
        Measure.Basis basis = basis(rule);
        if (basis == null) return null;
        HowToClaim howToClaim = new ClaimReader(rule).read();
        if (howToClaim == null) return null;
        String file = file(rule);
        String conflicts = meta(rule, "conflicts");
        return new Measure(id, Text.of(meta(rule, "zh"), meta(rule, "en")), kind,
                Text.of(meta(rule, "benefitZh"), meta(rule, "benefitEn")),
                meta(rule, "amountZh") == null ? null : Text.of(meta(rule, "amountZh"), meta(rule, "amountEn")),
                new Measure.Citation(meta(rule, "document"), meta(rule, "number"), meta(rule, "issuer"), meta(rule, "issuerEn"),
                        meta(rule, "article"), meta(rule, "url")),
                from, to, !"false".equals(meta(rule, "confirmed")), confirmedUntil, basis, successor(rule),
                rule.getMetaData().containsKey("perProject"),
                conflicts == null ? List.of() : Arrays.stream(conflicts.split("[,\\s]+")).filter(s -> !s.isBlank()).toList(),
                meta(rule, "preferZh") == null ? null : Text.of(meta(rule, "preferZh"), meta(rule, "preferEn")),
                file.contains("/") ? file.substring(0, file.lastIndexOf('/')) : "", file, howToClaim,
                rule.getMetaData().containsKey("enterpriseStatus"), List.copyOf(criteria));
    }

    /** {@code @basis("UP_TO")} for ceilings (最高, 不超过), {@code "ESTIMATE"} for savings computed from figures; EXACT by default. */
    private Measure.Basis basis(RuleImpl rule) {
        String value = meta(rule, "basis");
        if (value == null) return Measure.Basis.EXACT;
        try {
            return Measure.Basis.valueOf(value);
        } catch (IllegalArgumentException e) {
            problem(rule, "basis", "@basis 只能是 " + Arrays.toString(Measure.Basis.values()) + " 之一，不能是“" + value
                    + "” / @basis must be one of " + Arrays.toString(Measure.Basis.values()) + ", not " + value);
            return null;
        }
    }

    /** {@code @supersededBy("ID")} and/or {@code @successorZh}/{@code @successorEn}: what replaced the measure. */
    private Measure.Successor successor(RuleImpl rule) {
        String id = meta(rule, "supersededBy");
        String zh = meta(rule, "successorZh");
        String en = meta(rule, "successorEn");
        if ((zh == null) != (en == null)) {
            problem(rule, zh == null ? "successorEn" : "successorZh", "@successorZh 和 @successorEn 要一起写 / @successorZh and @successorEn go together: give both");
        }
        if (id == null && zh == null && en == null) return null;
        return new Measure.Successor(id, zh == null && en == null ? null : Text.of(zh, en));
    }

    private LocalDate date(RuleImpl rule, String key) {
        String value = meta(rule, key);
        if (value == null) return null;
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problem(rule, key, "@" + key + "(\"" + value + "\") 不是日期：请写成“2025-01-01”的格式（年-月-日，月、日都写两位）"
                    + " / @" + key + "(\"" + value + "\") is not a date like \"2025-01-01\"");
            return null;
        }
    }

    /**
     * {@code @claim("MODE")}, {@code @officeZh}/{@code @officeEn} (required), and where known
     * {@code @channelZh/En}, {@code @windowZh/En}, {@code @documentsZh/En} (several separated by ；/ ;) and
     * {@code @claimConfirmed("false")}. Problems point at the declaration, Chinese first.
     */
    private final class ClaimReader {
        private final RuleImpl rule;

        ClaimReader(RuleImpl rule) {
            this.rule = rule;
        }

        HowToClaim read() {
            String mode = meta(rule, "claim");
            String officeZh = meta(rule, "officeZh");
            String officeEn = meta(rule, "officeEn");
            if (mode == null || officeZh == null || officeEn == null) {
                claimProblem(null, "措施缺少申领方式或受理部门：请在声明中写 @claim(\"APPLY\") 等申领方式，以及 @officeZh(\"…\") 和 @officeEn(\"…\")"
                        + " / the declaration needs how the benefit is claimed: @claim(\"<mode>\"), @officeZh and @officeEn"
                        + " (modes: " + modes() + ")");
                return null;
            }
            HowToClaim.Mode parsed;
            try {
                parsed = HowToClaim.Mode.valueOf(mode);
            } catch (IllegalArgumentException e) {
                claimProblem("claim", "@claim 的申领方式只能是 " + modes() + "，不能是 " + mode
                        + " / @claim must be one of " + modes() + ", not " + mode);
                return null;
            }
            Text office = Text.of(officeZh, officeEn);
            Text window = pair("window");
            if (window == null && HowToClaim.hasRound(parsed)) window = HowToClaim.askTheOffice(office);
            return new HowToClaim(parsed, office, pair("channel"), window, documents(),
                    !"false".equals(meta(rule, "claimConfirmed")));
        }

        private Text pair(String key) {
            String zh = meta(rule, key + "Zh");
            String en = meta(rule, key + "En");
            if (zh == null && en == null) return null;
            if (zh == null || en == null) {
                claimProblem(zh == null ? key + "En" : key + "Zh", "@" + key + "Zh 和 @" + key + "En 要成对填写 / @" + key + "Zh and @"
                        + key + "En go together: give both");
            }
            return Text.of(zh == null ? en : zh, en == null ? zh : en);
        }

        private List<Text> documents() {
            Text both = pair("documents");
            if (both == null) return null;
            List<String> zh = split(both.zh());
            List<String> en = split(both.en());
            if (zh.size() != en.size()) {
                claimProblem("documentsZh", "@documentsZh 列了 " + zh.size() + " 项材料，@documentsEn 列了 " + en.size()
                        + " 项，应一一对应（用；分隔）/ @documentsZh lists " + zh.size() + " documents and @documentsEn "
                        + en.size() + ": give each in both, separated by ;");
                return null;
            }
            List<Text> out = new ArrayList<>();
            for (int i = 0; i < zh.size(); i++) out.add(Text.of(zh.get(i), en.get(i)));
            return List.copyOf(out);
        }

        private static List<String> split(String list) {
            return Arrays.stream(list.split("[；;]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        private static String modes() {
            return String.join(" | ", Arrays.stream(HowToClaim.Mode.values()).map(Enum::name).toList());
        }

        /** At the annotation when one is named and found, else at the declaration's {@code rule} keyword. */
        private void claimProblem(String annotation, String message) {
            String file = file(rule);
            int line = line(rule);
            int column = 0;
            if (line > 0) {
                String[] lines = files.text(file).split("\n", -1);
                column = lines[line - 1].indexOf("rule") + 1;
                for (int i = line; annotation != null && i < lines.length && !lines[i].strip().startsWith("when"); i++) {
                    int at = lines[i].indexOf("@" + annotation + "(");
                    if (at >= 0) {
                        line = i + 1;
                        column = at + 1;
                        break;
                    }
                }
            }
            problems.add(new RuleProblem(file, line, column, message));
        }
    }

    private static String meta(RuleImpl rule, String key) {
        Object value = rule.getMetaData().get(key);
        if (value == null) return null;
        String text = value.toString().strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) text = text.substring(1, text.length() - 1);
        return text.isEmpty() ? null : text;
    }

    /**
     * A problem at the line of {@code @annotation} in the rule's header when it is written there,
     * else at the {@code rule "name"} line (an annotation that is missing has no line of its own).
     */
    private void problem(RuleImpl rule, String annotation, String message) {
        int header = line(rule);
        if (annotation != null && header > 0) {
            String[] lines = files.text(file(rule)).split("\n", -1);
            Pattern written = Pattern.compile("@" + Pattern.quote(annotation) + "(?![A-Za-z])");
            for (int i = header; i < lines.length && !lines[i].strip().matches("(when|then|end)\\b.*"); i++) {
                Matcher m = written.matcher(lines[i]);
                if (m.find()) {
                    problems.add(new RuleProblem(file(rule), i + 1, m.start() + 1, message));
                    return;
                }
            }
        }
        problems.add(new RuleProblem(file(rule), header, 0, message));
    }

    private void unknownAnnotations(RuleImpl rule, Set<String> known) {
        for (String key : rule.getMetaData().keySet()) {
            if (known.contains(key)) continue;
            String like = known.stream().filter(k -> k.equalsIgnoreCase(key)).findFirst().orElse(null);
            String listed = known.stream().sorted().map(k -> "@" + k).collect(Collectors.joining(" "));
            problem(rule, key, like != null
                    ? "标注 @" + key + " 应写作 @" + like + "，否则不起作用 / @" + key + " should be written @" + like
                            + ": as written it is ignored"
                    : "不认识的标注 @" + key + "，写了不起作用；这里可用：" + listed + " / unknown annotation @" + key
                            + ", it would be ignored; the ones read here: " + listed);
        }
    }

    private static Map<String, String> requiredAnnotations() {
        Map<String, String> required = new LinkedHashMap<>();
        required.put("zh", "中文名称");
        required.put("en", "英文名称");
        required.put("benefit", "待遇类型");
        required.put("benefitZh", "待遇说明");
        required.put("benefitEn", "待遇说明（英文）");
        required.put("document", "文件名称");
        required.put("issuer", "发文单位");
        required.put("validFrom", "施行日期");
        return required;
    }

    static String file(RuleImpl rule) {
        String path = rule.getResource() == null ? "" : rule.getResource().getSourcePath();
        return path.startsWith(RuleSetCompiler.RESOURCES) ? path.substring(RuleSetCompiler.RESOURCES.length()) : path;
    }

    /** The line of the rule's {@code rule "name"} header: what a staff member looks for. */
    private int line(RuleImpl rule) {
        String file = file(rule);
        if (!files.contents().containsKey(file)) return 0;
        String[] lines = files.text(file).split("\n", -1);
        String header = "\"" + rule.getName() + "\"";
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("rule") && line.contains(header)) return i + 1;
        }
        return 0;
    }
}
