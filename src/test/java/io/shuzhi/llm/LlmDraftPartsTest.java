package io.shuzhi.llm;

import static io.shuzhi.llm.LlmTestSupport.KINDS;
import static io.shuzhi.llm.LlmTestSupport.PARTY;
import static io.shuzhi.llm.LlmTestSupport.PROMPTS;
import static io.shuzhi.llm.LlmTestSupport.props;
import static io.shuzhi.llm.LlmTestSupport.sectionWriter;
import static io.shuzhi.llm.LlmTestSupport.started;
import static io.shuzhi.llm.LlmTestSupport.with;
import static io.shuzhi.support.Tables.DRAFT_LEXICON;
import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.draft.Draft;
import io.shuzhi.draft.TemplateDrafter;
import io.shuzhi.interview.InterviewState;
import io.shuzhi.interview.ReportKind;
import io.shuzhi.usage.TokenMeter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The model writes every part the writer gave something for: part one's sections from their facts, part two one item
 * per problem, part three one measure per plan answering the problems — each prompt with the kind's style guide and
 * the year's 提法 — and a part with nothing from the writer keeps the template's text, with no call.
 */
class LlmDraftPartsTest {
    private static final FakeModelServer fake = new FakeModelServer();
    private static final String STUDY = "全年开展研讨交流24次，购买发放学习书籍120册";
    private static final String PROBLEM_1 = "个别党员研讨发言照本宣科，结合岗位谈体会不深";
    private static final String PROBLEM_2 = "学习形式比较单一，主要是读原文";
    private static final String PROBLEM_3 = "对支委一岗双责的督促主要靠年终考核";
    /** Answers PROBLEM_2 (学习形式), told first. */
    private static final String PLAN_1 = "每季度组织1次现场教学，丰富学习形式";
    /** Answers PROBLEM_1 (研讨发言、岗位), told second. */
    private static final String PLAN_2 = "研讨发言要求结合岗位讲体会";
    private static final String PLAN_3 = "每半年听取一次支委履行一岗双责情况汇报";

    @AfterAll
    static void stop() {
        fake.close();
    }

    @BeforeEach
    void clean() {
        fake.reset();
    }

    private static Draft draft(ReportKind kind, InterviewState s) {
        var w = new LlmDraftWriter(new TemplateDrafter(DRAFT_LEXICON), DRAFT_LEXICON,
                new LlmModels(props(fake.baseUrl(), Duration.ofSeconds(5), Duration.ofSeconds(5), 2)), PROMPTS);
        return w.write(kind, s, 1, new LlmTestSupport.Recorder(), new TokenMeter());
    }

    private static InterviewState everyPart() {
        InterviewState s = with(started(), "study", STUDY);
        s = with(s, "issue-study", PROBLEM_1);
        s = with(s, "issue-study", PROBLEM_2);
        s = with(s, "issue-responsibility", PROBLEM_3);
        s = with(s, "plan-study", PLAN_1);
        s = with(s, "plan-study", PLAN_2);
        s = with(s, "plan-discipline", PLAN_3);
        return s;
    }

    /** The user prompt of the call that wrote the section headed {@code heading}. */
    private static String promptFor(String heading) {
        return fake.chatRequests().stream().map(FakeModelServer.Request::lastUser)
                .filter(p -> p.contains("现在要写的是：" + heading)).findFirst()
                .orElseThrow(() -> new AssertionError("no call wrote " + heading));
    }

