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
import org.kie.api.event.rule.DefaultAgendaEventListener;
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
        return new Evaluation(Ulid.next(), asOf, new Evaluation.RuleSetRef(ruleSet.version(), ruleSet.loadedAt()), results);
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
        projects.forEach(project -> commands.add(COMMANDS.newInsert(project)));
        if (profile.projects() == null) commands.add(COMMANDS.newInsert(Project.unlisted(enterprise, ruleSet.places())));
        commands.add(COMMANDS.newFireAllRules(maxRuleFirings));
        commands.add(COMMANDS.newGetObjects(fact -> fact instanceof CriterionOutcome || fact instanceof BenefitAmount, "out"));

        StatelessKieSession session = ruleSet.kieBase().newStatelessKieSession();
        FiringCounter counter = new FiringCounter();
        session.addEventListener(counter);
        ExecutionResults results = session.execute(COMMANDS.newBatchExecution(commands));
        if (counter.total >= maxRuleFirings) throw new RuleFiringLimitException(counter.busiest(), maxRuleFirings);

        List<CriterionOutcome> outcomes = new ArrayList<>();
        List<BenefitAmount> amounts = new ArrayList<>();
        for (Object fact : (Collection<?>) results.getValue("out")) {
            if (fact instanceof CriterionOutcome outcome) outcomes.add(outcome);
            else amounts.add((BenefitAmount) fact);
        }
        return new Facts(outcomes, amounts, projects, profile.projects() != null);
    }

    /** Counts firings per rule so a runaway rule can be named. */
    private static final class FiringCounter extends DefaultAgendaEventListener {
        private final Map<String, Integer> perRule = new HashMap<>();
        private int total;

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            total++;
            perRule.merge(event.getMatch().getRule().getName(), 1, Integer::sum);
        }

        String busiest() {
            return perRule.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("?");
        }
    }
}
