package org.huiqi.scenarios;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.huiqi.evaluation.Scope;
import org.huiqi.rules.DrlPackages;
import org.huiqi.rules.Measure;
import org.huiqi.rules.RuleFiles;
import org.huiqi.rules.RuleSet;

/** What an edit changed between the serving rule set and a new build, for choosing the scenarios to re-run. */
final class ChangedMeasures {
    /** Cross-measure scenarios: they run after every edit that changes a measure they can observe. */
    static final String CROSS_MEASURE = "scenarios/";

    private final Set<String> files;
    private final Set<String> measures;
    private final boolean everything;
    private final RuleSet serving;
    private final RuleSet built;

    private ChangedMeasures(Set<String> files, Set<String> measures, boolean everything, RuleSet serving, RuleSet built) {
        this.files = files;
        this.measures = measures;
        this.everything = everything;
        this.serving = serving;
        this.built = built;
    }

    static ChangedMeasures between(RuleSet serving, RuleSet built) {
        Set<String> changed = built.files().changedSince(serving.files());
        boolean everything = !RuleFiles.onlyRulesOrScenarios(changed);
        Set<String> measures = new HashSet<>(DrlPackages.measuresOfChangedPackages(serving, built));
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
        return new ChangedMeasures(changed, measures, everything, serving, built);
    }

    /**
     * The scenario files that can hold a scenario the edit affects: the changed ones, the
     * cross-measure ones, and those whose text names a changed measure. The others were read and
     * checked when the serving rule set was, and their checks depend only on what they name.
     * Reading every file was most of the gate at 1,040 measures (8,720 scenarios).
     */
    List<String> scenarioFiles() {
        List<String> all = built.files().withSuffix(ScenarioFiles.SUFFIX);
        if (everything) return all;
        return all.stream().filter(path -> files.contains(path) || path.startsWith(CROSS_MEASURE)
                || measures.stream().anyMatch(built.files().text(path)::contains)).toList();
    }

    /**
     * The scenarios whose outcome the edit can change. A scenario is evaluated in the {@link Scope}
     * of the measures it names, and the rules of measures outside it never fire: a cross-measure
     * scenario whose scope, before or after the edit, holds no changed measure gives the same
     * outcome as before, and is not run again. At 1,040 measures that is most of them.
     */
    List<Scenario> affected(List<Scenario> scenarios) {
        if (everything) return scenarios;
        return scenarios.stream().filter(s -> files.contains(s.file())
                || s.expect().keySet().stream().anyMatch(key -> measures.contains(key.split("@", 2)[0]))
                || s.file().startsWith(CROSS_MEASURE) && observesAChange(s)).toList();
    }

    /** What the smoke sweep evaluates after this edit: every measure when anything but rules changed, else the changed ones (null: none). */
    Scope sweepScope() {
        if (everything) return Scope.all();
        List<String> present = measures.stream().filter(built.measures()::containsKey).toList();
        return present.isEmpty() ? null : Scope.observing(built, present);
    }

    private boolean observesAChange(Scenario scenario) {
        Set<String> named = ScenarioRunner.named(scenario);
        return Scope.observing(built, named).includesAny(measures) || Scope.observing(serving, named).includesAny(measures);
    }
}
