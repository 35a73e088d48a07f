package io.shuzhi.chat;

import static io.shuzhi.support.Tables.NUMBERS;
import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.interview.NumberParser;
import io.shuzhi.support.IntegrationTest;
import io.shuzhi.support.WsClient;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A writer answers the whole interview over a real WebSocket, against the real Redis, and gets a whole draft in the
 * three-part structure with every number they gave and no number they did not.
 */
class ScriptedConversationTest extends IntegrationTest {
    private static final Pattern DIGITS = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final Pattern PLACEHOLDER = Pattern.compile("【[^】]*】");

    /** The sample report's branch; its ** blanks filled with numbers of our own. */
    private static final List<String> SAMPLE_BRANCH = List.of(
            "我是省交通运输厅机关第二党支部书记，写的是2025年度的述职。",
            "全年结合支部党员大会、党小组会和青年理论学习小组开展研讨交流24次，购买发放学习书籍120册。",
            "支委会、支部党员大会会前必学重要讲话和重要指示批示精神，全年学习36次48篇，还建立了半年报告和月考评制度。",
            "依托红色教育基地举办政治轮训班4期，班子成员讲专题党课6次。",
            "广泛开展谈心谈话，覆盖党员干部二十余人。",
            "召开专题组织生活会，梳理问题3类16项。",
            "跳过",
            "组织学雷锋纪念日、义务植树日主题党日和党员志愿服务活动，参与党员八十人次。",
            "规范完成换届选举，选齐配强支委委员5人，健全管理制度12项，表彰优秀党员15名、优秀党务干部6名。",
            "制定年度全面从严治党责任目标及任务分工，专题召开党风廉政建设工作会议2次。",
            "对3名班子成员进行集体约谈，对5名中层干部进行提醒谈话，对11人进行批评教育。",
            "纪检委员作廉政专题辅导报告4次，编印下发党纪政务处分汇编200本，组织讨论300余人次。",
            "开办干部大讲堂和夜校，全年授课150余课时。",
            "没有",
            "举办建功新时代演讲比赛和主题征文活动，征集稿件62篇。",
            "个别党员对政治理论学习不深、领会不够，从政治上看问题的能力不足。",
            "个别班子成员一岗双责落实不力，对苗头性问题发现不及时、提醒不到位。",
            "监督执纪问责机制还需完善，个别党员干部廉洁自律意识较弱。",
            "持续推动学习交流活动常态化，改进学习方式方法。",
            "跳过",
            "坚决整治不作为、乱作为、慢作为等突出问题。");

    private static final List<String> SAMPLE_NUMBERS = List.of("24次", "120册", "36次", "48篇", "4期", "6次",
            "20余人", "3类", "16项", "80人次", "5人", "12项", "15名", "6名", "2次", "3名", "5名", "11人", "4次",
            "200本", "300余人次", "150余课时", "62篇");

    @Test
    void sampleBranch_answersTheInterview_andGetsAWholeThreePartDraft() {
        try (var tab = connect()) {
            newSession(tab);
            for (int i = 0; i < SAMPLE_BRANCH.size(); i++) {
                tab.say("m-" + i, SAMPLE_BRANCH.get(i));
                tab.reply();
            }
            tab.say("m-gen", "生成草稿");
            JsonNode draft = tab.await("draft");
            String text = draft.path("text").asString();
            System.out.println(text);

            assertThat(draft.path("title").asString()).contains("省交通运输厅机关第二党支部").contains("2025");
            assertThat(paragraphAfterTitle(text)).endsWith("现将有关情况报告如下：");
            assertHeadingsInOrder(text, "一、履职情况及成效", "（一）", "（二）", "（三）", "（四）",
                    "二、存在问题和不足", "三、下步工作举措", "（一）", "（二）", "（三）");
            for (String n : SAMPLE_NUMBERS) assertThat(text).as("writer's number " + n).contains(n);
            assertNoInventedNumbers(text, SAMPLE_NUMBERS, "2025");
            // The skipped topics (发展党员, 作风建设) are placeholders naming what is missing.
            assertThat(PLACEHOLDER.matcher(text).results().count()).isGreaterThanOrEqualTo(2);
            assertThat(text).contains("【待补充：");
            assertThat(draft.path("version").asInt()).isEqualTo(1);
        }
    }

