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
    STOPPED(false, "已停止生成，草稿仍是原来的版本。"),
    NO_FACTS(false, "还没有收集到任何情况，先回答几个问题再生成草稿吧。"),
    IMPORT_FAILED(false, "无法读入这份报告。"),
    UNKNOWN_SUGGESTION(false, "这条修改建议已失效（草稿可能已变化），请重新检查。"),
    UNKNOWN_FACT(false, "找不到这条情况（可能已被删除或修改），请刷新后再试。"),
    NO_DRAFT(false, "还没有草稿，请先生成草稿。"),
    UNKNOWN_SECTION(false, "草稿中没有这一节。"),
    NOTHING_TO_UNDO(false, "已经是最早的版本，没有可撤销的修改。"),
    NOTHING_TO_REDO(false, "没有可重做的修改。"),
    UNCLEAR_REFINEMENT(false, "没看懂要怎样修改。可以这样说：“第一部分（二）再具体些”“问题部分压缩到300字”“把‘大力’都去掉”。"),
    SESSION_LIMIT(false, "本次会话的内容已到保存上限，这条消息没有保存。"),
    VERSION_CONFLICT(true, "草稿已在别处被修改，请在最新版本上重试。"),
    STORE_UNAVAILABLE(true, "存储服务暂时不可用，您的消息未被处理，请稍后重试。"),
    RATE_LIMITED(true, "发送太快了，请稍等几秒再发。"),
    BUSY(true, "正在处理上一条消息，请稍候。"),
    TOO_MANY_CONNECTIONS(true, "从您的网络地址打开的连接太多，这个页面暂时连不上。请关闭多余的述职助手页面后再试。"),
    MODEL_AUTH(false, "模型服务拒绝了访问密钥，请联系系统管理员检查模型的接入设置。"),
    MODEL_NOT_FOUND(false, "模型服务找不到所配置的模型，请管理员检查模型名称和接口地址。"),
    MODEL_RATE_LIMITED(true, "模型服务繁忙或额度已用完，请稍后重试。"),
    MODEL_UNAVAILABLE(true, "模型服务暂时不可用，请稍后重试。"),
    MODEL_TIMEOUT(true, "模型响应超时，请重试。"),
    MODEL_BAD_OUTPUT(true, "模型返回的内容无法识别，请重试。"),
    TOKEN_BUDGET(false, "本会话的模型用量已达上限，可以继续补充情况，但不能再用模型起草。"),
    INTERNAL(true, "服务器出了点问题，您的消息未被处理，请重试。");

    private final boolean retryable;
    private final String message;

    ErrorCode(boolean retryable, String message) {
        this.retryable = retryable;
        this.message = message;
    }

    /** The code a failed model call is shown with. */
    static ErrorCode of(io.shuzhi.llm.ModelException.Kind kind) {
        return switch (kind) {
            case AUTH -> MODEL_AUTH;
            case NOT_FOUND -> MODEL_NOT_FOUND;
            case RATE_LIMITED -> MODEL_RATE_LIMITED;
            case UNAVAILABLE -> MODEL_UNAVAILABLE;
            case TIMEOUT -> MODEL_TIMEOUT;
            case BAD_OUTPUT -> MODEL_BAD_OUTPUT;
            case TOKEN_BUDGET -> TOKEN_BUDGET;
        };
    }

    /** True when {@code failure} is the store not answering (web shows it as 503 without knowing the store). */
    public static boolean storeUnavailable(Throwable failure) {
        return failure instanceof io.shuzhi.session.StoreUnavailableException;
    }

    boolean retryable() {
        return retryable;
    }

    /** The default Chinese message shown to the writer. */
    public String message() {
        return message;
    }
}
