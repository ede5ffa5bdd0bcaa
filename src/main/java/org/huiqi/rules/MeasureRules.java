package org.huiqi.rules;

import java.util.Collections;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.huiqi.evaluation.RuleName;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * What evaluation needs to know about the compiled rules, worked out once per build: which
 * measure each rule belongs to, which measures may be left out of an evaluation that cannot use
 * them, and (filled as regions are asked for) which measures lie outside a region.
 */
public final class MeasureRules {
    /** Region codes remembered per rule set; GB/T 2260 has about 3,200, so this is never reached in use. */
    private static final int MAX_REGIONS = 10_000;
    private static final Pattern QUOTED = Pattern.compile("\"([A-Za-z0-9][A-Za-z0-9._-]*)\"");
    private static final Pattern CONFLICTS = Pattern.compile("@conflicts\\s*\\([^)]*\\)");

    private final Map<String, String> measureOfRule;
    private final Set<String> entangled;
    private final Set<String> referenced;
    private final Map<String, Set<String>> measuresOfGroup;
    private final Map<String, Set<String>> measuresOfPackage;
    /** Packages with a rule outside the package's own agenda group: it may fire whatever the focus. */
    private final Set<String> alwaysFed;
    private final Map<String, Set<String>> outsideRegion = new ConcurrentHashMap<>();
    private final Map<String, Plan> plans = new ConcurrentHashMap<>();
    /** What the rule set this one was built from knew, when an edit changed only {@link #rebuilt}'s rules; else empty. */
    private final Map<String, Set<String>> outsideBefore;
    private final Set<String> rebuilt;

    private MeasureRules(Map<String, String> measureOfRule, Set<String> entangled, Set<String> referenced,
                         Map<String, Set<String>> measuresOfGroup, Map<String, Set<String>> measuresOfPackage,
                         Set<String> alwaysFed, Map<String, Set<String>> outsideBefore, Set<String> rebuilt) {
        this.measureOfRule = measureOfRule;
        this.entangled = entangled;
        this.referenced = referenced;
        this.measuresOfGroup = measuresOfGroup;
        this.measuresOfPackage = measuresOfPackage;
        this.alwaysFed = alwaysFed;
        this.outsideBefore = outsideBefore;
        this.rebuilt = rebuilt;
    }

