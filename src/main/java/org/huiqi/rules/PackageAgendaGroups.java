package org.huiqi.rules;

import java.util.Set;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Puts the rules of each DRL package in an agenda group named after the package, so that an
 * evaluation gives the focus only to the packages holding measures it needs. Phreak evaluates a
 * rule only when its group has the focus: the rules of other packages are never evaluated at all,
 * where an agenda filter could only refuse them one by one after evaluating them.
 *
 * <p>Packages whose rules match other rules' conclusions ({@code CriterionOutcome},
 * {@code BenefitAmount}) stay in the main group, which always fires last: they see every
 * conclusion, as before. Rules a staff member gave a group, a rule-flow group or auto-focus of
 * their own keep them.
 */
final class PackageAgendaGroups {
    private PackageAgendaGroups() {
    }

    /** Called on a package before it is added to a KieBase, which reads the groups as it takes it in. */
    static void assign(KiePackage pkg, Set<String> readingConclusions) {
        if (readingConclusions.contains(pkg.getName())) return;
        for (Rule rule : pkg.getRules()) {
            RuleImpl impl = (RuleImpl) rule;
            boolean ownGroup = !impl.isMainAgendaGroup() || impl.getAutoFocus()
                    || (impl.getRuleFlowGroup() != null && !impl.getRuleFlowGroup().isEmpty());
            if (!ownGroup) impl.setAgendaGroup(pkg.getName());
        }
    }
}
