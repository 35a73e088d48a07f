package io.shuzhi.llm;

import static io.shuzhi.llm.FakeModelServer.JSON;

import io.shuzhi.llm.FakeModelServer.Request;
import io.shuzhi.llm.FakeModelServer.Responder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Recorded shapes of the providers people run, for {@link FakeModelServer}: the bytes each sends on
 * {@code /v1/chat/completions}, written from its documented format (field order, what is {@code null} and what is
 * missing, where the usage comes, what it refuses). No model runs here; see docs/llm.md, "Providers", for where each
 * shape comes from.
 *
 * <p>Every responder takes the answer as a function of the request, so one shape serves extraction (JSON), the next
 * question and a section alike. Token counts follow the fake's rule: prompt tokens = characters of the messages,
 * completion tokens = characters generated (thinking included, as providers bill it).
 */
final class ProviderStreams {
    static final long CREATED = 1_764_633_600L;

    private ProviderStreams() {
    }

    /** What the model says to a request: its thinking (may be empty) and its answer. */
    record Said(String thinking, String answer) {
        static Said answer(String answer) {
            return new Said("", answer);
        }
    }

    // ---- DeepSeek -------------------------------------------------------------------------------------------------

    /**
     * DeepSeek's API ({@code deepseek-reasoner}): SSE keep-alive comments while the request waits to be scheduled;
     * a first chunk with {@code role} and an empty {@code reasoning_content}; {@code reasoning_content} chunks with
     * {@code content:null}; {@code content} chunks with {@code reasoning_content:null}; the last chunk carries
     * {@code finish_reason:"stop"} and the usage together (with {@code completion_tokens_details.reasoning_tokens} and
     * the cache fields), whether or not {@code stream_options} was sent; then {@code [DONE]}. Every chunk has
     * {@code "usage":null} until the last. Non-streaming: {@code reasoning_content} beside {@code content} in the
     * message.
     */
    static Responder deepSeekReasoner(Function<Request, Said> model) {
        return (req, ex) -> {
            Said said = model.apply(req);
            String name = "deepseek-reasoner";
            if (!req.streaming()) {
                ObjectNode root = completionRoot("d8a1f0c2-5b7e-4c9a-9e61-3f0b2a7c4e15", name);
                root.put("system_fingerprint", "fp_7e0991cad4");
                ObjectNode msg = root.putArray("choices").addObject().put("index", 0);
                msg.putObject("message").put("role", "assistant").put("content", said.answer())
                        .put("reasoning_content", said.thinking());
                msg.putNull("logprobs");
                msg.put("finish_reason", "stop");
                deepSeekUsage(root, req, said);
                ex.status(200, root.toString());
                return;
            }
            ex.startSse();
            ex.raw(": keep-alive\n\n");
            ex.raw(": keep-alive\n\n");
            String id = "5c4b1d9e-82f3-4a07-b6d1-0e9f3a2c7b48";
            ObjectNode first = deepSeekChunk(id, name);
            first.withArray("choices").addObject().put("index", 0).<ObjectNode>set("delta", JSON.createObjectNode()
                    .put("role", "assistant").putNull("content").put("reasoning_content", ""))
                    .putNull("logprobs").putNull("finish_reason");
            ex.raw("data: " + first + "\n\n");
            for (String piece : tokens(said.thinking())) {
                ObjectNode c = deepSeekChunk(id, name);
                c.withArray("choices").addObject().put("index", 0).<ObjectNode>set("delta", JSON.createObjectNode()
                        .putNull("content").put("reasoning_content", piece)).putNull("logprobs").putNull("finish_reason");
                ex.raw("data: " + c + "\n\n");
            }
            for (String piece : tokens(said.answer())) {
                ObjectNode c = deepSeekChunk(id, name);
                c.withArray("choices").addObject().put("index", 0).<ObjectNode>set("delta", JSON.createObjectNode()
                        .put("content", piece).putNull("reasoning_content")).putNull("logprobs").putNull("finish_reason");
                ex.raw("data: " + c + "\n\n");
            }
            ObjectNode last = deepSeekChunk(id, name);
            last.withArray("choices").addObject().put("index", 0).<ObjectNode>set("delta", JSON.createObjectNode()
                    .put("content", "").putNull("reasoning_content")).putNull("logprobs").put("finish_reason", "stop");
            deepSeekUsage(last, req, said);
            ex.raw("data: " + last + "\n\n");
            ex.raw("data: [DONE]\n\n");
        };
    }

