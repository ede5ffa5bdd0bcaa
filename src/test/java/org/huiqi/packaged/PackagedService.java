package org.huiqi.packaged;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
import java.util.concurrent.TimeUnit;

/**
 * The packaged application (target/quarkus-app) in a child JVM started as the pod starts it —
 * {@code -Xmx600m -XX:+ExitOnOutOfMemoryError} — on free loopback ports, ready to take requests.
 * Attacks on the running jar share it: {@link #start(Map)} takes any further {@code -D}
 * properties (such as {@code policy.api-keys}); {@link #close()} stops it. Its console goes to
 * {@code target/packaged-service-<port>.log}.
 */
final class PackagedService implements AutoCloseable {
    static final String HOST = "127.0.0.1";
    private static final Duration READY_WITHIN = Duration.ofSeconds(120);

    final int port;
    final int managementPort;
    final Path log;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private PackagedService(int port, int managementPort, Path log, Process process) {
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
        this.process = process;
    }

    /** Starts the jar with the pod's heap and the project's rules, plus {@code properties}, and waits until it is ready. */
    static PackagedService start(Map<String, String> properties) throws IOException, InterruptedException {
        int port = freePort();
        int managementPort = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx600m", "-XX:+ExitOnOutOfMemoryError",
                "-Dquarkus.http.host=" + HOST, "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.host=" + HOST, "-Dquarkus.management.port=" + managementPort,
                "-Dpolicy.rules.dir=rules"));
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of("-jar", StaffCommandsIT.JAR.toString()));
        Path log = Path.of("target", "packaged-service-" + port + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PackagedService service = new PackagedService(port, managementPort, log, process);
        try {
            service.awaitReady();
        } catch (RuntimeException | Error | InterruptedException e) {
            service.close();
            throw e;
        }
        return service;
    }

    private void awaitReady() throws InterruptedException {
        long until = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < until) {
            if (!alive()) throw new IllegalStateException("the service ended while starting:\n" + logTail());
            try {
                if (ready().statusCode() == 200) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the service was not ready within " + READY_WITHIN + ":\n" + logTail());
    }

    boolean alive() {
        return process.isAlive();
    }

    URI api(String path) {
        return URI.create("http://" + HOST + ":" + port + path);
    }

    URI management(String path) {
        return URI.create("http://" + HOST + ":" + managementPort + path);
    }

    /** GET /q/health/ready on the management port. */
    HttpResponse<String> ready() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(management("/q/health/ready")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** POST of a JSON body to the API port. */
    HttpResponse<String> postJson(String path, byte[] body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(api(path)).timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The status the service answers a POST of a JSON body with, sent over a plain socket with
     * {@code Expect: 100-continue} as curl sends large bodies: the body goes only after the
     * service's 100, so a body refused on its length is never sent. (The JDK 17 HttpClient waits
     * forever when the answer to an Expect is a final status.)
     */
    int postStatus(String path, byte[] body) throws IOException {
        try (Socket socket = new Socket(HOST, port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + HOST + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            int status = status(in);
            if (status != 100) return status;
            try {
                out.write(body);
                out.flush();
            } catch (IOException answeredAlready) {
                // The service may answer, and close, before it has taken the whole body.
            }
            return status(in);
        }
    }

    /** The status of the next response on {@code in}, its headers skipped. */
    private static int status(InputStream in) throws IOException {
        String statusLine = line(in);
        while (!line(in).isEmpty()) {
            // headers
        }
        return Integer.parseInt(statusLine.split(" ")[1]);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) throw new IOException("the connection closed in a response's head: " + line);
            if (c != '\r') line.append((char) c);
        }
        return line.toString();
    }

    /** A normal anonymous self-check. */
    HttpResponse<String> selfCheck() throws IOException, InterruptedException {
        return postJson("/api/v1/eligibility", "{\"profile\":{\"regionCode\":\"450400\"}}".getBytes(StandardCharsets.UTF_8));
    }

    /** The end of the service's console, for failure messages. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
