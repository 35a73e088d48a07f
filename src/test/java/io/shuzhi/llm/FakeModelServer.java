package io.shuzhi.llm;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static io.shuzhi.support.Tables.NUMBERS;

/**
 * A fake OpenAI-compatible server for tests: real HTTP/1.1 on a random local port, so LangChain4j's real HTTP client
 * path runs. {@code POST /v1/chat/completions} answers plain JSON or, for {@code "stream":true}, SSE chunks
 * ({@code data: {...}}, a final chunk with {@code usage}, then {@code data: [DONE]}); {@code GET /v1/models} lists
 * one model. What it answers is scripted per test (a queue of {@link Responder}s, then a default router); every
 * request is recorded. Faults: stall before the first token or mid-stream, a malformed chunk, a connection reset
 * (TCP RST), any HTTP status.
 *
 * <p>Token counts: prompt tokens = characters of all message contents, completion tokens = characters of the answer
 * (Chinese runs near one token per character with the common tokenizers).
 */
public final class FakeModelServer implements AutoCloseable {
    static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String MODEL = "fake-model";

    /** A recorded request. */
    public record Request(String method, String path, Map<String, String> headers, String body) {
        public JsonNode json() {
            return body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
        }

        public boolean streaming() {
            return json().path("stream").asBoolean(false);
        }

        /** All message contents joined: what the model was told. */
        public String prompt() {
            var out = new StringBuilder();
            for (JsonNode m : json().path("messages")) out.append(m.path("content").asString("")).append('\n');
            return out.toString();
        }

        public String lastUser() {
            String last = "";
            for (JsonNode m : json().path("messages")) {
                if ("user".equals(m.path("role").asString())) last = m.path("content").asString("");
            }
            return last;
        }

        public boolean wantsJson() {
            return json().path("response_format").path("type").asString("").startsWith("json");
        }
    }

    /** Answers one request. */
    @FunctionalInterface
    public interface Responder {
        void respond(Request request, Exchange exchange) throws Exception;
    }

    /** The response side of one connection. */
    public static final class Exchange {
        private final Socket socket;
        private final OutputStream out;
        private final Request request;
        private boolean sseStarted;

        Exchange(Socket socket, Request request) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
            this.request = request;
        }

        public void status(int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            out.write(("HTTP/1.1 " + status + " " + reason(status) + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(bytes);
            out.flush();
        }

        public void error(int status, String message) throws IOException {
            ObjectNode err = JSON.createObjectNode();
            err.putObject("error").put("message", message).put("type", "fake_error").put("code", String.valueOf(status));
            status(status, err.toString());
        }

        /** A whole non-streaming completion. */
        public void completion(String content) throws IOException {
            ObjectNode root = JSON.createObjectNode().put("id", "cmpl-fake").put("object", "chat.completion")
                    .put("created", 0).put("model", MODEL);
            ObjectNode choice = root.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", content);
            usage(root, content);
            status(200, root.toString());
        }

        public void startSse() throws IOException {
            if (sseStarted) return;
            sseStarted = true;
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        /** One content chunk. */
        public void chunk(String text) throws IOException {
            startSse();
            ObjectNode root = chunkRoot();
            root.putArray("choices").addObject().put("index", 0).putNull("finish_reason")
                    .putObject("delta").put("content", text);
            raw("data: " + root + "\n\n");
        }

        /** One {@code reasoning_content} chunk (DeepSeek's reasoner): thinking beside the content, never in it. */
        public void reasoningChunk(String text) throws IOException {
            startSse();
            ObjectNode root = chunkRoot();
            root.putArray("choices").addObject().put("index", 0).putNull("finish_reason")
                    .putObject("delta").putNull("content").put("reasoning_content", text);
            raw("data: " + root + "\n\n");
        }

        /** A whole non-streaming completion with {@code reasoning_content} beside the content, billed for both. */
        public void completionWithReasoning(String reasoning, String content) throws IOException {
            ObjectNode root = JSON.createObjectNode().put("id", "cmpl-fake").put("object", "chat.completion")
                    .put("created", 0).put("model", MODEL);
            ObjectNode choice = root.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", content)
                    .put("reasoning_content", reasoning);
            usage(root, reasoning + content);
            status(200, root.toString());
        }

        /** The finish chunk, the usage chunk (as with stream_options.include_usage) and [DONE]. */
        public void finish(String wholeAnswer) throws IOException {
            startSse();
            ObjectNode stop = chunkRoot();
            stop.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop").putObject("delta");
            raw("data: " + stop + "\n\n");
            ObjectNode usage = chunkRoot();
            usage.putArray("choices");
            usage(usage, wholeAnswer);
            raw("data: " + usage + "\n\n");
            raw("data: [DONE]\n\n");
        }

        public void raw(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        /** Streams {@code content} in pieces of {@code size} characters, then finishes. */
        public void stream(String content, int size) throws IOException {
            for (int i = 0; i < content.length(); i += size) chunk(content.substring(i, Math.min(content.length(), i + size)));
            finish(content);
        }

        /** Sleeps (the server's close interrupts it). */
        public void stall(Duration d) throws InterruptedException {
            Thread.sleep(d.toMillis());
        }

        /** Cuts the connection with a TCP reset. */
        public void reset() throws IOException {
            socket.setSoLinger(true, 0);
            socket.close();
        }

        private ObjectNode chunkRoot() {
            return JSON.createObjectNode().put("id", "chunk-fake").put("object", "chat.completion.chunk")
                    .put("created", 0).put("model", MODEL);
        }

        private void usage(ObjectNode root, String answer) {
            int prompt = request.prompt().length();
            root.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", answer.length())
                    .put("total_tokens", prompt + answer.length());
        }
    }

    // ---- scripted answers ----------------------------------------------------------------------------------------

    /** Answers with {@code content}: SSE in pieces of 6 characters when the request streams, JSON otherwise. */
    public static Responder text(String content) {
        return (req, ex) -> {
            if (req.streaming()) ex.stream(content, 6);
            else ex.completion(content);
        };
    }

    // ---- recorded shapes of reasoning models ------------------------------------------------------------------------
    // Written from the providers' documented stream formats (no model runs here): the same SSE bytes the client sees.

    /**
     * vLLM, llama.cpp server and Ollama's {@code /v1} with Qwen3, QwQ or DeepSeek-R1: the thinking is in the content,
     * {@code <think>\n…\n</think>\n\n} before the answer, streamed in pieces of {@code size} characters (so a tag is
     * split across chunks for most sizes). Billed: every character, thinking included.
     */
    public static Responder thinkInContent(String thinking, String answer, int size) {
        String all = "<think>\n" + thinking + "\n</think>\n\n" + answer;
        return (req, ex) -> {
            if (req.streaming()) ex.stream(all, size);
            else ex.completion(all);
        };
    }

    /**
     * DeepSeek's reasoner ({@code deepseek-reasoner}): {@code reasoning_content} chunks first (content null), then the
     * content chunks, usage in the last chunk counting both; {@code pause} between reasoning chunks (a model thinks
     * longer than the first-token watchdog).
     */
    public static Responder reasoningContent(String thinking, String answer, Duration pause) {
        return (req, ex) -> {
            if (!req.streaming()) {
                ex.completionWithReasoning(thinking, answer);
                return;
            }
            for (String piece : pieces(thinking, 4)) {
                ex.reasoningChunk(piece);
                ex.stall(pause);
            }
            for (String piece : pieces(answer, 5)) ex.chunk(piece);
            ex.finish(thinking + answer);
        };
    }

    /** Text, then a {@code <think>} the stream never closes (a model cut off by its max_tokens while thinking again). */
    public static Responder endsInsideThink(String answer, String thinking) {
        String all = answer + "<think>" + thinking;
        return (req, ex) -> ex.stream(all, 3);
    }

    public static Responder status(int code) {
        return (req, ex) -> ex.error(code, "fake " + code);
    }

    private final ServerSocket server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-model");
        t.setDaemon(true);
        return t;
    });
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Responder> script = new ConcurrentLinkedDeque<>();
    private volatile Responder router = text("好的。");
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean closed;

    public FakeModelServer() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        pool.submit(this::acceptLoop);
    }

