package org.huiqi.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.huiqi.evaluation.facts.Enterprise;
import org.huiqi.evaluation.facts.Project;
import org.huiqi.profile.Profile;
import org.huiqi.profile.ProfileJson;
import org.huiqi.rules.Measure;
import org.huiqi.rules.MeasureRules;
import org.huiqi.rules.PackageEntryPoints;
import org.huiqi.rules.RuleSet;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.EntryPoint;

/**
 * Runs one profile through a built rule set: the enterprise and its projects go in as facts,
 * criterion outcomes and amounts come out, and {@link ResultAssembler} turns them into results.
 * One session per call, from the rule set's cached KieBase; nothing is compiled here.
 *
 * <p>The work follows the measures that can appear in the answer: rules of measures not in force,
 * and (unless explain=all) of measures whose region criterion fails for the enterprise's region
 * code, do not fire. Which measures lie outside a region is worked out once per region and rule
 * set, by the rules' own region criteria; a profile without a region code, or a code that does
 * not decide a measure's region (a province for a city measure), leaves every measure in.
 */
public final class Evaluator {
    private static final ObjectMapper PLACE_ONLY = ProfileJson.configure(new ObjectMapper());

    private final EvaluationLimits limits;

    public Evaluator(EvaluationLimits limits) {
        this.limits = limits;
    }

    public Evaluation evaluate(RuleSet ruleSet, LocalDate asOf, Profile profile, boolean explainAll) {
        return evaluate(ruleSet, asOf, profile, explainAll, Scope.all());
    }

    /**
     * Like the whole-catalog evaluation, running only the rules of the measures in {@code scope}:
     * the results of the measures it was made to observe are the same, the rest are left out or
     * incomplete. For callers that read a few named results (scenarios), never for an answer.
     */
    public Evaluation evaluate(RuleSet ruleSet, LocalDate asOf, Profile profile, boolean explainAll, Scope scope) {
        MeasureRules.Plan plan = ruleSet.rules().plan(planKey(asOf, profile, explainAll), () -> skipped(ruleSet, asOf, profile, explainAll));
        if (scope != Scope.all()) {
            Set<String> skipped = new HashSet<>(plan.skipped());
            scope.skipOthers(ruleSet.measures().keySet(), skipped);
            plan = ruleSet.rules().plan(skipped);
        }
        Facts facts = run(ruleSet, asOf, profile, plan);
        List<MeasureResult> results = new ResultAssembler(ruleSet, asOf, explainAll).assemble(facts);
        return new Evaluation(Ulid.next(), asOf, new Evaluation.RuleSetRef(ruleSet.version(), ruleSet.loadedAt()), results,
                NotInForce.list(ruleSet, asOf, facts), ProjectPlaces.of(profile, ruleSet.places()), HeldTitle.of(profile, asOf));
    }

    /** What the rules concluded about one profile, before it is turned into results. */
    public record Facts(List<CriterionOutcome> outcomes, List<BenefitAmount> amounts, List<Project> projects,
                        boolean projectsKnown, Set<String> skipped, List<RuleFault> faults) {
    }

    Facts run(RuleSet ruleSet, LocalDate asOf, Profile profile, Set<String> skipped) {
        return run(ruleSet, asOf, profile, ruleSet.rules().plan(skipped));
    }

    /**
     * What decides the measures skipped: the date, the region code and the places of the projects
     * (each listed project's region, else the enterprise's; none listed: presumed local, or anywhere).
     */
    private static String planKey(LocalDate asOf, Profile profile, boolean explainAll) {
        if (explainAll) return asOf + " all";
        StringBuilder key = new StringBuilder().append(asOf).append(' ').append(profile.regionCode());
        if (profile.projects() == null) return key.append(Boolean.TRUE.equals(profile.projectsElsewhere()) ? " anywhere" : " local").toString();
        key.append(" projects");
        profile.projects().stream().map(p -> p.regionCode() != null ? p.regionCode() : profile.regionCode())
                .distinct().sorted(Comparator.nullsFirst(Comparator.naturalOrder())).forEach(code -> key.append(' ').append(code));
        return key.toString();
    }

