package org.huiqi.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule files grouped by the DRL package they declare: the unit a rebuild after an edit
 * compiles again. Files of one package are compiled together, since a package's functions are
 * shared by its files (national/miit's general conditions, for one).
 */
public final class DrlPackages {
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);

    private final RuleFiles files;
    private final Map<String, List<String>> pathsByPackage = new TreeMap<>();

    private DrlPackages(RuleFiles files) {
        this.files = files;
        for (String path : files.withSuffix(".drl")) {
            pathsByPackage.computeIfAbsent(packageOf(files.text(path)), p -> new ArrayList<>()).add(path);
        }
    }

    static DrlPackages of(RuleFiles files) {
        return new DrlPackages(files);
    }

    /** The packages that differ from {@code before}: a file added, removed or changed, or the package gone. */
    Set<String> changedSince(DrlPackages before) {
        Set<String> changed = new HashSet<>(before.pathsByPackage.keySet());
        changed.removeAll(pathsByPackage.keySet());
        pathsByPackage.forEach((pkg, paths) -> {
            if (!paths.equals(before.pathsByPackage.get(pkg)) || paths.stream().anyMatch(p -> !sameContent(before, p))) {
                changed.add(pkg);
            }
        });
        return changed;
    }

    /**
     * The ids of the measures, before or after the edit, defined in a DRL package with a changed,
     * added or removed file: a package's files share its functions and declared types, so an edit
     * of one can change the measures of all.
     */
    public static Set<String> measuresOfChangedPackages(RuleSet before, RuleSet after) {
        DrlPackages old = of(before.files());
        DrlPackages now = of(after.files());
        return now.measuresIn(now.changedSince(old), old, List.of(before.measures(), after.measures()));
    }

    /** The ids of the measures of {@code catalogs} whose file is, here or in {@code before}, in one of {@code packages}. */
    Set<String> measuresIn(Set<String> packages, DrlPackages before, List<Map<String, Measure>> catalogs) {
        Set<String> paths = new HashSet<>(paths(packages));
        paths.addAll(before.paths(packages));
        Set<String> ids = new HashSet<>();
        for (Map<String, Measure> catalog : catalogs) {
            catalog.values().stream().filter(m -> paths.contains(m.file())).forEach(m -> ids.add(m.id()));
        }
        return ids;
    }

    /** The packages with a file that names a rule conclusion: their rules may match other rules' outcomes or amounts. */
    Set<String> readingConclusions() {
        Set<String> reading = new HashSet<>();
        pathsByPackage.forEach((pkg, paths) -> {
            if (paths.stream().map(files::text).anyMatch(t -> t.contains("CriterionOutcome") || t.contains("BenefitAmount"))) {
                reading.add(pkg);
            }
        });
        return reading;
    }

    /** The files of the given packages that still exist. */
    List<String> paths(Set<String> packages) {
        List<String> paths = new ArrayList<>();
        packages.forEach(pkg -> paths.addAll(pathsByPackage.getOrDefault(pkg, List.of())));
        return paths;
    }

    private boolean sameContent(DrlPackages before, String path) {
        byte[] old = before.files.contents().get(path);
        return old != null && Arrays.equals(old, files.contents().get(path));
    }

    /** The declared package; a file without one is in Drools' default package. */
    private static String packageOf(String drl) {
        Matcher m = PACKAGE.matcher(drl);
        return m.find() ? m.group(1) : "defaultpkg";
    }
}
