package org.huiqi.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.huiqi.evaluation.Evaluation;
import org.huiqi.evaluation.MeasureResult;
import org.huiqi.evaluation.RuleFault;
import org.huiqi.rules.ActiveRuleSet;
import org.huiqi.rules.RuleSet;
import org.jboss.logging.Logger;

/**
 * The rules of the serving rule set that threw while answering callers (single and batch), for
 * {@code GET /api/v1/ruleset} and the staff page: what a fault costs is one measure's result
 * (ERROR), so without this list it would be seen only in the log. Emptied when another rule set
 * is activated. One entry per rule, so it is bounded by the rule set, whatever the traffic.
 *
 * <p>Metrics: {@code huiqi.rule.faults{measure}} counts results that came out ERROR.
 */
@ApplicationScoped
public class RuleFaultLog {
    private static final Logger LOG = Logger.getLogger(RuleFaultLog.class);

    private final ActiveRuleSet active;
    private final MeterRegistry metrics;
    private final Map<String, Entry> byRule = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public RuleFaultLog(ActiveRuleSet active, MeterRegistry metrics) {
        this.active = active;
        this.metrics = metrics;
        active.onActivation(change -> byRule.clear());
    }

    @Schema(name = "RuleFaultSeen", description = "A rule of the serving rule set that failed while evaluating: its measure's results came out ERROR.")
    public record Seen(
            @Schema(required = true, example = "GD-ZQ-POWER-2025") String measureId,
            @Schema(required = true, description = "The rule's name in its file", example = "GD-ZQ-POWER-2025 / amount") String rule,
            @Schema(description = "Rule file, relative to the rules directory", example = "guangdong/zhaoqing/power.drl") String file,
            @Schema(required = true, description = "What went wrong; what the rule's code threw only with the admin key") String message,
            @Schema(required = true, description = "Evaluations in which it failed since the rule set was activated") long count,
            @Schema(required = true) Instant lastSeen) {
    }

    private static final class Entry {
        private final RuleFault first;
        private final AtomicLong count = new AtomicLong();
        private volatile Instant lastSeen;

        Entry(RuleFault first) {
            this.first = first;
        }
    }

    /** Counts the faults of one evaluation the API answered; only those of the rule set serving now are listed. */
    void record(RuleSet ruleSet, Evaluation evaluation) {
        Set<RuleFault> faults = null;
        for (MeasureResult result : evaluation.results()) {
            if (result.fault() == null) continue;
            counter(result.measureId()).increment();
            if (faults == null) faults = new HashSet<>();
            faults.add(result.fault());
        }
        if (faults == null || active.current().orElse(null) != ruleSet) return;
        Instant now = Instant.now();
        for (RuleFault fault : faults) {
            Entry entry = byRule.computeIfAbsent(fault.rule(), rule -> {
                LOG.warnf("rule \"%s\" (%s) failed while evaluating; measure %s answers ERROR until it is fixed: %s",
                        fault.rule(), fault.file(), fault.measureId(), fault.reason());
                return new Entry(fault);
            });
            entry.count.incrementAndGet();
            entry.lastSeen = now;
        }
    }

    /** The faults seen since the serving rule set was activated, most recent first. */
    public List<Seen> seen(boolean withReasons) {
        return byRule.values().stream().map(e -> new Seen(e.first.measureId(), e.first.rule(), e.first.file(),
                        message(e.first, withReasons), e.count.get(), e.lastSeen))
                .sorted(Comparator.comparing(Seen::lastSeen).reversed()).toList();
    }

    private static String message(RuleFault fault, boolean withReason) {
        return "规则运行出错，该项政策暂时无法判定 / the rule failed, so its measure could not be evaluated: "
                + (withReason ? fault.reason() : "原因见服务日志 / the reason is in the service log");
    }

    private Counter counter(String measureId) {
        return counters.computeIfAbsent(measureId, id -> Counter.builder("huiqi.rule.faults")
                .description("Measure results that came out ERROR because a rule of the measure failed")
                .tag("measure", id)
                .register(metrics));
    }
}