    Facts run(RuleSet ruleSet, LocalDate asOf, Profile profile, MeasureRules.Plan plan) {
        try {
            return run(ruleSet, asOf, profile, plan, null, limits.firingsPerRuleAndFact());
        } catch (RuleFiringLimitException.TooManyFirings e) {
            // Every rule matching what a runaway rule changes fires as often as it does: run again
            // watching who changes facts, to name the rule that needs fixing. Only ever on failure, and
            // with a small cap: a few rounds of the loop show who drives it.
            Culprit culprit = new Culprit();
            try {
                run(ruleSet, asOf, profile, plan, culprit, 2);
            } catch (RuleFiringLimitException.TooManyFirings again) {
                throw RuleFiringLimitException.firings(culprit.name().orElse(again.ruleName()), e.limit());
            }
            throw e;
        }
    }

    private Facts run(RuleSet ruleSet, LocalDate asOf, Profile profile, MeasureRules.Plan plan, Culprit culprit,
                      int firingsPerRuleAndFact) {
        Set<String> skipped = plan.skipped();
        Enterprise enterprise = new Enterprise(profile, asOf, ruleSet.places());
        List<Project> projects = enterprise.projects();
        KieSession session = ruleSet.kieBase().newKieSession();
        try {
            if (culprit != null) session.addEventListener(culprit);
            List<Object> starting = new ArrayList<>(projects.size() + 3);
            starting.add(enterprise);
            starting.add(ruleSet.tables());
            starting.addAll(projects);
            if (profile.projects() == null) starting.add(Project.unlisted(enterprise, ruleSet.places()));
            // Each package's rules see these facts through its own entry point: the rules of packages
            // not given them are never matched, let alone evaluated.
            for (String pkg : plan.packagesToFeed()) {
                EntryPoint entryPoint = session.getEntryPoint(PackageEntryPoints.of(pkg));
                if (entryPoint != null) starting.forEach(entryPoint::insert);
            }
            // Only the packages holding measures this evaluation needs get the focus: Drools never
            // evaluates the rules of the others (the agenda filter below still refuses single measures).
            for (String group : plan.groupsToFocus()) session.getAgenda().getAgendaGroup(group).setFocus();
            int facts = 2 + Math.max(projects.size(), 1);
            FiringGuard guard = new FiringGuard(ruleSet.rules().measureOfRule(), skipped,
                    // A cap configured near the int range must not overflow (and fail every evaluation): it saturates.
                    (int) Math.min(Integer.MAX_VALUE, (long) firingsPerRuleAndFact * facts), limits.deadline().toNanos());
            session.fireAllRules(guard);
            guard.check();
            List<CriterionOutcome> outcomes = new ArrayList<>();
            List<BenefitAmount> amounts = new ArrayList<>();
            List<RuleFault> faults = new ArrayList<>(0);
            for (Object fact : session.getObjects()) {
                if (fact instanceof CriterionOutcome outcome) outcomes.add(outcome);
                else if (fact instanceof BenefitAmount amount) amounts.add(amount);
                else if (fact instanceof RuleFault fault) faults.add(fault);
            }
            return new Facts(outcomes, amounts, projects, profile.projects() != null, skipped, faults);
        } finally {
            session.dispose();
        }
    }

    /** Counts, per rule, the facts its consequences changed: a runaway is the rule that keeps changing what rules match. */
    private static final class Culprit implements RuleRuntimeEventListener {
        private final Map<String, Integer> changes = new HashMap<>();

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            if (event.getRule() != null) changes.merge(event.getRule().getName(), 1, Integer::sum);
        }

        @Override
        public void objectUpdated(ObjectUpdatedEvent event) {
            if (event.getRule() != null) changes.merge(event.getRule().getName(), 1, Integer::sum);
        }

        @Override
        public void objectDeleted(ObjectDeletedEvent event) {
            if (event.getRule() != null) changes.merge(event.getRule().getName(), 1, Integer::sum);
        }

