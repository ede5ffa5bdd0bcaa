package org.huiqi.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huiqi.evaluation.facts.Enterprise;
import org.huiqi.evaluation.facts.Project;
import org.huiqi.profile.Profile;
import org.huiqi.rules.RuleSet;
import org.kie.api.command.Command;
import org.kie.api.command.KieCommands;
import org.kie.api.KieServices;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.ExecutionResults;
import org.kie.api.runtime.StatelessKieSession;

/**
 * Runs one profile through a built rule set: the enterprise and its projects go in as facts,
 * criterion outcomes and amounts come out, and {@link ResultAssembler} turns them into results.
 * One stateless session per call, from the rule set's cached KieBase; nothing is compiled here.
 */
public final class Evaluator {
    private static final KieCommands COMMANDS = KieServices.Factory.get().getCommands();

    private final int maxRuleFirings;

    public Evaluator(int maxRuleFirings) {
        this.maxRuleFirings = maxRuleFirings;
    }

    public Evaluation evaluate(RuleSet ruleSet, LocalDate asOf, Profile profile, boolean explainAll) {
        Facts facts = run(ruleSet, asOf, profile);
        List<MeasureResult> results = new ResultAssembler(ruleSet, asOf, explainAll)
                .assemble(facts);
        return new Evaluation(Ulid.next(), asOf, new Evaluation.RuleSetRef(ruleSet.version(), ruleSet.loadedAt()), results,
                NotInForce.list(ruleSet, asOf, facts));
    }

    /** What the rules concluded about one profile, before it is turned into results. */
    public record Facts(List<CriterionOutcome> outcomes, List<BenefitAmount> amounts, List<Project> projects,
                        boolean projectsKnown) {
    }

    public Facts run(RuleSet ruleSet, LocalDate asOf, Profile profile) {
        Enterprise enterprise = new Enterprise(profile, asOf, ruleSet.places());
        List<Project> projects = enterprise.projects();
        List<Command<?>> commands = new ArrayList<>();
        commands.add(COMMANDS.newInsert(enterprise));
        commands.add(COMMANDS.newInsert(ruleSet.tables()));
        projects.forEach(project -> commands.add(COMMANDS.newInsert(project)));
        if (profile.projects() == null) commands.add(COMMANDS.newInsert(Project.unlisted(enterprise, ruleSet.places())));
        commands.add(COMMANDS.newFireAllRules(maxRuleFirings));
        commands.add(COMMANDS.newGetObjects(fact -> fact instanceof CriterionOutcome || fact instanceof BenefitAmount, "out"));

        StatelessKieSession session = ruleSet.kieBase().newStatelessKieSession();
        RunawayDetector detector = new RunawayDetector();
        session.addEventListener((AgendaEventListener) detector);
        session.addEventListener((RuleRuntimeEventListener) detector);
        ExecutionResults results = session.execute(COMMANDS.newBatchExecution(commands));
        if (detector.firings >= maxRuleFirings) throw new RuleFiringLimitException(detector.culprit(), maxRuleFirings);

        List<CriterionOutcome> outcomes = new ArrayList<>();
        List<BenefitAmount> amounts = new ArrayList<>();
        for (Object fact : (Collection<?>) results.getValue("out")) {
            if (fact instanceof CriterionOutcome outcome) outcomes.add(outcome);
            else amounts.add((BenefitAmount) fact);
        }
        return new Facts(outcomes, amounts, projects, profile.projects() != null);
    }

    /**
     * Counts firings, and what each rule's consequence changed: a runaway is almost always a rule
     * that updates (or inserts) what other rules match, so the rule with most changes is named.
     */
    private static final class RunawayDetector extends DefaultAgendaEventListener implements RuleRuntimeEventListener {
        private final Map<String, Integer> updates = new HashMap<>();
        private final Map<String, Integer> inserts = new HashMap<>();
        private final Map<String, Integer> fired = new HashMap<>();
        private int firings;

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            firings++;
            fired.merge(event.getMatch().getRule().getName(), 1, Integer::sum);
        }

        @Override
        public void objectUpdated(ObjectUpdatedEvent event) {
            if (event.getRule() != null) updates.merge(event.getRule().getName(), 1, Integer::sum);
        }

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            if (event.getRule() != null) inserts.merge(event.getRule().getName(), 1, Integer::sum);
        }

        @Override
        public void objectDeleted(ObjectDeletedEvent event) {
            if (event.getRule() != null) updates.merge(event.getRule().getName(), 1, Integer::sum);
        }

        String culprit() {
            for (Map<String, Integer> counts : List.of(updates, inserts, fired)) {
                var top = counts.entrySet().stream().max(Map.Entry.comparingByValue());
                if (top.isPresent()) return top.get().getKey();
            }
            return "?";
        }
    }
}
