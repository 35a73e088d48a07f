package io.shuzhi.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a replay must give (docs/protocol.md, "Sequence numbers and replay"): the frames the live tab got, in order,
 * once, identical — except {@code facts} frames, which the log keeps as a reference and which carry the fact list as
 * it is when they are replayed, so every replayed {@code facts} frame holds the newest list.
 */
public final class Replays {
    private Replays() {
    }

    /**
     * Asserts {@code replay} is what a tab that missed {@code live} must get. When both end with the session's last
     * frame ({@code endsTogether}), the replayed facts are also the last facts the live tab got.
     */
    public static void assertReplayOf(List<JsonNode> replay, List<JsonNode> live, boolean endsTogether) {
        assertThat(replay.stream().map(f -> f.path("seq").asLong()).toList())
                .isEqualTo(live.stream().map(f -> f.path("seq").asLong()).toList());
        JsonNode newest = replay.stream().filter(Replays::isFacts).reduce((a, b) -> b).orElse(null);
        for (int i = 0; i < live.size(); i++) {
            JsonNode expected = live.get(i);
            if (isFacts(expected)) {
                assertThat(isFacts(replay.get(i))).as("frame seq %s is facts", expected.path("seq")).isTrue();
                expected = ((ObjectNode) newest.deepCopy()).set("seq", expected.get("seq"));
            }
            assertThat(replay.get(i)).as("frame seq %s", live.get(i).path("seq")).isEqualTo(expected);
        }
        if (endsTogether && newest != null) {
            JsonNode lastLive = live.stream().filter(Replays::isFacts).reduce((a, b) -> b).orElseThrow();
            assertThat(without(newest)).isEqualTo(without(lastLive));
        }
    }

    private static boolean isFacts(JsonNode f) {
        return "facts".equals(f.path("type").asString());
    }

    private static JsonNode without(JsonNode f) {
        ObjectNode copy = (ObjectNode) f.deepCopy();
        copy.remove("seq");
        return copy;
    }
}
