package org.huiqi.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.huiqi.api.access.ApiKeys;
import org.huiqi.impact.PopulationGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The packaged service as the pod runs it (-Xmx600m, -XX:+ExitOnOutOfMemoryError) survives what
 * the security review did to it: a burst of large impact drafts, thousands of event-stream
 * subscribers, and a draft whose rule ends the JVM. Everything goes to 127.0.0.1 only, and every
 * loop is bounded in count and time.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImpactSurvivalIT {
    static final String ADMIN_KEY = "impact-survival-admin-key";
    static final String POPULATION = "survival.ndjson";
    static final int DRAFTS = 40;
    static final int DRAFT_BYTES = 1_000_000;
    static final int SUBSCRIBERS = 2_000;

    static Service service;

    @BeforeAll
    static void start() throws Exception {
        Path populations = Files.createTempDirectory("survival-populations-");
        try (OutputStream out = Files.newOutputStream(populations.resolve(POPULATION))) {
            PopulationGenerator.write(1, 0, 200, out);
        }
        service = Service.start(Map.of(
                "policy.rules.dir", "rules",
                "policy.api-keys", "ops:" + ApiKeys.hashOf(ADMIN_KEY) + ":admin",
                "policy.impact.populations", populations.toString(),
                // one client (this test) may then reach the global cap, as many clients would
                "policy.events.max-subscribers-per-client", String.valueOf(SUBSCRIBERS)));
    }

    @AfterAll
    static void stop() {
        if (service != null) service.stop();
    }

    @Test
    @Order(1)
    void aBurstOfLargeDraftsIsQueuedOrRefusedAndTheServiceLives() throws Exception {
        String body = "{\"files\": {\"notes/padding.txt\": \"" + randomText(DRAFT_BYTES) + "\"}}";
        List<CompletableFuture<HttpResponse<String>>> posts = new ArrayList<>();
        for (int i = 0; i < DRAFTS; i++) {
            posts.add(service.http.sendAsync(HttpRequest.newBuilder(service.api("/api/v1/admin/impact?population=" + POPULATION))
                    .header("Authorization", "Bearer " + ADMIN_KEY).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (CompletableFuture<HttpResponse<String>> post : posts) {
            HttpResponse<String> answer = post.get(90, TimeUnit.SECONDS);
            statuses.merge(answer.statusCode(), 1, Integer::sum);
            if (answer.statusCode() == 429) assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        }
        System.out.println("impact drafts posted, by status: " + statuses);
        assertThat(statuses.keySet()).as(statuses.toString()).containsOnly(202, 429);
        assertThat(statuses.get(429)).as("the queue is bounded: " + statuses).isNotNull();
        service.assertAlive();
    }

    @Test
    @Order(2)
    void thousandsOfSubscribersAreRefusedPastTheCapAndTheServiceLives() throws Exception {
        List<Socket> streams = new ArrayList<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try {
            for (int i = 0; i < SUBSCRIBERS && System.nanoTime() < deadline; i++) {
                Socket socket = new Socket();
                String outcome;
                try {
                    socket.connect(new InetSocketAddress("127.0.0.1", service.apiPort), 2_000);
                    socket.setSoTimeout(5_000);
                    socket.getOutputStream().write(("GET /api/v1/ruleset/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
                    outcome = status == null ? "closed" : status.split(" ")[1];
                } catch (IOException e) {
                    outcome = "closed";
                }
                outcomes.merge(outcome, 1, Integer::sum);
                if (outcome.equals("200")) streams.add(socket);
                else socket.close();
            }
            System.out.println("event subscribers, by outcome: " + outcomes);
            assertThat(outcomes.keySet()).as(outcomes.toString()).containsAnyOf("503", "429").isSubsetOf("200", "429", "503", "closed");
            assertThat(outcomes.getOrDefault("200", 0)).as(outcomes.toString()).isPositive().isLessThan(SUBSCRIBERS);
            service.assertAlive();
        } finally {
            for (Socket stream : streams) stream.close();
        }
    }

    /**
     * The draft is refused when it is compiled, naming System.exit at its line (StaffCode): before
     * rule code was held to its vocabulary, the draft's first evaluation ended the JVM.
     */
    @Test
    @Order(3)
    void aDraftWhoseRuleCallsSystemExitDoesNotEndTheService() throws Exception {
        String file = "guangxi/wuzhou/xsg.drl";
        String exiting = Files.readString(Path.of("rules", file))
                .replace("decide(drools, $e.locatedIn(\"450400\"));", "if (true) { System.exit(0); }");
        assertThat(exiting).contains("System.exit");
        String body = "{\"files\": {\"" + file + "\": " + json(exiting) + "}}";
        HttpResponse<String> started = send(HttpRequest.newBuilder(service.api("/api/v1/admin/impact?population=" + POPULATION))
                .header("Authorization", "Bearer " + ADMIN_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        // The queue may still hold the burst's runs: wait for a place, within the time limit.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (started.statusCode() == 429 && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            started = send(HttpRequest.newBuilder(service.api("/api/v1/admin/impact?population=" + POPULATION))
                    .header("Authorization", "Bearer " + ADMIN_KEY).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        String report = "";
        for (int i = 0; i < 60 && service.process.isAlive(); i++) {
            HttpResponse<String> job;
            try {
                job = send(HttpRequest.newBuilder(service.api(location)).header("Authorization", "Bearer " + ADMIN_KEY).GET());
            } catch (IOException e) {
                break; // the service is gone: asserted below
            }
            report = job.body();
            if (report.contains("\"DONE\"") || report.contains("\"FAILED\"")) break;
            Thread.sleep(1_000);
        }
        service.assertAlive();
        assertThat(report).contains("\"FAILED\"", "System.exit");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return service.http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Incompressible text that needs no JSON escaping. */
    private static String randomText(int length) {
        SplittableRandom random = new SplittableRandom(7);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) text.append((char) ('a' + random.nextInt(26)));
        return text.toString();
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    /** The packaged jar in a child JVM with the pod's heap settings, on free loopback ports. */
    static final class Service {
        static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

        final Process process;
        final int apiPort;
        final int managementPort;
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

        private Service(Process process, int apiPort, int managementPort) {
            this.process = process;
            this.apiPort = apiPort;
            this.managementPort = managementPort;
        }

        static Service start(Map<String, String> properties) throws Exception {
            assertThat(JAR).as("package the application first (./mvnw package)").exists();
            int api = freePort();
            int management = freePort();
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx600m", "-XX:+ExitOnOutOfMemoryError",
                    "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + api,
                    "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + management));
            properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
            command.addAll(List.of("-jar", JAR.toString()));
            Path log = Path.of("target", "impact-survival-it.log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Service service = new Service(process, api, management);
            try {
                service.awaitReady(Duration.ofSeconds(120));
            } catch (AssertionError | RuntimeException e) {
                service.stop();
                throw e;
            }
            return service;
        }

        URI api(String path) {
            return URI.create("http://127.0.0.1:" + apiPort + path);
        }

        URI management(String path) {
            return URI.create("http://127.0.0.1:" + managementPort + path);
        }

        private void awaitReady(Duration patience) throws InterruptedException {
            long deadline = System.nanoTime() + patience.toNanos();
            while (System.nanoTime() < deadline) {
                assertThat(process.isAlive()).as("the service started (see target/impact-survival-it.log)").isTrue();
                if (status(management("/q/health/ready")) == 200) return;
                Thread.sleep(500);
            }
            throw new AssertionError("the service was not ready within " + patience + " (see target/impact-survival-it.log)");
        }

        /** The JVM runs, liveness answers on the management port, and the self-check on the API port. */
        void assertAlive() throws IOException, InterruptedException {
            assertThat(process.isAlive()).as("the JVM is alive (see target/impact-survival-it.log)").isTrue();
            assertThat(status(management("/q/health/live"))).as("liveness").isEqualTo(200);
            HttpResponse<String> check = http.send(HttpRequest.newBuilder(api("/api/v1/eligibility"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"profile\":{\"regionCode\":\"450400\"}}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(check.statusCode()).as(check.body()).isEqualTo(200);
        }

        private int status(URI uri) {
            try {
                return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        void stop() {
            process.destroy();
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
        }
    }
}
