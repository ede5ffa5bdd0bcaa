package org.huiqi.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The base manifests and the overlays' patches, read as Kubernetes objects. */
class DeploymentManifestTest {
    private static final Path BASE = K8s.K8S.resolve("base");
    private static final Path DEV = K8s.K8S.resolve("overlays/dev");
    private static final Path PROD = K8s.K8S.resolve("overlays/prod");

    private final Deployment deployment = K8s.read(BASE.resolve("deployment.yaml"), Deployment.class);
    private final PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    private final Container engine = K8s.container(pod, "engine");
    private final Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();

    @Test
    void theBaseKustomizationHasEveryPart() {
        JsonNode kustomization = K8s.single(BASE.resolve("kustomization.yaml"));
        assertThat(kustomization.path("resources")).extracting(JsonNode::asText).containsExactlyInAnyOrder(
                "../../rules", "deployment.yaml", "service.yaml", "hpa.yaml", "pdb.yaml", "networkpolicy.yaml");
        assertThat(kustomization.findValuesAsText("path")).contains("rules-volume.yaml");
    }

    @Test
    void probesAskTheHealthEndpoints() {
        assertThat(httpPath(engine.getLivenessProbe())).isEqualTo("/q/health/live");
        assertThat(httpPath(engine.getReadinessProbe())).isEqualTo("/q/health/ready");
        Probe startup = engine.getStartupProbe();
        assertThat(httpPath(startup)).as("startup probe shields liveness while the rule set compiles").isEqualTo("/q/health/live");
        assertThat(startup.getPeriodSeconds() * startup.getFailureThreshold()).as("seconds allowed to start").isGreaterThanOrEqualTo(120);
        assertThat(engine.getPorts()).anySatisfy(p -> {
            assertThat(p.getName()).isEqualTo("http");
            assertThat(p.getContainerPort()).isEqualTo(8080);
        });
        assertThat(engine.getPorts()).as("quarkus.management.port").anySatisfy(p -> {
            assertThat(p.getName()).isEqualTo("management");
            assertThat(p.getContainerPort()).isEqualTo(9000);
        });
    }

    @Test
    void prometheusScrapesTheManagementPort() {
        Map<String, String> annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
        assertThat(annotations).containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/port", "9000")
                .containsEntry("prometheus.io/path", "/q/metrics");
    }

    @Test
    void theAuditFingerprintKeyComesFromTheSecret() {
        SecretKeySelector ref = env("POLICY_AUDIT_FINGERPRINT_KEY").getValueFrom().getSecretKeyRef();
        assertThat(ref.getName()).isEqualTo("huiqi-api-keys");
        assertThat(ref.getKey()).isEqualTo("audit-fingerprint-key");
        assertThat(ref.getOptional()).as("production pods share one key").isNotEqualTo(Boolean.TRUE);
    }

    @Test
    void requestsAndLimitsAreSetAndConsistent() {
        Map<String, Quantity> requests = engine.getResources().getRequests();
        Map<String, Quantity> limits = engine.getResources().getLimits();
        assertThat(requests).containsKeys("cpu", "memory");
        assertThat(limits).containsKeys("cpu", "memory");
        for (String resource : List.of("cpu", "memory")) {
            assertThat(Quantity.getAmountInBytes(limits.get(resource)))
                    .as(resource + " limit >= request")
                    .isGreaterThanOrEqualTo(Quantity.getAmountInBytes(requests.get(resource)));
        }
        assertThat(Quantity.getAmountInBytes(limits.get("memory"))).as("room for a JVM with Drools")
                .isGreaterThanOrEqualTo(Quantity.getAmountInBytes(new Quantity("512Mi")));
    }

