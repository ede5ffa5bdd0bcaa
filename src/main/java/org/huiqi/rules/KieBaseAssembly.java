package org.huiqi.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.base.definitions.impl.KnowledgePackageImpl;
import org.drools.base.util.CloneUtil;
import org.drools.core.impl.InternalRuleBase;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.huiqi.evaluation.RuleFaults;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;

/**
 * A new KieBase made of compiled packages: the rebuilt ones of an edit and copies of every other
 * package of the serving KieBase. The serving KieBase is never changed (a rule set is immutable while evaluations use it): each
 * package is deep-copied, the way Drools itself copies a package that a second KieBase takes in,
 * so the new KieBase shares no rule or node with the old one. A copied rule keeps its agenda group
 * ({@link PackageAgendaGroups}), set when its package was compiled.
 */
final class KieBaseAssembly {
    private KieBaseAssembly() {
    }

    /**
     * @param serving  the KieBase serving now, left untouched
     * @param rebuilt  the changed packages, just compiled on their own (null when packages were only removed)
     * @param replaced the packages taken from {@code rebuilt} or removed: none of them is copied from {@code serving}
     */
    static KieBase assemble(KieBase serving, KieBase rebuilt, Set<String> replaced) {
        ClassLoader parent = ((InternalRuleBase) serving).getRootClassLoader().getParent();
        InternalKnowledgeBase assembled = KnowledgeBaseFactory.newKnowledgeBase(
                RuleFaults.install(KieServices.Factory.get().newKieBaseConfiguration(null, parent)));
        ClassLoader loader = assembled.getRootClassLoader();
        List<KiePackage> packages = new ArrayList<>();
        for (KiePackage pkg : serving.getKiePackages()) {
            if (!replaced.contains(pkg.getName())) packages.add(copy(pkg, loader));
        }
        if (rebuilt != null) {
            for (KiePackage pkg : rebuilt.getKiePackages()) {
                if (replaced.contains(pkg.getName())) packages.add(copy(pkg, loader));
            }
        }
        assembled.addPackages(packages);
        return assembled;
    }

    private static KiePackage copy(KiePackage pkg, ClassLoader loader) {
        KnowledgePackageImpl copy = CloneUtil.deepClone((KnowledgePackageImpl) pkg, loader, Map.of());
        copy.setClassLoader(loader);
        return copy;
    }
}