    /**
     * The index of a rule set. {@code before} is the serving rule set's index when an edit changed
     * nothing but the rules of the {@code rebuilt} measures (no table, no reference data): what it
     * learnt about the other measures still holds. Otherwise null.
     */
    static MeasureRules of(KieBase kieBase, Map<String, Measure> measures, RuleFiles files, MeasureRules before, Set<String> rebuilt) {
        Map<String, String> measureOfRule = new HashMap<>();
        Map<String, Set<String>> measuresOfGroup = new HashMap<>();
        Map<String, Set<String>> measuresOfPackage = new HashMap<>();
        Set<String> alwaysFed = new HashSet<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                String measureId = RuleName.of(rule.getName()).measureId();
                measureOfRule.put(rule.getName(), measureId);
                measuresOfPackage.computeIfAbsent(pkg.getName(), p -> new HashSet<>()).add(measureId);
                RuleImpl impl = (RuleImpl) rule;
                if (!impl.isMainAgendaGroup()) measuresOfGroup.computeIfAbsent(impl.getAgendaGroup(), g -> new HashSet<>()).add(measureId);
                if (!impl.getAgendaGroup().equals(pkg.getName()) || impl.getAutoFocus()) alwaysFed.add(pkg.getName());
            }
        }
        // A measure another measure's rule file names (a conflict, a rule matching its outcomes) must
        // always be evaluated: leaving it out could change the other measure's result.
        Set<String> entangled = new HashSet<>();
        for (Measure measure : measures.values()) {
            if (!measure.conflicts().isEmpty()) {
                entangled.add(measure.id());
                entangled.addAll(measure.conflicts());
            }
        }
        // A conflict is only read from results, after the rules ran; any other mention may be a rule matching its facts.
        Set<String> referenced = new HashSet<>();
        for (String path : files.withSuffix(".drl")) {
            Matcher quoted = QUOTED.matcher(CONFLICTS.matcher(files.text(path)).replaceAll(""));
            while (quoted.find()) {
                Measure named = measures.get(quoted.group(1));
                if (named != null && !named.file().equals(path)) referenced.add(named.id());
            }
        }
        entangled.addAll(referenced);
        // A HashMap, not Map.copyOf: the agenda filter looks up every rule that matches, out-of-scope ones included, and
        // Map.copyOf's look-up was the hottest frame of a 1,040-measure scenario gate (a HashMap compares hashes first).
        return new MeasureRules(Collections.unmodifiableMap(measureOfRule), Set.copyOf(entangled), Set.copyOf(referenced),
                Map.copyOf(measuresOfGroup), Map.copyOf(measuresOfPackage), Set.copyOf(alwaysFed), before == null ? Map.of() : before.outsideRegion, Set.copyOf(rebuilt));
    }

    /**
     * The agenda groups an evaluation must give the focus: every group holding a measure it does
     * not skip. The rules of the others are never evaluated; the main group always fires.
     */
    public List<String> groupsToFocus(Set<String> skipped) {
        return needed(measuresOfGroup, Set.of(), skipped);
    }

    /**
     * The packages whose rules an evaluation must give the facts it starts from
     * ({@link PackageEntryPoints}): every package holding a measure it does not skip, and every
     * package with a rule that may fire whatever the focus. The others' rules never see them.
     */
    public List<String> packagesToFeed(Set<String> skipped) {
        return needed(measuresOfPackage, alwaysFed, skipped);
    }

    /** The keys of {@code measuresOf} holding a measure not skipped, and those in {@code always}. */
    private static List<String> needed(Map<String, Set<String>> measuresOf, Set<String> always, Set<String> skipped) {
        List<String> needed = new ArrayList<>(measuresOf.size());
        measuresOf.forEach((key, measures) -> {
            if (always.contains(key) || skipped.isEmpty() || !skipped.containsAll(measures)) needed.add(key);
        });
        return needed;
    }

    /**
     * What an evaluation runs: the measures it skips, and the packages it feeds and focuses. At
     * 1,000 measures working this out takes a set of about a thousand ids and a pass over every
     * package, the same for every profile of one date and place.
     */
    public record Plan(Set<String> skipped, List<String> packagesToFeed, List<String> groupsToFocus) {
    }

    /** The plan for {@code skipped}, worked out now. */
    public Plan plan(Set<String> skipped) {
        return new Plan(skipped, packagesToFeed(skipped), groupsToFocus(skipped));
    }

    /**
     * The plan of every evaluation that {@code key} describes (its date, place and projects' places),
     * worked out once per key and rule set; {@code skipped} computes the measures to skip.
     */
    public Plan plan(String key, Supplier<Set<String>> skipped) {
        Plan known = plans.get(key);
        if (known != null) return known;
        // A HashSet, not Set.copyOf: the agenda filter asks it about every rule that matches.
        Plan plan = plan(Collections.unmodifiableSet(new HashSet<>(skipped.get())));
        if (plans.size() < MAX_REGIONS) plans.putIfAbsent(key, plan);
        return plan;
    }

    /** Rule name to measure id, for every rule of the rule set. */
    public Map<String, String> measureOfRule() {
        return measureOfRule;
    }

    /** True when the measure may be left out of an evaluation whose results cannot include it. */
    public boolean separable(String measureId) {
        return !entangled.contains(measureId);
    }

    /**
     * Measures named in another measure's rule file other than as a conflict: that file's rules may
     * match their facts, so no evaluation that runs those rules may leave them out.
     */
    public Set<String> referencedElsewhere() {
        return referenced;
    }

    /**
     * The separable measures placed outside {@code regionCode}, computed once per region and rule
     * set: {@code compute} is given the region and the measures to judge (null: all of them). After
     * an edit, a region the serving rule set had judged is judged again for the rebuilt measures
     * only; judging the whole catalog on a new KieBase costs over a second at 1,040 measures, and
     * every region that a scenario of the gate or a request names would pay it.
     */
    public Set<String> outside(String regionCode, BiFunction<String, Set<String>, Set<String>> compute) {
        Set<String> known = outsideRegion.get(regionCode);
        if (known != null) return known;
        Set<String> earlier = outsideBefore.get(regionCode);
        Set<String> computed;
        if (earlier == null) {
            computed = Set.copyOf(compute.apply(regionCode, null));
        } else {
            Set<String> merged = new HashSet<>(compute.apply(regionCode, rebuilt));
            earlier.stream().filter(id -> !rebuilt.contains(id) && separable(id)).forEach(merged::add);
            computed = Set.copyOf(merged);
        }
        if (outsideRegion.size() < MAX_REGIONS) outsideRegion.putIfAbsent(regionCode, computed);
        return computed;
    }
}
