package org.huiqi.scenarios;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huiqi.evaluation.Evaluation;
import org.huiqi.evaluation.Evaluator;
import org.huiqi.evaluation.MeasureResult;
import org.huiqi.evaluation.RuleFaults;
import org.huiqi.evaluation.RuleFiringLimitException;
import org.huiqi.evaluation.Scope;
import org.huiqi.rules.RuleSet;

/** Runs scenarios against a built rule set and says, for each, what differs from the expectation. */
public final class ScenarioRunner {
    private static final Pattern RULE = Pattern.compile("rule \"([^\"]+)\"");
    /** Where {@link #failure} puts the thrown reason: after this, to the end of the message. */
    private static final Pattern THROWN_REASON = Pattern.compile("(运行出错 / rule \"[^\"]*\" failed: |评估出错 / evaluation failed: )");
    private final Evaluator evaluator;

    public ScenarioRunner(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** The outcome of one scenario: empty {@code mismatches} means it passed. */
    public record Outcome(Scenario scenario, List<String> mismatches) {
        public boolean passed() {
            return mismatches.isEmpty();
        }

        @Override
        public String toString() {
            return (passed() ? "PASS " : "FAIL ") + scenario.file() + ": " + scenario.name()
                    + (passed() ? "" : "\n    " + String.join("\n    ", mismatches));
        }
    }

    /** Runs one scenario; a runaway rule is thrown, since it would break every scenario alike. */
    public Outcome run(RuleSet ruleSet, Scenario scenario) {
        List<String> mismatches = new ArrayList<>();
        try {
            Evaluation evaluation = evaluator.evaluate(ruleSet, scenario.asOf(), scenario.profile(), scenario.explainAll(),
                    Scope.observing(ruleSet, named(scenario)));
            // A rule that threw is the one thing to fix: its measure's ERROR would only echo it.
            evaluation.results().stream().map(MeasureResult::fault).filter(Objects::nonNull).distinct()
                    .forEach(fault -> mismatches.add(failure(fault.rule(), fault.reason())));
            if (!mismatches.isEmpty()) return new Outcome(scenario, mismatches);
            for (Map.Entry<String, Scenario.Expectation> expected : scenario.expect().entrySet()) {
                compare(ruleSet, evaluation, expected.getKey(), expected.getValue(), mismatches);
            }
        } catch (RuleFiringLimitException e) {
            throw e;
        } catch (RuntimeException e) {
            mismatches.add(failure(e));
        }
        return new Outcome(scenario, mismatches);
    }

    /** The measures a scenario's expectations read: only their results need evaluating. */
    static Set<String> named(Scenario scenario) {
        Set<String> named = new HashSet<>();
        for (String key : scenario.expect().keySet()) named.add(measureId(key));
        return named;
    }

    private static String measureId(String key) {
        return key.contains("@") ? key.substring(0, key.indexOf('@')) : key;
    }

    private static void compare(RuleSet ruleSet, Evaluation evaluation, String key, Scenario.Expectation expected,
                                List<String> mismatches) {
        String measureId = measureId(key);
        String projectId = key.contains("@") ? key.substring(key.indexOf('@') + 1) : null;
        if (!ruleSet.measures().containsKey(measureId)) {
            mismatches.add(mismatch(key, "规则中没有这个措施编号", "no measure with this id in the rule set"));
            return;
        }
        Optional<MeasureResult> found = evaluation.results().stream()
                .filter(r -> r.measureId().equals(measureId) && Objects.equals(r.projectId(), projectId))
                .findFirst();
        boolean notInForce = evaluation.notInForce().stream().anyMatch(n -> n.measureId().equals(measureId));
        if (found.isEmpty()) {
            if (Scenario.Expectation.NOT_IN_FORCE.equals(expected.status()) && !notInForce) {
                mismatches.add(mismatch(key, "应为 NOT_IN_FORCE，但不在“已到期/尚未施行”中（有效期在24个月前或6个月后之外，或是别处的措施）",
                        "expected NOT_IN_FORCE, but it is not in notInForce (its period is further than "
                        + "24 months back or 6 months ahead, or it is another place's measure)"));
            } else if (Scenario.Expectation.ABSENT.equals(expected.status()) && notInForce) {
                mismatches.add(mismatch(key, "应为 ABSENT，但列在“已到期/尚未施行”中（刚到期或即将施行）",
                        "expected ABSENT, but it is listed in notInForce (ended recently or starting soon)"));
            } else if (!Scenario.Expectation.ABSENT.equals(expected.status()) && !Scenario.Expectation.NOT_IN_FORCE.equals(expected.status())) {
                mismatches.add(mismatch(key, "应为 " + expected.status() + "，但结果中没有它"
                        + (notInForce ? "（在评估日期不在有效期内，列在“已到期/尚未施行”中）" : "（在评估日期不在有效期内，或地区不符而不显示）"),
                        "expected " + expected.status() + ", but it is not listed"
                        + (notInForce ? " (it is not in force on asOf: listed in notInForce)" : " (out of its period on asOf, or filtered out by region)")));
            }
            return;
        }
        MeasureResult result = found.get();
        String actual = result.status().name();
        if (!expected.status().equals(actual)) {
            mismatches.add(mismatch(key, "应为 " + expected.status() + "，实际为 " + actual + describe(result, 0),
                    "expected " + expected.status() + ", got " + actual + describe(result, 1)));
        }
        if (expected.failed() != null && !new HashSet<>(expected.failed()).equals(new HashSet<>(result.failedCriteria()))) {
            mismatches.add(mismatch(key, "不满足的条件应为 " + expected.failed() + "，实际为 " + result.failedCriteria(),
                    "expected failed criteria " + expected.failed() + ", got " + result.failedCriteria()));
        }
        if (expected.missing() != null && !new HashSet<>(expected.missing()).equals(new HashSet<>(result.missingFields()))) {
            mismatches.add(mismatch(key, "需补充的字段应为 " + expected.missing() + "，实际为 " + result.missingFields(),
                    "expected missing fields " + expected.missing() + ", got " + result.missingFields()));
        }
        if (expected.basis() != null && !expected.basis().equals(result.benefit().basis().name())) {
            mismatches.add(mismatch(key, "金额性质应为 " + expected.basis() + "，实际为 " + result.benefit().basis(),
                    "expected basis " + expected.basis() + ", got " + result.benefit().basis()));
        }
        if (expected.confirmed() != null && expected.confirmed() != result.benefit().confirmed()) {
            mismatches.add(mismatch(key, "confirmed 应为 " + expected.confirmed() + "，实际为 " + result.benefit().confirmed(),
                    "expected confirmed " + expected.confirmed() + ", got " + result.benefit().confirmed()));
        }
        compareConflicts(key, expected, result, mismatches);
        if (expected.amountGiven()) {
            var amount = result.benefit().amount();
            boolean same = expected.amount() == null ? amount == null : amount != null && amount.compareTo(expected.amount()) == 0;
            if (!same) {
                String why = result.benefit().amountNote() == null ? "" : "（" + result.benefit().amountNote().zh() + "）";
                mismatches.add(mismatch(key, "金额应为 " + expected.amount() + "，实际为 " + amount + why,
                        "expected amount " + expected.amount() + ", got " + amount));
            }
        }
    }

    /**
     * A rule that throws is named with the innermost reason, without the wrapping exceptions'
     * Java names: "rule "X / region" failed: unknown place or group '45040'".
     */
    private static String failure(RuntimeException e) {
        String rule = null;
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            Matcher named = RULE.matcher(String.valueOf(t.getMessage()));
            if (rule == null && named.find()) rule = named.group(1);
            if (t.getMessage() != null) root = t;
        }
        return failure(rule, RuleFaults.reason(root));
    }

