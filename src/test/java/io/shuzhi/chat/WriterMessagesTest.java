package io.shuzhi.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.support.IntegrationTest;
import io.shuzhi.support.WsClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Messages typed the way cadres type, through the real socket and Redis: facts in the first message, problems and
 * plans given while part one is asked, questions back, style wishes, asides and repeats.
 */
class WriterMessagesTest extends IntegrationTest {

    /** A new party-branch session with its unit and year given; the reply to them read. */
    private void pastIntro(WsClient tab) {
        newSession(tab);
        tab.say("intro", "机关第三党支部，2026年");
        tab.reply();
    }

    private static List<String> factTexts(JsonNode facts) {
        List<String> out = new ArrayList<>();
        facts.path("facts").forEach(f -> out.add(f.path("topic").asString() + "|" + f.path("text").asString()));
        return out;
    }

    private static String part(JsonNode draft, String ref) {
        var out = new StringBuilder();
        for (JsonNode s : draft.path("sections")) {
            String r = s.path("ref").asString();
            if (r.equals(ref) || r.startsWith(ref + ".")) out.append(s.path("heading").asString()).append(s.path("body").asString());
        }
        return out.toString();
    }

    @Test
    void factsInTheFirstMessage_areKept_andNotAskedForAgain() {
        try (WsClient tab = connect()) {
            newSession(tab);
            tab.say("w1", "我是城关镇中心小学党支部书记，2026年的述职。今年我们一共发了学习书籍36册，搞了12次集中学习");
            JsonNode facts = tab.await("facts");
            String reply = tab.reply();
            assertThat(facts.path("profile").path("unit").asString()).isEqualTo("城关镇中心小学党支部");
            assertThat(facts.path("profile").path("year").asString()).isEqualTo("2026");
            assertThat(factTexts(facts)).anySatisfy(f -> assertThat(f).startsWith("study|").contains("36册", "12次"));
            assertThat(reply).contains("学习书籍36册").contains("集中学习12次")
                    // the study question is not asked again: the next one is 第一议题
                    .contains("第一议题").doesNotContain("给党员发放或推荐了多少册学习书籍");
        }
    }

    @Test
    void problemsAndPlans_goToPartsTwoAndThree_whateverQuestionIsOpen() {
        try (WsClient tab = connect()) {
            pastIntro(tab);
            // Part one's first question is open.
            tab.say("p2", "集中学习开了22次。存在的问题：一是学习不够深入，有的党员开会光念稿子；二是组织生活形式单一，"
                    + "年轻党员参与不积极。明年打算：1.每月开展一次专题研讨 2.力争发展党员2名");
            JsonNode facts = tab.await("facts");
            String reply = tab.reply();
            assertThat(reply).contains("第二部分").contains("第三部分");
            List<String> stored = factTexts(facts);
            assertThat(stored).anySatisfy(f -> assertThat(f).startsWith("issue-study|").contains("学习不够深入"));
            assertThat(stored).anySatisfy(f -> assertThat(f).startsWith("issue-org|").contains("形式单一"));
            assertThat(stored).anySatisfy(f -> assertThat(f).startsWith("plan-study|").contains("专题研讨"));
            assertThat(stored).anySatisfy(f -> assertThat(f).startsWith("plan-org|").contains("发展党员2名"));
            tab.send("{\"type\":\"generate\"}");
            JsonNode draft = tab.await("draft");
            String one = part(draft, "1");
            String two = part(draft, "2");
            String three = part(draft, "3");
            assertThat(one).contains("22次").doesNotContain("光念稿子").doesNotContain("形式单一");
            assertThat(two).containsAnyOf("光念稿子", "照本宣科").contains("形式单一");
            assertThat(three).contains("专题研讨").contains("2名");
        }
    }

    @Test
    void aQuestionBack_isAnswered_notStored_andTheInterviewGoesOn() {
        try (WsClient tab = connect()) {
            newSession(tab);
            tab.say("q1", "机关第三党支部，2026年");
            String first = tab.reply();
            tab.say("q2", "党课一年讲几次比较合适？");
            String reply = tab.reply();
            assertThat(reply).contains("每季度").doesNotContain("记下了");
            // the question that was open is asked again
            String openQuestion = first.substring(first.lastIndexOf('：') + 1);
            assertThat(reply).contains(openQuestion.substring(0, Math.min(12, openQuestion.length())));
            tab.say("q3", "这段帮我写得有文采些");
            String wish = tab.reply();
            assertThat(wish).contains("记下了").contains("有文采");
            tab.say("q4", "之前不是讲过了吗");
            String aside = tab.reply();
            assertThat(aside).doesNotContain("记下了").doesNotContain("没找到");
            tab.say("q5", "集中学习22次");
            JsonNode facts = tab.await("facts");
            tab.reply();
            assertThat(factTexts(facts)).hasSize(1).allSatisfy(f -> assertThat(f).doesNotContain("党课一年", "文采", "讲过"));
        }
    }