    @Test
    void runsAsNonRootWithAReadOnlyRootAndNothingElse() {
        var podSecurity = pod.getSecurityContext();
        assertThat(podSecurity.getRunAsNonRoot()).isTrue();
        assertThat(podSecurity.getRunAsUser()).as("the image's numeric user").isEqualTo(185L);
        assertThat(podSecurity.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();

        var security = engine.getSecurityContext();
        assertThat(security.getRunAsNonRoot()).isTrue();
        assertThat(security.getReadOnlyRootFilesystem()).isTrue();
        assertThat(security.getAllowPrivilegeEscalation()).isFalse();
        assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(security.getCapabilities().getAdd()).isNullOrEmpty();
        assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");

        assertThat(mount("/tmp").getName()).isEqualTo("tmp");
        assertThat(K8s.volume(pod, "tmp").getEmptyDir()).as("/tmp is an emptyDir").isNotNull();
    }

    @Test
    void theRulesConfigMapIsTheRulesDirectory() {
        VolumeMount rules = mount(K8s.RULES_DIR);
        assertThat(rules.getName()).isEqualTo("rules");
        assertThat(rules.getReadOnly()).isTrue();
        assertThat(rules.getSubPath()).as("a subPath mount never sees ConfigMap updates").isNull();
        assertThat(K8s.volume(pod, "rules").getConfigMap().getName()).isEqualTo("huiqi-rules");
        assertThat(env("POLICY_RULES_DIR").getValue()).isEqualTo(K8s.RULES_DIR);
    }

    @Test
    void apiKeysComeFromTheSecretOnly() {
        SecretKeySelector ref = env("POLICY_API_KEYS").getValueFrom().getSecretKeyRef();
        assertThat(ref.getName()).isEqualTo("huiqi-api-keys");
        assertThat(ref.getKey()).isEqualTo("api-keys");
        assertThat(ref.getOptional()).as("production pods need their keys").isNotEqualTo(Boolean.TRUE);
        assertThat(engine.getEnvFrom()).as("no wholesale import of a ConfigMap or Secret").isNullOrEmpty();
    }

    @Test
    void theHpaOwnsTheReplicaCountAndRollingUpdatesKeepEveryPodServing() {
        assertThat(deployment.getSpec().getReplicas()).as("set per overlay or by the HPA").isNull();
        assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
    }

    @Test
    void theServicePdbAndNetworkPolicySelectTheEnginePods() throws IOException {
        Service service = K8s.read(BASE.resolve("service.yaml"), Service.class);
        assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(service.getSpec().getPorts()).singleElement().satisfies(p -> assertThat(p.getTargetPort().getStrVal()).isEqualTo("http"));

        PodDisruptionBudget pdb = K8s.read(BASE.resolve("pdb.yaml"), PodDisruptionBudget.class);
        assertThat(podLabels).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
        assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).as("one pod at a time").isEqualTo(1);

        NetworkPolicy policy = K8s.read(BASE.resolve("networkpolicy.yaml"), NetworkPolicy.class);
        assertThat(podLabels).containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
        assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(policy.getSpec().getIngress()).allSatisfy(rule ->
                assertThat(rule.getPorts()).allSatisfy(p -> assertThat(p.getPort().getIntVal()).isIn(8080, 9000)));
        var management = policy.getSpec().getIngress().stream()
                .filter(rule -> rule.getPorts().stream().anyMatch(p -> p.getPort().getIntVal() == 9000)).toList();
        assertThat(management).as("the management port is open to the monitoring namespace only").singleElement().satisfies(rule -> {
            assertThat(rule.getPorts()).singleElement().satisfies(p -> assertThat(p.getPort().getIntVal()).isEqualTo(9000));
            assertThat(rule.getFrom()).singleElement().satisfies(peer -> assertThat(peer.getNamespaceSelector().getMatchLabels())
                    .containsEntry("kubernetes.io/metadata.name", "monitoring"));
        });
        List<NetworkPolicyPeer> peers = policy.getSpec().getIngress().stream().flatMap(r -> r.getFrom().stream()).toList();
        assertThat(peers).as("nothing is open to everyone").allSatisfy(peer ->
                assertThat(peer.getPodSelector() != null || peer.getNamespaceSelector() != null).isTrue());
        assertThat(policy.getSpec().getEgress()).as("egress: DNS only").allSatisfy(rule -> {
            assertThat(rule.getTo()).isNullOrEmpty();
            assertThat(rule.getPorts()).allSatisfy(p -> assertThat(p.getPort().getIntVal()).isEqualTo(53));
        });
        assertThat(Files.readString(BASE.resolve("networkpolicy.yaml"))).doesNotContain("ipBlock");
    }

    @Test
    void theHpaScalesTheDeploymentOnCpu() {
        HorizontalPodAutoscaler hpa = K8s.read(BASE.resolve("hpa.yaml"), HorizontalPodAutoscaler.class);
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment.getMetadata().getName());
        assertThat(hpa.getSpec().getMetrics()).anySatisfy(m -> assertThat(m.getResource().getName()).isEqualTo("cpu"));
        assertThat(hpa.getSpec().getMinReplicas()).isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());
    }

    @Test
    void devRunsOneReplicaWithoutAutoscaling() {
        JsonNode kustomization = K8s.single(DEV.resolve("kustomization.yaml"));
        assertThat(kustomization.path("resources")).extracting(JsonNode::asText).containsExactly("../../base");
        Deployment patch = K8s.read(DEV.resolve("deployment.yaml"), Deployment.class);
        assertThat(patch.getSpec().getReplicas()).isEqualTo(1);
        List<JsonNode> inlinePatches = K8s.documents(kustomization.findValuesAsText("patch").get(0));
        assertThat(inlinePatches).singleElement().satisfies(p -> {
            assertThat(p.path("$patch").asText()).isEqualTo("delete");
            assertThat(p.path("kind").asText()).isEqualTo("HorizontalPodAutoscaler");
        });
    }

    @Test
    void prodAutoscalesBetweenThreeAndTwentyReplicas() {
        JsonNode kustomization = K8s.single(PROD.resolve("kustomization.yaml"));
        assertThat(kustomization.path("resources")).extracting(JsonNode::asText).containsExactly("../../base");
        assertThat(kustomization.findValuesAsText("path")).contains("hpa.yaml");
        HorizontalPodAutoscaler hpa = K8s.read(PROD.resolve("hpa.yaml"), HorizontalPodAutoscaler.class);
        assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(3);
        assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(20);
        assertThat(kustomization.path("images").get(0).path("newTag").asText()).as("a released tag, not latest").isNotIn("", "latest");
    }

    private static String httpPath(Probe probe) {
        assertThat(probe).isNotNull();
        assertThat(probe.getHttpGet().getPort().getStrVal()).as("probes use the management port").isEqualTo("management");
        return probe.getHttpGet().getPath();
    }

    private VolumeMount mount(String path) {
        return engine.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing mounted at " + path));
    }

    private EnvVar env(String name) {
        return engine.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no env " + name));
    }
}
