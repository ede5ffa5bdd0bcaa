package org.huiqi.evaluation;

import java.math.BigDecimal;
import org.huiqi.evaluation.facts.Project;
import org.drools.core.rule.consequence.KnowledgeHelper;

/**
 * What a rule's consequence calls to record a conclusion. The measure and criterion ids come
 * from the rule's name, {@code "MEASURE-ID / criterion-id"}, so a rule file never repeats them.
 */
public final class Decisions {
    private Decisions() {
    }

    /** Records the outcome of this rule's criterion for the enterprise. */
    public static void decide(KnowledgeHelper drools, Check check) {
        RuleName name = RuleName.of(drools.getRule().getName());
        drools.insert(new CriterionOutcome(name.measureId(), name.criterionId(), null, check));
    }

    /** Records the outcome of this rule's criterion for one project. */
    public static void decide(KnowledgeHelper drools, Project project, Check check) {
        RuleName name = RuleName.of(drools.getRule().getName());
        drools.insert(new CriterionOutcome(name.measureId(), name.criterionId(), project.id(), check));
    }

    /** Records the benefit amount (万元) of this rule's measure. */
    public static void award(KnowledgeHelper drools, Num amount) {
        award(drools, null, amount, null);
    }

    /** Records the benefit amount (万元), limited to {@code cap}. */
    public static void award(KnowledgeHelper drools, Num amount, Number cap) {
        award(drools, null, amount, cap);
    }

    /** Records the benefit amount (万元) for one project, limited to {@code cap} when given. */
    public static void award(KnowledgeHelper drools, Project project, Num amount, Number cap) {
        RuleName name = RuleName.of(drools.getRule().getName());
        Num capped = cap == null ? amount : amount.atMost(cap);
        BigDecimal capValue = cap == null ? null : Num.toDecimal(cap);
        drools.insert(new BenefitAmount(name.measureId(), project == null ? null : project.id(), capped, capValue));
    }
}
