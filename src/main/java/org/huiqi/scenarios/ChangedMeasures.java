package org.huiqi.scenarios;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.huiqi.rules.Measure;
import org.huiqi.rules.RuleSet;

/** What an edit changed between the serving rule set and a new build, for choosing the scenarios to re-run. */
final class ChangedMeasures {
    /** Cross-measure scenarios: they run after every edit. */
    static final String CROSS_MEASURE = "scenarios/";

    private final Set<String> files;
    private final Set<String> measures;
    private final boolean everything;

    private ChangedMeasures(Set<String> files, Set<String> measures, boolean everything) {
        this.files = files;
        this.measures = measures;
        this.everything = everything;
    }

    static ChangedMeasures between(RuleSet serving, RuleSet built) {
        Set<String> changed = new TreeSet<>();
        Set<String> paths = new HashSet<>(serving.files().contents().keySet());
        paths.addAll(built.files().contents().keySet());
        for (String path : paths) {
            byte[] before = serving.files().contents().get(path);
            byte[] after = built.files().contents().get(path);
            if (before == null || after == null || !Arrays.equals(before, after)) changed.add(path);
        }
        boolean everything = changed.stream().anyMatch(p -> !p.endsWith(".drl") && !p.endsWith(ScenarioFiles.SUFFIX));
        Set<String> measures = new HashSet<>();
        for (RuleSet ruleSet : List.of(serving, built)) {
            for (Measure measure : ruleSet.measures().values()) {
                if (changed.contains(measure.file())) measures.add(measure.id());
            }
        }
        // A conflict's advice reads the other measure's result: its partners' scenarios can change too.
        for (RuleSet ruleSet : List.of(serving, built)) {
            for (Measure measure : ruleSet.measures().values()) {
                if (measures.contains(measure.id())) measures.addAll(measure.conflicts());
            }
        }
        for (RuleSet ruleSet : List.of(serving, built)) {
            for (Measure measure : ruleSet.measures().values()) {
                if (measure.conflicts().stream().anyMatch(measures::contains)) measures.add(measure.id());
            }
        }
        return new ChangedMeasures(changed, measures, everything);
    }

    List<Scenario> affected(List<Scenario> scenarios) {
        if (everything) return scenarios;
        return scenarios.stream().filter(s -> s.file().startsWith(CROSS_MEASURE) || files.contains(s.file())
                || s.expect().keySet().stream().anyMatch(key -> measures.contains(key.split("@", 2)[0]))).toList();
    }
}
