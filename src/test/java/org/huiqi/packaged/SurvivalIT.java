package org.huiqi.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The attacks of security round 2, against the packaged jar with the pod's heap (600 MB, and the
 * JVM exits on OutOfMemoryError as in the pod): each must leave the service alive and answering.
 * Loopback only; every attack is bounded in connections and time. Add an attack as a test method
 * here, or start a {@link PackagedService} with other properties in a class of its own.
 */
class SurvivalIT {
    private static final String EVALUATE = "/api/v1/eligibility";
    private static PackagedService service;

    @BeforeAll
    static void start() throws Exception {
        service = PackagedService.start(Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) service.close();
    }

    /** {"profile":{"inputs":{"x":[{},{},…]}}} of about {@code bytes} bytes: millions of empty objects once built. */
    private static byte[] inputsBomb(int bytes) {
        String head = "{\"profile\":{\"inputs\":{\"x\":[";
        StringBuilder body = new StringBuilder(bytes).append(head);
        while (body.length() < bytes - 10) body.append("{},");
        return body.append("{}]}}}").toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void inputBombsInParallelAreRefusedAndTheJvmLives() throws Exception {
        byte[] large = inputsBomb(9_700_000);   // 3.2 million empty objects
        byte[] small = inputsBomb(990_000);     // under a 1 MB ingress limit
        List<Callable<Integer>> bombs = new ArrayList<>();
        for (int i = 0; i < 4; i++) bombs.add(() -> service.postStatus(EVALUATE, large));
        for (int i = 0; i < 30; i++) bombs.add(() -> service.postStatus(EVALUATE, small));
        ExecutorService senders = Executors.newFixedThreadPool(bombs.size());
        try {
            for (Future<Integer> status : senders.invokeAll(bombs, 60, TimeUnit.SECONDS)) {
                assertThat(status.get()).as("a bomb's status").isIn(400, 413);
            }
        } finally {
            senders.shutdownNow();
        }
        assertThat(service.alive()).as("the JVM is alive:\n" + service.logTail()).isTrue();
        HttpResponse<String> check = service.selfCheck();
        assertThat(check.statusCode()).as(check.body()).isEqualTo(200);
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void slowBodiesHoldNeitherWorkersNorProbes() throws Exception {
        // The first evaluation after start is slow for reasons of its own (class loading, JIT): not what is measured here.
        assertThat(service.selfCheck().statusCode()).isEqualTo(200);
        List<Socket> slow = new ArrayList<>();
        try {
            // More than the 200 workers of the pod's 2 CPUs: each sends its headers and 13 of 1,000 body bytes, then waits.
            for (int i = 0; i < 250; i++) slow.add(partialBody(1000, "{\"profile\":{"));
            for (int round = 0; round < 3; round++) {
                assertThat(timed(service::selfCheck)).as("a self-check while 250 bodies are held").isLessThan(Duration.ofSeconds(2));
                assertThat(timed(service::ready)).as("readiness while 250 bodies are held").isLessThan(Duration.ofSeconds(2));
                Thread.sleep(1000);
            }
            // The body deadline (policy.http.body-deadline, 10 s) ends them: 408, and the connection is closed.
            for (Socket socket : slow) assertThat(answer(socket)).startsWith("HTTP/1.1 408");
        } finally {
            for (Socket socket : slow) socket.close();
        }
        assertThat(service.alive()).isTrue();
    }

    private static Socket partialBody(int length, String sent) throws IOException {
        Socket socket = new Socket(PackagedService.HOST, service.port);
        socket.setSoTimeout(30_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + EVALUATE + " HTTP/1.1\r\nHost: " + PackagedService.HOST + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + length + "\r\n\r\n" + sent).getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static String answer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        return new String(in.readNBytes(64), StandardCharsets.US_ASCII);
    }

    /** How long a request took; it must also have succeeded. */
    private static Duration timed(Callable<HttpResponse<String>> request) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = request.call();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(200);
        return took;
    }
}
