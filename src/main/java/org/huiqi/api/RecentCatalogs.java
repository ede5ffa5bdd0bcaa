package org.huiqi.api;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huiqi.rules.ActiveRuleSet;
import org.huiqi.rules.Measure;
import org.huiqi.rules.RuleSet;

/**
 * The catalogs of the rule-set versions replaced in the last day, so that a portal holding a
 * result can read the titles and citations of the version that computed it
 * ({@code GET /api/v1/measures?version=}). Only catalogs are kept, never a KieBase, and a measure
 * that did not change between versions is held once. Each pod knows the versions it served itself.
 */
@Startup
@ApplicationScoped
public class RecentCatalogs {
    /** How long a replaced version's catalog stays readable: a nightly run's results can be read the next day. */
    public static final int KEPT_HOURS = 24;
    static final Duration KEPT_FOR = Duration.ofHours(KEPT_HOURS);
    /** At most this many replaced versions' catalogs, however many edits a day brings (memory stays bounded). */
    public static final int MAX_KEPT = 20;
    /** Versions no longer kept are remembered (as names only, this many) so they answer 410 rather than 404. */
    static final int MAX_REMEMBERED = 1000;

    /** What is known of a version: its catalog while kept, null once expired. */
    record Kept(List<Measure> catalog, Instant loadedAt, Instant retiredAt) {
    }

    private final Clock clock;
    /** By version, in order of activation (a version served again moves to the end). */
    private final LinkedHashMap<String, Kept> versions = new LinkedHashMap<>();
    private String serving;

    @Inject
    public RecentCatalogs(ActiveRuleSet active) {
        this(Clock.systemUTC());
        active.onActivation(change -> active.current().filter(r -> r.version().equals(change.version())).ifPresent(this::activated));
        active.current().ifPresent(this::activated);
    }

    RecentCatalogs(Clock clock) {
        this.clock = clock;
    }

    private void activated(RuleSet ruleSet) {
        activated(ruleSet.version(), ruleSet.loadedAt(), ruleSet.catalog());
    }

    /** {@code version} serves from now on; the one serving before it is kept for {@link #KEPT_FOR}. */
    synchronized void activated(String version, Instant loadedAt, List<Measure> catalog) {
        if (version.equals(serving)) return;
        Instant now = clock.instant();
        Kept before = serving == null ? null : versions.get(serving);
        if (before != null) versions.put(serving, new Kept(before.catalog, before.loadedAt, now));
        versions.remove(version);
        versions.put(version, new Kept(shared(catalog, before), loadedAt, null));
        serving = version;
        expire(now);
    }

    /**
     * The catalog of a version this service serves, or served and replaced within {@link #KEPT_FOR}; a 404
     * problem naming {@code version} for one it never served, 410 for one no longer kept.
     */
    public synchronized Kept kept(String version) {
        expire(clock.instant());
        Kept kept = versions.get(version);
        if (kept == null) {
            throw new ProblemException(versionProblem("unknown-version", "Unknown rule-set version", 404, "rule-set version '" + version
                    + "' has not served here: GET /api/v1/ruleset gives the serving one, /api/v1/ruleset/changes the recent ones"));
        }
        if (kept.catalog == null) {
            throw new ProblemException(versionProblem("expired-version", "Rule-set version no longer kept", 410, "rule-set version '"
                    + version + "' was replaced more than " + KEPT_HOURS + " hours or " + MAX_KEPT
                    + " versions ago; its catalog is no longer kept"));
        }
        return kept;
    }

    private static Problem versionProblem(String type, String title, int status, String detail) {
        Problem problem = Problem.of(type, title, status, detail);
        return new Problem(problem.type(), problem.title(), status, detail, List.of(new Problem.FieldError("version", detail)));
    }

    /** Drops the catalogs replaced too long ago, or beyond the newest {@link #MAX_KEPT}; then forgets the oldest names. */
    private void expire(Instant now) {
        long replacedAndKept = versions.values().stream().filter(k -> k.retiredAt != null && k.catalog != null).count();
        for (Map.Entry<String, Kept> entry : versions.entrySet()) {
            Kept kept = entry.getValue();
            if (kept.retiredAt == null || kept.catalog == null) continue;
            if (replacedAndKept > MAX_KEPT || kept.retiredAt.plus(KEPT_FOR).isBefore(now)) {
                entry.setValue(new Kept(null, kept.loadedAt, kept.retiredAt));
                replacedAndKept--;
            }
        }
        for (Iterator<String> oldest = versions.keySet().iterator(); versions.size() > MAX_REMEMBERED && oldest.hasNext(); ) {
            oldest.next();
            oldest.remove();
        }
    }

    /** The new catalog, with each measure equal to the previous version's held as that one: an edit copies only what it changed. */
    private static List<Measure> shared(List<Measure> catalog, Kept before) {
        if (before == null || before.catalog == null) return List.copyOf(catalog);
        Map<Measure, Measure> previous = new HashMap<>();
        for (Measure measure : before.catalog) previous.put(measure, measure);
        return catalog.stream().map(m -> previous.getOrDefault(m, m)).toList();
    }
}
