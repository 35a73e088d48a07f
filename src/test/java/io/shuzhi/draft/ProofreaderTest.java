package io.shuzhi.draft;

import static io.shuzhi.support.Tables.DRAFT_LEXICON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shuzhi.draft.Proofreader.Suggestion;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProofreaderTest {
    private static final Proofreader PROOF = new Proofreader(DRAFT_LEXICON);

    private static List<Suggestion> check(String text) {
        return PROOF.check(text);
    }

    private static List<String> fixes(String text) {
        return check(text).stream().map(s -> s.wrong() + "→" + s.right()).toList();
    }

    @Test
    void rulesFile_hasAtLeastFortyRules_inKnownCategories() {
        assertThat(PROOF.ruleCount()).isGreaterThanOrEqualTo(40);
        assertThat(ProofreadingRules.load()).allSatisfy(r -> assertThat(ProofreadingRules.CATEGORIES).contains(r.category()));
    }

    @Test
    void badRuleLine_stopsWithFileAndLine() {
        assertThatThrownBy(() -> ProofreadingRules.parse("甲\t乙\t别的\t说明\n", "x.tsv"))
                .hasMessageContaining("x.tsv:1").hasMessageContaining("category");
        assertThatThrownBy(() -> ProofreadingRules.parse("甲\t乙\t错别字\t说明\tafter:(\n", "x.tsv"))
                .hasMessageContaining("x.tsv:1");
    }

    // ----- 错别字 ------------------------------------------------------------------------------------------------

    @Test
    void typo_wordsFromTheList() {
        assertThat(fixes("对一名干部进行诚勉谈话，责任链条要柠紧，不能按步就班，要再接再励。"))
                .contains("诚勉谈话→诫勉谈话", "柠紧→拧紧", "按步就班→按部就班", "再接再励→再接再厉");
        assertThat(fixes("其它工作急待改进，帐目不清，把问题交待清楚。"))
                .contains("其它→其他", "急待→亟待", "帐目→账目", "交待→交代");
        assertThat(fixes("组织主题党曰活动，廉洁自率，以身作责，既往开来。"))
                .contains("主题党曰→主题党日", "廉洁自率→廉洁自律", "以身作责→以身作则", "既往开来→继往开来");
    }

    @Test
    void typo_contextRules_fireOnlyInContext() {
        assertThat(fixes("截止2025年底，共开展活动12次。")).contains("截止→截至");
        assertThat(fixes("报名截止日期为12月5日。")).isEmpty();
        assertThat(fixes("必需加强学习。")).contains("必需→必须");
        assertThat(fixes("配齐办公必需品，这是所必需的。")).isEmpty();
        assertThat(fixes("制订完善考勤管理制度。")).contains("制订→制定");
        assertThat(fixes("制订年度学习计划。")).isEmpty();
        assertThat(fixes("为发展做出了重要贡献。")).contains("做出→作出");
        assertThat(fixes("做出成绩。")).isEmpty();
        assertThat(fixes("及时反应群众意见。")).contains("反应→反映");
        assertThat(fixes("遇到突发情况反应迅速。")).isEmpty();
        assertThat(fixes("保障党员民主权力。")).contains("民主权力→民主权利");
    }

    // ----- 提法 --------------------------------------------------------------------------------------------------

    @Test
    void wording_formulations() {
        assertThat(fixes("深入学习贯彻党的二十大会议精神。")).contains("党的二十大会议精神→党的二十大精神");
        assertThat(fixes("深入学习贯彻党的二十大精神。")).isEmpty();
        assertThat(fixes("在××市市委的领导下。")).contains("市市委→市委");
        assertThat(fixes("深刻领悟“两个确定”的决定性意义。")).contains("两个确定→两个确立");
    }

    // ----- 标点 --------------------------------------------------------------------------------------------------

    @Test
    void punctuation_halfWidthBetweenChinese() {
        List<Suggestion> found = check("全年开展学习12次,撰写心得24篇;支部(含党小组)学习:每月一次。");
        assertThat(found).extracting(s -> s.wrong() + "→" + s.right())
                .contains(",→，", ";→；", ":→：", "(含党小组)→（含党小组）");
        assertThat(found).allMatch(s -> s.category().equals("标点"));
        assertThat(fixes("版本 1.5, 见 GB/T 9704-2012 (A4).")).isEmpty();
        assertThat(fixes("对标\"兰考\"标准。")).containsExactly("\"→“", "\"→”");
    }

    @Test
    void punctuation_inTitle() {
        assertThat(check("某某支部2025年度述职报告。\n\n2025年，支部……")).extracting(Suggestion::wrong).containsExactly("。");
    }

    // ----- 序号 --------------------------------------------------------------------------------------------------

    @Test
    void numbering_separatorsAndBrackets() {
        String text = "一、工作情况\n（一）、学习。一是学习。\n1、内容。\n(二)制度。一是制度。\n二.问题\n";
        assertThat(fixes(text)).contains("（一）、→（一）", "1、→1.", "(二)→（二）", "二.→二、");
    }

    @Test
    void numbering_skippedAndRepeatedOrdinals() {
        String text = "一、甲\n（一）乙。一是丙。\n（三）丁。一是戊。\n三、己\n三、庚\n";
        List<String> f = fixes(text);
        assertThat(f).contains("（三）→（二）", "三、→二、");
        assertThat(check(text)).filteredOn(s -> s.note().contains("重复")).hasSize(1);
    }

    @Test
    void numbering_levelOneThenThirdSkipsALevel() {
        assertThat(check("一、甲\n1.乙\n")).anyMatch(s -> s.note().contains("层次跳级"));
        assertThat(check("一、甲\n（一）乙\n1.丙\n（1）丁\n")).isEmpty();
    }

    @Test
    void items_yishiErshi_withoutGaps() {
        assertThat(fixes("（一）学习。一是抓学习；三是抓落实。")).containsExactly("三是→二是");
        assertThat(fixes("（一）学习。二是抓学习。")).containsExactly("二是→一是");
        assertThat(fixes("一是抓学习；二是抓落实；三是抓监督。")).isEmpty();
        // Items may run on into the next paragraph.
        assertThat(fixes("（一）学习。一是抓学习。\n二是抓落实。\n")).isEmpty();
        // "唯一是" is not an item marker.
        assertThat(fixes("这是唯一是非标准。")).isEmpty();
    }

    // ----- doubled words, year ---------------------------------------------------------------------------------

    @Test
    void doubledWords() {
        assertThat(fixes("这是支部的的工作，要进一步进一步加强。"))
                .contains("的的→的", "进一步进一步→进一步");
        assertThat(fixes("人人参与，层层落实，一步一步推进，常常提醒，党组织组织力。")).isEmpty();
    }

    @Test
    void year_titleAgainstOpening() {
        assertThat(check("某支部2025年度述职报告\n2024年，支部坚持……现将有关情况报告如下：\n"))
                .singleElement().satisfies(s -> {
                    assertThat(s.category()).isEqualTo("年份");
                    assertThat(s.wrong()).isEqualTo("2024年");
                    assertThat(s.right()).isEqualTo("2025年");
                });
        // A past year as history is fine.
        assertThat(check("某支部2025年度述职报告\n2025年，支部延续2024年以来的做法，比2023年多开展2次。\n")).isEmpty();
    }

    // ----- drafts ----------------------------------------------------------------------------------------------

    @Test
    void draft_offsetsAreWithinSectionHeadingPlusBody() {
        Draft d = new Draft("k", 1, List.of(
                new Section("title", 0, "某支部2025年度述职报告", ""),
                new Section("opening", 1, "", "2025年，支部坚持学习。现将有关情况报告如下："),
                new Section("1", 1, "一、履职情况", ""),
                new Section("1.1", 2, "（一）抓学习", "一是落实制度；三是对一人进行诚勉谈话。"),
                new Section("2", 1, "二、存在问题", "一是责任链条需进一步柠紧。")));
        List<Suggestion> found = PROOF.check(d);
        assertThat(found).extracting(Suggestion::sectionRef, Suggestion::wrong)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1.1", "三是"),
                        org.assertj.core.groups.Tuple.tuple("1.1", "诚勉谈话"),
                        org.assertj.core.groups.Tuple.tuple("2", "柠紧"));
        for (Suggestion s : found) {
            Section sec = d.section(s.sectionRef()).orElseThrow();
            assertThat((sec.heading() + sec.body()).substring(s.start(), s.end())).isEqualTo(s.wrong());
            assertThat(s.id()).contains("@" + s.sectionRef() + ":");
        }
    }
}
