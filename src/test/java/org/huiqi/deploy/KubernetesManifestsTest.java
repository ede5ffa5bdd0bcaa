package org.huiqi.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every manifest parses, every kustomization points at files that exist, and no key is committed. */
class KubernetesManifestsTest {

    @Test
    void everyDocumentUnderK8sIsAKustomizationOrAKubernetesObjectOfTheModel() {
        List<Path> files = K8s.manifestFiles();
        assertThat(files).extracting(Path::toString).contains(
                "k8s/base/kustomization.yaml", "k8s/overlays/dev/kustomization.yaml",
                "k8s/overlays/prod/kustomization.yaml", "k8s/jobs/registry-match.yaml");
        for (Path file : files) {
            List<JsonNode> docs = K8s.documents(file);
            assertThat(docs).as(file.toString()).isNotEmpty();
            for (JsonNode doc : docs) {
                if (K8s.isKustomization(doc)) continue;
                assertThat(K8s.isKubernetesObject(doc)).as(file + ": " + K8s.typeOf(doc)).isTrue();
                HasMetadata object = K8s.object(doc);
                assertThat(object.getMetadata().getName()).as(file + ": metadata.name").isNotBlank();
            }
        }
    }

    @Test
    void everyFileAKustomizationNamesExists() {
        for (Path file : K8s.manifestFiles()) {
            JsonNode doc = K8s.documents(file).get(0);
            if (!K8s.isKustomization(doc)) continue;
            List<String> refs = new ArrayList<>();
            doc.path("resources").forEach(r -> refs.add(r.asText()));
            doc.path("patches").forEach(p -> { if (p.has("path")) refs.add(p.path("path").asText()); });
            doc.path("configMapGenerator").forEach(g -> g.path("files").forEach(f -> {
                String entry = f.asText();
                refs.add(entry.substring(entry.indexOf('=') + 1));
            }));
            for (String ref : refs) {
                assertThat(file.getParent().resolve(ref)).as(file + " names " + ref).exists();
            }
        }
    }

    @Test
    void noSecretAndNoKeyMaterialIsCommitted() throws IOException {
        Pattern sha256 = Pattern.compile("\\b[0-9a-fA-F]{64}\\b");
        for (Path file : K8s.manifestFiles()) {
            for (JsonNode doc : K8s.documents(file)) {
                assertThat(doc.path("kind").asText()).as(file + ": Secrets are created by the operator").isNotEqualTo("Secret");
                assertThat(doc.has("secretGenerator")).as(file + ": no secretGenerator").isFalse();
            }
            assertThat(sha256.matcher(Files.readString(file)).find()).as(file + ": looks like a key hash").isFalse();
        }
    }
}