    /** {@code http://127.0.0.1:<port>/v1} */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/v1";
    }

    /** Answers the next requests in order with these, then falls back to the router. */
    public FakeModelServer script(Responder... responders) {
        Collections.addAll(script, responders);
        return this;
    }

    /** The default answer for requests the script does not cover. */
    public FakeModelServer route(Responder responder) {
        this.router = responder;
        return this;
    }

    /** Forgets the script, the router and the recorded requests. */
    public FakeModelServer reset() {
        script.clear();
        router = text("好的。");
        requests.clear();
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> chatRequests() {
        return requests.stream().filter(r -> r.path().endsWith("/chat/completions")).toList();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                connections.incrementAndGet();
                pool.submit(() -> serve(s));
            } catch (IOException e) {
                if (!closed) System.err.println("fake model: accept failed: " + e);
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            Request req = read(in);
            if (req == null) return;
            requests.add(req);
            var ex = new Exchange(socket, req);
            if (req.method().equals("GET") && req.path().endsWith("/models")) {
                ex.status(200, "{\"object\":\"list\",\"data\":[{\"id\":\"" + MODEL + "\",\"object\":\"model\"}]}");
                return;
            }
            if (!req.path().endsWith("/chat/completions")) {
                ex.error(404, "no route " + req.path());
                return;
            }
            Responder r = script.poll();
            (r == null ? router : r).respond(req, ex);
        } catch (SocketException e) {
            // The client hung up (a cancelled stream) or we reset on purpose.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (!closed) System.err.println("fake model: " + e);
        }
    }

    private static Request read(InputStream in) throws IOException {
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) return null;
        String[] parts = requestLine.split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            if (colon > 0) headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
        }
        byte[] body = new byte[0];
        if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            var buf = new ByteArrayOutputStream();
            while (true) {
                int size = Integer.parseInt(line(in).split(";")[0].strip(), 16);
                if (size == 0) {
                    line(in);
                    break;
                }
                buf.write(in.readNBytes(size));
                line(in);
            }
            body = buf.toByteArray();
        }
        return new Request(parts[0], parts.length > 1 ? parts[1] : "/", headers, new String(body, StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        var buf = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') break;
            if (c != '\r') buf.write(c);
        }
        if (c < 0 && buf.size() == 0) return null;
        return buf.toString(StandardCharsets.UTF_8);
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            default -> "Status";
        };
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        pool.shutdownNow();
    }

    /** A JSON array of strings, for building extraction answers. */
    static String facts(String... topicStatementNumbers) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode arr = root.putArray("facts");
        for (int i = 0; i + 1 < topicStatementNumbers.length; i += 2) {
            ObjectNode f = arr.addObject().put("topic", topicStatementNumbers[i]).put("statement", topicStatementNumbers[i + 1]);
            ArrayNode nums = f.putArray("numbers");
            NUMBERS.findAll(topicStatementNumbers[i + 1]).forEach(q -> nums.add(q.raw()));
        }
        return root.toString();
    }

    static List<String> pieces(String s, int size) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < s.length(); i += size) out.add(s.substring(i, Math.min(s.length(), i + size)));
        return out;
    }
}