    private static ObjectNode deepSeekChunk(String id, String model) {
        ObjectNode c = JSON.createObjectNode().put("id", id).put("object", "chat.completion.chunk")
                .put("created", CREATED).put("model", model).put("system_fingerprint", "fp_7e0991cad4");
        c.putArray("choices");
        c.putNull("usage");
        return c;
    }

    private static void deepSeekUsage(ObjectNode root, Request req, Said said) {
        int prompt = req.prompt().length();
        int completion = said.thinking().length() + said.answer().length();
        ObjectNode u = root.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
        u.putObject("prompt_tokens_details").put("cached_tokens", 0);
        u.putObject("completion_tokens_details").put("reasoning_tokens", said.thinking().length());
        u.put("prompt_cache_hit_tokens", 0).put("prompt_cache_miss_tokens", prompt);
    }

    // ---- Qwen on DashScope compatible mode ------------------------------------------------------------------------

    /**
     * Qwen3 open-source models on DashScope's compatible mode ({@code /compatible-mode/v1}), where
     * {@code enable_thinking} (a top-level body field) defaults to true: a non-streaming call that does not set it to
     * false is refused with 400 {@code invalid_parameter_error}; a streamed one sends {@code reasoning_content} chunks
     * (content null) while thinking, then content chunks (reasoning_content null), a finish chunk, and the usage in a
     * chunk of its own with {@code choices:[]} — <b>only when {@code stream_options.include_usage} is true</b>. Chunk
     * keys come in DashScope's order ({@code choices} first, {@code id} last, {@code system_fingerprint:null}).
     */
    static Responder dashScopeQwen3(Function<Request, Said> model) {
        return (req, ex) -> {
            JsonNode body = req.json();
            boolean thinking = body.path("enable_thinking").asBoolean(true);
            String name = body.path("model").asString("qwen3-32b");
            if (!req.streaming() && thinking) {
                ObjectNode err = JSON.createObjectNode();
                err.putObject("error").put("code", "invalid_parameter_error").putNull("param")
                        .put("message", "parameter.enable_thinking must be set to false for non-streaming calls")
                        .put("type", "invalid_request_error");
                err.put("id", "chatcmpl-0b6e1f2a-9c3d-4e5f-8a7b-1c2d3e4f5a6b")
                        .put("request_id", "0b6e1f2a-9c3d-4e5f-8a7b-1c2d3e4f5a6b");
                ex.status(400, err.toString());
                return;
            }
            Said said = model.apply(req);
            if (!thinking) said = Said.answer(said.answer());
            if (!req.streaming()) {
                ObjectNode root = JSON.createObjectNode();
                ObjectNode choice = root.putArray("choices").addObject();
                choice.putObject("message").put("role", "assistant").put("content", said.answer());
                choice.put("finish_reason", "stop").put("index", 0).putNull("logprobs");
                root.put("object", "chat.completion");
                plainUsage(root, req, said);
                root.put("created", CREATED).putNull("system_fingerprint").put("model", name)
                        .put("id", "chatcmpl-6f0a2b1c-3d4e-4f5a-9b8c-7d6e5f4a3b2c");
                ex.status(200, root.toString());
                return;
            }
            ex.startSse();
            String id = "chatcmpl-9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d";
            ObjectNode firstDelta = JSON.createObjectNode().putNull("content").put("role", "assistant");
            if (thinking) firstDelta.put("reasoning_content", "");
            ex.raw("data: " + dashScopeChunk(id, name, firstDelta, null) + "\n\n");
            for (String piece : tokens(said.thinking())) {
                ex.raw("data: " + dashScopeChunk(id, name, JSON.createObjectNode().putNull("content")
                        .put("reasoning_content", piece), null) + "\n\n");
            }
            for (String piece : tokens(said.answer())) {
                ObjectNode d = JSON.createObjectNode().put("content", piece);
                if (thinking) d.putNull("reasoning_content");
                ex.raw("data: " + dashScopeChunk(id, name, d, null) + "\n\n");
            }
            ex.raw("data: " + dashScopeChunk(id, name, JSON.createObjectNode().put("content", ""), "stop") + "\n\n");
            if (body.path("stream_options").path("include_usage").asBoolean(false)) {
                ObjectNode u = JSON.createObjectNode();
                u.putArray("choices");
                u.put("object", "chat.completion.chunk");
                plainUsage(u, req, said);
                if (thinking) ((ObjectNode) u.get("usage")).putObject("completion_tokens_details")
                        .put("reasoning_tokens", said.thinking().length());
                u.put("created", CREATED).putNull("system_fingerprint").put("model", name).put("id", id);
                ex.raw("data: " + u + "\n\n");
            }
            ex.raw("data: [DONE]\n\n");
        };
    }

