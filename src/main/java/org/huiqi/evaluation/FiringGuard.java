package org.huiqi.evaluation;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;

/**
 * Asked by Drools before each firing. It keeps out the rules of measures this evaluation leaves
 * aside (not in force, or placed elsewhere), and stops a runaway: once one rule has fired more
 * than its cap, or the deadline has passed, nothing fires any more, so a looping rule stops at
 * once and {@link #check()} names it. Cheaper than event listeners: one map update per firing.
 */
final class FiringGuard implements AgendaFilter {
    private final Map<String, String> measureOfRule;
    private final Set<String> skipped;
    private final int capPerRule;
    private final long deadlineNanos;
    private final long deadlineAt;
    private final Map<String, int[]> fired = new HashMap<>();
    private String previousRule;
    private long previousStart;
    private String slowestRule;
    private long slowestNanos;
    private RuleFiringLimitException stopped;

    FiringGuard(Map<String, String> measureOfRule, Set<String> skipped, int capPerRule, long deadlineNanos) {
        this.measureOfRule = measureOfRule;
        this.skipped = skipped;
        this.capPerRule = capPerRule;
        this.deadlineNanos = deadlineNanos;
        this.previousStart = System.nanoTime();
        this.deadlineAt = previousStart + deadlineNanos;
    }

    @Override
    public boolean accept(Match match) {
        if (stopped != null) return false;
        String rule = match.getRule().getName();
        if (!skipped.isEmpty() && skipped.contains(measureOfRule.get(rule))) return false;
        long now = System.nanoTime();
        // The time since the previous firing is that firing's consequence (and the matching it set off).
        if (previousRule != null && now - previousStart > slowestNanos) {
            slowestNanos = now - previousStart;
            slowestRule = previousRule;
        }
        if (now - deadlineAt > 0) {
            stopped = RuleFiringLimitException.deadline(slowestRule != null && slowestNanos > deadlineNanos / 2 ? slowestRule
                    : mostFired(), deadlineNanos / 1_000_000);
            return false;
        }
        int[] count = fired.computeIfAbsent(rule, r -> new int[1]);
        if (++count[0] > capPerRule) {
            stopped = RuleFiringLimitException.firings(rule, capPerRule);
            return false;
        }
        previousRule = rule;
        previousStart = now;
        return true;
    }

    /** Throws if this evaluation was stopped as a runaway. */
    void check() {
        if (stopped != null) throw stopped;
    }

    private String mostFired() {
        return fired.entrySet().stream().max(Map.Entry.comparingByValue((a, b) -> Integer.compare(a[0], b[0])))
                .map(Map.Entry::getKey).orElse("?");
    }
}