    private static String failure(String rule, String reason) {
        return (rule == null ? "评估出错 / evaluation failed: " : "规则 \"" + rule + "\" 运行出错 / rule \"" + rule + "\" failed: ") + reason;
    }

    /**
     * {@code message} (a scenario problem) without the reason a rule threw, which is whatever the rule's
     * code put in its exception: for readers who may see which rule failed but not that text (job
     * reports, anonymous callers).
     */
    public static String withoutThrownReason(String message) {
        Matcher thrown = THROWN_REASON.matcher(message);
        return thrown.find() ? message.substring(0, thrown.end()) + "(原因见服务日志 / the reason is in the service log)" : message;
    }

    private static void compareConflicts(String key, Scenario.Expectation expected, MeasureResult result, List<String> mismatches) {
        List<String> named = result.conflicts().stream().map(MeasureResult.Conflict::measureId).toList();
        if (expected.conflictsWith() != null && !new HashSet<>(expected.conflictsWith()).equals(new HashSet<>(named))) {
            mismatches.add(mismatch(key, "不能同时享受的措施应为 " + expected.conflictsWith() + "，实际为 " + named,
                    "expected conflicts with " + expected.conflictsWith() + ", got " + named));
        }
        if (expected.recommended() == null) return;
        List<String> recommended = result.conflicts().stream()
                .map(c -> c.recommended() == null ? Scenario.Expectation.NO_RECOMMENDATION : c.recommended()).distinct().toList();
        if (!recommended.equals(List.of(expected.recommended()))) {
            mismatches.add(mismatch(key, "建议应为 " + expected.recommended() + "，实际为 " + recommended,
                    "expected the conflict advice to recommend " + expected.recommended() + ", got " + recommended));
        }
    }

    /** One expectation not met, Chinese first: {@code key: 中文 / English}. */
    private static String mismatch(String key, String zh, String en) {
        return key + ": " + zh + " / " + en;
    }

    private static String describe(MeasureResult result, int language) {
        if (!result.failedCriteria().isEmpty()) return (language == 0 ? "（不满足：" : " (failed: ") + result.failedCriteria() + (language == 0 ? "）" : ")");
        if (!result.missingFields().isEmpty()) return (language == 0 ? "（缺少：" : " (missing: ") + result.missingFields() + (language == 0 ? "）" : ")");
        return "";
    }
}
