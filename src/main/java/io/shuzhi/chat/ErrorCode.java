package io.shuzhi.chat;

/** Every failure a writer can meet, with whether trying again may help and a message they can act on. */
public enum ErrorCode {
    BAD_FRAME(false, "消息格式有误，无法识别。请刷新页面后重试。"),
    UNKNOWN_TYPE(false, "不支持的操作类型。"),
    MISSING_FIELD(false, "消息缺少必要内容。"),
    TOO_LARGE(false, "消息过长，请分段发送（每条不超过约8000字节）。"),
    BINARY_NOT_SUPPORTED(false, "只支持文字消息。"),
    EMPTY_MESSAGE(false, "消息为空，请输入内容后再发送。"),
    NO_SESSION(false, "会话尚未建立，请刷新页面。"),
    SESSION_NOT_FOUND(false, "找不到这个会话（可能已过期），将为您新建会话。"),
    UNKNOWN_KIND(false, "不认识这种报告类型。"),
    NO_FACTS(false, "还没有收集到任何情况，先回答几个问题再生成草稿吧。"),
    VERSION_CONFLICT(true, "草稿已在别处被修改，请在最新版本上重试。"),
    STORE_UNAVAILABLE(true, "存储服务暂时不可用，您的消息未被处理，请稍后重试。"),
    BUSY(true, "正在处理上一条消息，请稍候。"),
    INTERNAL(true, "服务器出了点问题，您的消息未被处理，请重试。");

    private final boolean retryable;
    private final String message;

    ErrorCode(boolean retryable, String message) {
        this.retryable = retryable;
        this.message = message;
    }

    public boolean retryable() {
        return retryable;
    }

    /** The default Chinese message shown to the writer. */
    public String message() {
        return message;
    }
}