        Optional<String> name() {
            return changes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
        }
    }

    /** Measures whose rules need not fire: their results could not be in this evaluation's answer. */
    Set<String> skipped(RuleSet ruleSet, LocalDate asOf, Profile profile, boolean explainAll) {
        MeasureRules rules = ruleSet.rules();
        Set<String> skipped = new HashSet<>();
        for (Measure measure : ruleSet.measures().values()) {
            // Out of force, and not recent or coming enough to be listed apart (whose region must be judged).
            if (!measure.inForceOn(asOf) && NotInForce.phase(measure, asOf) == null && rules.separable(measure.id())) {
                skipped.add(measure.id());
            }
        }
        if (explainAll) return skipped;
        String region = profile.regionCode();
        Set<String> here = region == null ? Set.of() : outside(ruleSet, asOf, region);
        Set<String> projectPlaces = projectPlaces(profile);
        if (region != null && projectPlaces != null && projectPlaces.size() == 1 && projectPlaces.contains(region)) {
            // No projects listed, presumed local (or all listed at home): the common case, one set.
            skipped.addAll(here);
            return skipped;
        }
        for (String id : here) {
            if (!ruleSet.measures().get(id).perProject()) skipped.add(id);
        }
        if (projectPlaces != null) skipped.addAll(projectMeasuresOutside(ruleSet, asOf, projectPlaces));
        return skipped;
    }

    /**
     * Where the profile's projects are: each listed project's region (the enterprise's when it gives
     * none), or, when none are listed and the enterprise does not say it has projects elsewhere, the
     * enterprise's own place (presumed local; the answer says so). Null when that cannot be told.
     */
    private static Set<String> projectPlaces(Profile profile) {
        if (profile.projects() == null) {
            return Boolean.TRUE.equals(profile.projectsElsewhere()) || profile.regionCode() == null ? null : Set.of(profile.regionCode());
        }
        Set<String> places = new HashSet<>();
        for (var project : profile.projects()) {
            String place = project.regionCode() != null ? project.regionCode() : profile.regionCode();
            if (place == null) return null;
            places.add(place);
        }
        return places;
    }

    /** The per-project measures placed outside every one of {@code places} (all of them, for a profile listing no project). */
    private Set<String> projectMeasuresOutside(RuleSet ruleSet, LocalDate asOf, Set<String> places) {
        Set<String> outside = null;
        for (String place : places) {
            Set<String> there = outside(ruleSet, asOf, place);
            if (outside == null) {
                outside = new HashSet<>();
                for (String id : there) if (ruleSet.measures().get(id).perProject()) outside.add(id);
            } else {
                outside.retainAll(there);
            }
        }
        if (outside != null) return outside;
        Set<String> all = new HashSet<>();
        for (Measure measure : ruleSet.measures().values()) {
            if (measure.perProject() && ruleSet.rules().separable(measure.id())) all.add(measure.id());
        }
        return all;
    }

    /** The separable measures placed outside {@code regionCode}, judged once per region and rule set. */
    private Set<String> outside(RuleSet ruleSet, LocalDate asOf, String regionCode) {
        return ruleSet.rules().outside(regionCode, (code, only) -> outside(ruleSet, asOf, code, only));
    }

    /**
     * The measures whose region criterion, judged on nothing but the region code, is NOT_MET: their
     * rules read no other field for it (the criterion's fields say so), so any profile with this code
     * gets the same NOT_MET, and the default answer hides them anyway. A per-project measure is
     * judged through the stand-in project of a profile listing none, which is at the enterprise's
     * place: it is outside the places of the projects, not necessarily of the enterprise.
     * {@code only} (null: every measure) limits the judging to some measures, in their {@link Scope}.
     */
    private Set<String> outside(RuleSet ruleSet, LocalDate asOf, String regionCode, Set<String> only) {
        Profile placeOnly = PLACE_ONLY.convertValue(Map.of("regionCode", regionCode), Profile.class);
        Set<String> outside = new HashSet<>();
        Set<String> skipped = new HashSet<>();
        if (only != null) Scope.observing(ruleSet, only).skipOthers(ruleSet.measures().keySet(), skipped);
        for (CriterionOutcome outcome : run(ruleSet, asOf, placeOnly, skipped).outcomes()) {
            if (only != null && !only.contains(outcome.measureId())) continue;
            Measure measure = ruleSet.measures().get(outcome.measureId());
            if (measure != null && outcome.projectId() == null
                    && ResultAssembler.REGION.equals(outcome.criterionId()) && outcome.outcome() == Outcome.NOT_MET
                    && outcome.check().fields().equals(List.of("regionCode")) && ruleSet.rules().separable(measure.id())) {
                outside.add(measure.id());
            }
        }
        return outside;
    }
}
