package org.huiqi.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;
import org.huiqi.rules.TempRules;
import org.junit.jupiter.api.Test;

/**
 * The rules directory laid out the way Kubernetes mounts a ConfigMap: a timestamped folder, a
 * "..data" symlink to it, and one symlink per entry through "..data". An update writes a new
 * folder and swaps "..data" atomically — no file is written in place — and must still go live.
 */
@QuarkusTest
@TestProfile(ConfigMapReloadTest.ConfigMapVolume.class)
class ConfigMapReloadTest {
    static final Path VOLUME = configMapVolume();

    public static class ConfigMapVolume implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("policy.rules.dir", VOLUME.toString(), "policy.rules.debounce", "PT0.2S");
        }
    }

    @Test
    void swappingTheDataSymlinkActivatesTheNewRules() throws IOException {
        JsonPath before = LiveReloadTest.ruleSet();
        assertThat(before.getList("files", String.class)).contains("guangxi/wuzhou/xsg.drl").noneMatch(f -> f.contains(".."));

        Path next = VOLUME.resolve("..2026_11_23_10_00_00.000000002");
        copy(TempRules.copyOfProjectRules(), next);
        TempRules.write(next, "zhejiang/suichang/extra.drl", TempRules.EXTRA_MEASURE);
        Path tmp = VOLUME.resolve("..data_tmp");
        Files.createSymbolicLink(tmp, next.getFileName());
        Files.move(tmp, VOLUME.resolve("..data"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Path link = VOLUME.resolve("zhejiang");
        if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) Files.createSymbolicLink(link, Path.of("..data/zhejiang"));

        JsonPath after = LiveReloadTest.awaitRuleSet(rs -> !rs.getString("version").equals(before.getString("version")),
                LiveReloadTest.LIVE_WITHIN);
        assertThat(after.getString("lastReload.status")).isEqualTo("ACTIVATED");
        given().when().get("/api/v1/measures/TEST-EXTRA-AWARD").then().statusCode(200);
    }

    private static Path configMapVolume() {
        try {
            Path volume = Files.createTempDirectory("configmap-");
            Path first = volume.resolve("..2026_11_23_09_00_00.000000001");
            copy(TempRules.copyOfProjectRules(), first);
            Files.createSymbolicLink(volume.resolve("..data"), first.getFileName());
            try (Stream<Path> entries = Files.list(first)) {
                for (Path entry : (Iterable<Path>) entries::iterator) {
                    Files.createSymbolicLink(volume.resolve(entry.getFileName()), Path.of("..data").resolve(entry.getFileName()));
                }
            }
            return volume;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) Files.createDirectories(target);
                else Files.copy(file, target);
            }
        }
    }
}
