package org.huiqi.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The rule-set event stream (GET /api/v1/ruleset/events), kept open on a thread of its own. When
 * the stream ends — a gateway's timeout, a restart, {@link #disconnect()} — it reconnects after the
 * delay the service advised ({@code retry:}), sending the last id seen as {@code Last-Event-ID}, so
 * the service first replays the activations missed meanwhile. Heartbeat comments are read and
 * ignored. {@link #close()} stops it.
 */
public final class RuleSetEvents implements AutoCloseable {
    /** What the stream delivers, on the events thread. */
    public interface Listener {
        /** A rule set was activated: {@code change} is a RuleSetChange. {@code replayed}: sent on reconnecting, missed before. */
        void activated(JsonNode change, boolean replayed);

        /** The stream (re)opened: {@code current} is a RuleSetCurrent (version, and replayComplete after a Last-Event-ID). */
        default void connected(JsonNode current) {
        }
    }

    private final HttpClient http;
    private final URI uri;
    private final String apiKey;
    private final Listener listener;
    private final Thread thread;
    private volatile String lastEventId;
    private volatile long retryMillis = 5_000;
    private volatile boolean closed;
    private volatile InputStream open;

    RuleSetEvents(HttpClient http, URI uri, String apiKey, String lastEventId, Listener listener) {
        this.http = http;
        this.uri = uri;
        this.apiKey = apiKey;
        this.lastEventId = lastEventId;
        this.listener = listener;
        this.thread = new Thread(this::run, "huiqi-ruleset-events");
        thread.setDaemon(true);
        thread.start();
    }

    /** The id of the last event received (a rule-set version): keep it to resume after a restart of your own. */
    public String lastEventId() {
        return lastEventId;
    }

    /** Drops the current connection, as a gateway would; the stream reconnects by itself. */
    public void disconnect() {
        InputStream in = open;
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        disconnect();
        thread.interrupt();
    }

    private void run() {
        while (!closed) {
            try {
                listen();
            } catch (IOException e) {
                // the stream broke: reconnect below
            } catch (InterruptedException e) {
                return;
            }
            if (closed) return;
            try {
                Thread.sleep(retryMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void listen() throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        if (apiKey != null) request.header("Authorization", "Bearer " + apiKey);
        if (lastEventId != null) request.header("Last-Event-ID", lastEventId);
        HttpResponse<InputStream> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            // refused (too many streams): wait what the service says, at least the advised delay
            response.headers().firstValue("Retry-After").ifPresent(s -> retryMillis = Math.max(retryMillis, Long.parseLong(s.strip()) * 1000));
            return;
        }
        open = response.body();
        boolean current = false;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String event = null;
            String id = null;
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null && !closed; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        JsonNode json = HuiqiClient.JSON.readTree(data.toString());
                        if ("ruleset-current".equals(event)) {
                            current = true;
                            listener.connected(json);
                        } else if ("ruleset-activated".equals(event)) {
                            listener.activated(json, !current);
                        }
                        if (id != null) lastEventId = id;
                    }
                    event = null;
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    continue; // a heartbeat
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    switch (field) {
                        case "event" -> event = value;
                        case "id" -> id = value;
                        case "data" -> data.append(data.length() > 0 ? "\n" : "").append(value);
                        case "retry" -> retryMillis = Duration.ofMillis(Long.parseLong(value.strip())).toMillis();
                        default -> { }
                    }
                }
            }
        } finally {
            open = null;
        }
    }
}
