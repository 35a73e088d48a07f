package io.shuzhi.llm;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The model endpoint and how long to wait for it. Any OpenAI-compatible {@code /v1} endpoint works. The API key
 * comes only from the environment ({@code SHUZHI_LLM_API_KEY}) and is never logged or sent to a page:
 * {@link #toString()} leaves it out.
 *
 * @param baseUrl             e.g. {@code https://api.deepseek.com/v1}; blank = no model configured
 * @param model               the provider's model name
 * @param apiKey              may be blank for local servers (llama.cpp, Ollama, LM Studio)
 * @param timeout             HTTP timeout of one non-streaming call (extraction, the next question)
 * @param connectTimeout      connect timeout, also of the startup probe
 * @param firstTokenTimeout   a streamed section call with no token after this is retried or fails
 * @param idleTimeout         a streamed call whose tokens stop for this long is cut off
 * @param totalTimeout        longest one streamed section call may take
 * @param temperature         sampling temperature of the writing calls
 * @param maxParallelSections how many sections are written at once
 * @param sessionTokenBudget  input + output tokens one session may use (0 = no limit)
 * @param memoryTokens        how many tokens of earlier interview exchanges go back to the model
 * @param retryBackoff        wait before the one retry of a section call
 * @param logRequests         log request and response bodies (not headers): for debugging a provider only
 * @param extraBody           a JSON object whose fields are added to every request body, for a provider's own switches:
 *                            {@code {"enable_thinking":false}} (Qwen3 on DashScope compatible mode),
 *                            {@code {"chat_template_kwargs":{"enable_thinking":false}}} (vLLM with Qwen3); blank = none
 */
@ConfigurationProperties("shuzhi.llm")
public record LlmProperties(String baseUrl, String model, String apiKey, Duration timeout, Duration connectTimeout,
                            Duration firstTokenTimeout, Duration idleTimeout, Duration totalTimeout,
                            Double temperature, Integer maxParallelSections, Long sessionTokenBudget,
                            Integer memoryTokens, Duration retryBackoff, Boolean logRequests,
                            String extraBody) {
    public LlmProperties {
        baseUrl = baseUrl == null ? "" : baseUrl.strip();
        model = model == null ? "" : model.strip();
        apiKey = apiKey == null ? "" : apiKey.strip();
        timeout = timeout == null ? Duration.ofSeconds(15) : timeout;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        firstTokenTimeout = firstTokenTimeout == null ? Duration.ofSeconds(20) : firstTokenTimeout;
        idleTimeout = idleTimeout == null ? Duration.ofSeconds(30) : idleTimeout;
        totalTimeout = totalTimeout == null ? Duration.ofMinutes(3) : totalTimeout;
        temperature = temperature == null ? 0.4 : temperature;
        maxParallelSections = maxParallelSections == null || maxParallelSections < 1 ? 2 : maxParallelSections;
        sessionTokenBudget = sessionTokenBudget == null ? 400_000L : sessionTokenBudget;
        memoryTokens = memoryTokens == null ? 1500 : memoryTokens;
        retryBackoff = retryBackoff == null ? Duration.ofSeconds(1) : retryBackoff;
        logRequests = logRequests != null && logRequests;
        extraBody = extraBody == null ? "" : extraBody.strip();
        // Checked at binding: a switch the operator set but that is never sent would go unnoticed.
        LlmModels.extraBody(extraBody);
    }

    /** The same settings with {@code extraBody} (tests, the smoke run). */
    LlmProperties withExtraBody(String json) {
        return new LlmProperties(baseUrl, model, apiKey, timeout, connectTimeout, firstTokenTimeout, idleTimeout,
                totalTimeout, temperature, maxParallelSections, sessionTokenBudget, memoryTokens, retryBackoff,
                logRequests, json);
    }

    /** The same settings writing one section at a time (the smoke run times each section on its own). */
    LlmProperties oneSectionAtATime() {
        return new LlmProperties(baseUrl, model, apiKey, timeout, connectTimeout, firstTokenTimeout, idleTimeout,
                totalTimeout, temperature, 1, sessionTokenBudget, memoryTokens, retryBackoff, logRequests, extraBody);
    }

    /** A model is configured: base URL and model name are both set. */
    public boolean configured() {
        return !baseUrl.isEmpty() && !model.isEmpty();
    }

    /** The base URL without a trailing slash. */
    public String base() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public String toString() {
        // Never the key: this record may end up in a log line.
        return "LlmProperties[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey.isEmpty() ? "" : "***")
                + ", firstTokenTimeout=" + firstTokenTimeout + ", idleTimeout=" + idleTimeout + ", totalTimeout="
                + totalTimeout + ", maxParallelSections=" + maxParallelSections
                + (extraBody.isEmpty() ? "" : ", extraBody=" + extraBody) + "]";
    }
}
