package org.huiqi.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RuleSetCompilerTest {
    @Test
    void compilesTheRulesDirectory() {
        RuleSet rs = new RuleSetCompiler().compile(RuleFiles.read(Path.of("rules")));
        System.out.println(rs.catalog());
        assertFalse(rs.measures().isEmpty());
    }
}
