package io.shuzhi.interview;

import static io.shuzhi.support.Tables.LEXICON;
import static io.shuzhi.support.Tables.NUMBERS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class YearOnYearTest {
    private static final YearOnYear YEARS = LEXICON.yearOnYear();

    private static InterviewState state(String lastYear, String thisYear) {
        InterviewState s = InterviewState.start().withProfile("城东街道机关第三党支部", "2026")
                .plusLastYear("study", lastYear, NUMBERS.find(lastYear), "import-1");
        return s.plusFact("study", thisYear, NUMBERS.find(thisYear), "m-1");
    }

    @Test
    void sameTopicAndUnit_pairByWhatTheyCount_andCodeWorksOutTheDifference() {
        InterviewState s = state("支部开展集中学习12次，专题研讨XX次，发放学习书籍40册", "今年集中学习15次，专题研讨6次");
        List<YearOnYear.Pair> pairs = YEARS.pairs(s);
        assertThat(pairs).extracting(YearOnYear::line).containsExactly("集中学习：去年12次 → 今年15次");
        assertThat(pairs.get(0).difference()).contains("比上年增加3次");
    }

    @Test
    void severalFiguresOfOneUnit_pairOnlyWhereTheLabelsMeet() {
        InterviewState s = state("召开支部党员大会4次、支委会12次", "全年召开支委会11次，党员大会4次");
        assertThat(YEARS.pairs(s)).extracting(YearOnYear::line)
                .containsExactly("支委会：去年12次 → 今年11次", "党员大会：去年4次 → 今年4次");
        assertThat(YEARS.pairs(s)).extracting(p -> p.difference().orElseThrow())
                .containsExactly("比上年减少1次", "与上年持平");
    }

    @Test
    void approximateFigures_pairButGiveNoDifference_andOtherUnitsDoNotPair() {
        InterviewState s = state("开展志愿服务20余次", "志愿服务开展了30次");
        assertThat(YEARS.pairs(s)).singleElement().satisfies(p -> assertThat(p.difference()).isEmpty());
        assertThat(YEARS.pairs(state("发放学习书籍40册", "集中学习15次"))).isEmpty();
        assertThat(YEARS.pairs(state("学习率达到90%", "学习率达到95%"))).singleElement()
                .satisfies(p -> assertThat(p.difference()).contains("比上年提高5个百分点"));
    }

    @Test
    void derivedFact_followsItsFigure_isMarkedDerived_andFollowsACorrection() {
        InterviewState s = YEARS.derive(state("开展集中学习12次", "今年集中学习15次"), "把和去年的对比写上");
        assertThat(s.facts()).extracting(Fact::origin)
                .containsExactly(Fact.Origin.LAST_YEAR, Fact.Origin.WRITER, Fact.Origin.DERIVED);
        Fact derived = s.facts().get(2);
        assertThat(derived.text()).isEqualTo("比上年增加3次");
        assertThat(s.factsFor("study")).contains(derived);
        // Asking twice adds nothing.
        assertThat(YEARS.derive(s, "对比去年").facts()).hasSize(3);

        Fact writer = s.facts().get(1);
        InterviewState corrected = YEARS.refresh(s.withFact(writer.id(),
                writer.withText("今年集中学习16次", NUMBERS.find("今年集中学习16次"))));
        assertThat(corrected.facts().get(2).text()).isEqualTo("比上年增加4次");
        InterviewState gone = YEARS.refresh(s.withFact(writer.id(), null));
        assertThat(gone.facts()).extracting(Fact::origin).containsExactly(Fact.Origin.LAST_YEAR);
    }

    @Test
    void aRequest_isNotAFigure() {
        assertThat(YEARS.isRequest("把和去年的对比写上")).isTrue();
        assertThat(YEARS.isRequest("能不能写一下比上年增加了多少")).isTrue();
        assertThat(YEARS.isRequest("集中学习15次，比去年多3次")).isFalse();
        assertThat(YEARS.isRequest("今年集中学习15次")).isFalse();
    }
}
