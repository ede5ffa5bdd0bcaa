package org.huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A rule file can only do what the staff vocabulary allows: each line below, written in a rule's
 * consequence (or a condition, annotation or function), is refused when the rule set is built —
 * by validate, at start, at reload and for impact drafts alike — at the line of the mistake, and
 * nothing of it runs.
 */
class StaffCodeTest {
    /** The declaration of TempRules' extra measure: its first 19 lines. */
    private static final String HEAD = TempRules.EXTRA_MEASURE.substring(0,
            TempRules.EXTRA_MEASURE.indexOf("rule \"TEST-EXTRA-AWARD / employees\""));

    /** The measure's criterion rule with {@code line} before its decision, at line 26 of the file. */
    private static String criterion(String line) {
        String extra = TempRules.EXTRA_MEASURE;
        String rule = extra.substring(extra.indexOf("rule \"TEST-EXTRA-AWARD / employees\""), extra.indexOf("rule \"TEST-EXTRA-AWARD / amount\""));
        return HEAD + rule.replace("    decide(drools", "    " + line + "\n    decide(drools");
    }

    private static List<RuleProblem> problems(String drl) {
        Path dir = TempRules.copyOfProjectRules();
        TempRules.write(dir, "zhejiang/suichang/extra.drl", drl);
        RuleSetException e = catchThrowableOfType(RuleSetException.class,
                () -> new RuleSetCompiler().compile(RuleFiles.read(dir)));
        assertThat(e).as("the rule set is refused").isNotNull();
        return e.problems();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "exits                | System.exit(0);                                                       | exit",
            "exits by full name   | java.lang.Runtime.getRuntime().halt(1);                               | getRuntime",
            "reads a file         | String s = java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/passwd\")); | readString",
            "reads the environment| String s = System.getenv(\"HOME\");                                   | getenv",
            "opens a socket       | new java.net.ServerSocket(0);                                         | ServerSocket",
            "uses reflection      | Object o = $e.getClass().getDeclaredMethods();                         | getClass",
            "loads a class        | Class.forName(\"java.lang.Runtime\");                                  | forName",
            "starts a thread      | new Thread().start();                                                  | Thread",
            "uses a lambda        | Runnable r = () -> System.gc();                                        | ->",
            "loops with while     | int i = 0; while (i >= 0) { i++; }                                      | while",
            "loops with for       | for (int i = 0; i < 3; i++) { }                                         | for",
            "inserts facts        | insert(\"x\");                                                        | insert",
            "updates a fact       | update($e);                                                            | update",
            "uses the rule context| drools.halt();                                                         | drools",
            "throws               | if ($e == null) throw new IllegalStateException(\"x\");                 | throw",
            "catches              | try { int x = 1 / 0; } catch (ArithmeticException ex) { }               | try",
            "builds a big string  | String s = \"x\".repeat(1000000000);                                   | repeat",
            "makes a huge decimal | Object d = new java.math.BigDecimal(\"1e999999999\").add(java.math.BigDecimal.ONE); | BigDecimal",
            "makes a big array    | long[] big = new long[200000000];                                       | [",
    })
    void consequenceOutsideTheVocabularyIsRefusedAtItsLine(String name, String line, String token) {
        List<RuleProblem> problems = problems(criterion(line));
        assertThat(problems).as(name).isNotEmpty().allSatisfy(p -> {
            assertThat(p.file()).isEqualTo("zhejiang/suichang/extra.drl");
            assertThat(p.line()).isEqualTo(26);
            assertThat(p.message()).doesNotContain("Rule_", "$u45$", "KnowledgeHelper", "java/");
            assertThat(p.message()).as("Chinese first").matches("^[^/]*\\p{IsHan}.* / .*");
        });
        assertThat(problems.get(0).column()).as(problems.toString()).isEqualTo(5 + line.indexOf(token));
    }

    @Test
    void theProjectRulesAndTheVocabularyPass() {
        assertThat(new RuleSetCompiler().compile(RuleFiles.read(Path.of("rules"))).measures()).isNotEmpty();
    }

    @Test
    void anAnnotationValueIsNeverEvaluated() {
        List<RuleProblem> problems = problems(HEAD.replace("@issuer(\"测试单位\")",
                "@issuer(java.lang.System.setProperty(\"huiqi.probe\", \"ran\"))"));
        assertThat(System.getProperty("huiqi.probe")).as("nothing of the annotation ran").isNull();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(14);
            assertThat(p.message()).startsWith("注解 @issuer");
        });
    }

    @Test
    void aConditionMayOnlyCompareFields() {
        String drl = criterion("").replace("$e : Enterprise()", "$e : Enterprise(employees().atLeast(System.exit(0)) != null)");
        assertThat(problems(drl)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(24);
            assertThat(p.message()).startsWith("条件“employees()");
        });
    }

    @Test
    void conditionsMatchOnlyTheEngineFacts() {
        String drl = criterion("").replace("$e : Enterprise()", "$e : Enterprise()\n        $t : java.lang.Thread()");
        assertThat(problems(drl)).singleElement().satisfies(p -> assertThat(p.message()).contains("java.lang.Thread"));
    }

    @Test
    void fromAndMvelAreRefused() {
        String from = criterion("").replace("$e : Enterprise()", "$e : Enterprise() from java.lang.System.exit(0)");
        assertThat(problems(from)).singleElement().satisfies(p -> assertThat(p.message()).contains("from"));
        String mvel = criterion("").replace("    @en(\"At least 50 employees\")", "    @en(\"At least 50 employees\")\n    dialect \"mvel\"");
        assertThat(problems(mvel)).singleElement().satisfies(p -> assertThat(p.message()).contains("mvel"));
    }

    @Test
    void anEvalIsCheckedLikeAConsequence() {
        String drl = criterion("").replace("$e : Enterprise()", "$e : Enterprise()\n        eval(System.getenv(\"HOME\") != null)");
        assertThat(problems(drl)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(25);
            assertThat(p.message()).contains("System.getenv");
        });
    }

    @Test
    void salienceIsANumber() {
        String drl = criterion("").replace("    @en(\"At least 50 employees\")", "    @en(\"At least 50 employees\")\n    salience (java.lang.System.nanoTime() > 0 ? 1 : 2)");
        assertThat(problems(drl)).singleElement().satisfies(p -> assertThat(p.message()).startsWith("salience"));
    }

    @Test
    void aFunctionThatCallsItselfIsRefused() {
        String drl = criterion("int n = twice(3);").replace("rule \"TEST-EXTRA-AWARD / employees\"", """
                function int twice(int n) {
                    return n <= 0 ? 0 : twice(n - 1) + twice(n - 1);
                }

                rule "TEST-EXTRA-AWARD / employees\"""");
        assertThat(problems(drl)).singleElement().satisfies(p -> {
            assertThat(p.line()).as("the function's header").isEqualTo(20);
            assertThat(p.message()).contains("twice");
        });
    }

    @Test
    void aStaticImportOfTheLibraryDoesNotGetAround() {
        String drl = criterion("exit(0);").replace("import function org.huiqi.evaluation.Decisions.*",
                "import function org.huiqi.evaluation.Decisions.*\nimport function java.lang.System.exit");
        assertThat(problems(drl)).singleElement().satisfies(p -> assertThat(p.message()).contains("System.exit"));
    }
}
