package io.shuzhi.chat;

/** A failure with a code the writer sees; the message is theirs to read, the cause goes to the log. */
public class ShuzhiException extends RuntimeException {
    private final ErrorCode code;
    private Integer currentVersion;
    private String text;

    ShuzhiException(ErrorCode code) {
        this(code, code.message());
    }

    ShuzhiException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    ShuzhiException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    /** A lost edit race: the version now current, and the writer's own text back so nothing is lost. */
    static ShuzhiException versionConflict(int currentVersion, String text) {
        var e = new ShuzhiException(ErrorCode.VERSION_CONFLICT,
                "这一节已在别处被修改（当前为第" + currentVersion + "版）。您的文字已退回，请在最新版本上重新编辑。");
        e.currentVersion = currentVersion;
        e.text = text;
        return e;
    }

    Integer currentVersion() {
        return currentVersion;
    }

    String text() {
        return text;
    }
}
