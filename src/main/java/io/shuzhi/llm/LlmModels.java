package io.shuzhi.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two LangChain4j models of LLM mode, built from {@link LlmProperties}: a plain one for short answers (fact
 * extraction, the next question) and a streaming one for writing sections. Both speak the OpenAI chat-completions
 * protocol at {@code baseUrl}, which DeepSeek, Qwen (DashScope compatible mode), GLM, Kimi, vLLM, llama.cpp server,
 * LM Studio and Ollama ({@code /v1}) all serve.
 */
public final class LlmModels {
    private final LlmProperties props;
    private final ChatModel chat;
    private final StreamingChatModel streaming;
    /** The endpoint answered 400 to {@code response_format}: extraction asks by instructions only from then on. */
    private final AtomicBoolean jsonModeRefused = new AtomicBoolean();

    LlmModels(LlmProperties props) {
        this(props, List.of());
    }

    /** With listeners told of every call (the smoke run times and counts each one). */
    LlmModels(LlmProperties props, List<ChatModelListener> listeners) {
        this.props = props;
        String key = props.apiKey().isEmpty() ? "none" : props.apiKey();
        Map<String, Object> extra = extraBody(props.extraBody());
        this.chat = OpenAiChatModel.builder()
                .baseUrl(props.base()).apiKey(key).modelName(props.model())
                .customParameters(extra).listeners(listeners)
                .timeout(props.timeout())
                // One try: a failed extraction falls back to the rules at once instead of keeping the writer waiting.
                .maxRetries(0)
                // reasoning_content (DeepSeek's reasoner) stays out of the answer; <think> in the content is Reasoning's.
                .returnThinking(false)
                .logRequests(props.logRequests()).logResponses(props.logRequests())
                .build();
        // LangChain4j always sends stream_options.include_usage: DashScope, DeepSeek and vLLM then put the usage in
        // the last chunk; a server that ignores it (Ollama's /v1) is estimated (SectionStreams).
        this.streaming = OpenAiStreamingChatModel.builder()
                .baseUrl(props.base()).apiKey(key).modelName(props.model())
                .customParameters(extra).listeners(listeners)
                .temperature(props.temperature())
                .timeout(props.totalTimeout())
                // reasoning_content comes to onPartialThinking, where it only keeps the watchdogs quiet: never text.
                .returnThinking(true)
                .logRequests(props.logRequests()).logResponses(props.logRequests())
                .build();
    }

    /** Models built elsewhere (tests). */
    LlmModels(LlmProperties props, ChatModel chat, StreamingChatModel streaming) {
        this.props = props;
        this.chat = chat;
        this.streaming = streaming;
    }

    /**
     * {@code shuzhi.llm.extra-body} as a map; blank = none. Not a JSON object: the app stops, naming the setting (a
     * switch silently not sent would be worse).
     */
    static Map<String, Object> extraBody(String json) {
        if (json == null || json.isBlank()) return Map.of();
        try {
            Object parsed = JsonMapper.builder().build().readValue(json, Object.class);
            if (parsed instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) map;
                return m;
            }
        } catch (JacksonException e) {
            // falls through to the message below
        }
        throw new IllegalStateException("shuzhi.llm.extra-body (SHUZHI_LLM_EXTRA_BODY) must be a JSON object, e.g. "
                + "{\"enable_thinking\":false}; got: " + (json.length() > 80 ? json.substring(0, 80) + "…" : json));
    }

    /** True once the endpoint refused {@code response_format}: JSON is then asked for by the prompt alone. */
    boolean jsonModeRefused() {
        return jsonModeRefused.get();
    }

    /** Remembers that this endpoint and model refuse {@code response_format}; true the first time. */
    boolean refuseJsonMode() {
        return jsonModeRefused.compareAndSet(false, true);
    }

    LlmProperties props() {
        return props;
    }

    ChatModel chat() {
        return chat;
    }

    StreamingChatModel streaming() {
        return streaming;
    }

    /**
     * Asks {@code GET {baseUrl}/models} with short timeouts. Empty when the endpoint answers (any status but
     * 401/403: some compatible servers have no {@code /models}); otherwise a line for the log saying what is wrong.
     */
    public static Optional<String> probe(LlmProperties props) {
        Duration wait = props.connectTimeout().compareTo(Duration.ofSeconds(3)) < 0 ? props.connectTimeout()
                : Duration.ofSeconds(3);
        try {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(wait).build();
            var request = HttpRequest.newBuilder(URI.create(props.base() + "/models")).timeout(wait.multipliedBy(2)).GET();
            if (!props.apiKey().isEmpty()) request.header("Authorization", "Bearer " + props.apiKey());
            int status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 401 || status == 403) {
                return Optional.of(props.base() + " refused the API key (HTTP " + status + "): check SHUZHI_LLM_API_KEY");
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while probing " + props.base());
        } catch (Exception e) {
            return Optional.of(props.base() + " did not answer (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + ModelErrors.redact(e.getMessage(), props.apiKey())) + ")");
        }
    }
}
