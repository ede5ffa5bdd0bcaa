package org.huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A huge file dropped into the rules directory is refused by name, never read into memory. */
class RuleFilesSizeTest {

    @Test
    void aFileOverTheLimitIsRefusedUnread() throws Exception {
        Path dir = TempRules.copyOfProjectRules();
        // Sparse: 700 MB long on paper, nothing on disk; reading it would take 700 MB of heap.
        try (RandomAccessFile file = new RandomAccessFile(dir.resolve("guangdong/huge.table.csv").toFile(), "rw")) {
            file.setLength(700L << 20);
        }
        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> RuleFiles.read(dir));
        assertThat(e).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("guangdong/huge.table.csv");
            assertThat(p.message()).startsWith("文件太大").contains(String.valueOf(RuleFiles.MAX_FILE_BYTES));
        });
    }

    @Test
    void theProjectRulesAreFarBelowTheLimits() {
        RuleFiles files = RuleFiles.read(Path.of("rules"));
        long total = files.contents().values().stream().mapToLong(b -> b.length).sum();
        assertThat(total * 40).as("a 1,000-measure catalog of files like these").isLessThan(RuleFiles.MAX_TOTAL_BYTES);
    }
}
