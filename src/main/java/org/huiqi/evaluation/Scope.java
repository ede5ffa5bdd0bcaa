package org.huiqi.evaluation;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.huiqi.rules.Measure;
import org.huiqi.rules.RuleSet;

/**
 * The measures whose rules an evaluation runs. A caller that reads only some measures' results (a
 * scenario reads the measures its {@code expect} names) need not pay for the whole catalog: the
 * scenario gate runs every scenario, and a catalog of N copies has N times the scenarios, so
 * evaluating each against the whole catalog is quadratic.
 *
 * <p>An observed measure's result is exactly what a whole-catalog evaluation gives, because the
 * scope holds everything that result is made from: the measure's own rule file (a file's rules may
 * match each other's outcomes), its conflict partners (the conflict advice compares their results),
 * and every measure another rule file names other than as a conflict, with their files (a rule may
 * match their outcomes). Other measures' results are missing or incomplete: never show them.
 */
public final class Scope {
    private static final Scope ALL = new Scope(null);

    private final Set<String> measures;

    private Scope(Set<String> measures) {
        this.measures = measures;
    }

    /** The whole catalog: what every answer the service gives is evaluated with. */
    public static Scope all() {
        return ALL;
    }

    /** Enough to give the results of {@code observed} (measure ids) exactly; ids not in the rule set are ignored. */
    public static Scope observing(RuleSet ruleSet, Collection<String> observed) {
        Set<String> needed = new HashSet<>(ruleSet.rules().referencedElsewhere());
        for (String id : observed) {
            Measure measure = ruleSet.measures().get(id);
            if (measure == null) continue;
            needed.add(id);
            needed.addAll(measure.conflicts());
        }
        Set<String> files = new HashSet<>();
        for (String id : needed) {
            Measure measure = ruleSet.measures().get(id);
            if (measure != null) files.add(measure.file());
        }
        Set<String> measures = new HashSet<>();
        for (Measure measure : ruleSet.measures().values()) {
            if (files.contains(measure.file())) measures.add(measure.id());
        }
        return new Scope(measures);
    }

    /** True when any of {@code ids} (measure ids) is evaluated in this scope. */
    public boolean includesAny(Collection<String> ids) {
        return measures == null ? !ids.isEmpty() : ids.stream().anyMatch(measures::contains);
    }

    /** Adds to {@code skipped} the ids outside this scope. */
    void skipOthers(Collection<String> ids, Set<String> skipped) {
        if (measures == null) return;
        for (String id : ids) {
            if (!measures.contains(id)) skipped.add(id);
        }
    }
}
