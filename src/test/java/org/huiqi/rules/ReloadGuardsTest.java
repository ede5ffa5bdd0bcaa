package org.huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.List;
import org.huiqi.evaluation.EvaluationLimits;
import org.huiqi.evaluation.Evaluator;
import org.huiqi.scenarios.ScenarioGate;
import org.junit.jupiter.api.Test;
import org.kie.api.KieServices;

class ReloadGuardsTest {
    @Test
    void theScenarioGateRejectsARuleSetWithARunawayRule() {
        Path dir = TempRules.copyOfProjectRules();
        TempRules.write(dir, "zhejiang/suichang/loop.drl", TempRules.LOOPING_MEASURE);
        RuleSet looping = new RuleSetCompiler().compile(RuleFiles.read(dir));

        List<RuleProblem> problems = new ScenarioGate(new Evaluator(EvaluationLimits.DEFAULT)).check(looping);

        assertThat(problems).isNotEmpty();
        assertThat(problems.get(0).message()).contains("rule firing limit", "LOOP-TEST / loops");
    }

    /**
     * Rebuilding must not leak: each build's KieModule leaves the KieRepository and nothing else
     * keeps an old rule set. 100 builds, keeping only the last, must end within 64 MB of where the
     * heap stood after a few warm-up builds. A one-measure rule set keeps the test quick: what
     * leaks per build (modules, class loaders) does not depend on the number of rules.
     */
    @Test
    void a100ReloadsDoNotGrowTheHeap() {
        Path dir = TempRules.copyOfProjectRules();
        TempRules.write(dir, "zhejiang/suichang/extra.drl", TempRules.EXTRA_MEASURE);
        RuleFiles all = RuleFiles.read(dir);
        java.util.SortedMap<String, byte[]> one = new java.util.TreeMap<>(all.contents());
        one.keySet().removeIf(path -> !path.startsWith("reference/") && !path.equals("zhejiang/suichang/extra.drl"));
        RuleFiles files = new RuleFiles(all.origin(), one);
        RuleSetCompiler compiler = new RuleSetCompiler();
        RuleSet kept = null;
        for (int i = 0; i < 5; i++) kept = compiler.compile(files);
        long before = usedHeapAfterGc();
        for (int i = 0; i < 100; i++) kept = compiler.compile(files);
        long after = usedHeapAfterGc();

        assertThat(kept.measures()).isNotEmpty();
        assertThat(after - before).as("heap growth over 100 reloads, bytes").isLessThan(64L * 1024 * 1024);
        assertThat(KieServices.Factory.get().getRepository().getKieModule(
                KieServices.Factory.get().newReleaseId("org.huiqi.rules", "ruleset", "1"))).isNull();
    }

    @Test
    void a100IncrementalReloadsDoNotGrowTheHeap() {
        // Each edit recompiles one package and copies the other from the serving rule set.
        Path dir = TempRules.copyOfProjectRules();
        TempRules.write(dir, "zhejiang/suichang/extra.drl", TempRules.EXTRA_MEASURE);
        RuleFiles all = RuleFiles.read(dir);
        java.util.SortedMap<String, byte[]> one = new java.util.TreeMap<>(all.contents());
        one.keySet().removeIf(path -> !path.startsWith("reference/") && !path.equals("zhejiang/suichang/extra.drl")
                && !path.equals("guangxi/wuzhou/xsg.drl"));
        java.util.SortedMap<String, byte[]> edited = new java.util.TreeMap<>(one);
        edited.put("zhejiang/suichang/extra.drl", TempRules.EXTRA_MEASURE.replace("50)", "51)")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<RuleFiles> versions = List.of(new RuleFiles(all.origin(), one), new RuleFiles(all.origin(), edited));
        RuleSetCompiler compiler = new RuleSetCompiler();
        RuleSet kept = compiler.compile(versions.get(0));
        for (int i = 1; i <= 5; i++) kept = compiler.compile(versions.get(i % 2), kept);
        long before = usedHeapAfterGc();
        for (int i = 0; i < 100; i++) kept = compiler.compile(versions.get(i % 2), kept);
        long after = usedHeapAfterGc();

        assertThat(kept.measures()).containsKeys("TEST-EXTRA-AWARD", "WZ-XSG");
        assertThat(after - before).as("heap growth over 100 incremental reloads, bytes").isLessThan(64L * 1024 * 1024);
    }

    static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
