package io.shuzhi.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ChatMetricsTest {

    @Test
    void turnMetric_namesEachFrameAsTheProtocolDoes() {
        var codec = new FrameCodec(JsonMapper.builder().build());
        for (String json : new String[] {
                "{\"type\":\"say\",\"id\":\"m-1\",\"text\":\"你好\"}",
                "{\"type\":\"fact_edit\",\"id\":\"f-1\",\"text\":\"开展活动12次\"}",
                "{\"type\":\"fact_delete\",\"id\":\"f-1\"}",
                "{\"type\":\"generate\"}",
                "{\"type\":\"diff\",\"from\":1,\"to\":2}"}) {
            ClientFrame frame = codec.parse(json);
            String type = JsonMapper.builder().build().readTree(json).get("type").asString();
            assertThat(ChatMetrics.type(frame)).as(json).isEqualTo(type);
        }
    }
}