    @Test
    void hospitalBranch_answersSeveralTopicsAtOnce_correctsAFact_andSkips() {
        try (var tab = connect()) {
            String id = newSession(tab);
            tab.say("h-0", "市第一人民医院内科党支部，2024年度");
            tab.reply();
            tab.say("h-1", "我们今年组织集中学习研讨12次，发放学习读本45册。另外我讲了3次党课，举办培训2期，"
                    + "参训党员60人次。");
            String reply = tab.reply();
            assertThat(reply).contains("12次");
            tab.say("h-2", "研讨是15次不是12次");
            String corrected = tab.reply();
            assertThat(corrected).contains("15次");
            for (int i = 3; i < 8; i++) {
                tab.say("h-" + i, "跳过");
                tab.reply();
            }
            tab.say("h-8", "今年发展党员2名，确定入党积极分子4名。");
            tab.reply();
            tab.say("h-9", "到哪了");
            assertThat(tab.reply()).isNotBlank();
            tab.say("h-10", "可以写了");
            JsonNode draft = tab.await("draft");
            String text = draft.path("text").asString();
            System.out.println(text);

            assertThat(draft.path("title").asString()).contains("市第一人民医院内科党支部").contains("2024");
            assertThat(paragraphAfterTitle(text)).endsWith("现将有关情况报告如下：");
            assertHeadingsInOrder(text, "一、履职情况及成效", "（一）", "（二）", "（三）", "（四）",
                    "二、存在问题和不足", "三、下步工作举措");
            List<String> numbers = List.of("15次", "45册", "3次", "2期", "60人次", "2名", "4名");
            for (String n : numbers) assertThat(text).as("writer's number " + n).contains(n);
            assertThat(text).doesNotContain("12次");
            assertNoInventedNumbers(text, numbers, "2024");
            assertThat(PLACEHOLDER.matcher(text).results().count()).isGreaterThanOrEqualTo(5);

            // The export has the same draft.
            assertThat(storedState(id)).contains("15次");
        }
    }

    private static String paragraphAfterTitle(String text) {
        String[] lines = text.split("\n");
        for (int i = 1; i < lines.length; i++) if (!lines[i].isBlank()) return lines[i];
        return "";
    }

    private static void assertHeadingsInOrder(String text, String... headings) {
        int at = 0;
        for (String h : headings) {
            int next = text.indexOf(h, at);
            assertThat(next).as("heading " + h + " after position " + at).isGreaterThanOrEqualTo(0);
            at = next + h.length();
        }
    }

    /** Every number in the draft outside placeholders is the year or one the writer gave. */
    private static void assertNoInventedNumbers(String text, List<String> given, String year) {
        String body = PLACEHOLDER.matcher(text).replaceAll("");
        Set<String> allowed = new LinkedHashSet<>();
        allowed.add(year);
        for (String g : given) {
            Matcher m = DIGITS.matcher(g);
            while (m.find()) allowed.add(m.group());
        }
        List<String> found = new ArrayList<>();
        Matcher m = DIGITS.matcher(body);
        while (m.find()) found.add(m.group());
        assertThat(found).as("digits in the draft").isNotEmpty().allMatch(allowed::contains);
        // Chinese numerals too ("十二次" would be a number the writer never gave in that form).
        var values = new LinkedHashSet<BigDecimal>();
        allowed.forEach(a -> values.add(new BigDecimal(a).stripTrailingZeros()));
        NUMBERS.findAll(body).forEach(q -> assertThat(values)
                .as("number " + q.raw() + " in the draft").contains(q.value().stripTrailingZeros()));
    }
}
