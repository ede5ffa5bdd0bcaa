package org.huiqi.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.huiqi.rules.RuleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A draft sent as an archive is the directory it was made from, and nothing more. */
class DraftArchiveTest {
    @Test
    void aGzippedTarOfTheRulesDirectoryHasTheDirectorysVersion(@TempDir Path dir) throws Exception {
        Path tar = dir.resolve("rules.tgz");
        Process process = new ProcessBuilder("tar", "-czf", tar.toString(), "rules").inheritIO().start();
        assertThat(process.waitFor()).isZero();
        try (InputStream in = Files.newInputStream(tar)) {
            RuleFiles files = RuleFiles.of("draft", new DraftArchive(20_000_000, 10_000).readTar(in));
            assertThat(files.version()).isEqualTo(RuleFiles.read(Path.of("rules")).version());
        }
    }

    @Test
    void tooManyEntriesAreRefusedBeforeTheyAreRead() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < 11; i++) {
                zip.putNextEntry(new ZipEntry("f" + i + ".drl"));
                zip.closeEntry();
            }
        }
        assertThatThrownBy(() -> new DraftArchive(1_000_000, 10).readZip(new java.io.ByteArrayInputStream(bytes.toByteArray())))
                .isInstanceOfSatisfying(DraftArchive.Refused.class, e -> assertThat(e.tooLarge()).isTrue())
                .hasMessageContaining("more than 10 entries");
    }
}
