package io.shuzhi.interview;

import io.shuzhi.interview.InterviewEngine.Intent;
import io.shuzhi.interview.InterviewEngine.Reply;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static io.shuzhi.support.Tables.LEXICON;
import static org.assertj.core.api.Assertions.assertThat;

class OfflineInterviewerTest {

    private static final ReportKind KIND = new ReportKinds(Path.of("prompts/kinds")).get("party-branch-secretary");
    private final OfflineInterviewer interviewer = new OfflineInterviewer(LEXICON,
            Clock.fixed(Instant.parse("2025-12-10T08:00:00Z"), ZoneId.of("Asia/Shanghai")));
    private int messages;

    private Reply say(InterviewState state, String text) {
        return interviewer.answer(KIND, state, "m-" + (++messages), text);
    }

    private InterviewState pastIntro() {
        return say(InterviewState.start(), "机关第一党支部，2025年").state();
    }

    @Test
    void greeting_saysWhatShuzhiDoes_thenAsksForUnitAndYear() {
        Reply hello = interviewer.greet(KIND, InterviewState.start());
        assertThat(hello.text()).contains("述职助手", "履职情况及成效", "绝不编造", "跳过", "生成")
                .endsWith(KIND.intro().question());
        assertThat(hello.state().currentTopic()).isEqualTo(InterviewState.INTRO);
    }

    @Test
    void introAnswer_recordsUnitAndYear_andOpensTheFirstSection() {
        Reply r = say(InterviewState.start(), "我是机关第一党支部书记，今年的述职");
        assertThat(r.state().unit()).isEqualTo("机关第一党支部");
        assertThat(r.state().year()).isEqualTo("2025");
        assertThat(r.state().currentTopic()).isEqualTo("study");
        assertThat(r.text()).contains("第一部分（一）", KIND.topic("study").orElseThrow().question());
        assertThat(r.choices()).containsExactly("跳过", "生成草稿");
    }

    @Test
    void introWithoutTheUnit_asksOnceMore_thenMovesOnWithWhatThereIs() {
        Reply first = say(InterviewState.start(), "2025年");
        assertThat(first.state().currentTopic()).isEqualTo(InterviewState.INTRO);
        assertThat(first.text()).contains("党支部全称");
        Reply second = say(first.state(), "这个先不说");
        assertThat(second.state().currentTopic()).isEqualTo("study");
        assertThat(second.state().year()).isEqualTo("2025");
        assertThat(second.state().unit()).isNull();
        assertThat(second.text()).contains("【待补充】");
    }

    @Test
    void anAnswer_isAcknowledgedWithTheNumbersUnderstood_andTheNextTopicIsAsked() {
        Reply r = say(pastIntro(), "全年开展研讨交流二十四次，购买学习书籍120册");
        assertThat(r.intent()).isEqualTo(Intent.ANSWER);
        assertThat(r.text()).startsWith("记下了（理论学习）：").contains("研讨交流24次", "学习书籍120册");
        assertThat(r.changed()).hasSize(1);
        assertThat(r.state().currentTopic()).isEqualTo("first-agenda");
    }

