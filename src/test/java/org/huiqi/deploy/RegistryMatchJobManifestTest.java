package org.huiqi.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * k8s/jobs/registry-match.yaml: an Indexed Job admitted by the engine's NetworkPolicy, and its
 * script, run here for every index against a stand-in for the batch API on 127.0.0.1, covers each
 * registry line exactly once.
 */
class RegistryMatchJobManifestTest {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]*)\"");

    private final Job job = K8s.read(K8s.K8S.resolve("jobs/registry-match.yaml"), Job.class);
    private final PodSpec pod = job.getSpec().getTemplate().getSpec();
    private final Container match = K8s.container(pod, "match");

    private HttpServer engine;
    private final AtomicInteger batchCalls = new AtomicInteger();
    private volatile int dropLastResults;

    @Test
    void isAnIndexedJobWithOneShardPerCompletion() {
        assertThat(job.getSpec().getCompletionMode()).isEqualTo("Indexed");
        assertThat(Integer.parseInt(env("SHARDS").getValue())).isEqualTo(job.getSpec().getCompletions());
        assertThat(job.getSpec().getParallelism()).isBetween(1, job.getSpec().getCompletions());
        assertThat(job.getSpec().getBackoffLimit()).isPositive();
        assertThat(pod.getRestartPolicy()).isEqualTo("Never");
    }

    @Test
    void reachesTheEngineThroughItsServiceAndNetworkPolicyWithAKeyFromASecret() {
        Service service = K8s.read(K8s.K8S.resolve("base/service.yaml"), Service.class);
        assertThat(env("ENGINE_URL").getValue()).isEqualTo("http://" + service.getMetadata().getName());
        NetworkPolicy policy = K8s.read(K8s.K8S.resolve("base/networkpolicy.yaml"), NetworkPolicy.class);
        Map<String, String> clientLabels = policy.getSpec().getIngress().get(0).getFrom().get(0).getPodSelector().getMatchLabels();
        assertThat(job.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(clientLabels);
        EnvVar key = env("API_KEY");
        assertThat(key.getValue()).isNull();
        assertThat(key.getValueFrom().getSecretKeyRef().getName()).isEqualTo("huiqi-registry-match-key");
    }

    @Test
    void runsHardenedWithBoundedResourcesAndWritesToTheDataVolume() {
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).as("numeric, for runAsNonRoot").isPositive();
        assertThat(match.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(match.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(match.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(match.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(match.getResources().getLimits()).containsKeys("cpu", "memory");
        assertThat(match.getVolumeMounts()).anySatisfy(m -> {
            assertThat(m.getMountPath()).isEqualTo(env("DATA_DIR").getValue());
            assertThat(K8s.volume(pod, m.getName()).getPersistentVolumeClaim()).isNotNull();
        });
        assertThat(match.getImage()).as("a pinned image").matches(".+:[0-9][^:]*");
    }

    @Test
    void theShardsTogetherCoverEveryRegistryLineOnceAndMapBackToIt(@TempDir Path data) throws Exception {
        List<String> registry = registry(data, 10);
        int shards = 3;
        for (int i = 0; i < shards; i++) {
            assertThat(runShard(data, i, shards)).as("shard " + i).isZero();
        }

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < shards; i++) {
            Path part = data.resolve("out/part-%05d.ndjson".formatted(i));
            assertThat(data.resolve("out/part-%05d.ndjson.partial".formatted(i))).doesNotExist();
            List<String> lines = Files.readAllLines(part);
            assertThat(lines.get(lines.size() - 1)).as("the shard's answer ran to its end line").startsWith("{\"end\":");
            for (String result : results(part)) {
                int n = Integer.parseInt(result.replaceAll(".*\"line\":(\\d+).*", "$1"));
                String id = id(result);
                // the documented mapping from a shard's line number back to the export's line
                assertThat(registry.get((n - 1) * shards + i)).as("line %d of shard %d", n, i).contains(id);
                ids.add(id);
            }
        }
        assertThat(ids).containsExactlyInAnyOrderElementsOf(registry.stream().map(RegistryMatchJobManifestTest::id).toList());
        assertThat(batchCalls).hasValue(shards);

        assertThat(runShard(data, 1, shards)).as("a retried, finished shard").isZero();
        assertThat(batchCalls).as("is not sent again").hasValue(shards);
    }

    @Test
    void aPreSplitShardFileIsUsedInsteadOfTheWholeExport(@TempDir Path data) throws Exception {
        registry(data, 10);
        Files.write(data.resolve("in/shard-00001.ndjson"), List.of("{\"id\":\"P1\"}", "{\"id\":\"P2\"}"));
        assertThat(runShard(data, 1, 3)).isZero();
        assertThat(results(data.resolve("out/part-00001.ndjson"))).extracting(RegistryMatchJobManifestTest::id)
                .containsExactly("P1", "P2");
    }

    @Test
    void aShortAnswerFailsThePodAndLeavesNoFinishedShard(@TempDir Path data) throws Exception {
        registry(data, 10);
        dropLastResults = 1;
        assertThat(runShard(data, 0, 3)).as("exit code").isNotZero();
        assertThat(data.resolve("out/part-00000.ndjson")).doesNotExist();
    }

    private EnvVar env(String name) {
        return match.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no env " + name));
    }

    private static List<String> registry(Path data, int lines) throws IOException {
        List<String> registry = new ArrayList<>();
        for (int l = 1; l <= lines; l++) registry.add("{\"id\":\"E%03d\",\"profile\":{\"regionCode\":\"441200\"}}".formatted(l));
        Files.createDirectories(data.resolve("in"));
        Files.write(data.resolve("in/registry.ndjson"), registry);
        return registry;
    }

    /** The result lines of an answer, without its end line. */
    private static List<String> results(Path part) throws IOException {
        return Files.readAllLines(part).stream().filter(line -> line.startsWith("{\"line\"")).toList();
    }

    private static String id(String line) {
        Matcher m = ID.matcher(line);
        return m.find() ? m.group(1) : null;
    }

    /** Runs the Job's container script as pod {@code index} would, against the stand-in engine. */
    private int runShard(Path data, int index, int shards) throws IOException, InterruptedException {
        assumeTrue(onPath("sh") && onPath("awk") && onPath("curl"), "sh, awk and curl are needed to run the Job's script");
        List<String> command = new ArrayList<>(match.getCommand());
        command.addAll(match.getArgs());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        for (EnvVar var : match.getEnv()) if (var.getValue() != null) env.put(var.getName(), var.getValue());
        env.put("JOB_COMPLETION_INDEX", Integer.toString(index));
        env.put("SHARDS", Integer.toString(shards));
        env.put("DATA_DIR", data.toString());
        env.put("API_KEY", "test-key");
        env.put("ENGINE_URL", "http://127.0.0.1:" + engine.getAddress().getPort());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("script finished: " + output).isTrue();
        return process.exitValue();
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }

    /** Answers the catalog (the Job's readiness check), and the batch API the way issue 6 specifies it: one numbered line out per line in. */
    @BeforeEach
    void startEngine() throws IOException {
        engine = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        engine.createContext("/api/v1/measures", exchange -> respond(exchange, 200, "[]"));
        engine.createContext("/api/v1/eligibility/batch", this::batch);
        engine.start();
    }

    @AfterEach
    void stopEngine() {
        engine.stop(0);
    }

    private void batch(HttpExchange exchange) throws IOException {
        batchCalls.incrementAndGet();
        if (!"Bearer test-key".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "{}");
            return;
        }
        if (!"application/x-ndjson".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
            respond(exchange, 415, "{}");
            return;
        }
        List<String> results = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(exchange.getRequestBody(), StandardCharsets.UTF_8))) {
            int n = 0;
            for (String line; (line = in.readLine()) != null; ) {
                n++;
                results.add("{\"line\":%d,\"id\":\"%s\",\"results\":[]}".formatted(n, id(line)));
            }
        }
        List<String> answer = new ArrayList<>(results.subList(0, results.size() - dropLastResults));
        // as the service does: the end line closes a batch that ran to its end; a cut one has none
        if (dropLastResults == 0) answer.add("{\"end\":{\"lines\":%d,\"errors\":0,\"rulesetVersion\":\"sha256:test\"}}".formatted(results.size()));
        respond(exchange, 200, String.join("\n", answer) + "\n");
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-ndjson");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