    @Test
    void aRepeat_isRecognised_notStoredTwice() {
        try (WsClient tab = connect()) {
            pastIntro(tab);
            tab.say("r2", "集中学习22次，发放学习书籍96册");
            tab.await("facts");
            tab.reply();
            tab.say("r3", "就是前面那个学习书籍96册");
            String reply = tab.reply();
            assertThat(reply).contains("前面已经记下了");
            tab.send("{\"type\":\"generate\"}");
            String text = tab.await("draft").path("text").asString();
            assertThat(text.split("96册", -1)).hasSize(2);
        }
    }

    @Test
    void aQuotedTermAtTheStartOfAClause_keepsBothQuotes() {
        try (WsClient tab = connect()) {
            pastIntro(tab);
            tab.say("u2", "嗯，“三会一课”基本都落实了，召开支委会12次，“主题党日”开展了11次");
            JsonNode facts = tab.await("facts");
            tab.reply();
            assertThat(factTexts(facts)).anySatisfy(f -> assertThat(f).contains("“三会一课”"));
            tab.send("{\"type\":\"generate\"}");
            String text = tab.await("draft").path("text").asString();
            assertThat(text).contains("“三会一课”");
            for (String paragraph : text.split("\n")) {
                assertThat(paragraph.chars().filter(c -> c == '“').count())
                        .as(paragraph).isEqualTo(paragraph.chars().filter(c -> c == '”').count());
            }
        }
    }

    @Test
    void aCorrectionWithAnAside_changesTheFigure() {
        try (WsClient tab = connect()) {
            tab.send("{\"type\":\"hello\",\"kind\":\"annual-work-summary\"}");
            tab.await("session");
            tab.reply();
            tab.say("c1", "城南街道幸福社区居委会，2026年");
            tab.reply();
            tab.say("c2", "老旧小区改造配合了4个小区，加装电梯11部");
            tab.reply();
            tab.say("c3", "电梯是12部不是11部，我记错了");
            JsonNode facts = tab.await("facts");
            assertThat(tab.reply()).contains("已更正");
            assertThat(factTexts(facts)).anySatisfy(f -> assertThat(f).contains("电梯12部"))
                    .noneSatisfy(f -> assertThat(f).contains("11部"));
        }
    }

    @Test
    void labelsInReplies_areWholeWords() {
        try (WsClient tab = connect()) {
            pastIntro(tab);
            tab.say("l2", "本人讲党课2次，支部委员讲党课4次");
            String reply = tab.reply();
            assertThat(reply).contains("支部委员讲党课4次").doesNotContain("（部委员");
        }
    }

    @Test
    void aPersonalKind_keepsThePost_andTheGreetingSaysTheNameOnce() {
        try (WsClient tab = connect()) {
            tab.send("{\"type\":\"hello\",\"kind\":\"accountability-integrity\"}");
            tab.await("session");
            String greeting = tab.reply();
            assertThat(greeting).doesNotContain("报告报告");
            tab.say("a1", "某县住建局党组成员、副局长，2026年的述责述廉");
            JsonNode facts = tab.await("facts");
            tab.reply();
            assertThat(facts.path("profile").path("unit").asString()).isEqualTo("某县住建局党组成员、副局长");
            tab.say("a2", "全年主持研究党风廉政建设会议6次");
            tab.reply();
            tab.send("{\"type\":\"generate\"}");
            JsonNode draft = tab.await("draft");
            assertThat(draft.path("title").asString()).startsWith("某县住建局党组成员、副局长2026年度");
            assertThat(draft.path("text").asString()).contains("本人作为某县住建局党组成员、副局长");
        }
    }

    private static final String FACTS = "集中学习22次，专题研讨8次，发放学习书籍96册。第一议题学习15次。党员大会开了4次，支委会12次。";

    /** 字 as Word counts them: a run of half-width letters and digits is one. */
    private static int chars(String text) {
        return text.replaceAll("\\s+", "").replaceAll("[0-9A-Za-z.%/]+", "x").length();
    }

    private int draftLength(String wish) {
        try (WsClient tab = connect()) {
            pastIntro(tab);
            tab.say("x2", FACTS);
            tab.reply();
            if (wish != null) {
                tab.say("x3", wish);
                assertThat(tab.reply()).contains(wish.replaceAll("[^0-9]", "") + "字");
            }
            tab.send("{\"type\":\"generate\"}");
            JsonNode draft = tab.await("draft");
            String summary = tab.reply();
            String text = draft.path("text").asString();
            if (wish != null) {
                assertThat(summary).contains("已按您说的");
                assertThat(text).contains("22次", "96册", "15次", "12次");
            }
            return chars(text);
        }
    }

    @Test
    void aLengthWish_duringTheInterview_isAppliedWhenTheDraftIsWritten() {
        int plain = draftLength(null);
        int goal = plain * 85 / 100 / 10 * 10;
        int wished = draftLength("全文控制在" + goal + "字左右");
        assertThat(wished).isBetween(goal * 9 / 10, goal * 11 / 10);
    }
}