    private static ObjectNode dashScopeChunk(String id, String model, ObjectNode delta, String finish) {
        ObjectNode c = JSON.createObjectNode();
        ObjectNode choice = c.putArray("choices").addObject();
        choice.set("delta", delta);
        if (finish == null) choice.putNull("finish_reason");
        else choice.put("finish_reason", finish);
        choice.put("index", 0).putNull("logprobs");
        c.put("object", "chat.completion.chunk").putNull("usage").put("created", CREATED).putNull("system_fingerprint")
                .put("model", model).put("id", id);
        return c;
    }

    // ---- Ollama /v1 ---------------------------------------------------------------------------------------------

    /**
     * Ollama's OpenAI-compatible {@code /v1} before 0.5.2 (and any server that ignores {@code stream_options}): every
     * chunk's delta repeats {@code "role":"assistant"}, {@code system_fingerprint:"fp_ollama"}, a Qwen3/R1 model's
     * thinking in the content between {@code <think>} tags, a last chunk with {@code finish_reason:"stop"} and empty
     * content, then {@code [DONE]} — <b>no usage anywhere in the stream</b>, though LangChain4j asks for it.
     * Non-streaming answers do carry the usage.
     */
    static Responder ollama(Function<Request, Said> model) {
        return (req, ex) -> {
            Said said = model.apply(req);
            String name = req.json().path("model").asString("qwen3:8b");
            String content = said.thinking().isEmpty() ? said.answer()
                    : "<think>\n" + said.thinking() + "\n</think>\n\n" + said.answer();
            if (!req.streaming()) {
                ObjectNode root = completionRoot("chatcmpl-482", name);
                root.put("system_fingerprint", "fp_ollama");
                ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
                choice.putObject("message").put("role", "assistant").put("content", content);
                choice.put("finish_reason", "stop");
                root.putObject("usage").put("prompt_tokens", req.prompt().length())
                        .put("completion_tokens", content.length())
                        .put("total_tokens", req.prompt().length() + content.length());
                ex.status(200, root.toString());
                return;
            }
            ex.startSse();
            List<String> pieces = tokens(content);
            for (String piece : pieces) {
                ObjectNode c = ollamaChunk(name);
                c.withArray("choices").addObject().put("index", 0).<ObjectNode>set("delta",
                        JSON.createObjectNode().put("role", "assistant").put("content", piece)).putNull("finish_reason");
                ex.raw("data: " + c + "\n\n");
            }
            ObjectNode last = ollamaChunk(name);
            last.withArray("choices").addObject().put("index", 0).<ObjectNode>set("delta",
                    JSON.createObjectNode().put("role", "assistant").put("content", "")).put("finish_reason", "stop");
            ex.raw("data: " + last + "\n\n");
            ex.raw("data: [DONE]\n\n");
        };
    }

    private static ObjectNode ollamaChunk(String model) {
        ObjectNode c = JSON.createObjectNode().put("id", "chatcmpl-482").put("object", "chat.completion.chunk")
                .put("created", CREATED).put("model", model).put("system_fingerprint", "fp_ollama");
        c.putArray("choices");
        return c;
    }

    // ---- vLLM ------------------------------------------------------------------------------------------------------

