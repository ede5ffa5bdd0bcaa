package org.huiqi.api;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.huiqi.rules.ActiveRuleSet;
import org.huiqi.rules.RuleSetChange;

/**
 * The last {@code policy.events.history} activations, so that a client that was away — an event
 * stream cut by a gateway, a poller of {@code /ruleset/changes} — learns what it missed instead of
 * re-matching everything. Versions are hashes of the rule files, the same on every pod.
 */
@Startup
@ApplicationScoped
public class RuleSetHistory {
    private final ActiveRuleSet active;
    private final int kept;
    private final Deque<RuleSetChange> changes = new ArrayDeque<>();

    public RuleSetHistory(ActiveRuleSet active, @ConfigProperty(name = "policy.events.history", defaultValue = "100") int kept) {
        this.active = active;
        this.kept = Math.max(1, kept);
        active.onActivation(this::add);
    }

    private synchronized void add(RuleSetChange change) {
        changes.addLast(change);
        while (changes.size() > kept) changes.removeFirst();
    }

    @Schema(name = "RuleSetChanges", description = "The activations after a version, oldest first.")
    public record Since(
            @Schema(required = true, description = "Version serving now", example = "sha256:9c41…") String version,
            @Schema(required = true, description = "The version asked about", example = "sha256:2a8a…") String since,
            @Schema(required = true, description = "True when changes lists every activation since that version. False when the "
                    + "service does not know it (older than the history it keeps, or never served here): then re-match every measure")
            boolean complete,
            @Schema(required = true, description = "Activations after since, oldest first (all that are kept when complete is false)")
            List<RuleSetChange> changes) {
    }

    /** The activations after {@code version}. */
    public synchronized Since since(String version) {
        String current = active.current().map(r -> r.version()).orElse(null);
        if (version.equals(current)) return new Since(current, version, true, List.of());
        List<RuleSetChange> kept = new ArrayList<>(changes);
        // The last activation of that version (an edit undone serves a version twice); else the one that replaced it.
        int from = -1;
        for (int i = 0; i < kept.size(); i++) {
            if (version.equals(kept.get(i).version())) from = i + 1;
        }
        if (from < 0 && !kept.isEmpty() && version.equals(kept.get(0).previousVersion())) from = 0;
        if (from < 0) return new Since(current, version, false, List.copyOf(kept));
        return new Since(current, version, true, List.copyOf(kept.subList(from, kept.size())));
    }
}
