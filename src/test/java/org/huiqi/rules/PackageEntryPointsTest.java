package org.huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.huiqi.evaluation.facts.Enterprise;
import org.huiqi.profile.Profile;
import org.huiqi.profile.ProfileJson;
import org.junit.jupiter.api.Test;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.MatchCreatedEvent;
import org.kie.api.runtime.KieSession;

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
        Set<String> packages = new TreeSet<>();
        KieSession session = ruleSet.kieBase().newKieSession();
        try {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void matchCreated(MatchCreatedEvent event) {
                    packages.add(event.getMatch().getRule().getPackageName());
                }
            });
            Profile profile = ProfileJson.configure(new ObjectMapper()).convertValue(Map.of("regionCode", "450403"), Profile.class);
            session.getEntryPoint(PackageEntryPoints.of(fed)).insert(new Enterprise(profile, LocalDate.of(2025, 6, 1), ruleSet.places()));
            ruleSet.kieBase().getKiePackages().forEach(pkg -> session.getAgenda().getAgendaGroup(pkg.getName()).setFocus());
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        return packages;
    }
}
