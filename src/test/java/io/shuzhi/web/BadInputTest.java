package io.shuzhi.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.support.IntegrationTest;
import io.shuzhi.support.WsClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Bad input gets an error frame with a stable code and a Chinese message, the socket stays open, nothing changes. */
class BadInputTest extends IntegrationTest {

    private static JsonNode error(WsClient c) {
        return c.await("error");
    }

    private static void assertReadable(JsonNode error, String code, boolean retryable) {
        assertThat(error.path("code").asString()).isEqualTo(code);
        assertThat(error.path("message").asString()).matches("(?s).*[\\u4e00-\\u9fff].*");
        assertThat(error.path("retryable").asBoolean()).isEqualTo(retryable);
        assertThat(error.has("seq")).isTrue();
    }

    @Test
    void malformedJson_getsBadFrame_andConnectionStaysUsable() {
        try (var c = connect()) {
            c.send("{\"type\":\"say\",");
            assertReadable(error(c), "BAD_FRAME", false);
            c.send("[1,2,3]");
            assertReadable(error(c), "BAD_FRAME", false);
            c.send("null");
            assertReadable(error(c), "BAD_FRAME", false);
            assertThat(newSession(c)).hasSizeGreaterThanOrEqualTo(22);
        }
    }

    @Test
    void unknownType_missingField_wrongType_changeNothing() {
        try (var c = connect()) {
            String id = newSession(c);
            String before = storedState(id);

            c.send("{\"type\":\"dance\"}");
            assertReadable(error(c), "UNKNOWN_TYPE", false);
            c.send("{\"text\":\"没有类型\"}");
            assertReadable(error(c), "MISSING_FIELD", false);
            c.send("{\"type\":\"say\",\"id\":\"m-1\"}");
            JsonNode missingText = error(c);
            assertReadable(missingText, "MISSING_FIELD", false);
            assertThat(missingText.path("replyTo").asString()).isEqualTo("m-1");
            c.send("{\"type\":\"say\",\"id\":\"m-2\",\"text\":42}");
            assertReadable(error(c), "BAD_FRAME", false);
            c.send("{\"type\":\"hello\",\"lastSeq\":\"x\"}");
            assertReadable(error(c), "BAD_FRAME", false);
            c.say("m-3", "   ");
            assertReadable(error(c), "EMPTY_MESSAGE", false);

            assertThat(storedState(id)).isEqualTo(before);
            assertThat(c.isOpen()).isTrue();
        }
    }

    @Test
    void binaryFrame_isRefusedWithAnError() {
        try (var c = connect()) {
            c.sendBinary(new byte[] {1, 2, 3});
            assertReadable(error(c), "BINARY_NOT_SUPPORTED", false);
            assertThat(c.isOpen()).isTrue();
        }
    }

    @Test
    void sayBeforeHello_getsNoSession() {
        try (var c = connect()) {
            c.say("m-1", "你好");
            JsonNode e = error(c);
            assertReadable(e, "NO_SESSION", false);
            assertThat(e.path("replyTo").asString()).isEqualTo("m-1");
        }
    }

    @Test
    void unknownOrMalformedSessionId_getsSessionNotFound() {
        try (var c = connect()) {
            c.hello("AAAAAAAAAAAAAAAAAAAAAA", 0L);
            assertReadable(error(c), "SESSION_NOT_FOUND", false);
            c.hello("../../etc/passwd", null);
            assertReadable(error(c), "SESSION_NOT_FOUND", false);
            c.say("m-1", "还在吗");
            assertReadable(error(c), "NO_SESSION", false);
        }
    }

    @Test
    void unknownKind_getsUnknownKind() {
        try (var c = connect()) {
            c.send("{\"type\":\"hello\",\"kind\":\"no-such-kind\"}");
            assertReadable(error(c), "UNKNOWN_KIND", false);
        }
    }

    @Test
    void generateWithNoFacts_getsNoFacts_andNoDraft() {
        try (var c = connect()) {
            String id = newSession(c);
            String before = storedState(id);
            c.send("{\"type\":\"generate\"}");
            assertReadable(error(c), "NO_FACTS", false);
            assertThat(storedState(id)).isEqualTo(before);
        }
    }

    @Test
    void textOverTheCap_getsTooLarge_andFarOverClosesWith1009() {
        try (var c = connect()) {
            String id = newSession(c);
            String before = storedState(id);
            c.say("m-big", "学".repeat(4000)); // 12,000 bytes in UTF-8: over the 8 KB cap
            JsonNode tooLarge = error(c);
            assertReadable(tooLarge, "TOO_LARGE", false);
            assertThat(tooLarge.path("replyTo").asString()).isEqualTo("m-big");
            assertThat(storedState(id)).isEqualTo(before);
            assertThat(c.isOpen()).isTrue();

            // 70,000 characters: over the transport limit. The server may close before the client has written the
            // whole frame; the client then answers the close and its unfinished send fails with "closed output".
            c.sayExpectingClose("m-huge", "学".repeat(70_000));
            assertThat(c.awaitClose()).isEqualTo(1009);
            assertThat(storedState(id)).isEqualTo(before);
        }
    }
}
