package io.shuzhi.chat;

/** A failure with a code the writer sees; the message is theirs to read, the cause goes to the log. */
public class ShuzhiException extends RuntimeException {
    private final ErrorCode code;

    public ShuzhiException(ErrorCode code) {
        this(code, code.message());
    }

    public ShuzhiException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ShuzhiException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