    /**
     * vLLM's OpenAI server serving Qwen3/QwQ/R1 without a reasoning parser: the thinking in the content; a first chunk
     * {@code {"role":"assistant","content":""}}, content chunks, a finish chunk with {@code finish_reason:"stop"}
     * (and {@code stop_reason:null}), and with {@code stream_options.include_usage} a usage chunk with
     * {@code choices:[]} before {@code [DONE]}.
     */
    static Responder vllm(Function<Request, Said> model) {
        return (req, ex) -> {
            Said said = model.apply(req);
            String name = req.json().path("model").asString("Qwen/Qwen3-8B");
            String content = "<think>\n" + said.thinking() + "\n</think>\n\n" + said.answer();
            if (!req.streaming()) {
                ObjectNode root = completionRoot("chatcmpl-7d3c1e0f9b8a4c2d", name);
                ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
                choice.putObject("message").put("role", "assistant").put("content", content)
                        .putNull("reasoning_content").putArray("tool_calls");
                choice.putNull("logprobs").put("finish_reason", "stop").putNull("stop_reason");
                plainUsage(root, req, new Said("", content));
                ex.status(200, root.toString());
                return;
            }
            ex.startSse();
            String id = "chatcmpl-7d3c1e0f9b8a4c2d";
            ex.raw("data: " + vllmChunk(id, name, JSON.createObjectNode().put("role", "assistant").put("content", ""),
                    null) + "\n\n");
            for (String piece : tokens(content)) {
                ex.raw("data: " + vllmChunk(id, name, JSON.createObjectNode().put("content", piece), null) + "\n\n");
            }
            ex.raw("data: " + vllmChunk(id, name, JSON.createObjectNode().put("content", ""), "stop") + "\n\n");
            if (req.json().path("stream_options").path("include_usage").asBoolean(false)) {
                ObjectNode u = JSON.createObjectNode().put("id", id).put("object", "chat.completion.chunk")
                        .put("created", CREATED).put("model", name);
                u.putArray("choices");
                plainUsage(u, req, new Said("", content));
                ex.raw("data: " + u + "\n\n");
            }
            ex.raw("data: [DONE]\n\n");
        };
    }

    private static ObjectNode vllmChunk(String id, String model, ObjectNode delta, String finish) {
        ObjectNode c = JSON.createObjectNode().put("id", id).put("object", "chat.completion.chunk")
                .put("created", CREATED).put("model", model);
        ObjectNode choice = c.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        if (finish == null) choice.putNull("finish_reason");
        else choice.put("finish_reason", finish).putNull("stop_reason");
        return c;
    }

    // ---- llama.cpp server ----------------------------------------------------------------------------------------

    /**
     * llama.cpp's {@code llama-server} with {@code --reasoning-format none} (the thinking stays in the content): a first
     * chunk {@code {"role":"assistant","content":null}}, content chunks one token each (so {@code <think>} arrives as
     * one piece), {@code system_fingerprint} with the build, a last chunk with an empty delta,
     * {@code finish_reason:"stop"}, the usage and llama.cpp's own {@code timings}, then {@code [DONE]}.
     */
    static Responder llamaCpp(Function<Request, Said> model) {
        return (req, ex) -> {
            Said said = model.apply(req);
            String content = "<think>\n" + said.thinking() + "\n</think>\n\n" + said.answer();
            if (!req.streaming()) {
                ObjectNode root = JSON.createObjectNode();
                ObjectNode choice = root.putArray("choices").addObject().put("finish_reason", "stop").put("index", 0);
                choice.putObject("message").put("role", "assistant").put("content", content);
                root.put("created", CREATED).put("model", "gpt-3.5-turbo").put("system_fingerprint", "b6123-4c1e0a2f")
                        .put("object", "chat.completion");
                plainUsage(root, req, new Said("", content));
                root.put("id", "chatcmpl-V2pNcJ0qg7r1sDKw3TfZ8hYx");
                ex.status(200, root.toString());
                return;
            }
            ex.startSse();
            String id = "chatcmpl-V2pNcJ0qg7r1sDKw3TfZ8hYx";
            ex.raw("data: " + llamaChunk(id, JSON.createObjectNode().put("role", "assistant").putNull("content"), null)
                    + "\n\n");
            List<String> pieces = new ArrayList<>();
            pieces.add("<think>");
            pieces.addAll(tokens("\n" + said.thinking() + "\n"));
            pieces.add("</think>");
            pieces.addAll(tokens("\n\n" + said.answer()));
            for (String piece : pieces) {
                ex.raw("data: " + llamaChunk(id, JSON.createObjectNode().put("content", piece), null) + "\n\n");
            }
            ObjectNode last = llamaChunk(id, JSON.createObjectNode(), "stop");
            plainUsage(last, req, new Said("", content));
            last.putObject("timings").put("prompt_n", req.prompt().length()).put("prompt_ms", 412.3)
                    .put("predicted_n", content.length()).put("predicted_ms", 5321.8)
                    .put("predicted_per_second", 18.4);
            ex.raw("data: " + last + "\n\n");
            ex.raw("data: [DONE]\n\n");
        };
    }

