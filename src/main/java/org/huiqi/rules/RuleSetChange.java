package org.huiqi.rules;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an activation changed, for integrators deciding whom to re-match. A measure is changed
 * when its declaration or any file in its rule file's folder differs (tables sit beside the rules
 * that read them); a change under {@code reference/} (regions, parks, pick lists) can move any
 * measure, so it marks them all.
 */
@Schema(name = "RuleSetChange", description = "A rule set was activated: its version and the measures it added, removed and changed.")
public record RuleSetChange(
        @Schema(description = "Version now serving", example = "sha256:3f2a…") String version,
        @Schema(description = "Version that served before; null for the first activation") String previousVersion,
        Instant activatedAt,
        @Schema(example = "[\"ZQ-NEW-MEASURE\"]") List<String> added,
        @Schema(example = "[\"WZ-XSG\"]") List<String> removed,
        @Schema(example = "[\"GD-XSG-2025\"]") List<String> changed) {

    static RuleSetChange between(RuleSet before, RuleSet after) {
        if (before == null) {
            return new RuleSetChange(after.version(), null, after.loadedAt(), List.copyOf(after.measures().keySet()), List.of(), List.of());
        }
        Map<String, Measure> was = before.measures();
        Map<String, Measure> is = after.measures();
        boolean referenceChanged = !sameFolder(before.files(), after.files(), "reference");
        return new RuleSetChange(after.version(), before.version(), after.loadedAt(),
                is.keySet().stream().filter(id -> !was.containsKey(id)).sorted().toList(),
                was.keySet().stream().filter(id -> !is.containsKey(id)).sorted().toList(),
                is.keySet().stream().filter(was::containsKey)
                        .filter(id -> referenceChanged || !is.get(id).equals(was.get(id))
                                || !sameFolder(before.files(), after.files(), folder(is.get(id).file())))
                        .sorted().toList());
    }

    private static String folder(String file) {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? "" : file.substring(0, slash);
    }

    /** The files directly in {@code folder} are the same, by name and content. */
    private static boolean sameFolder(RuleFiles a, RuleFiles b, String folder) {
        var left = a.contents().entrySet().stream().filter(e -> folder(e.getKey()).equals(folder)).toList();
        var right = b.contents().entrySet().stream().filter(e -> folder(e.getKey()).equals(folder)).toList();
        if (left.size() != right.size()) return false;
        for (int i = 0; i < left.size(); i++) {
            if (!Objects.equals(left.get(i).getKey(), right.get(i).getKey()) || !Arrays.equals(left.get(i).getValue(), right.get(i).getValue())) {
                return false;
            }
        }
        return true;
    }
}
