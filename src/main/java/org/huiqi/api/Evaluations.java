package org.huiqi.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.huiqi.audit.AuditLog;
import org.huiqi.evaluation.Evaluation;
import org.huiqi.evaluation.Evaluator;
import org.huiqi.evaluation.MeasureResult;
import org.huiqi.profile.Profile;
import org.huiqi.rules.RuleSet;

/**
 * One evaluation as the API performs it, for single and batch calls alike: evaluate, count it in
 * the metrics and write its audit record.
 *
 * <p>Metrics: {@code huiqi.evaluations{measure,status}} counts measure results,
 * {@code huiqi.evaluation.duration{mode}} times evaluations (with a percentile histogram). A rule that
 * throws costs its measure only (ERROR) and is listed by {@link RuleFaultLog}.
 */
@ApplicationScoped
public class Evaluations {
    public enum Mode { single, batch }

    /** Policy dates are Beijing dates: "today" must not flip at 16:00 UTC. */
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Evaluator evaluator;
    private final AuditLog audit;
    private final MeterRegistry metrics;
    private final RuleFaultLog faults;
    private final Map<Mode, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public Evaluations(Evaluator evaluator, AuditLog audit, MeterRegistry metrics, RuleFaultLog faults) {
        this.evaluator = evaluator;
        this.faults = faults;
        this.audit = audit;
        this.metrics = metrics;
    }

    /** Today in China: the evaluation date when the caller gives none. */
    public static LocalDate today() {
        return LocalDate.now(CHINA);
    }

    /** The date a request asked for, or today. */
    public static LocalDate asOf(LocalDate requested) {
        return requested != null ? requested : today();
    }

    public Evaluation evaluate(RuleSet ruleSet, LocalDate asOf, Profile profile, boolean explainAll, Mode mode,
                               AuditLog.Origin origin) {
        long start = System.nanoTime();
        Evaluation evaluation = evaluator.evaluate(ruleSet, asOf, profile, explainAll);
        timer(mode).record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        for (MeasureResult result : evaluation.results()) counter(result.measureId(), result.status()).increment();
        faults.record(ruleSet, evaluation);
        audit.evaluated(evaluation, profile, origin);
        return evaluation;
    }

    private Timer timer(Mode mode) {
        return timers.computeIfAbsent(mode, m -> Timer.builder("huiqi.evaluation.duration")
                .description("Time to evaluate one profile against the rule set")
                .tag("mode", m.name())
                .publishPercentileHistogram()
                .register(metrics));
    }

    private Counter counter(String measureId, MeasureResult.Status status) {
        return counters.computeIfAbsent(measureId + '\u0000' + status, k -> Counter.builder("huiqi.evaluations")
                .description("Measure results by measure and status")
                .tag("measure", measureId)
                .tag("status", status.name())
                .register(metrics));
    }
}
