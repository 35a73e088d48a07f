package io.shuzhi.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.chat.ChatProperties;
import io.shuzhi.support.IntegrationTest;
import io.shuzhi.support.WsClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A message sent as several WebSocket frames (or longer than Tomcat's small per-socket buffer, which hands it over in
 * parts) is answered exactly like the same message sent whole; one that runs past the transport limit is closed with
 * 1009 however it is cut, and nothing is stored.
 */
class MessageInPartsTest extends IntegrationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ChatProperties DEFAULTS = new ChatProperties(null, null, null, null, null, null, null, null,
            null, null, null, null, null);

    private static String say(String id, String text) {
        return JSON.createObjectNode().put("type", "say").put("id", id).put("text", text).toString();
    }

    /** {@code raw} cut every {@code size} characters (never inside a surrogate pair: the client sends whole chars). */
    private static List<String> cut(String raw, int size) {
        var parts = new ArrayList<String>();
        for (int i = 0; i < raw.length(); i += size) parts.add(raw.substring(i, Math.min(raw.length(), i + size)));
        return parts;
    }

    /** The frames a say gets until its turn ends (assistant_end) or it is refused (error), without seq and ids. */
    private static List<String> answer(WsClient c) {
        var frames = new ArrayList<String>();
        while (true) {
            JsonNode f = c.await(x -> true);
            var copy = f.deepCopy();
            if (copy instanceof tools.jackson.databind.node.ObjectNode o) o.remove(List.of("seq", "at"));
            frames.add(copy.toString());
            String type = f.path("type").asString();
            if (type.equals("assistant_end") || type.equals("error")) return frames;
        }
    }

    @Test
    void aSayInSeveralFrames_isAnsweredLikeTheSameSaySentWhole() {
        String text = "全年组织集中学习研讨交流24次，发放学习书籍120册，开展主题党日活动12次。";
        String raw = say("m-1", text);
        List<String> whole;
        try (var c = connect()) {
            newSession(c);
            c.send(raw);
            whole = answer(c);
        }
        try (var c = connect()) {
            String id = newSession(c);
            c.sendInParts(cut(raw, 7), true); // cuts through the JSON and through the Chinese text
            assertThat(answer(c)).isEqualTo(whole);
            assertThat(storedState(id)).contains("120");
        }
        assertThat(whole).anyMatch(f -> f.contains("\"type\":\"assistant_end\""));
    }

    @Test
    void overTheCapInParts_getsTooLarge_longerThanTomcatsBuffer_too() {
        try (var c = connect()) {
            String id = newSession(c);
            String before = storedState(id);
            String raw = say("m-big", "学".repeat(4000)); // 12,000 bytes: over the 8 KB cap, under the transport limit
            c.sendInParts(cut(raw, 900), true);
            JsonNode e = c.await("error");
            assertThat(e.path("code").asString()).isEqualTo("TOO_LARGE");
            assertThat(e.path("replyTo").asString()).isEqualTo("m-big");
            c.send(raw); // whole: 4,000+ characters, so Tomcat hands it over in parts of its buffer's size
            e = c.await("error");
            assertThat(e.path("code").asString()).isEqualTo("TOO_LARGE");
            assertThat(e.path("replyTo").asString()).isEqualTo("m-big");
            assertThat(storedState(id)).isEqualTo(before);
            assertThat(c.isOpen()).isTrue();
            // Just under the cap, in parts: an ordinary say.
            c.sendInParts(cut(say("m-ok", "全年组织集中学习研讨交流24次。" + "学".repeat(2000)), 500), true);
            assertThat(c.reply()).isNotEmpty();
            assertThat(c.isOpen()).isTrue();
        }
    }

    @Test
    void partsPastTheTransportLimit_closeWith1009_andNothingIsStored() {
        int limit = DEFAULTS.transportLimitChars();
        try (var c = connect()) {
            String id = newSession(c);
            String before = storedState(id);
            // A say that is never finished: parts of 1,000 characters past the limit, none of them final. The server
            // closes without waiting for the end.
            String raw = say("m-stream", "学".repeat(limit + 2000));
            c.sendInParts(cut(raw, 1000), false);
            assertThat(c.awaitClose()).isEqualTo(1009);
            assertThat(storedState(id)).isEqualTo(before);
        }
        try (var c = connect()) {
            // One character over the limit, cut small and finished: 1009, as when sent whole; the limit itself is not.
            String id = newSession(c);
            String before = storedState(id);
            String atLimit = say("m-at", "x".repeat(limit - 36));
            assertThat(atLimit).hasSize(limit);
            c.sendInParts(cut(atLimit, 100), true);
            assertThat(c.await("error").path("code").asString()).isEqualTo("TOO_LARGE");
            c.sendInParts(cut(say("m-over", "x".repeat(limit - 35)), 100), true);
            assertThat(c.awaitClose()).isEqualTo(1009);
            assertThat(storedState(id)).isEqualTo(before);
        }
    }

    @Test
    void binary_upToTheCap_getsAnError_overItClosesWith1009() {
        int cap = DEFAULTS.maxTextBytes();
        try (var c = connect()) {
            c.sendBinary(new byte[cap]); // several times Tomcat's buffer: handed over in parts
            assertThat(c.await("error").path("code").asString()).isEqualTo("BINARY_NOT_SUPPORTED");
            assertThat(c.isOpen()).isTrue();
            c.sendBinary(new byte[cap + 1]);
            assertThat(c.awaitClose()).isEqualTo(1009);
        }
    }
}