    @Test
    void aTopicThatAlreadyHasFacts_isNeverAskedAgain() {
        InterviewState s = pastIntro();
        // The writer answers the study question and, in passing, training and org-life.
        s = say(s, "研讨交流24次。我讲了党课2次。召开支部党员大会6次、主题党日12次").state();
        assertThat(s.currentTopic()).isEqualTo("first-agenda");
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < 40 && s.currentTopic() != null; i++) {
            asked.add(s.currentTopic());
            s = say(s, "跳过").state();
        }
        assertThat(asked).doesNotContain("study", "training", "org-life").doesNotHaveDuplicates();
        assertThat(asked).contains("first-agenda", "ideology", "recruitment", "issue-study", "plan-discipline");
        assertThat(s.currentTopic()).isNull();
    }

    @Test
    void eachSectionIsNamedWhenItStarts() {
        InterviewState s = pastIntro();
        for (String topic : List.of("study", "first-agenda", "training")) {
            assertThat(s.currentTopic()).isEqualTo(topic);
            s = say(s, "跳过").state();
        }
        Reply r = say(s, "谈心谈话46人次");
        assertThat(r.text()).contains("接下来是第一部分（二）“严密组织体系，增强支部凝聚力”");
        assertThat(r.state().currentTopic()).isEqualTo("org-life");
    }

    @Test
    void skip_marksTheTopicSkipped_andMovesOn() {
        Reply r = say(pastIntro(), "没有");
        assertThat(r.intent()).isEqualTo(Intent.SKIP);
        assertThat(r.state().skipped()).contains("study");
        assertThat(r.state().currentTopic()).isEqualTo("first-agenda");
        assertThat(r.text()).contains("跳过");
    }

    @Test
    void aMove_takesTheLatestFactThatNamesIt_toThePlaceNamed() {
        InterviewState s = say(pastIntro(), "暑假送了4个党员老师去参加党务干部培训，一周").state();
        Fact training = s.facts().get(s.facts().size() - 1);
        Reply r = say(s, "刚才那个培训的放到问题里吧，就去了4个人，大部分老师没轮上，算不上成绩");
        Fact moved = r.state().facts().stream().filter(f -> f.id().equals(training.id())).findFirst().orElseThrow();
        assertThat(KIND.partOf(KIND.sectionOf(moved.topic())).key()).isEqualTo("issues");
        assertThat(moved.text()).contains("党务干部培训", "大部分老师没轮上").doesNotContain("算不上成绩");
        assertThat(r.text()).contains("移到", "问题");
        assertThat(r.state().facts()).hasSameSizeAs(s.facts());
    }

    @Test
    void aWordMended_changesEveryFactThatHoldsIt_andTheRestIsRead() {
        InterviewState s = say(pastIntro(), "全县调未会调处纠纷300件").state();
        Reply r = say(s, "上一条打错了，是调委会不是调未会。研讨交流12次");
        assertThat(r.state().facts()).anyMatch(f -> f.text().contains("调委会调处纠纷300件"))
                .noneMatch(f -> f.text().contains("调未会"))
                .anyMatch(f -> f.text().contains("研讨交流12次"));
        assertThat(r.text()).startsWith("已把“调未会”改为“调委会”。");
    }

    @Test
    void aLabelNoHeadingKnows_isTheWritersLineOfWork_notTheOpenQuestion() {
        // "诉源治理这块，…" asked about study: the label names no heading, topic or keyword of the kind
        InterviewState s = pastIntro().withCurrentTopic("study");
        Reply r = say(s, "诉源治理这块，跟司法所搞了个诉前调解对接，分流了340多件");
        assertThat(KIND.work()).isEqualTo("integration");
        assertThat(r.state().facts()).anyMatch(f -> f.topic().equals("integration") && f.text().contains("诉前调解"));
    }

    @Test
    void aReadBack_listsTheFiguresRecorded_andChangesNothing() {
        InterviewState s = say(pastIntro(), "研讨交流12次，主题党日12次").state();
        Reply r = say(s, "你先把我说过的数字列一遍给我看看");
        assertThat(r.text()).contains("目前记下的数字", "12次");
        assertThat(r.state().facts()).isEqualTo(s.facts());
    }

    @Test
    void aNumberAlone_fillsTheCountTheWriterLeftOpen() {
        InterviewState s = say(pastIntro(), "党员先锋岗设了几个我得翻一下本子").state();
        Reply r = say(s, "6");
        assertThat(r.state().facts()).anyMatch(f -> f.text().contains("党员先锋岗设了6个"))
                .noneMatch(f -> f.text().contains("几个") || f.text().contains("翻一下本子"));
        assertThat(r.text()).startsWith("好的，记下：党员先锋岗设了6个");
    }

    @Test
    void aKeyedTopic_takesOnlyWhatNamesIt_theRestGoesToTheWritersLineOfWork() {
        ReportKind personal = new ReportKinds(Path.of("prompts/kinds")).get("personal-annual");
        assertThat(personal.topic("innovation").orElseThrow().keyed()).isTrue();
        InterviewState s = interviewer.answer(personal, InterviewState.start(), "m-1", "县商务局副局长，2026年").state()
                .withCurrentTopic("innovation");
        Reply r = interviewer.answer(personal, s, "m-2", "带企业参加了广交会，签了意向订单1.2亿");
        assertThat(r.state().facts()).anyMatch(f -> f.topic().equals("core-duties") && f.text().contains("广交会"));
        Reply named = interviewer.answer(personal, s, "m-3", "推进改革试点2项");
        assertThat(named.state().facts()).anyMatch(f -> f.topic().equals("innovation") && f.text().contains("改革试点"));
    }

    @Test
    void aSumAskedFor_isGivenFirst_andTheFiguresAreKept_butNotTheRequest() {
        Reply r = say(pastIntro(), "新增贷款分两块，城关一部1.42亿，城南分理处9400万，加起来是多少你帮我算下，我脑子已经糊了");
        assertThat(r.text()).startsWith("按您给的数，合计2.36亿。");
        assertThat(r.state().facts()).anyMatch(f -> f.text().contains("1.42亿") && f.text().contains("9400万"))
                .noneMatch(f -> f.text().contains("帮我算") || f.text().contains("脑子"));
    }

    @Test
    void aFigureTypedWithW_isReadAs万() {
        Reply r = say(pastIntro(), "公众号粉丝涨到了27.5w");
        assertThat(r.state().facts()).anyMatch(f -> f.text().contains("27.5万"));
    }

    @Test
    void correction_changesTheNumberInTheFact_andSaysWhat() {
        InterviewState s = say(pastIntro(), "研讨交流12次，主题党日12次").state();
        Reply r = say(s, "研讨是15次不是12次");
        assertThat(r.intent()).isEqualTo(Intent.CORRECTION);
        assertThat(r.text()).contains("12次", "15次", "理论学习");
        Fact study = r.state().factsFor("study").get(0);
        assertThat(study.text()).isEqualTo("研讨交流15次");
        assertThat(study.quantities()).extracting(Quantity::raw).containsExactly("15次");
        assertThat(r.state().factsFor("org-life").get(0).text()).isEqualTo("主题党日12次");
        assertThat(r.changed()).containsExactly(study);
    }

    @Test
    void correctionOfANumberNobodySaid_asksWhichOneIsMeant() {
        InterviewState s = say(pastIntro(), "研讨交流12次").state();
        Reply r = say(s, "把30次改成40次");
        assertThat(r.text()).contains("没找到", "30次");
        assertThat(r.state().facts()).isEqualTo(s.facts());
    }

    @Test
    void progress_tellsHowManyAreDoneAndWhereWeAre() {
        InterviewState s = say(pastIntro(), "研讨交流24次").state();
        s = say(s, "跳过").state();
        Reply r = say(s, "到哪了");
        assertThat(r.intent()).isEqualTo(Intent.PROGRESS);
        assertThat(r.text()).contains("已记录1个", "跳过1个", "第一部分（一）");
        assertThat(r.state()).isEqualTo(s);
    }

    @Test
    void generate_isHandedToTheCaller_withoutChangingTheFacts() {
        InterviewState s = say(pastIntro(), "研讨交流24次").state();
        Reply r = say(s, "可以写了");
        assertThat(r.intent()).isEqualTo(Intent.GENERATE);
        assertThat(r.text()).contains("起草");
        assertThat(r.state()).isEqualTo(s);
    }

    @Test
    void anAnswerWithNothingInIt_asksAgainKindly() {
        InterviewState s = pastIntro();
        Reply r = say(s, "嗯，好的");
        assertThat(r.changed()).isEmpty();
        assertThat(r.state().currentTopic()).isEqualTo("study");
        assertThat(r.text()).contains("具体");
    }

    @Test
    void whenEveryTopicIsDone_theWriterIsOfferedTheDraft() {
        InterviewState s = pastIntro();
        while (s.currentTopic() != null) s = say(s, "跳过").state();
        Reply r = say(s, "另外我们还开展主题党日12次");
        assertThat(r.state().factsFor("org-life")).hasSize(1);
        assertThat(r.text()).contains("生成");
        assertThat(r.choices()).containsExactly("生成草稿");
    }

    @Test
    void aQuestionAnsweredWithOtherThingsTwice_waitsItsTurn() {
        InterviewState s = pastIntro();
        assertThat(s.currentTopic()).isEqualTo("study");
        Reply first = say(s, "发展党员2名");
        assertThat(first.state().currentTopic()).isEqualTo("study");
        assertThat(first.text()).contains("这一项还没记到内容");
        Reply second = say(first.state(), "签订责任书8份");
        assertThat(second.state().currentTopic()).isEqualTo("first-agenda");
        assertThat(second.state().deferred()).contains("study");
        // a deferred topic comes after every other open one
        assertThat(OfflineInterviewer.nextTopic(KIND, second.state())).isEqualTo("first-agenda");
        InterviewState allElseAnswered = second.state();
        for (var t : KIND.topics().toList()) {
            if (!t.key().equals("study")) allElseAnswered = allElseAnswered.withSkipped(t.key());
        }
        assertThat(OfflineInterviewer.nextTopic(KIND, allElseAnswered)).isEqualTo("study");
    }

    @Test
    void aWishAskedAsAQuestion_isRepeatedWithoutTheQuestionFrame() {
        assertThat(interviewer.wishAsSaid("这个要不要写得具体一点")).isEqualTo("写得具体一点");
        assertThat(interviewer.wishAsSaid("能不能写得短一些？")).isEqualTo("写得短一些");
        assertThat(interviewer.wishAsSaid("语气是不是正式一点比较好")).isEqualTo("语气正式一点比较好");
        assertThat(interviewer.wishAsSaid("三千字以内")).isEqualTo("三千字以内");
    }

    @Test
    void aWishAboutSubstanceIsToldWhatTheDraftDoes() {
        assertThat(OfflineInterviewer.howTheDraftMeets("写的时候多用我们站的实际例子")).contains("具体", "套话");
        assertThat(OfflineInterviewer.howTheDraftMeets("写的时候朴实点，别弄那些排比大词")).contains("去掉套用的铺垫句和收尾句");
        assertThat(OfflineInterviewer.howTheDraftMeets("帮我写得实在点，别吹得太大")).contains("实在", "不添加");
        assertThat(OfflineInterviewer.howTheDraftMeets("全文控制在3000字")).isNull();
    }

    @Test
    void aFigureTheWriterAsksToLeaveOut_isTakenOutOfTheFacts_andTheRestStays() {
        InterviewState s = say(pastIntro(), "全年查处违法11.7万起，罚没款2,360万，开展集中学习12次").state();
        assertThat(s.facts()).anyMatch(f -> f.text().contains("罚没款"));
        Reply out = say(s, "哦对，罚没款那个数别写了，县里不让往材料里写这个");
        assertThat(out.text()).contains("已删去", "罚没款");
        assertThat(out.state().facts()).noneMatch(f -> f.text().contains("罚没款") || f.text().contains("县里不让"));
        assertThat(out.state().facts()).anyMatch(f -> f.text().contains("11.7万起"));
        assertThat(out.state().facts()).anyMatch(f -> f.text().contains("12次"));
        assertThat(out.state().facts()).noneMatch(f -> f.text().contains("360万"));
    }
}