    private static ObjectNode llamaChunk(String id, ObjectNode delta, String finish) {
        ObjectNode c = JSON.createObjectNode();
        ObjectNode choice = c.putArray("choices").addObject();
        if (finish == null) choice.putNull("finish_reason");
        else choice.put("finish_reason", finish);
        choice.put("index", 0).set("delta", delta);
        c.put("created", CREATED).put("id", id).put("model", "gpt-3.5-turbo")
                .put("system_fingerprint", "b6123-4c1e0a2f").put("object", "chat.completion.chunk");
        return c;
    }

    // ---- servers that refuse response_format ------------------------------------------------------------------------

    /**
     * LM Studio's server: {@code response_format} of type {@code json_object} is refused with 400 and a bare string
     * error, {@code {"error":"'response_format.type' must be 'json_schema' or 'text'"}}; without it the model answers,
     * here as many models asked for JSON by the prompt do: a sentence, then the object in a {@code ```json} fence.
     */
    static Responder refusesJsonObject(Function<Request, Said> model) {
        return (req, ex) -> {
            if ("json_object".equals(req.json().path("response_format").path("type").asString(""))) {
                ex.status(400, "{\"error\":\"'response_format.type' must be 'json_schema' or 'text'\"}");
                return;
            }
            Said said = model.apply(req);
            if (req.streaming()) ex.stream(said.answer(), 4);
            else ex.completion(said.answer());
        };
    }

    /** Wraps a JSON answer the way chat models do when they are not held to JSON: a sentence and a fence. */
    static String fenced(String json) {
        return "好的，根据您的回答，提取结果如下：\n\n```json\n" + json + "\n```\n\n如需调整请告诉我。";
    }

    // ---- empty answers -----------------------------------------------------------------------------------------------

    /** 200, {@code text/event-stream}, and the connection closes without a single event. */
    static Responder emptyStream() {
        return (req, ex) -> ex.startSse();
    }

    /** 200, {@code text/event-stream}, only {@code data: [DONE]}. */
    static Responder onlyDone() {
        return (req, ex) -> {
            ex.startSse();
            ex.raw("data: [DONE]\n\n");
        };
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static ObjectNode completionRoot(String id, String model) {
        return JSON.createObjectNode().put("id", id).put("object", "chat.completion").put("created", CREATED)
                .put("model", model);
    }

    private static void plainUsage(ObjectNode root, Request req, Said said) {
        int prompt = req.prompt().length();
        int completion = said.thinking().length() + said.answer().length();
        root.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
    }

    /**
     * Text in the pieces a tokenizer streams Chinese in: mostly one or two characters, a tag or a number whole.
     * Deterministic, so a test fails the same way twice.
     */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = 0;
        while (i < text.length()) {
            int size = text.startsWith("<think>", i) ? 7 : text.startsWith("</think>", i) ? 8
                    : Character.isDigit(text.charAt(i)) ? digits(text, i) : 1 + (n++ % 3 == 2 ? 1 : 0);
            size = Math.min(size, text.length() - i);
            out.add(text.substring(i, i + size));
            i += size;
        }
        return out;
    }

    private static int digits(String text, int i) {
        int j = i;
        while (j < text.length() && (Character.isDigit(text.charAt(j)) || text.charAt(j) == '.')) j++;
        return j - i;
    }
}
