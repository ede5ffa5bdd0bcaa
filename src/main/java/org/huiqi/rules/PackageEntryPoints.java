package org.huiqi.rules;

import java.util.Set;
import org.drools.base.base.ClassObjectType;
import org.drools.base.base.ObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.EntryPointId;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.huiqi.evaluation.facts.Enterprise;
import org.huiqi.evaluation.facts.Project;
import org.huiqi.evaluation.facts.Tables;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Gives each DRL package an entry point of its own for the facts an evaluation starts from (the
 * enterprise, its projects, the tables), so that inserting the enterprise reaches only the rules
 * of the packages it is given to. Drools matches a rule with one condition as soon as a fact is
 * inserted, whether or not its agenda group will ever have the focus: one enterprise inserted in
 * the whole session linked and queued every rule of the catalog (a third of the scenario gate at
 * 1,040 measures). Conclusions ({@code CriterionOutcome},
 * {@code BenefitAmount}) stay where rules insert them, the session's default entry point, so a
 * rule reading another's conclusions sees them all, as before. A pattern a staff member gave a
 * source of their own ({@code from}, {@code entry-point}) keeps it.
 */
public final class PackageEntryPoints {
    private static final String PREFIX = "package:";
    private static final Set<ObjectType> STARTING_FACTS = Set.of(new ClassObjectType(Enterprise.class),
            new ClassObjectType(Project.class), new ClassObjectType(Tables.class));

    private PackageEntryPoints() {
    }

    /** The entry point through which a package's rules see the facts an evaluation starts from. */
    public static String of(String packageName) {
        return PREFIX + packageName;
    }

    /** Called on a package before it is added to a KieBase, like {@link PackageAgendaGroups}. */
    static void assign(KiePackage pkg) {
        EntryPointId entryPoint = new EntryPointId(of(pkg.getName()));
        for (Rule rule : pkg.getRules()) assign(((RuleImpl) rule).getLhs(), entryPoint);
    }

    private static void assign(RuleConditionElement element, EntryPointId entryPoint) {
        if (element instanceof Pattern pattern && pattern.getSource() == null
                && STARTING_FACTS.contains(pattern.getObjectType())) {
            pattern.setSource(entryPoint);
        }
        for (RuleConditionElement nested : element.getNestedElements()) assign(nested, entryPoint);
    }
}
