package org.huiqi.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What `kubectl kustomize` renders for each overlay. Skipped where kubectl is not installed, or is
 * older than 1.21 (its kustomize, v2, predates the `patches` field): Debian's kubernetes-client is
 * 1.20, so CI installs no kubectl and checks this where a current one is at hand.
 */
class KustomizeRenderManifestTest {

    @Test
    void prodRendersTheWholeServiceWithItsRules() throws Exception {
        List<HasMetadata> objects = render("k8s/overlays/prod");
        assertThat(objects).allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).isEqualTo("huiqi"));

        Deployment deployment = K8s.one(objects, Deployment.class);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container engine = K8s.container(pod, "engine");
        assertThat(engine.getImage()).doesNotEndWith(":latest");
        assertThat(engine.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
        assertThat(engine.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
        assertThat(engine.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("management");
        assertThat(engine.getResources().getLimits()).containsKeys("cpu", "memory");
        assertThat(engine.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(engine.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(engine.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(engine.getEnv()).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("POLICY_API_KEYS");
            assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("huiqi-api-keys");
            assertThat(e.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("api-keys");
            assertThat(e.getValueFrom().getSecretKeyRef().getOptional()).isNotEqualTo(Boolean.TRUE);
        });
        assertThat(deployment.getSpec().getReplicas()).as("the HPA (min 3) owns the count").isNull();

        ConfigMap rules = K8s.one(objects, ConfigMap.class);
        assertThat(rules.getMetadata().getName()).as("no hash suffix: updated in place, reloaded live").isEqualTo("huiqi-rules");
        assertThat(K8s.volume(pod, "rules").getConfigMap().getName()).isEqualTo(rules.getMetadata().getName());
        assertThat(rules.getData().keySet()).anyMatch(k -> k.endsWith(".drl"));
        // Every item of the volume, written where the kubelet writes it, holds that file of rules/.
        List<KeyToPath> items = K8s.volume(pod, "rules").getConfigMap().getItems();
        assertThat(items).extracting(KeyToPath::getKey).containsExactlyInAnyOrderElementsOf(rules.getData().keySet());
        for (KeyToPath item : items) {
            assertThat(rules.getData().get(item.getKey())).as(item.getPath())
                    .isEqualTo(Files.readString(K8s.RULES.resolve(item.getPath())));
        }

        assertThat(K8s.one(objects, Service.class).getSpec().getSelector()).isNotEmpty();
        HorizontalPodAutoscaler hpa = K8s.one(objects, HorizontalPodAutoscaler.class);
        assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(3);
        assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(20);
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment.getMetadata().getName());
        assertThat(K8s.one(objects, PodDisruptionBudget.class).getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
        assertThat(K8s.one(objects, NetworkPolicy.class).getSpec().getPolicyTypes()).contains("Ingress");
        assertThat(objects).as("Secrets are the operator's").noneMatch(o -> o.getKind().equals("Secret"));
    }

    @Test
    void devRendersOneReplicaWithoutAutoscaling() throws Exception {
        List<HasMetadata> objects = render("k8s/overlays/dev");
        assertThat(K8s.one(objects, Deployment.class).getSpec().getReplicas()).isEqualTo(1);
        assertThat(K8s.ofType(objects, HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(K8s.one(objects, ConfigMap.class).getMetadata().getName()).isEqualTo("huiqi-rules");
        assertThat(K8s.ofType(objects, PodDisruptionBudget.class)).hasSize(1);
        assertThat(K8s.ofType(objects, NetworkPolicy.class)).hasSize(1);
    }

    private static List<HasMetadata> render(String overlay) throws IOException, InterruptedException {
        assumeTrue(kubectlOnPath(), "kubectl is not installed: the rendering of " + overlay + " is not checked here");
        int minor = kubectlMinorVersion();
        assumeTrue(minor >= 21, "kubectl 1." + minor + " embeds kustomize v2, too old for these kustomizations: not checked here");
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", overlay).redirectErrorStream(false).start();
        byte[] out = kubectl.getInputStream().readAllBytes();
        String err = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(kubectl.exitValue()).as("kubectl kustomize " + overlay + ": " + err).isZero();
        List<HasMetadata> objects = new ArrayList<>();
        for (JsonNode doc : K8s.documents(new String(out, StandardCharsets.UTF_8))) objects.add(K8s.object(doc));
        return objects;
    }

    /** The client's minor version ("Minor":"32" of `kubectl version --client -o json`), 0 if unknown. */
    private static int kubectlMinorVersion() throws IOException, InterruptedException {
        Process kubectl = new ProcessBuilder("kubectl", "version", "--client", "-o", "json")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = kubectl.getInputStream().readAllBytes();
        if (!kubectl.waitFor(30, TimeUnit.SECONDS) || kubectl.exitValue() != 0) return 0;
        String minor = K8s.YAML.readTree(out).path("clientVersion").path("minor").asText().replaceAll("\\D", "");
        return minor.isEmpty() ? 0 : Integer.parseInt(minor);
    }

    private static boolean kubectlOnPath() {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "kubectl"))) return true;
        }
        return false;
    }
}
