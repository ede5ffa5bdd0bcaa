package org.huiqi.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;

/** k8s/jobs/impact.yaml: an Indexed Job running the engine's impact command, one shard per completion. */
class ImpactJobManifestTest {
    private final Job job = K8s.read(K8s.K8S.resolve("jobs/impact.yaml"), Job.class);
    private final PodSpec pod = job.getSpec().getTemplate().getSpec();
    private final Container impact = K8s.container(pod, "impact");

    @Test
    void isAnIndexedJobWithOneShardPerCompletion() {
        assertThat(job.getSpec().getCompletionMode()).isEqualTo("Indexed");
        assertThat(Integer.parseInt(env("SHARDS").getValue())).isEqualTo(job.getSpec().getCompletions());
        assertThat(job.getSpec().getParallelism()).isBetween(1, job.getSpec().getCompletions());
        assertThat(pod.getRestartPolicy()).isEqualTo("Never");
        String script = String.join("\n", impact.getArgs());
        assertThat(script).contains("quarkus-run.jar impact").contains("--shard \"$i/$SHARDS\"").contains("--format json")
                .contains("--as-of \"$AS_OF\"").contains("JOB_COMPLETION_INDEX");
    }

    @Test
    void runsTheEnginesOwnImageHardenedWithBoundedResources() {
        Deployment engine = K8s.read(K8s.K8S.resolve("base/deployment.yaml"), Deployment.class);
        assertThat(impact.getImage()).isEqualTo(K8s.container(engine.getSpec().getTemplate().getSpec(), "engine").getImage());
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(impact.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(impact.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(impact.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(impact.getResources().getLimits()).containsKeys("cpu", "memory");
        assertThat(impact.getVolumeMounts()).anySatisfy(m -> {
            assertThat(m.getMountPath()).isEqualTo(env("DATA_DIR").getValue());
            assertThat(K8s.volume(pod, m.getName()).getPersistentVolumeClaim()).isNotNull();
        });
    }

    private EnvVar env(String name) {
        return impact.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow();
    }
}
