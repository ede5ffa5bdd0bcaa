package org.huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kie.api.definition.rule.Rule;

/**
 * A measure's declaration ("ID" with annotations, nothing in when or then) is read into the
 * catalog and never fires: before, every new session matched one per measure of the catalog.
 * A declaration that does something of its own still runs.
 */
class DeclarationRulesTest {

    @Test
    void declarationsAreInTheCatalogButNoRuleFiresWithoutFacts() {
        RuleSet ruleSet = new RuleSetCompiler().compile(RuleFiles.read(Path.of("rules")));
        assertThat(ruleSet.measures()).hasSize(26);
        assertThat(firedWithEveryGroupInFocus(ruleSet)).isEmpty();
    }

    @Test
    void aDeclarationWithAnActionOfItsOwnStillRuns() {
        Path dir = TempRules.copyOfProjectRules();
        TempRules.write(dir, "zhejiang/suichang/extra.drl", TempRules.EXTRA_MEASURE.replaceFirst(
                "when\nthen\nend", "when\nthen\n    // a comment alone would change nothing\n    int unused = Math.max(1, 2);\nend"));
        RuleSet ruleSet = new RuleSetCompiler().compile(RuleFiles.read(dir));
        assertThat(ruleSet.measures()).containsKey("TEST-EXTRA-AWARD");
        assertThat(firedWithEveryGroupInFocus(ruleSet)).containsExactly("TEST-EXTRA-AWARD");
    }

    @Test
    void onlyCommentsInTheThenPartCountAsNothing() {
        String declaration = """
                rule "X-1"
                    @zh("when 与 then 只在引号里")
                    @en("when then end")
                when
                then   // 无动作 /* none */
                end
                """;
        assertThat(DeclarationRules.emptyThen(declaration, "X-1")).isTrue();
        assertThat(DeclarationRules.emptyThen(declaration.replace("then   //", "then insert(1); //"), "X-1")).isFalse();
        assertThat(DeclarationRules.emptyThen(declaration, "X-2")).isFalse();
    }

    private static List<String> firedWithEveryGroupInFocus(RuleSet ruleSet) {
        return WatchedSession.run(ruleSet, session -> WatchedSession.focusEveryPackage(ruleSet, session))
                .fired().stream().map(Rule::getName).toList();
    }
}
