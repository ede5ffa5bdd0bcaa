package org.huiqi.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A scratch copy of the project's rules directory that a test may edit. */
public final class TempRules {
    private TempRules() {
    }

    public static Path copyOfProjectRules() {
        try {
            Path target = Files.createTempDirectory("rules-");
            Path source = Path.of("rules");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path to = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) Files.createDirectories(to);
                    else Files.copy(file, to);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path dir, String relative, String content) {
        try {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A measure whose criterion rule re-triggers itself forever: a classic staff mistake. */
    public static final String LOOPING_MEASURE = """
            package zhejiang.suichang

            import org.huiqi.evaluation.facts.Enterprise
            import function org.huiqi.evaluation.Criteria.*
            import function org.huiqi.evaluation.Decisions.*

            rule "LOOP-TEST"
                @zh("循环测试")
                @en("Loop test")
                @benefit("SERVICE")
                @benefitZh("无")
                @benefitEn("none")
                @document("测试文件")
                @issuer("测试单位")
                @validFrom("2020-01-01")
            when
            then
            end

            rule "LOOP-TEST / loops"
                @zh("循环")
                @en("loops")
            when
                $e : Enterprise()
            then
                decide(drools, atLeast($e.employees(), 1));
                update($e);
            end
            """;

    /** A complete new measure, written the way staff would: a declaration and one criterion. */
    public static final String EXTRA_MEASURE = """
            package zhejiang.suichang

            import org.huiqi.evaluation.facts.Enterprise
            import function org.huiqi.evaluation.Criteria.*
            import function org.huiqi.evaluation.Decisions.*

            rule "TEST-EXTRA-AWARD"
                @zh("测试用奖励")
                @en("Award used by a test")
                @benefit("CASH")
                @benefitZh("每名员工0.1万元，最多10万元")
                @benefitEn("1,000 CNY per employee, at most 100,000 CNY")
                @document("测试文件")
                @issuer("测试单位")
                @validFrom("2020-01-01")
            when
            then
            end

            rule "TEST-EXTRA-AWARD / employees"
                @zh("员工不少于50人")
                @en("At least 50 employees")
            when
                $e : Enterprise()
            then
                decide(drools, atLeast($e.employees(), 50));
            end

            rule "TEST-EXTRA-AWARD / amount"
            when
                $e : Enterprise()
            then
                award(drools, $e.employees().times(0.1), 10);
            end
            """;
}
