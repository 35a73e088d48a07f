package io.shuzhi.llm;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;

/** Turns whatever LangChain4j or the JDK HTTP client threw into a {@link ModelException} a writer can read. */
final class ModelErrors {
    private ModelErrors() {
    }

    static ModelException map(Throwable t) {
        if (t instanceof ModelException m) return m;
        Throwable e = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        Integer status = status(e);
        if (status != null) return fromStatus(status, e);
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof HttpTimeoutException || c instanceof java.util.concurrent.TimeoutException
                    || c instanceof dev.langchain4j.exception.TimeoutException) {
                return new ModelException(ModelException.Kind.TIMEOUT, "模型响应超时，请重试。", true, e);
            }
            if (c instanceof ConnectException) {
                return new ModelException(ModelException.Kind.UNAVAILABLE, "连不上模型服务，请稍后重试或联系管理员。", true, e);
            }
            if (c instanceof IOException) {
                return new ModelException(ModelException.Kind.UNAVAILABLE, "与模型服务的连接中断了，请重试。", true, e);
            }
            if (c instanceof tools.jackson.core.JacksonException
                    || c.getClass().getName().startsWith("com.fasterxml.jackson")) {
                return badOutput(e);
            }
        }
        return new ModelException(ModelException.Kind.UNAVAILABLE, "模型服务出错了，请稍后重试。", true, e);
    }

    static ModelException badOutput(Throwable cause) {
        return new ModelException(ModelException.Kind.BAD_OUTPUT, "模型返回的数据无法识别，请重试。", true, cause);
    }

    /** A 200 with an empty stream: the provider answered, but with nothing. */
    static ModelException emptyAnswer() {
        return new ModelException(ModelException.Kind.BAD_OUTPUT,
                "模型这次没有返回任何内容。您说过的事实和之前的草稿都还在，请稍后再试；如果反复出现，请管理员检查模型服务。", true);
    }

    /** A stream that was all thinking: no text for the draft. */
    static ModelException onlyThinking() {
        return new ModelException(ModelException.Kind.BAD_OUTPUT,
                "模型这次只给出了思考过程，没有写出正文。您说过的事实和之前的草稿都还在，请再试一次。", true);
    }

    static ModelException timeout(String what) {
        return new ModelException(ModelException.Kind.TIMEOUT, what, true);
    }

    /** The HTTP status behind a failure, when the provider answered with one. */
    static Integer httpStatus(Throwable e) {
        return status(e);
    }

    private static Integer status(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof HttpException h) return h.statusCode();
            if (c instanceof AuthenticationException) return 401;
            if (c instanceof ModelNotFoundException) return 404;
            if (c instanceof RateLimitException) return 429;
            if (c instanceof InternalServerException) return 500;
        }
        return null;
    }

    static ModelException fromStatus(int status, Throwable cause) {
        if (status == 401 || status == 403) {
            return new ModelException(ModelException.Kind.AUTH,
                    "模型服务拒绝了访问密钥（" + status + "），请联系系统管理员检查模型的接入设置。", false, cause);
        }
        if (status == 404) {
            return new ModelException(ModelException.Kind.NOT_FOUND,
                    "模型服务找不到所配置的模型（404），请管理员检查模型名称和接口地址。", false, cause);
        }
        if (status == 429) {
            return new ModelException(ModelException.Kind.RATE_LIMITED,
                    "模型服务繁忙或额度已用完（429），请稍后重试。", true, cause);
        }
        if (status == 408 || status == 504) {
            return new ModelException(ModelException.Kind.TIMEOUT, "模型服务响应超时（" + status + "），请重试。", true, cause);
        }
        if (status >= 500) {
            return new ModelException(ModelException.Kind.UNAVAILABLE,
                    "模型服务暂时出错（" + status + "），请稍后重试。", true, cause);
        }
        return new ModelException(ModelException.Kind.BAD_OUTPUT,
                "模型服务不接受这次请求（" + status + "），请联系管理员。", false, cause);
    }

    /** A cause for the log: class and message, with the key taken out wherever a provider echoed it. */
    static String describe(Throwable t, String apiKey) {
        if (t == null) return "-";
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root && root instanceof ModelException) root = root.getCause();
        String s = root.getClass().getSimpleName() + ": " + root.getMessage();
        if (s.length() > 300) s = s.substring(0, 300) + "…";
        return redact(s, apiKey);
    }

    static String redact(String s, String apiKey) {
        if (s == null || apiKey == null || apiKey.length() < 4) return s;
        return s.replace(apiKey, "***");
    }
}
