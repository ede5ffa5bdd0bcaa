package org.huiqi.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads the manifests under k8s/ (and rules/kustomization.yaml) into the fabric8 Kubernetes model. */
final class K8s {
    static final Path K8S = Path.of("k8s");
    static final Path RULES = Path.of("rules");
    static final Path RULES_KUSTOMIZATION = RULES.resolve("kustomization.yaml");
    static final String RULES_DIR = "/deployments/rules";
    static final String APP = "huiqi-engine";

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The Kubernetes kinds the manifests use, by "apiVersion/kind". */
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "apps/v1/Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class,
            "v1/Service", io.fabric8.kubernetes.api.model.Service.class,
            "v1/ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class,
            "v1/Secret", io.fabric8.kubernetes.api.model.Secret.class,
            "autoscaling/v2/HorizontalPodAutoscaler", io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class,
            "batch/v1/Job", io.fabric8.kubernetes.api.model.batch.v1.Job.class);

    private K8s() {
    }

    /** Every YAML file under k8s/, and the rules ConfigMap's kustomization. */
    static List<Path> manifestFiles() {
        try (Stream<Path> files = Files.walk(K8S)) {
            List<Path> all = new ArrayList<>(files
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList());
            all.add(RULES_KUSTOMIZATION);
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The YAML documents of a file ("---" separated), as trees. */
    static List<JsonNode> documents(Path file) {
        try {
            return documents(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> documents(String yaml) {
        try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(yaml)) {
            List<JsonNode> docs = new ArrayList<>();
            for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext(); ) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) docs.add(doc);
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode single(Path file) {
        List<JsonNode> docs = documents(file);
        if (docs.size() != 1) throw new AssertionError(file + ": expected one document, found " + docs.size());
        return docs.get(0);
    }

    static String typeOf(JsonNode doc) {
        return doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
    }

    static boolean isKubernetesObject(JsonNode doc) {
        return KINDS.containsKey(typeOf(doc));
    }

    static boolean isKustomization(JsonNode doc) {
        return "Kustomization".equals(doc.path("kind").asText());
    }

    /** A Kubernetes object in its fabric8 model type; fails on a kind the manifests should not use. */
    static HasMetadata object(JsonNode doc) {
        Class<? extends HasMetadata> type = KINDS.get(typeOf(doc));
        if (type == null) throw new AssertionError("unexpected kind " + typeOf(doc));
        try {
            return YAML.treeToValue(doc, type);
        } catch (IOException e) {
            throw new UncheckedIOException(typeOf(doc) + " does not fit the Kubernetes model: " + e.getMessage(), e);
        }
    }

    static <T extends HasMetadata> T read(Path file, Class<T> type) {
        return type.cast(object(single(file)));
    }

    static <T extends HasMetadata> List<T> ofType(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static <T extends HasMetadata> T one(List<HasMetadata> objects, Class<T> type) {
        List<T> found = ofType(objects, type);
        if (found.size() != 1) throw new AssertionError("expected one " + type.getSimpleName() + ", found " + found.size());
        return found.get(0);
    }

    static Container container(PodSpec pod, String name) {
        return pod.getContainers().stream().filter(c -> c.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no container " + name));
    }

    static Volume volume(PodSpec pod, String name) {
        return pod.getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name));
    }
}
