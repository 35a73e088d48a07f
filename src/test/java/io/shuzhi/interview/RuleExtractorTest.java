package io.shuzhi.interview;

import io.shuzhi.interview.RuleExtractor.Piece;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static io.shuzhi.support.Tables.LEXICON;
import static org.assertj.core.api.Assertions.assertThat;

class RuleExtractorTest {
    private static final RuleExtractor EXTRACTOR = LEXICON.extractor();

    private static final ReportKind KIND = new ReportKinds(Path.of("prompts/kinds")).get("party-branch-secretary");

    private static List<Piece> split(String current, String text) {
        return EXTRACTOR.split(KIND, current, current, text);
    }

    private static List<String> topics(List<Piece> pieces) {
        return pieces.stream().map(Piece::topic).toList();
    }

    @Test
    void oneAnswerAboutSeveralTopics_landsEachPartInItsOwnTopic() {
        List<Piece> pieces = split("study", "全年开展研讨交流24次，购买学习书籍120册；支委会落实第一议题制度，学习15次、32篇。"
                + "我讲了2次党课，举办政治轮训1期，另外发展党员2名，确定入党积极分子3名。");
        assertThat(topics(pieces)).containsExactly("study", "first-agenda", "training", "recruitment");
        assertThat(pieces.get(0).text()).isEqualTo("全年开展研讨交流24次，购买学习书籍120册");
        assertThat(pieces.get(0).quantities()).extracting(Quantity::raw).containsExactly("24次", "120册");
        assertThat(pieces.get(3).text()).isEqualTo("发展党员2名，确定入党积极分子3名");
    }

    @Test
    void aClauseWithoutKeywords_followsTheClauseBeforeIt() {
        List<Piece> pieces = split("study", "组织开展警示教育，观看警示教育片，一共4次，参加的有150人次。然后谈心谈话46人次");
        assertThat(topics(pieces)).containsExactly("warning-education", "ideology");
        assertThat(pieces.get(0).quantities()).extracting(Quantity::raw).containsExactly("4次", "150人次");
    }

    @Test
    void withNoKeywordAtAll_theAnswerBelongsToTheTopicAsked() {
        List<Piece> pieces = split("recruitment", "今年两名，都按期转了");
        assertThat(pieces).hasSize(1);
        assertThat(pieces.get(0).topic()).isEqualTo("recruitment");
    }

    @Test
    void aLongerKeywordWins_soHeartToHeartTalksAreNotSupervision() {
        assertThat(topics(split("supervision", "开展谈心谈话30人次"))).containsExactly("ideology");
        assertThat(topics(split("ideology", "对3名同志进行提醒谈话"))).containsExactly("supervision");
    }

    @Test
    void theTopicBeingAskedAbout_winsATie() {
        assertThat(topics(split("training", "给党员讲专题党课，也是一种学习"))).containsExactly("training");
    }

    @Test
    void answersInTheIssuesPart_stayInTheIssuesPart() {
        List<Piece> pieces = split("issue-study", "有的党员学习研讨照本宣科；组织生活会批评与自我批评不够，辣味不足");
        assertThat(topics(pieces)).containsExactly("issue-study", "issue-org");
    }

    @Test
    void fillersAndEmptyClausesAreDropped_meaningIsKept() {
        List<Piece> pieces = split("org-life", "嗯，好的，我们支部召开党员大会6次，就这些。");
        assertThat(pieces).hasSize(1);
        assertThat(pieces.get(0).text()).isEqualTo("召开党员大会6次");
        assertThat(RuleExtractor.clean("今年以来开展主题党日12次")).isEqualTo("今年以来开展主题党日12次");
        assertThat(RuleExtractor.clean("嗯嗯")).isEmpty();
    }

    @Test
    void numbersWithThousandsSeparatorsStayInOneClause() {
        List<Piece> pieces = split("study", "发放学习资料1,200册,覆盖全体党员");
        assertThat(pieces.get(0).quantities()).extracting(Quantity::raw).containsExactly("1,200册");
    }

    @Test
    void factsRecordTheMessageTheyCameFrom() {
        InterviewState s = InterviewState.start().withProfile("机关第一党支部", "2025").withCurrentTopic("study");
        RuleExtractor.Result r = EXTRACTOR.extract(KIND, s, "m-7", "研讨交流24次。主题党日12次");
        assertThat(r.added()).extracting(Fact::sourceId).containsOnly("m-7");
        assertThat(r.added()).extracting(Fact::topic).containsExactly("study", "org-life");
        assertThat(r.state().facts()).extracting(Fact::id).containsExactly("f-1", "f-2");
    }

    @Test
    void aKeywordWhoseWordsStandApart_stillRoutes() {
        // "发展了1名党员" says 发展党员, with 了 and the figure between its words
        assertThat(topics(split("ideology", "发展了1名党员，确定入党积极分子4名"))).containsExactly("recruitment");
    }

    @Test
    void aClauseNamingNothingTheOpenQuestionNames_isNotTakenAsItsAnswer() {
        ReportKind personal = new ReportKinds(Path.of("prompts/kinds")).get("personal-annual");
        var part = personal.parts().get(0).sections().stream().flatMap(s -> s.topics().stream()).toList();
        // asked about study: "参加了16次" answers it, "门诊全年6.8万人次" names a thing the question does not
        assertThat(EXTRACTOR.answers("参加了16次，写了4篇", part, "political-study")).isTrue();
        assertThat(EXTRACTOR.answers("院党组中心组扩大学习我列席了8次", part, "political-study")).isTrue();
        assertThat(EXTRACTOR.answers("门诊全年6.8万人次，住院1430人次", part, "political-study")).isFalse();
    }
}
