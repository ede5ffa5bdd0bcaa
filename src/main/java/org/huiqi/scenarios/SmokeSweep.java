package org.huiqi.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huiqi.evaluation.Evaluator;
import org.huiqi.evaluation.MeasureResult;
import org.huiqi.evaluation.RuleFault;
import org.huiqi.evaluation.RuleFiringLimitException;
import org.huiqi.evaluation.Scope;
import org.huiqi.evaluation.facts.Tables;
import org.huiqi.impact.PopulationGenerator;
import org.huiqi.profile.Profile;
import org.huiqi.profile.ProfileJson;
import org.huiqi.rules.RuleProblem;
import org.huiqi.rules.RuleSet;

/**
 * The smoke gate: besides its scenarios, a candidate rule set answers a sweep of profiles nobody
 * wrote expectations for — synthetic enterprises of the population generator, the same without a
 * region, with only a province or a city code, and edge profiles (nothing at all, every list
 * empty, the places the rule files name, each year the tables name) — and is refused when any of
 * its rules fails on one. Scenarios show a rule computes what staff meant on the cases they
 * thought of; the sweep shows it does not fail on the ones they did not. Every measure's rules run
 * (explain=all: none is left out by region). After an edit only the measures it changed are
 * swept, as the scenario gate re-runs only what an edit can change.
 */
public final class SmokeSweep {
    private static final ObjectMapper JSON = ProfileJson.configure(new ObjectMapper());
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** Fixed, so a sweep that fails fails again for the staff member who looks. */
    private static final long SEED = 2260;
    private static final int GENERATED = 24;
    /** Of the generated profiles, how many are swept again with a coarser region code, and for each table year. */
    private static final int VARIED = 6;
    private static final int MAX_YEARS = 12;
    private static final Pattern REGION_CODE = Pattern.compile("\"(\\d{2})\\d{4}\"");
    private static final Pattern YEAR = Pattern.compile("(19[5-9]\\d|20\\d\\d|2100)");
    private static final List<String> LISTS = List.of("parks", "awards", "certifications", "quarterlyOutput", "projects");
    private static final List<ObjectNode> POPULATION = population();

    private final Evaluator evaluator;

