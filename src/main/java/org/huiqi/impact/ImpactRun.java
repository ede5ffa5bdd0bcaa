package org.huiqi.impact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.huiqi.api.JsonPaths;
import org.huiqi.api.batch.BatchItem;
import org.huiqi.api.batch.CountingInputStream;
import org.huiqi.evaluation.Evaluator;
import org.huiqi.evaluation.MeasureResult;
import org.huiqi.evaluation.RuleFault;
import org.huiqi.evaluation.RuleFiringLimitException;
import org.huiqi.evaluation.facts.Places;
import org.huiqi.rules.Measure;
import org.huiqi.rules.RuleSet;
import org.jboss.logging.Logger;

/**
 * Evaluates every item of a population under the baseline and the draft and adds them up. The
 * file is read as a stream, a line at a time; at most a few items per worker are in flight, so
 * memory is bounded by the report, whatever the population's size. Work goes to the executor it
 * is given (a bounded pool on the command line, the job pool in the service): the tally does not
 * care in which order items finish.
 */
public final class ImpactRun {
    private static final Logger LOG = Logger.getLogger(ImpactRun.class);

    /** How far a run has got; {@code totalBytes} is 0 when the size is not known. */
    public record Progress(long done, long bytesRead, long totalBytes, long elapsedNanos) {
        public double perSecond() {
            return elapsedNanos == 0 ? 0 : done * 1e9 / elapsedNanos;
        }

        /** Seconds left, estimated from the share of the file read; -1 when unknown. */
        public long etaSeconds() {
            if (totalBytes <= 0 || bytesRead == 0) return -1;
            double share = Math.min(1, (double) bytesRead / totalBytes);
            return Math.round(elapsedNanos / 1e9 * (1 - share) / share);
        }
    }

    private final RuleSet baseline;
    private final RuleSet draft;
    private final LocalDate asOf;
    private final Evaluator evaluator;
    private final ObjectReader items;
    private final Validator validator;
    private final Executor executor;
    private final int inFlight;
    private final int changesListed;
    private final AtomicBoolean traced = new AtomicBoolean();

    /**
     * @param parallelism how many items the executor may evaluate at once; twice as many are read ahead
     */
    public ImpactRun(RuleSet baseline, RuleSet draft, LocalDate asOf, Evaluator evaluator, ObjectReader items,
                     Validator validator, Executor executor, int parallelism) {
        this(baseline, draft, asOf, evaluator, items, validator, executor, parallelism, Integer.MAX_VALUE);
    }

    /** @param changesListed how many changes the report lists (the first, in population order); all are counted */
    public ImpactRun(RuleSet baseline, RuleSet draft, LocalDate asOf, Evaluator evaluator, ObjectReader items,
                     Validator validator, Executor executor, int parallelism, int changesListed) {
        this.changesListed = changesListed;
        this.baseline = baseline;
        this.draft = draft;
        this.asOf = asOf;
        this.evaluator = evaluator;
        this.items = items.forType(BatchItem.class);
        this.validator = validator;
        this.executor = executor;
        this.inFlight = Math.max(1, parallelism * 2);
    }

    public ImpactReport run(InputStream population, long totalBytes, Shard shard, ImpactReport.Side baselineSide, ImpactReport.Side draftSide,
                            Consumer<Progress> progress) throws IOException, InterruptedException {
        Set<String> before = baseline.measures().keySet();
        Set<String> after = draft.measures().keySet();
        ImpactTally tally = new ImpactTally(before, after, changesListed);
        CountingInputStream counting = new CountingInputStream(population);
        Semaphore slots = new Semaphore(inFlight);
        AtomicLong done = new AtomicLong();
        long started = System.nanoTime();
        long lastReport = started;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(counting, StandardCharsets.UTF_8))) {
            long lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank() || !shard.takes(lineNumber)) continue;
                long number = lineNumber;
                String text = line;
                slots.acquire();
                try {
                    executor.execute(() -> {
                        try {
                            evaluate(number, text, tally);
                        } finally {
                            done.incrementAndGet();
                            slots.release();
                        }
                    });
                } catch (RuntimeException e) {
                    slots.release();
                    throw e;
                }
                long now = System.nanoTime();
                if (now - lastReport > 1_000_000_000L) {
                    lastReport = now;
                    progress.accept(new Progress(done.get(), counting.count(), totalBytes, now - started));
                }
            }
        }
        slots.acquire(inFlight);
        progress.accept(new Progress(done.get(), counting.count(), totalBytes, System.nanoTime() - started));
        Places places = draft.places();
        return tally.report(asOf, baselineSide, draftSide, this::title, before, after, code -> cityName(places, code));
    }

    private void evaluate(long line, String text, ImpactTally tally) {
        BatchItem item;
        try {
            item = items.readValue(text);
        } catch (JsonProcessingException e) {
            tally.rejected(line, null, "line " + line + ": " + e.getOriginalMessage());
            return;
        } catch (IOException e) {
            tally.rejected(line, null, "line " + line + ": " + e.getMessage());
            return;
        }
        Set<ConstraintViolation<BatchItem>> violations = validator.validate(item);
        if (!violations.isEmpty()) {
            tally.rejected(line, item.id(), violations.stream()
                    .map(v -> JsonPaths.of(v) + ": " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
            return;
        }
        LocalDate date = item.asOf() != null ? item.asOf() : asOf;
        try {
            List<MeasureResult> before = evaluator.evaluate(baseline, date, item.profile(), false).results();
            List<MeasureResult> after = evaluator.evaluate(draft, date, item.profile(), false).results();
            Optional<RuleFault> fault = Stream.concat(before.stream(), after.stream()).map(MeasureResult::fault).filter(Objects::nonNull).findFirst();
            if (fault.isPresent()) {
                // As before fault isolation: a rule that throws makes the line a rejected one, named by its rule only.
                if (tally.rejected(line, item.id(), RuleFailure.describe(fault.get()))) {
                    LOG.warnf("impact line %d (%s): rule \"%s\" (%s) failed: %s", line, item.id(), fault.get().rule(),
                            fault.get().file(), fault.get().reason());
                }
                return;
            }
            Map<String, EnterpriseOutcome> was = EnterpriseOutcome.of(before);
            Map<String, EnterpriseOutcome> is = EnterpriseOutcome.of(after);
            tally.add(item.id(), line, item.profile().regionCode(), was, is);
        } catch (RuleFiringLimitException e) {
            tally.rejected(line, item.id(), "measure " + e.measureId() + ": " + e.getMessage());
        } catch (RuntimeException | Error e) {
            // The draft's own code threw (an Error too: it must not end the worker and lose the line): its message may hold anything the rule put there (the environment,
            // a file), so the report names the rule only and the details go to the log.
            String failure = RuleFailure.describe(e);
            if (tally.rejected(line, item.id(), failure)) {
                // One trace is enough to find the fault; a rule that throws for every item would repeat it thousands of times.
                if (traced.compareAndSet(false, true)) LOG.warnf(e, "impact line %d (%s): %s", line, item.id(), failure);
                else LOG.warnf("impact line %d (%s): %s: %s", line, item.id(), failure, e);
            }
        }
    }

    private String title(String measureId) {
        Measure measure = draft.measures().getOrDefault(measureId, baseline.measures().get(measureId));
        return measure == null || measure.title() == null ? measureId : measure.title().zh();
    }

    private static String cityName(Places places, String code) {
        Places.Place place = places.byCode().get(code);
        return place == null ? code : place.zh();
    }
}
