package io.shuzhi.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.draft.Proofreader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class FrameCodecTest {
    private final FrameCodec codec = new FrameCodec(JsonMapper.builder().build());

    /** Text that JSON must escape or that is not ASCII: quotes, backslash, controls, CJK, a surrogate pair. */
    private static final String ODD = "他说\"好\"\\ 第1项\n\t\u0001 😀 </script>";

    @Test
    void everyFrameIsWrittenAsThroughTheTree() {
        var profile = new LinkedHashMap<String, String>();
        profile.put("unit", "机关第一党支部");
        profile.put("year", null);
        var quantities = List.of(new ServerFrame.QuantityView("24次", "24次", "次"), new ServerFrame.QuantityView(ODD, null, ""));
        var yoy = List.of(new ServerFrame.YearOnYearView("集中学习", "12次", "15次", "f-1", null));
        var facts = List.of(
                new ServerFrame.FactView("f-1", "study", "学习", "s1", "一、政治理论学习", ODD, quantities, "m-1", "WRITER", yoy),
                new ServerFrame.FactView("f-2", null, null, null, null, "健全管理制度8项。", List.of(), null, "DERIVED", null));
        var sections = List.of(new ServerFrame.SectionView("s1", 1, "一、学习", ODD), new ServerFrame.SectionView("s2", 2, null, ""));
        var messages = List.of(new ServerFrame.ChatMessage("user", "m-1", ODD, List.of(), "m-0"),
                new ServerFrame.ChatMessage("assistant", "a-1", "好的", List.of("跳过", "生成草稿")));
        var versions = new ServerFrame.Versions(2, 3, true, false,
                List.of(new VersionInfo(1, "draft", null, "offline", 1_764_000_000_000L, 0), new VersionInfo(2, "refine", ODD, "offline", 1L, 1)));
        List<ServerFrame> frames = new ArrayList<>(Arrays.asList(
                new ServerFrame.Session("s-1", "party", "党支部书记", "interview", "offline", profile, facts,
                        new ServerFrame.DraftView(2, "述职报告", ODD, sections), messages, 1, 2, Long.MAX_VALUE, versions),
                new ServerFrame.Session(null, null, null, null, null, null, null, null, null, 0, 0, 0, null),
                new ServerFrame.Kind("party", "党支部书记"),
                new ServerFrame.UserMessage("m-1", ODD),
                new ServerFrame.UserMessage("m-2", "更正", "m-1"),
                new ServerFrame.AssistantStart("a-1"),
                new ServerFrame.AssistantDelta("a-1", ODD),
                new ServerFrame.AssistantEnd("a-1", ODD, List.of("跳过", "生成草稿")),
                new ServerFrame.AssistantEnd("a-2", "", null),
                new ServerFrame.Facts(profile, facts),
                new ServerFrame.Facts(Map.of(), List.of()),
                new ServerFrame.Progress(3, 14, "政治理论学习"),
                new ServerFrame.DraftSection("s1", 1, "一、学习", ODD, 1, 3),
                new ServerFrame.DraftDelta("s1", ODD),
                new ServerFrame.Draft(1, "述职报告", ODD, sections),
                new ServerFrame.Usage(0, 12, -1),
                versions,
                new ServerFrame.Diff(1, 2, List.of(new ServerFrame.SectionDiff("s1", "一、学习", "changed", ODD, null))),
                new ServerFrame.Suggestions(2, List.of(new Proofreader.Suggestion("p-1", null, 0, 3, "其它", "其他", "用字", ODD))),
                new ServerFrame.Deleted("会话已删除"),
                new ServerFrame.Error("BAD_FRAME", ODD, false, null, null, null),
                new ServerFrame.Error("VERSION_CONFLICT", "冲突", true, "m-1", 3, ODD)));
        long seq = 0;
        for (ServerFrame f : frames) {
            seq = seq * 31 + 7;
            String written = codec.write(f, seq);
            assertThat(written).as(f.type()).isEqualTo(codec.writeAsTree(f, seq));
            assertThat(written).as(f.type()).startsWith("{\"type\":\"" + f.type() + "\",\"seq\":" + seq);
        }
    }
}
