package io.shuzhi.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real WebSocket client (the JDK's) that records every frame the server sends, for tests. */
public final class WsClient implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final List<JsonNode> all = java.util.Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private WsClient(URI uri) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(uri, new Listener()).join();
    }

    public static WsClient connect(int port) {
        return new WsClient(URI.create("ws://127.0.0.1:" + port + "/ws/chat"));
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode node = JSON.readTree(partial.toString());
                partial.setLength(0);
                all.add(node);
                inbox.add(node);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.complete(-1);
        }
    }

    public WsClient send(String raw) {
        socket.sendText(raw, true).join();
        return this;
    }

    /**
     * Sends a say the server is expected to refuse by closing the socket. A send still in progress when the close
     * arrives fails (the client has answered the close and shut its output); that failure is the expected outcome
     * here, and {@link #awaitClose()} tells which close code came.
     */
    public void sayExpectingClose(String id, String text) {
        String raw = JSON.createObjectNode().put("type", "say").put("id", id).put("text", text).toString();
        try {
            socket.sendText(raw, true).join();
        } catch (CompletionException e) {
            if (!(e.getCause() instanceof IOException)) {
                throw e;
            }
        }
    }

    /**
     * Sends one text message as several WebSocket frames, one per part (a text frame, then continuation frames); the
     * last part is sent final only if {@code finish}. A send failing because the server has closed the socket
     * meanwhile ends it quietly: {@link #awaitClose()} tells which close code came.
     */
    public void sendInParts(List<String> parts, boolean finish) {
        for (int i = 0; i < parts.size(); i++) {
            try {
                socket.sendText(parts.get(i), finish && i == parts.size() - 1).join();
            } catch (CompletionException e) {
                if (!(e.getCause() instanceof IOException)) throw e;
                return;
            }
        }
    }

    public WsClient sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
        return this;
    }

    public WsClient hello() {
        return send("{\"type\":\"hello\"}");
    }

    public WsClient hello(String sessionId, Long lastSeq) {
        var node = JSON.createObjectNode().put("type", "hello").put("sessionId", sessionId);
        if (lastSeq != null) node.put("lastSeq", lastSeq);
        return send(node.toString());
    }

    public WsClient say(String id, String text) {
        return send(JSON.createObjectNode().put("type", "say").put("id", id).put("text", text).toString());
    }

    /** The next frame matching {@code match}; frames before it are consumed. Fails after 10 s. */
    public JsonNode await(Predicate<JsonNode> match) {
        return await(match, WAIT);
    }

    /** As {@link #await(Predicate)}, waiting up to {@code wait}: for a frame that comes after a long turn. */
    public JsonNode await(Predicate<JsonNode> match, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                JsonNode next = left > 0 ? inbox.poll(left, TimeUnit.NANOSECONDS) : null;
                if (next == null) throw new AssertionError("no matching frame within " + wait + "; last frames: " + tail());
                if (match.test(next)) return next;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public JsonNode await(String type) {
        return await(f -> type.equals(f.path("type").asString()));
    }

    /** Waits for the end of the assistant's reply and returns its text. */
    public String reply() {
        return await("assistant_end").path("text").asString();
    }

    /** Frames still unread after waiting {@code ms} (for asserting that nothing more comes). */
    public List<JsonNode> drain(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        var out = new ArrayList<JsonNode>();
        inbox.drainTo(out);
        return out;
    }

    /** The last few frames, shortened: enough to see where a conversation stopped. */
    private String tail() {
        List<JsonNode> frames = all();
        var out = new StringBuilder();
        for (JsonNode f : frames.subList(Math.max(0, frames.size() - 8), frames.size())) {
            String s = f.toString();
            out.append("\n  ").append(s.length() > 300 ? s.substring(0, 300) + "…" : s);
        }
        return out.toString();
    }

    public List<JsonNode> all() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }

    public int awaitClose() {
        return awaitClose(10);
    }

    /** The close code, waiting up to {@code seconds}. */
    public int awaitClose(int seconds) {
        return closed.orTimeout(seconds, TimeUnit.SECONDS).join();
    }

    public boolean isOpen() {
        return !socket.isOutputClosed() && !closed.isDone();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
}
