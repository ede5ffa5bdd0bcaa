package org.huiqi.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The commands as staff run them: from the packaged application, with no HTTP server started
 * (the port stays free and the command returns on its own).
 */
class StaffCommandsIT {
    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    record Run(int exitCode, String output) {
    }

    static Run java(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("command returns on its own").isTrue();
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void validateAndTestOnTheProjectRules() throws Exception {
        Run validate = java("validate", "rules");
        assertThat(validate.exitCode()).as(validate.output()).isZero();
        assertThat(validate.output()).contains("OK: ").doesNotContain("Listening on");

        Run test = java("test", "rules");
        assertThat(test.exitCode()).as(test.output()).isZero();
        assertThat(test.output()).containsPattern("(?m)^\\d+ passed, 0 failed$").doesNotContain("Listening on");
    }

    @Test
    void validateOnABrokenDirectoryExitsOne() throws Exception {
        Path dir = Files.createTempDirectory("broken-rules-");
        Files.writeString(dir.resolve("bad.drl"), "package x\n\nrule \"bad\"\nwhen\n    String(\nthen\nend\n");
        Run run = java("validate", dir.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains(dir + "/bad.drl:7:");
    }
}
