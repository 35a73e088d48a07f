package io.shuzhi.llm;

/**
 * A model call failed in a way the writer should hear about. {@code llm} does not know the chat's error codes:
 * {@code chat.TurnRunner} maps {@link Kind} to its {@code ErrorCode}. The message is Chinese, for the writer, and
 * never carries the API key or the provider's raw response.
 */
public class ModelException extends RuntimeException {

    /** What went wrong, as the writer can act on it. */
    public enum Kind {
        /** 401/403: the API key is missing or wrong */
        AUTH,
        /** 404: no such model (or a wrong base URL) */
        NOT_FOUND,
        /** 429: quota or rate limit */
        RATE_LIMITED,
        /** 5xx, refused or reset connection */
        UNAVAILABLE,
        /** no first token, a stall between tokens, or the whole call too long */
        TIMEOUT,
        /** a stream or answer that cannot be read */
        BAD_OUTPUT,
        /** the session used up its token budget ({@code shuzhi.llm.session-token-budget}) */
        TOKEN_BUDGET
    }

    private final Kind kind;
    private final boolean retryable;

    ModelException(Kind kind, String chineseMessage, boolean retryable) {
        super(chineseMessage);
        this.kind = kind;
        this.retryable = retryable;
    }

    ModelException(Kind kind, String chineseMessage, boolean retryable, Throwable cause) {
        super(chineseMessage, cause);
        this.kind = kind;
        this.retryable = retryable;
    }

    public Kind kind() {
        return kind;
    }

    /** True when the same call may succeed if tried again. */
    boolean retryable() {
        return retryable;
    }

    /** The message for the writer (Chinese). */
    public String chineseMessage() {
        return getMessage();
    }
}
