package io.shuzhi.draft;

import static io.shuzhi.support.Tables.NUMBERS;
import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.interview.Fact;
import io.shuzhi.interview.NumberParser;
import io.shuzhi.interview.Quantity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The number guard: every number a model writes must be one the writer gave. */
class NumberGuardTest {
    private static final NumberGuard GUARD = new NumberGuard(NUMBERS);

    private static Fact fact(String text) {
        return new Fact("f-1", "study", text, NUMBERS.findAll(text), "m-1", Fact.Origin.WRITER);
    }

    private static NumberGuard.GuardResult guard(String text, String... factTexts) {
        return GUARD.check(text, java.util.Arrays.stream(factTexts).map(NumberGuardTest::fact).toList());
    }

    @Test
    void writersNumber_passes() {
        var r = guard("全年开展研讨交流24次，发放学习书籍120册。", "开展研讨交流24次，购买书籍120册");
        assertThat(r.flagged()).isEmpty();
        assertThat(r.text()).isEqualTo("全年开展研讨交流24次，发放学习书籍120册。");
    }

    @Test
    void inventedNumber_isReplacedByAPlaceholder_andReported() {
        var r = guard("全年开展研讨交流87次，发放学习书籍120册。", "开展研讨交流24次，购买书籍120册");
        assertThat(r.flagged()).containsExactly("87次");
        assertThat(r.text()).isEqualTo("全年开展研讨交流【待核实：原文“87次”】，发放学习书籍120册。");
    }

    @Test
    void chineseNumeralsInTheText_matchArabicFacts_andTheOtherWay() {
        assertThat(guard("开展研讨二十四次", "研讨24次").flagged()).isEmpty();
        assertThat(guard("覆盖党员干部20余人", "覆盖党员干部二十余人").flagged()).isEmpty();
        assertThat(guard("谈心谈话覆盖二十余人", "谈心谈话20多人").flagged()).isEmpty();
    }

    @Test
    void approximationWords_doNotMatter_butTheValueDoes() {
        assertThat(guard("组织讨论300人次", "组织讨论300余人次").flagged()).isEmpty();
        assertThat(guard("组织讨论近300人次", "组织讨论300人次").flagged()).isEmpty();
        assertThat(guard("组织讨论400余人次", "组织讨论300余人次").flagged()).containsExactly("400余人次");
    }

    @Test
    void wanIsMultipliedOut() {
        assertThat(guard("参与群众1.2万人", "参与群众一万二千人").flagged()).isEmpty();
        assertThat(guard("投入资金35000元", "投入资金3.5万元").flagged()).isEmpty();
        assertThat(guard("投入资金3.5万元", "投入资金35000元").flagged()).isEmpty();
        assertThat(guard("投入资金3.6万元", "投入资金3.5万元").flagged()).containsExactly("3.6万元");
    }

    @Test
    void percentages_matchOnlyPercentages() {
        assertThat(guard("覆盖率达到百分之八十", "覆盖率80%").flagged()).isEmpty();
        assertThat(guard("覆盖率达到80%", "覆盖率百分之八十").flagged()).isEmpty();
        assertThat(guard("参与80次", "覆盖率80%").flagged()).containsExactly("80次");
    }

    @Test
    void unitsOfOneFamily_match_otherUnitsDoNot() {
        assertThat(guard("表彰优秀党员15人", "表彰优秀党员15名").flagged()).isEmpty();
        assertThat(guard("发放读本120本", "发放书籍120册").flagged()).isEmpty();
        assertThat(guard("召开会议2场", "召开会议2次").flagged()).isEmpty();
        assertThat(guard("发放读本120人", "发放书籍120册").flagged()).containsExactly("120人");
        assertThat(guard("培训4期", "培训4次").flagged()).containsExactly("4期");
    }

    @Test
    void aBareNumber_matchesAnyFactWithThatValue() {
        assertThat(guard("累计达到120", "书籍120册").flagged()).isEmpty();
        assertThat(guard("累计达到121", "书籍120册").flagged()).containsExactly("121");
    }

    @Test
    void yearsOrdinalsAndFixedTerms_areNotNumbers() {
        var r = guard("2025年，支部落实“三会一课”制度，坚决做到“两个维护”。一是抓学习，二是抓作风；第一，强化责任。",
                "研讨24次");
        assertThat(r.flagged()).isEmpty();
    }

    @Test
    void numbersInsidePlaceholders_areNotChecked() {
        var r = guard("一是抓实学习。【待补充：全年集中学习的次数，如12次】二是【待核实：原文“87次”】。", "研讨24次");
        assertThat(r.flagged()).isEmpty();
        assertThat(r.text()).isEqualTo("一是抓实学习。【待补充：全年集中学习的次数，如12次】二是【待核实：原文“87次”】。");
    }

    @Test
    void anUnclosedBracket_protectsNothing() {
        var r = guard("【待补充：说明 开展研讨87次", "研讨24次");
        assertThat(r.flagged()).containsExactly("87次");
    }

    @Test
    void lastYearsFacts_areNoSource() {
        String t = "开展研讨30次";
        var lastYear = new Fact("f-9", "study", t, NUMBERS.findAll(t), null, Fact.Origin.LAST_YEAR);
        assertThat(GUARD.check("开展研讨30次", List.of(lastYear)).flagged()).containsExactly("30次");
    }

    @Test
    void severalInventedNumbers_areAllFlagged_inOrder() {
        var r = guard("开展研讨24次、党课9次，培训7期，覆盖党员58人。", "研讨24次，覆盖党员58人");
        assertThat(r.flagged()).containsExactly("9次", "7期");
        assertThat(r.text()).contains("24次").contains("58人").doesNotContain("党课9次");
    }

    @Test
    void sameNumberTwice_isReplacedAtItsOwnPlace() {
        var r = guard("召开会议5次，其中专题会议5次。", "召开会议5次");
        assertThat(r.clean()).isTrue();
        var r2 = guard("学习7次，研讨7次。", "学习6次");
        assertThat(r2.text()).isEqualTo("学习【待核实：原文“7次”】，研讨【待核实：原文“7次”】。");
    }

    @Test
    void sourced_isTheMatcherAlone() {
        var allowed = List.of(new Quantity("二十余人", new java.math.BigDecimal(20), "人", true));
        assertThat(NumberGuard.sourced(NUMBERS.findAll("20名").get(0), allowed)).isTrue();
        assertThat(NumberGuard.sourced(NUMBERS.findAll("21名").get(0), allowed)).isFalse();
    }

    @Test
    void emptyText_isClean() {
        assertThat(guard("", "研讨24次").clean()).isTrue();
        assertThat(GUARD.check(null, List.of()).text()).isEmpty();
    }
}
