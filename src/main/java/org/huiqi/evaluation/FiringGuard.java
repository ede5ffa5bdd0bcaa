package org.huiqi.evaluation;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;

/**
 * Asked by Drools before each firing. It keeps out the rules of measures this evaluation leaves
 * aside (not in force, or placed elsewhere), and stops a runaway: once one rule has fired more
 * than its cap, or the deadline has passed, nothing fires any more, so a looping rule stops at
 * once and {@link #check()} names it: the rule that fired most. Cheaper than event listeners: one
 * map update per firing. A single consequence cannot run long: rule code has no loops or recursion
 * and calls only the vocabulary, whose methods all return after bounded work (org.huiqi.rules.StaffCode
 * refuses anything else before a rule set serves), so checking between firings is enough.
 */
final class FiringGuard implements AgendaFilter {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final Map<String, String> measureOfRule;
    private final Set<String> skipped;
    private final int capPerRule;
    private final long deadlineNanos;
    private final long cpuStart;
    private final long wallStart;
    private int sinceClockRead;
    private final Map<String, int[]> fired = new HashMap<>();
    private RuleFiringLimitException stopped;

    FiringGuard(Map<String, String> measureOfRule, Set<String> skipped, int capPerRule, long deadlineNanos) {
        this.measureOfRule = measureOfRule;
        this.skipped = skipped;
        this.capPerRule = capPerRule;
        this.deadlineNanos = deadlineNanos;
        this.cpuStart = cpuNanos();
        this.wallStart = System.nanoTime();
    }

    @Override
    public boolean accept(Match match) {
        if (stopped != null) return false;
        String rule = match.getRule().getName();
        if (!skipped.isEmpty() && skipped.contains(measureOfRule.get(rule))) return false;
        int[] count = fired.computeIfAbsent(rule, r -> new int[1]);
        if (++count[0] > capPerRule) {
            stopped = RuleFiringLimitException.firings(rule, capPerRule);
            return false;
        }
        // Every 64th firing is soon enough for a deadline in seconds.
        if (++sinceClockRead < 64) return true;
        sinceClockRead = 0;
        // A thread's CPU time never runs ahead of the wall clock, so the CPU clock (a system call,
        // microseconds: several per cent of an evaluation) is read only once the wall clock has passed the deadline.
        if (System.nanoTime() - wallStart > deadlineNanos && cpuNanos() - cpuStart > deadlineNanos) {
            stopped = RuleFiringLimitException.deadline(mostFired(), deadlineNanos / 1_000_000);
            return false;
        }
        return true;
    }

    /**
     * The thread's CPU time, not the wall clock: the deadline is for rules that run long, and an
     * evaluation that merely waited for a busy CPU (a scenario gate running in parallel on a
     * loaded node) must not be called a runaway.
     */
    private static long cpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
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