    public SmokeSweep(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** One swept profile on one date, described so that staff can repeat it. */
    record Sample(LocalDate asOf, ObjectNode profile) {
        String describe() {
            return "asOf " + asOf + ", profile " + profile;
        }
    }

    /** Problems of {@code ruleSet}: one per rule that failed, at the rule's line, naming the profile that broke it. */
    public List<RuleProblem> check(RuleSet ruleSet, RuleSet serving) {
        Scope scope = serving == null ? Scope.all() : ChangedMeasures.between(serving, ruleSet).sweepScope();
        if (scope == null) return List.of();
        Map<String, RuleProblem> byRule = new LinkedHashMap<>();
        List<Sample> samples = samples(ruleSet, LocalDate.now(CHINA));
        // On the calling thread: Drools initialises its classes through the thread's context class loader, and a
        // shared pool's thread may carry another application's (seen in tests that start Quarkus and then plain JUnit).
        List<List<RuleFault>> found = samples.stream().map(sample -> faults(ruleSet, sample, scope)).toList();
        for (int i = 0; i < samples.size(); i++) {
            Sample sample = samples.get(i);
            for (RuleFault fault : found.get(i)) byRule.computeIfAbsent(fault.rule(), rule -> problem(ruleSet, fault, sample));
        }
        return List.copyOf(byRule.values());
    }

    private List<RuleFault> faults(RuleSet ruleSet, Sample sample, Scope scope) {
        Profile profile = JSON.convertValue(sample.profile(), Profile.class);
        try {
            return evaluator.evaluate(ruleSet, sample.asOf(), profile, true, scope).results().stream()
                    .map(MeasureResult::fault).filter(Objects::nonNull).distinct().toList();
        } catch (RuleFiringLimitException e) {
            // A runaway is the scenario gate's to report (its own guard); the sweep looks for rules that throw.
            return List.of();
        }
    }

    private static RuleProblem problem(RuleSet ruleSet, RuleFault fault, Sample sample) {
        String file = fault.file() == null ? "." : fault.file();
        int line = fault.file() == null ? 0 : lineOf(ruleSet.files().text(fault.file()), fault.rule());
        return new RuleProblem(file, line, 0, "规则 \"" + fault.rule() + "\" 在试算画像上运行出错，规则集不会生效 / rule \"" + fault.rule()
                + "\" failed on a sweep profile, so the rule set is not activated: " + fault.reason() + " (" + sample.describe() + ")");
    }

    private static int lineOf(String text, String rule) {
        int at = text.indexOf("rule \"" + rule + "\"");
        if (at < 0) return 0;
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    /** The sweep for this rule set on {@code today}: generated, varied and edge profiles. */
    static List<Sample> samples(RuleSet ruleSet, LocalDate today) {
        List<Sample> samples = new ArrayList<>();
        for (ObjectNode generated : POPULATION) samples.add(new Sample(today, generated));
        for (ObjectNode generated : POPULATION.subList(0, VARIED)) {
            String code = generated.path("regionCode").asText();
            samples.add(new Sample(today, without(generated, "regionCode")));
            samples.add(new Sample(today, generated.deepCopy().put("regionCode", code.substring(0, 2) + "0000")));
            samples.add(new Sample(today, generated.deepCopy().put("regionCode", code.substring(0, 4) + "00")));
        }
        List<ObjectNode> edges = new ArrayList<>();
        edges.add(JSON.createObjectNode());
        ObjectNode emptyLists = JSON.createObjectNode();
        LISTS.forEach(emptyLists::putArray);
        edges.add(emptyLists);
        for (String province : provincesNamed(ruleSet)) edges.add(JSON.createObjectNode().put("regionCode", province));
        for (ObjectNode edge : edges) samples.add(new Sample(today, edge));
        TreeSet<Integer> years = tableYears(ruleSet.tables());
        // A column of amounts may hold numbers that read as years too: the latest ones are those a rule reads by date.
        while (years.size() > MAX_YEARS) years.pollFirst();
        for (int year : years) {
            LocalDate asOf = LocalDate.of(Math.min(year + 1, 2100), 6, 30);
            for (ObjectNode edge : edges.subList(0, 2)) samples.add(new Sample(asOf, edge));
            for (ObjectNode generated : POPULATION.subList(0, VARIED)) samples.add(new Sample(asOf, generated));
        }
        return samples;
    }

    /** Provinces of the region codes the rule files name: an enterprise may give no more than that. */
    private static TreeSet<String> provincesNamed(RuleSet ruleSet) {
        TreeSet<String> provinces = new TreeSet<>();
        for (String path : ruleSet.files().withSuffix(".drl")) {
            Matcher code = REGION_CODE.matcher(ruleSet.files().text(path));
            while (code.find()) provinces.add(code.group(1) + "0000");
        }
        return provinces;
    }

    /** Years written in table cells (a rate per year, a threshold from a year on). */
    private static TreeSet<Integer> tableYears(Tables tables) {
        TreeSet<Integer> years = new TreeSet<>();
        for (Tables.Table table : tables.byName().values()) {
            for (Tables.Row row : table.rows()) {
                for (String cell : row.cells().values()) {
                    if (cell != null && YEAR.matcher(cell.strip()).matches()) years.add(Integer.parseInt(cell.strip()));
                }
            }
        }
        return years;
    }

    private static ObjectNode without(ObjectNode profile, String field) {
        ObjectNode copy = profile.deepCopy();
        copy.remove(field);
        return copy;
    }

    private static List<ObjectNode> population() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PopulationGenerator.write(SEED, 0, GENERATED, out);
            List<ObjectNode> profiles = new ArrayList<>();
            for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
                JsonNode item = JSON.readTree(line);
                profiles.add((ObjectNode) item.get("profile"));
            }
            return List.copyOf(profiles);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