    @Test
    void partTwoAndThree_goToTheModel_withTheProblemsAndThePlans() {
        fake.route(sectionWriter(""));
        InterviewState s = everyPart();
        Draft d = draft(PARTY, s);
        Draft template = new TemplateDrafter(DRAFT_LEXICON).write(PARTY, s, 1, null);

        // 1.1, part two, 3.1 and 3.3; nothing planned for 3.2, nothing at all for 1.2–1.4.
        assertThat(fake.chatRequests()).hasSize(4);

        String two = promptFor("二、存在问题和不足");
        assertThat(two).contains(PROBLEM_1, PROBLEM_2, PROBLEM_3)
                .contains("一个写一条").contains("共4条").contains("写作者举的实例")
                // the area's leads, one per problem; the area without a problem keeps the template's placeholder
                .contains("理论武装的深度还需进一步拓展", "学习教育的方式方法还需进一步创新")
                .contains("组织生活的质量还需进一步提升。【待补充：组织生活和党员管理方面的具体不足及一个实例】")
                // the kind's style guide and the year's 提法
                .contains("党支部书记抓基层党建工作述职").contains("深入贯彻中央八项规定精神学习教育")
                .doesNotContain(STUDY).doesNotContain(PLAN_1).doesNotContain(PLAN_3);

        String plans = promptFor("三、下步工作举措 （一）在强化理论武装上持续用力");
        assertThat(plans).contains(PLAN_1, PLAN_2).contains("一项举措").contains("共2项").contains("针对")
                .contains("健全以支部集中学习") // the section's standing paragraph, to open from
                .contains(PROBLEM_1, PROBLEM_2).doesNotContain(PROBLEM_3).doesNotContain(PLAN_3)
                .contains("深入贯彻中央八项规定精神学习教育");
        // The plan answering the first problem comes first, whatever order the writer told them in.
        String facts = plans.substring(plans.indexOf("写作者为本节提供的事实"), plans.indexOf("本节要回应的问题"));
        assertThat(facts.indexOf(PLAN_2)).isLessThan(facts.indexOf(PLAN_1));

        String discipline = promptFor("三、下步工作举措 （三）");
        assertThat(discipline).contains(PLAN_3, PROBLEM_3).doesNotContain(PROBLEM_1).doesNotContain(PLAN_1);

        String study = promptFor("一、履职情况及成效 （一）");
        assertThat(study).contains(STUDY).doesNotContain(PROBLEM_1).doesNotContain(PLAN_1).contains("（无）");

        // What the model wrote is what the draft has; 3.2 is the template's standing paragraph.
        assertThat(d.section("2").orElseThrow().body()).contains(PROBLEM_1, PROBLEM_2, PROBLEM_3);
        assertThat(d.section("3.1").orElseThrow().body()).contains("1次现场教学");
        assertThat(d.section("3.2")).isEqualTo(template.section("3.2"));
    }

    @Test
    void aPartWithNothingFromTheWriter_keepsTheTemplate_withoutACall() {
        fake.route(sectionWriter("全面加强各项工作。"));
        InterviewState s = with(started(), "study", STUDY);
        Draft d = draft(PARTY, s);
        Draft template = new TemplateDrafter(DRAFT_LEXICON).write(PARTY, s, 1, null);
        assertThat(fake.chatRequests()).hasSize(1);
        for (String ref : List.of("2", "3.1", "3.2", "3.3")) {
            assertThat(d.section(ref)).as(ref).isEqualTo(template.section(ref));
        }
        assertThat(d.section("2").orElseThrow().body()).contains("【待补充：");
    }

    /** Every kind: its problems part (itemized, ref "p") and its plan part reach the model. */
    @Test
    void everyKind_sendsItsProblemsAndPlans() {
        for (ReportKind kind : KINDS.all()) {
            fake.reset();
            fake.route(sectionWriter(""));
            InterviewState s = started();
            var issues = LlmDraftWriter.issueTopics(kind);
            s = with(s, issues.get(0).key(), PROBLEM_1);
            var planPart = kind.parts().stream().filter(p -> p.style() == ReportKind.Style.PLAN).reduce((a, b) -> b)
                    .orElseThrow();
            s = with(s, planPart.sections().get(0).topics().get(0).key(), PLAN_3);
            draft(kind, s);
            var prompts = fake.chatRequests().stream().map(FakeModelServer.Request::lastUser).toList();
            assertThat(prompts).as(kind.id()).anyMatch(p -> p.contains(PROBLEM_1) && p.contains("一个写一条"));
            assertThat(prompts).as(kind.id()).anyMatch(p -> p.contains(PLAN_3) && p.contains("一项举措"));
        }
    }
}
