package org.huiqi.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMapVolumeSource;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.huiqi.rules.RuleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ConfigMap generated from rules/ and the volume items that mount it put every file the service
 * reads from rules/ at the same relative path under /deployments/rules, and nothing else.
 */
class RulesConfigMapManifestTest {
    private static final String FIX = " — run k8s/sync-rules.sh after adding, renaming or removing a file under rules/";
    /** etcd's limit for one object; leave room for metadata. */
    private static final long CONFIG_MAP_BUDGET = 900 * 1024;

    private final JsonNode kustomization = K8s.single(K8s.RULES_KUSTOMIZATION);
    private final JsonNode generator = kustomization.path("configMapGenerator").get(0);

    /** What the service reads from rules/ (RuleFiles), but the generator itself. */
    private static SortedMap<String, byte[]> ruleFiles() {
        SortedMap<String, byte[]> files = new TreeMap<>(RuleFiles.read(K8s.RULES).contents());
        files.remove("kustomization.yaml");
        return files;
    }

    /** key -> file, from the generator's "key=path" entries. */
    private Map<String, String> generatorFiles() {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (JsonNode entry : generator.path("files")) {
            String[] keyAndFile = entry.asText().split("=", 2);
            assertThat(keyAndFile).as("key=path: " + entry.asText()).hasSize(2);
            assertThat(byKey.put(keyAndFile[0], keyAndFile[1])).as("duplicate key " + keyAndFile[0]).isNull();
        }
        return byKey;
    }

    /** key -> path under the rules dir, from the Deployment's rules volume (rules-volume.yaml). */
    private static Map<String, String> volumeItems() {
        Deployment patch = K8s.read(K8s.K8S.resolve("base/rules-volume.yaml"), Deployment.class);
        ConfigMapVolumeSource source = K8s.volume(patch.getSpec().getTemplate().getSpec(), "rules").getConfigMap();
        assertThat(source.getName()).isEqualTo("huiqi-rules");
        Map<String, String> items = new LinkedHashMap<>();
        for (KeyToPath item : source.getItems()) {
            assertThat(items.put(item.getKey(), item.getPath())).as("key mapped twice: " + item.getKey()).isNull();
        }
        return items;
    }

    @Test
    void theGeneratorMakesOneConfigMapWithoutHashSuffixSoUpdatesReloadInPlace() {
        assertThat(kustomization.path("configMapGenerator")).hasSize(1);
        assertThat(generator.path("name").asText()).isEqualTo("huiqi-rules");
        boolean noSuffix = kustomization.path("generatorOptions").path("disableNameSuffixHash").asBoolean(false)
                || generator.path("options").path("disableNameSuffixHash").asBoolean(false);
        assertThat(noSuffix).as("disableNameSuffixHash").isTrue();
        assertThat(kustomization.path("resources").isMissingNode()).as("rules/kustomization.yaml only generates the ConfigMap").isTrue();
    }

    @Test
    void everyRuleFileIsAConfigMapKeyAndNothingElseIs() {
        assertThat(generatorFiles().values()).as("files of the ConfigMap" + FIX)
                .containsExactlyInAnyOrderElementsOf(ruleFiles().keySet());
        assertThat(ruleFiles().keySet()).as("the catalog's files are all there")
                .anyMatch(p -> p.endsWith(".drl")).anyMatch(p -> p.endsWith(".scenarios.yaml")).contains("reference/regions.yaml");
    }

    @Test
    void keysAreValidConfigMapKeys() {
        assertThat(generatorFiles().keySet()).allSatisfy(key -> {
            assertThat(key).matches("[-._a-zA-Z0-9]+").hasSizeLessThanOrEqualTo(253).doesNotStartWith(".");
        });
    }

    @Test
    void theVolumeItemsPutEveryKeyBackAtItsPath() {
        Map<String, String> items = volumeItems();
        assertThat(items).as("volume items" + FIX).isEqualTo(generatorFiles());
        assertThat(items.values()).allSatisfy(path -> assertThat(path).doesNotStartWith("/").doesNotContain(".."));
    }

    /**
     * Lays the volume out as the kubelet does (a timestamped folder holding the tree, "..data"
     * pointing at it, and a link per top-level entry through "..data") and reads it as the service
     * does: the same files, so the same rule-set version, as rules/ and as the copy in the jar.
     */
    @Test
    void theMountedTreeReadsAsTheRulesDirectory(@TempDir Path volume) throws IOException {
        Map<String, String> items = volumeItems();
        Map<String, String> keyToFile = generatorFiles();
        Path timestamped = volume.resolve("..2026_11_23_10_00_00.000000001");
        for (Map.Entry<String, String> item : items.entrySet()) {
            Path target = timestamped.resolve(item.getValue());
            Files.createDirectories(target.getParent());
            Files.copy(K8s.RULES.resolve(keyToFile.get(item.getKey())), target);
        }
        Files.createSymbolicLink(volume.resolve("..data"), timestamped.getFileName());
        try (var top = Files.list(timestamped)) {
            for (Path entry : (Iterable<Path>) top::iterator) {
                Files.createSymbolicLink(volume.resolve(entry.getFileName()), Path.of("..data").resolve(entry.getFileName()));
            }
        }

        RuleFiles mounted = RuleFiles.read(volume);
        assertThat(mounted.paths()).containsExactlyElementsOf(ruleFiles().keySet());
        String rulesVersion = new RuleFiles("rules", ruleFiles()).version();
        assertThat(mounted.version()).isEqualTo(rulesVersion);
        assertThat(RuleFiles.embedded().version())
                .as("the jar's copy leaves the generator out too (after deleting a rule file, ./mvnw clean drops its stale copy)").isEqualTo(rulesVersion);
    }

    @Test
    void theRulesFitInOneConfigMap() {
        long bytes = ruleFiles().values().stream().mapToLong(b -> b.length).sum();
        assertThat(bytes).as("rules/ in bytes: a ConfigMap holds at most 1 MiB (docs/deploy.md, \"When rules outgrow a ConfigMap\")")
                .isLessThan(CONFIG_MAP_BUDGET);
    }
}
