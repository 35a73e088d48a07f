package io.shuzhi.chat;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads client frames and writes server frames. Strict on input: a frame that is not exactly one JSON object with
 * a known {@code type} and the right field types is rejected with a code, before anything is changed.
 */
@Component
public class FrameCodec {
    private final JsonMapper json;

    FrameCodec(JsonMapper json) {
        this.json = json;
    }

    /** The {@code id} of a say frame when it can be read, so an error can say which message it answers. */
    public String replyTo(String text) {
        try {
            JsonNode node = json.readTree(text);
            JsonNode id = node == null ? null : node.get("id");
            return id != null && id.isString() ? id.stringValue() : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    public ClientFrame parse(String text) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JacksonException e) {
            throw new ShuzhiException(ErrorCode.BAD_FRAME, "消息格式有误，已忽略。请刷新页面后重试。");
        }
        if (node == null || !node.isObject()) {
            throw new ShuzhiException(ErrorCode.BAD_FRAME, "消息格式有误，已忽略。请刷新页面后重试。");
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isString()) {
            throw new ShuzhiException(ErrorCode.MISSING_FIELD, "消息缺少操作类型，已忽略。请刷新页面后重试。");
        }
        return switch (type.stringValue()) {
            case "hello" -> new ClientFrame.Hello(optionalString(node, "sessionId"), optionalSeq(node),
                    optionalString(node, "kind"));
            case "say" -> say(requiredString(node, "id"), requiredString(node, "text"), optionalString(node, "replaces"));
            case "generate" -> new ClientFrame.Generate();
            case "stop" -> new ClientFrame.Stop();
            case "refine" -> new ClientFrame.Refine(optionalString(node, "section"), requiredString(node, "instruction"));
            case "edit" -> new ClientFrame.Edit(requiredString(node, "section"), requiredString(node, "text"),
                    requiredInt(node, "baseVersion"));
            case "import" -> new ClientFrame.Import(requiredString(node, "text"));
            case "proofread" -> new ClientFrame.Proofread();
            case "accept" -> new ClientFrame.Accept(requiredString(node, "id"));
            case "fact_edit" -> new ClientFrame.FactEdit(requiredString(node, "id"), requiredString(node, "text"));
            case "fact_delete" -> new ClientFrame.FactDelete(requiredString(node, "id"));
            case "undo" -> new ClientFrame.Undo();
            case "redo" -> new ClientFrame.Redo();
            case "versions" -> new ClientFrame.Versions();
            case "delete" -> new ClientFrame.Delete();
            case "diff" -> new ClientFrame.Diff(requiredInt(node, "from"), requiredInt(node, "to"));
            default -> throw new ShuzhiException(ErrorCode.UNKNOWN_TYPE,
                    "不支持的消息类型：" + abbreviate(type.stringValue()) + "。");
        };
    }

    /**
     * A frame as sent: {@code type} and {@code seq} first, then the frame's own fields, written in one pass (no tree
     * in between; {@link #writeAsTree} gives the same text).
     */
    record Framed(String type, long seq, @JsonUnwrapped ServerFrame frame) {}

    String write(ServerFrame frame, long seq) {
        // An error drops two of its fields when null, which its record does not say: the tree does that.
        if (frame instanceof ServerFrame.Error) return writeAsTree(frame, seq);
        return json.writeValueAsString(new Framed(frame.type(), seq, frame));
    }

    /** The frame's fields read into a tree and written after {@code type} and {@code seq}. */
    String writeAsTree(ServerFrame frame, long seq) {
        ObjectNode out = json.createObjectNode();
        out.put("type", frame.type());
        out.put("seq", seq);
        ObjectNode fields = json.valueToTree(frame);
        fields.remove("type");
        if (frame instanceof ServerFrame.Error) {
            // Only a lost edit race carries these; other errors stay as small as the protocol shows them.
            if (fields.path("currentVersion").isNull()) fields.remove("currentVersion");
            if (fields.path("text").isNull()) fields.remove("text");
        }
        out.setAll(fields);
        return json.writeValueAsString(out);
    }

    /** JSON for storage (session state, drafts, chat messages). */
    String toJson(Object value) {
        return json.writeValueAsString(value);
    }

    <T> T fromJson(String text, Class<T> type) {
        return json.readValue(text, type);
    }

    private static String optionalString(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isString()) throw new ShuzhiException(ErrorCode.BAD_FRAME, "消息内容有误，已忽略。请刷新页面后重试。");
        return v.stringValue();
    }

    private static String requiredString(JsonNode node, String field) {
        String v = optionalString(node, field);
        if (v == null) throw new ShuzhiException(ErrorCode.MISSING_FIELD, "消息缺少必要内容，已忽略。请刷新页面后重试。");
        return v;
    }

    /** A say is refused here, before any session is read, when its id or text cannot be used. */
    private static ClientFrame.Say say(String id, String text, String replaces) {
        if (id.isBlank() || id.length() > 100) {
            throw new ShuzhiException(ErrorCode.BAD_FRAME, "消息编号有误，已忽略。请刷新页面后重试。");
        }
        if (text.isBlank()) throw new ShuzhiException(ErrorCode.EMPTY_MESSAGE);
        return new ClientFrame.Say(id, text, replaces == null || replaces.isBlank() || replaces.length() > 100 ? null : replaces);
    }

    private static int requiredInt(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) throw new ShuzhiException(ErrorCode.MISSING_FIELD, "消息缺少 " + field + " 字段。");
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) {
            throw new ShuzhiException(ErrorCode.BAD_FRAME, "字段 " + field + " 应为非负整数。");
        }
        return v.intValue();
    }

    private static Long optionalSeq(JsonNode node) {
        JsonNode v = node.get("lastSeq");
        if (v == null || v.isNull()) return null;
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
            throw new ShuzhiException(ErrorCode.BAD_FRAME, "会话进度记录有误，请刷新页面后重试。");
        }
        return v.longValue();
    }

    private static String abbreviate(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }
}
