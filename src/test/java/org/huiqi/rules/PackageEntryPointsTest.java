package org.huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.kie.api.definition.rule.Rule;

/**
 * The enterprise reaches only the rules of the packages it is given to: Drools matches a
 * one-condition rule as soon as its fact is inserted, focus or not, so an enterprise inserted in
 * the whole session matched every rule of the catalog. Which packages an evaluation feeds follows
 * the measures it skips; packages whose rules read conclusions are always fed.
 */
class PackageEntryPointsTest {
    private final RuleSet ruleSet = new RuleSetCompiler().compile(RuleFiles.read(Path.of("rules")));

    @Test
    void anEnterpriseGivenToOnePackageMatchesOnlyThatPackagesRules() {
        assertThat(packagesMatched("guangxi.wuzhou")).containsExactly("guangxi.wuzhou");
        assertThat(packagesMatched("national.tax")).containsExactly("national.tax");
    }

    @Test
    void anEvaluationFeedsThePackagesOfTheMeasuresItDoesNotSkipAndThoseReadingConclusions() {
        assertThat(ruleSet.rules().packagesToFeed(Set.of())).containsExactlyInAnyOrderElementsOf(ruleSet.kieBase().getKiePackages()
                .stream().filter(pkg -> !pkg.getRules().isEmpty()).map(pkg -> pkg.getName()).toList());
        Set<String> allButWuzhouXsg = new TreeSet<>(ruleSet.measures().keySet());
        allButWuzhouXsg.remove("WZ-XSG");
        // guangdong's rules read other measures' conclusions: they fire whatever the focus.
        assertThat(ruleSet.rules().packagesToFeed(allButWuzhouXsg)).containsExactlyInAnyOrder("guangxi.wuzhou", "guangdong");
    }

    private Set<String> packagesMatched(String fed) {
        WatchedSession seen = WatchedSession.run(ruleSet, session -> {
            session.getEntryPoint(PackageEntryPoints.of(fed)).insert(WatchedSession.wuzhouEnterprise(ruleSet));
            WatchedSession.focusEveryPackage(ruleSet, session);
        });
        return seen.matched().stream().map(Rule::getPackageName).collect(Collectors.toCollection(TreeSet::new));
    }
}
