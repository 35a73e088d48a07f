package io.shuzhi.interview;

import static io.shuzhi.support.Tables.LEXICON;
import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.export.ImportedDrafts;
import io.shuzhi.export.ImportedReport;
import io.shuzhi.export.PriorReportParser;
import io.shuzhi.interview.InterviewEngine.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * Last year's plans as this year's checklist, played through the offline interview on two reports written for it:
 * a three-part party-branch report of 2025 and a four-part 述责述廉 report of 2024.
 */
class LastYearPlansTest {
    private static final ReportKinds KINDS = new ReportKinds(Path.of("prompts/kinds"));
    private static final ReportKind BRANCH = KINDS.get("party-branch-secretary");
    private static final ReportKind INTEGRITY = KINDS.get("accountability-integrity");
    private final OfflineInterviewer interviewer = new OfflineInterviewer(LEXICON,
            Clock.fixed(Instant.parse("2026-12-10T08:00:00Z"), ZoneId.of("Asia/Shanghai")));
    private int messages;

    private static ImportedReport report(String file) throws Exception {
        return new PriorReportParser(LEXICON).parse(Files.readString(Path.of("src/test/resources/import", file)));
    }

    private static InterviewState imported(ReportKind kind, ImportedReport report) {
        InterviewState s = LEXICON.lastYear().add(kind, InterviewState.start(), ImportedDrafts.statements(report), "import-1");
        return LEXICON.lastYear().addPlans(kind, s.withProfile(report.unit(), String.valueOf(Integer.parseInt(report.year()) + 1)),
                report.plans());
    }

    private Reply say(ReportKind kind, InterviewState state, String text) {
        return interviewer.answer(kind, state, "m-" + (++messages), text);
    }

    @Test
    void plansPart_isReadIntoPlanItems_withoutOrdinals_forThreeAndFourPartReports() throws Exception {
        assertThat(report("branch-2025.txt").plans()).containsExactly(
                "每季度开展1次读书分享会，推动理论学习走深走实", "建立支委联系党员制度，每名支委联系3名党员",
                "打造“红色网格”服务品牌，组织党员进网格开展志愿服务", "围绕“十四五”规划收官任务，推动党建与业务深度融合");
        // 四、今后努力方向 of a four-part report is its plans part.
        assertThat(report("integrity-2024.txt").plans()).containsExactly("每季度到分管科室开展1次廉政提醒谈话",
                "建立药品采购廉政风险台账", "组织一次以案促改专题警示教育");
        // Sections form: heading and first sentence.
        ImportedReport sections = new PriorReportParser(LEXICON).parse("""
                某单位2025年度工作总结
                2025年，我们认真履行职责，各项工作稳步推进，全面完成了年度目标任务，现将有关情况报告如下：
                一、主要工作
                （一）抓业务。全年办理业务事项120件，群众满意度持续提升，窗口服务更加规范。
                二、存在的问题
                服务方式还比较单一，信息化水平不高，队伍结构还需优化。
                三、下一年工作思路
                （一）提升服务效能。推行延时服务，窗口等候时间压缩到15分钟以内。
                （二）加强队伍建设。组织业务培训4期。
                """);
        assertThat(sections.plans()).containsExactly("提升服务效能：推行延时服务，窗口等候时间压缩到15分钟以内",
                "加强队伍建设：组织业务培训4期");
    }

    @Test
    void aPlan_isAskedInItsOwnSection_andDoneBecomesThisYearsFacts_withWhatWasPromised() throws Exception {
        InterviewState s = imported(BRANCH, report("branch-2025.txt"));
        Reply first = interviewer.next(BRANCH, s);
        assertThat(first.text()).startsWith("先从第一部分（一）")
                .contains("去年计划“每季度开展1次读书分享会，推动理论学习走深走实”，今年落实得怎样？");
        assertThat(first.choices()).contains("已落实", "没有落实", "跳过");
        assertThat(first.state().currentTopic()).isEqualTo("study");

        Reply done = say(BRANCH, first.state(), "落实了，全年开了4次读书分享会，每次都有专人领读");
        assertThat(done.text()).contains("记为已落实", "读书分享会4次");
        assertThat(done.state().plans().get(0).status()).isEqualTo(Plan.Status.DONE);
        assertThat(done.state().factsFor("study")).extracting(Fact::text)
                .contains("落实上年提出的“每季度开展1次读书分享会”").anyMatch(t -> t.contains("4次读书分享会"));
        assertThat(done.changed()).extracting(Fact::origin).containsOnly(Fact.Origin.WRITER);
    }

    @Test
    void aPlanNotDone_becomesAProblem_onlyIfTheWriterAgrees() throws Exception {
        InterviewState s = imported(INTEGRITY, report("integrity-2024.txt"));
        Reply r = interviewer.next(INTEGRITY, s);
        // The first plan belongs to 日常监督 (1.3); the questions before it come first.
        assertThat(r.text()).doesNotContain("去年计划");
        while (!r.text().contains("去年计划")) r = say(INTEGRITY, r.state(), "跳过");
        assertThat(r.text()).contains("去年计划“组织一次以案促改专题警示教育”");

        Reply notDone = say(INTEGRITY, r.state(), "没有落实，今年案子多没顾上");
        assertThat(notDone.text()).contains("今年没有落实", "要不要", "第三部分“存在的问题”");
        assertThat(notDone.choices()).containsExactly("写进问题", "不写");
        assertThat(notDone.state().facts()).isEqualTo(r.state().facts()); // nothing written before the writer agrees

        Reply agreed = say(INTEGRITY, notDone.state(), "写进问题");
        Fact problem = agreed.state().facts().get(agreed.state().facts().size() - 1);
        assertThat(problem.text()).isEqualTo("上年提出的“组织一次以案促改专题警示教育”没有落实到位");
        assertThat(INTEGRITY.partOf(INTEGRITY.sectionOf(problem.topic())).key()).isEqualTo("issues");
        assertThat(agreed.text()).contains("写进第三部分");
        // The topic's own question is still asked: restating a plan does not answer it.
        assertThat(agreed.text()).contains(INTEGRITY.topic("warning-cases").orElseThrow().question());

        Reply declined = say(INTEGRITY, notDone.state(), "不写");
        assertThat(declined.state().facts()).isEqualTo(r.state().facts());
        assertThat(declined.state().plans()).extracting(Plan::status).contains(Plan.Status.LEFT_OUT);
        assertThat(declined.text()).contains("不写进问题");
    }
}
