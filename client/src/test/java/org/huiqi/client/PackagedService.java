package org.huiqi.client;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The service as it is shipped (target/quarkus-app of the root build) in a child JVM, on a copy of
 * the project's rules that the tests may edit, with one API key of both roles and short limits
 * (below) so that a 429 and a cut happen within seconds. Its console goes to target/service-PORT.log.
 */
final class PackagedService implements AutoCloseable {
    static final String KEY = "client-tests-key";
    /** Batches one client may run at once: a second one is answered 429 with Retry-After: 1. */
    static final int PER_CLIENT = 1;
    /** Seconds the service waits for a silent client before it cuts its batch. */
    static final int IDLE_SECONDS = 3;

    final URI base;
    final URI metrics;
    final Path rules;
    private final Process process;
    private final HttpClient http = HttpClient.newHttpClient();

    private PackagedService(URI base, URI metrics, Path rules, Process process) {
        this.base = base;
        this.metrics = metrics;
        this.rules = rules;
        this.process = process;
    }

    private static PackagedService shared;

    /** One service for all the test classes of this module (starting one builds the rules: tens of seconds); stopped at exit. */
    static synchronized PackagedService shared() throws Exception {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    private static PackagedService start() throws Exception {
        Path jar = Path.of(System.getProperty("service.jar", "../target/quarkus-app/quarkus-run.jar"));
        if (!Files.exists(jar)) throw new IllegalStateException(jar + " is missing: build the service first (./mvnw -B package in the root)");
        Path rules = Files.createTempDirectory("huiqi-client-rules");
        copy(Path.of(System.getProperty("rules.dir", "../rules")), rules);
        int port = freePort();
        int management = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx600m",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + management,
                "-Dpolicy.rules.dir=" + rules,
                "-Dpolicy.api-keys=client-tests:" + sha256(KEY) + ":integration+admin",
                "-Dpolicy.batch.max-concurrent-per-client=" + PER_CLIENT, "-Dpolicy.batch.retry-after=1s",
                "-Dpolicy.batch.idle-timeout=" + IDLE_SECONDS + "s",
                "-Dpolicy.events.retry=1s", "-Dpolicy.events.heartbeat=2s",
                "-jar", jar.toString()));
        Path log = Path.of("target", "service-" + port + ".log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PackagedService service = new PackagedService(URI.create("http://127.0.0.1:" + port),
                URI.create("http://127.0.0.1:" + management + "/q/metrics"), rules, process);
        service.awaitReady(URI.create("http://127.0.0.1:" + management + "/q/health/ready"), log);
        return service;
    }

    private void awaitReady(URI ready, Path log) throws Exception {
        long until = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < until) {
            if (!process.isAlive()) throw new IllegalStateException("the service ended while starting:\n" + Files.readString(log));
            try {
                if (http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("the service was not ready within 180 s:\n" + Files.readString(log));
    }

    /** Batches running now (the huiqi_batch_running gauge). */
    int batchesRunning() throws Exception {
        String text = http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
        return text.lines().filter(l -> l.startsWith("huiqi_batch_running")).findFirst()
                .map(l -> (int) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).orElse(0);
    }

    /** The serving rule-set version. */
    String version() throws Exception {
        String body = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/ruleset")).build(), HttpResponse.BodyHandlers.ofString()).body();
        return HuiqiClient.JSON.readTree(body).path("version").asText();
    }

    /** Edits a rule file as staff would (keeping its scenarios passing, or the edit is not activated), and reloads (the admin endpoint, rather than waiting for the file watcher). */
    void edit(String file, String from, String to) throws Exception {
        Path path = rules.resolve(file);
        String text = Files.readString(path);
        if (!text.contains(from)) throw new IllegalArgumentException(file + " does not contain " + from);
        Files.writeString(path, text.replace(from, to));
        HttpResponse<String> reload = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/admin/ruleset/reload"))
                .header("Authorization", "Bearer " + KEY).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (reload.statusCode() != 200) throw new IllegalStateException("reload: " + reload.statusCode() + " " + reload.body());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) Files.createDirectories(target);
                else Files.copy(file, target);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String sha256(String key) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    }
}
