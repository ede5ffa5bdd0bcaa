package org.huiqi.rules;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an activation changed, for integrators deciding whom to re-match. A measure is changed
 * when something that can move its answers differs: its declaration, its rule file, a table its
 * rule file names (rows and columns that are read: comment lines and the {@code note} column are
 * not), or another file in its folder that is neither another measure's rule file, a table nor a
 * scenario file. A change under {@code reference/} (regions, parks, pick lists) can move any
 * measure, so it marks them all. {@code reasons} says, per changed measure, which of these it was.
 */
@Schema(name = "RuleSetChange", description = "A rule set was activated: its version and the measures it added, removed and changed.")
public record RuleSetChange(
        @Schema(required = true, description = "Version now serving", example = "sha256:3f2a…") String version,
        @Schema(description = "Version that served before; null for the first activation") String previousVersion,
        @Schema(required = true) Instant activatedAt,
        @Schema(required = true, example = "[\"ZQ-NEW-MEASURE\"]") List<String> added,
        @Schema(required = true, example = "[\"WZ-XSG\"]") List<String> removed,
        @Schema(required = true, description = "Measures in both versions whose answers may differ", example = "[\"GD-XSG-2025\"]")
        List<String> changed,
        @Schema(description = "Why each measure in changed is there: its declaration, its rule file, a table it reads, another "
                + "file of its folder, or reference data (each with the file's path)",
                example = "{\"GD-XSG-2025\": [\"table guangdong/xsg-2025-amounts.table.csv\"]}")
        Map<String, List<String>> reasons) {

    private static final String TABLE = ".table.csv";

    static RuleSetChange between(RuleSet before, RuleSet after) {
        if (before == null) {
            return new RuleSetChange(after.version(), null, after.loadedAt(), List.copyOf(after.measures().keySet()), List.of(),
                    List.of(), Map.of());
        }
        Map<String, Measure> was = before.measures();
        Map<String, Measure> is = after.measures();
        SortedMap<String, byte[]> old = before.files().contents();
        SortedMap<String, byte[]> now = after.files().contents();
        Set<String> differing = new java.util.TreeSet<>();
        for (String path : union(old.keySet(), now.keySet())) {
            if (!sameContent(path, old.get(path), now.get(path))) differing.add(path);
        }
        List<String> reference = differing.stream().filter(p -> p.startsWith("reference/")).map(p -> "reference data " + p).toList();
        Set<String> ruleFiles = is.values().stream().map(Measure::file).collect(Collectors.toSet());
        Map<String, List<String>> reasons = new LinkedHashMap<>();
        is.keySet().stream().filter(was::containsKey).sorted().forEach(id -> {
            List<String> why = new ArrayList<>();
            Measure measure = is.get(id);
            if (!measure.equals(was.get(id))) why.add("declaration");
            String text = new String(now.getOrDefault(measure.file(), new byte[0]), StandardCharsets.UTF_8);
            for (String path : differing) {
                if (path.equals(measure.file())) why.add("rule file " + path);
                else if (!folder(path).equals(folder(measure.file())) || ruleFiles.contains(path) || path.endsWith(".scenarios.yaml")) continue;
                else if (path.endsWith(TABLE)) {
                    if (text.contains("\"" + tableName(path) + "\"")) why.add("table " + path);
                } else {
                    why.add("file " + path + " in its folder");
                }
            }
            why.addAll(reference);
            if (!why.isEmpty()) reasons.put(id, List.copyOf(why));
        });
        return new RuleSetChange(after.version(), before.version(), after.loadedAt(),
                is.keySet().stream().filter(id -> !was.containsKey(id)).sorted().toList(),
                was.keySet().stream().filter(id -> !is.containsKey(id)).sorted().toList(),
                List.copyOf(reasons.keySet()), reasons);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static String folder(String file) {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? "" : file.substring(0, slash);
    }

    private static String tableName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.substring(0, name.length() - TABLE.length());
    }

    /** Same bytes; for a table, the same rows that are read (comment lines and the note column do not count). */
    private static boolean sameContent(String path, byte[] a, byte[] b) {
        if (a == null || b == null) return a == b;
        if (Arrays.equals(a, b)) return true;
        return path.endsWith(TABLE) && Objects.equals(readRows(a), readRows(b));
    }

    /** A table's rows without its comment lines and its note column (a plain split: notes are the free text, others are codes and numbers). */
    private static List<List<String>> readRows(byte[] content) {
        List<String> lines = new String(content, StandardCharsets.UTF_8).lines()
                .filter(line -> !line.isBlank() && !line.stripLeading().startsWith("#")).toList();
        if (lines.isEmpty()) return List.of();
        // A header cell names its column and, in brackets, its kind: note(文字).
        List<String> header = Arrays.stream(lines.get(0).split(",", -1)).map(h -> h.replaceFirst("\\s*[(（].*$", "").strip()).toList();
        int note = header.indexOf("note");
        if (note >= 0 && note != header.size() - 1) return lines.stream().map(l -> List.of(l)).toList(); // note not last: compare whole lines
        return lines.stream().map(line -> {
            List<String> cells = new ArrayList<>(Arrays.asList(line.split(",", -1)));
            while (note >= 0 && cells.size() > note) cells.remove(cells.size() - 1);
            return cells.stream().map(String::strip).toList();
        }).toList();
    }
}
