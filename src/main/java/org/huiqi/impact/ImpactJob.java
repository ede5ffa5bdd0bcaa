package org.huiqi.impact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One impact run in the service: where it stands, then its report or the reasons it failed. */
public final class ImpactJob {
    public enum State { QUEUED, RUNNING, DONE, FAILED }

    @Schema(name = "ImpactJobStatus", description = "An impact run: its progress while it runs, then the report, or the errors "
            + "(file:line:column: message) when the draft does not build.")
    public record Status(
            @Schema(example = "01JDQ3Z6X8M5T2B7K9R4W1N0PA") String id,
            State state,
            @Schema(description = "Population file, from policy.impact.populations", example = "synthetic-1000.ndjson") String population,
            LocalDate asOf,
            @Schema(description = "Version of the serving rule set the draft is compared with") String baselineVersion,
            Instant startedAt,
            @Schema(description = "Profiles evaluated so far") long done,
            @Schema(description = "Profiles per second") double perSecond,
            @Schema(description = "Estimated seconds left; -1 when unknown") long etaSeconds,
            @Schema(description = "Why the run failed: the draft's errors by file and line") List<String> errors,
            @Schema(description = "The report, once DONE") ImpactReport report) {
    }

    private final String id;
    private final String owner;
    private final String population;
    private final LocalDate asOf;
    private final String baselineVersion;
    private final Instant startedAt;
    private volatile State state = State.QUEUED;
    private volatile ImpactRun.Progress progress = new ImpactRun.Progress(0, 0, 0, 0);
    private volatile List<String> errors = List.of();
    private volatile ImpactReport report;

    ImpactJob(String id, String owner, String population, LocalDate asOf, String baselineVersion, Instant startedAt) {
        this.id = id;
        this.owner = owner;
        this.population = population;
        this.asOf = asOf;
        this.baselineVersion = baselineVersion;
        this.startedAt = startedAt;
    }

    public String id() {
        return id;
    }

    /** The client (API key name) that started the run: only it may see the run. */
    String owner() {
        return owner;
    }

    /** Queued or running: it still holds its draft. */
    boolean unfinished() {
        return state == State.QUEUED || state == State.RUNNING;
    }

    String population() {
        return population;
    }

    LocalDate asOf() {
        return asOf;
    }

    void running() {
        state = State.RUNNING;
    }

    void progress(ImpactRun.Progress now) {
        progress = now;
    }

    void done(ImpactReport finished) {
        report = finished;
        state = State.DONE;
    }

    void failed(List<String> why) {
        errors = List.copyOf(why);
        state = State.FAILED;
    }

    public Status status() {
        ImpactRun.Progress p = progress;
        return new Status(id, state, population, asOf, baselineVersion, startedAt, p.done(), Math.round(p.perSecond() * 10) / 10.0,
                p.etaSeconds(), errors, report);
    }
}
