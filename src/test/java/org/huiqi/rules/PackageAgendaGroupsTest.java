package org.huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.huiqi.evaluation.facts.Enterprise;
import org.junit.jupiter.api.Test;
import org.kie.api.definition.rule.Rule;

/**
 * Each package's rules are in an agenda group of the package's own, so an evaluation that focuses
 * some packages never evaluates the rules of the others; packages whose rules read other rules'
 * conclusions stay in the main group, which always fires.
 */
class PackageAgendaGroupsTest {
    private final RuleSet ruleSet = new RuleSetCompiler().compile(RuleFiles.read(Path.of("rules")));

    @Test
    void onlyTheFocusedPackagesAndTheMainGroupAreEvaluated() {
        // Every measure reads the enterprise: each package's criteria match it once their group is evaluated.
        assertThat(packagesFired(Set.of("guangxi.wuzhou")))
                .containsExactlyInAnyOrder("guangxi.wuzhou", "guangdong");
        assertThat(packagesFired(Set.of("guangxi.wuzhou", "national.tax")))
                .containsExactlyInAnyOrder("guangxi.wuzhou", "national.tax", "guangdong");
    }

    @Test
    void aRuleSetRebuiltAfterAnEditKeepsTheGroups() {
        java.util.SortedMap<String, byte[]> edited = new java.util.TreeMap<>(ruleSet.files().contents());
        edited.merge("guangxi/wuzhou/xsg.drl", "\n// an edit\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), (a, b) -> {
            byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, both, a.length, b.length);
            return both;
        });
        RuleSet rebuilt = new RuleSetCompiler().compile(new RuleFiles(ruleSet.origin(), edited), ruleSet);
        assertThat(rebuilt.kieBase()).isNotSameAs(ruleSet.kieBase());
        assertThat(rebuilt.rules().groupsToFocus(Set.of())).containsExactlyInAnyOrderElementsOf(ruleSet.rules().groupsToFocus(Set.of()));
    }

    @Test
    void theGroupsToFocusFollowTheMeasuresAnEvaluationSkips() {
        Set<String> everyMeasure = ruleSet.measures().keySet();
        assertThat(ruleSet.rules().groupsToFocus(Set.of())).contains("guangxi.wuzhou", "national.miit").doesNotContain("guangdong");
        assertThat(ruleSet.rules().groupsToFocus(everyMeasure)).isEmpty();
        Set<String> allButWuzhouXsg = new TreeSet<>(everyMeasure);
        allButWuzhouXsg.remove("WZ-XSG");
        assertThat(ruleSet.rules().groupsToFocus(allButWuzhouXsg)).containsExactly("guangxi.wuzhou");
    }

    private Set<String> packagesFired(Set<String> focused) {
        WatchedSession seen = WatchedSession.run(ruleSet, session -> {
            Enterprise enterprise = WatchedSession.wuzhouEnterprise(ruleSet);
            // Every package is given the enterprise: only the focus decides which rules fire.
            for (var pkg : ruleSet.kieBase().getKiePackages()) {
                var entryPoint = session.getEntryPoint(PackageEntryPoints.of(pkg.getName()));
                if (entryPoint != null) entryPoint.insert(enterprise);
            }
            focused.forEach(group -> session.getAgenda().getAgendaGroup(group).setFocus());
        });
        return seen.fired().stream().map(Rule::getPackageName).collect(Collectors.toCollection(TreeSet::new));
    }
}
