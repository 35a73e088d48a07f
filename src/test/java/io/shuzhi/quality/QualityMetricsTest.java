package io.shuzhi.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.quality.QualityMetrics.Campaign;
import io.shuzhi.quality.QualityMetrics.ChatWord;
import io.shuzhi.quality.QualityMetrics.Placement;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each check of the quality benchmark finds what it claims to find, so a figure cannot pass silently. */
class QualityMetricsTest {
    private static final List<String> FIXED = List.of("三会一课", "最多跑一次", "第一议题", "十五五", "一岗双责");

    @Test
    void figure_foundAfterNormalising_butNotInsideALargerNumber() {
        assertThat(QualityMetrics.containsFigure("走访企业1260家。", "1,260家")).isTrue();
        assertThat(QualityMetrics.containsFigure("走访企业１，２６０家。", "1,260家")).isTrue();
        assertThat(QualityMetrics.containsFigure("研讨12次。", "2次")).isFalse();
        assertThat(QualityMetrics.containsFigure("讲党课十三次。", "三次")).isFalse();
        assertThat(QualityMetrics.containsFigure("讲党课12次。", "十二次|12次")).isTrue();
        assertThat(QualityMetrics.containsFigure("满意度99.5%。", "9.5%")).isFalse();
    }

    @Test
    void inventedNumber_isFound_writersNumbersInAnyFormAreNot() {
        List<String> writer = List.of("研讨十二次，总投资3亿6800万元，网办率九成，走访1,260家", "我们是2026年的");
        String draft = "2026年，开展研讨12次，总投资3.68亿元，网办率达90%，走访企业1260家，发放书籍45册，"
                + "落实“三会一课”和“第一议题”制度。一是加强学习。（二）组织建设。";
        assertThat(QualityMetrics.inventedNumbers(draft, writer, 2026, FIXED))
                .extracting(QualityMetrics.NumberHit::number).containsExactly("45");
        // A Chinese numeral with a measure word is a number too; an ordinal is not.
        assertThat(QualityMetrics.inventedNumbers("开展谈话三十余人次，第五次会议。", writer, 2026, FIXED))
                .extracting(QualityMetrics.NumberHit::number).containsExactly("三十");
        // A fixed word inside a longer numeral ("万一" in "一万一千") does not hide the numeral.
        assertThat(QualityMetrics.inventedNumbers("服务居民11000多人。", List.of("一万一千多人"), 2026, List.of("万一")))
                .isEmpty();
        assertThat(QualityMetrics.inventedNumbers("服务居民一万二千多人。", List.of("一万一千多人"), 2026, List.of("万一")))
                .extracting(QualityMetrics.NumberHit::number).containsExactly("一万二千");
        // "下一年" (a heading of the kind) is next year, not one year; "一年" alone is a count.
        assertThat(QualityMetrics.inventedNumbers("三、下一年工作思路", List.of("没有"), 2026, FIXED)).isEmpty();
        assertThat(QualityMetrics.inventedNumbers("用了一年时间", List.of("没有"), 2026, FIXED))
                .extracting(QualityMetrics.NumberHit::number).containsExactly("一");
        // Placeholders claim nothing.
        assertThat(QualityMetrics.inventedNumbers("【待补充：2次】", writer, 2026, FIXED)).isEmpty();
    }

    @Test
    void chineseNumerals_haveTheirValues() {
        assertThat(QualityMetrics.chineseValue("三十")).isEqualByComparingTo("30");
        assertThat(QualityMetrics.chineseValue("一万二千")).isEqualByComparingTo("12000");
        assertThat(QualityMetrics.chineseValue("三亿六千八百万")).isEqualByComparingTo("368000000");
        assertThat(QualityMetrics.chineseValue("二〇二六")).isEqualByComparingTo("2026");
        assertThat(QualityMetrics.chineseValue("两")).isEqualByComparingTo(BigDecimal.valueOf(2));
        assertThat(QualityMetrics.chineseValue("十五万")).isEqualByComparingTo("150000");
    }

    @Test
    void pointInTheWrongPart_isCountedWrong() {
        Map<Integer, String> parts = Map.of(1, "（一）理论学习。组织义诊。", 2, "一是学习不深。", 3, "（一）加强学习。");
        Map<String, String> sections = Map.of("1.1", "（一）理论学习。组织义诊。", "3.1", "（一）加强学习。");
        var wrong = QualityMetrics.placePoint(parts, sections, List.of("义诊"), 3, null);
        assertThat(wrong.placement()).isEqualTo(Placement.WRONG_PART);
        assertThat(wrong.partsFound()).containsExactly(1);
        var right = QualityMetrics.placePoint(parts, sections, List.of("义诊"), 1, 4);
        assertThat(right.placement()).isEqualTo(Placement.RIGHT);
        assertThat(right.sectionRight()).isFalse();
        assertThat(QualityMetrics.placePoint(parts, sections, List.of("胸痛中心"), 1, null).placement())
                .isEqualTo(Placement.NOWHERE);
        // A word standing only in a placeholder is not there.
        assertThat(QualityMetrics.placePoint(Map.of(1, "【待补充：义诊次数】"), Map.of(), List.of("义诊"), 1, null)
                .placement()).isEqualTo(Placement.NOWHERE);
    }

    @Test
    void chatWord_isFoundAsAWholeWord_notInsideAnother() {
        var words = List.of(new ChatWord("吧", Set.of()), new ChatWord("一共", Set.of()), new ChatWord("咱们", Set.of()),
                new ChatWord("前面提过", Set.of()), new ChatWord("我们", Set.of("personal-annual")));
        var hits = QualityMetrics.chatWords("全年一共组织学习24次。咱们支部开展活动。整治酒吧噪音问题。我们加强管理。",
                words, "party-branch-secretary");
        assertThat(hits).extracting(QualityMetrics.ChatHit::word).containsExactly("一共", "咱们");
        assertThat(hits.get(0).sentence()).isEqualTo("全年一共组织学习24次。");
        // One place, one hit: 搞 inside 搞了 is not counted again.
        assertThat(QualityMetrics.chatWords("去敬老院搞了志愿服务。", List.of(new ChatWord("搞", Set.of()),
                new ChatWord("搞了", Set.of())), "personal-annual")).extracting(QualityMetrics.ChatHit::word)
                .containsExactly("搞了");
        assertThat(QualityMetrics.chatWords("前面提过的事项已办结。我们加强管理。", words, "personal-annual"))
                .extracting(QualityMetrics.ChatHit::word).containsExactly("前面提过", "我们");
    }

    @Test
    void unbalancedQuotes_areFound() {
        assertThat(QualityMetrics.unbalancedQuotes("落实“第一议题”制度。\n推行“一网通办，成效明显。\n学习《条例》。"))
                .containsExactly("推行“一网通办，成效明显。");
        assertThat(QualityMetrics.unbalancedQuotes("学习《条例。")).hasSize(1);
    }

    @Test
    void fixedTermWithDigits_isFound_onlyWhenTheWriterUsedIt() {
        String writer = "推行最多跑一次，三会一课按时开";
        assertThat(QualityMetrics.fixedTermsAltered("推行“最多跑1次”改革，落实三会1课。", writer, FIXED))
                .containsExactlyInAnyOrder("最多跑一次 → 最多跑1次", "三会一课 → 三会1课");
        assertThat(QualityMetrics.fixedTermsAltered("推行“最多跑一次”改革。", writer, FIXED)).isEmpty();
        assertThat(QualityMetrics.digitVariants("十五五")).contains("15五");
        // One alteration of a longer term is counted once, not again for the shorter term inside it.
        assertThat(QualityMetrics.fixedTermsAltered("上线“1件事1次办”套餐。", "一件事一次办", List.of("一件事", "一件事一次办")))
                .containsExactly("一件事一次办 → 1件事1次办");
    }

    @Test
    void campaignOfAnotherYear_isFound() {
        var campaigns = List.of(new Campaign("党纪学习教育", 2024, 2025), new Campaign("十五五开局", 2026, 2026));
        assertThat(QualityMetrics.otherYearTerms("扎实开展党纪学习教育，推动“十五五”开局。", 2026, campaigns))
                .containsExactly("党纪学习教育（2024–2025）");
        assertThat(QualityMetrics.otherYearTerms("推动“十五五”开局。", 2025, campaigns)).hasSize(1);
    }

    @Test
    void noiseInFactsOrDraft_isFound() {
        assertThat(QualityMetrics.noiseFound(List.of("党课一年讲几次比较合适", "写得正式点"),
                "书记讲党课3次。党课一年讲几次比较合适？")).containsExactly("党课一年讲几次比较合适");
        assertThat(QualityMetrics.noiseFound(List.of("写得正式点"), "书记讲党课3次。")).isEmpty();
    }

    @Test
    void lengthAndPlaceholders_areCounted() {
        assertThat(QualityMetrics.length("一、 学习\n 二、")).isEqualTo(6);
        assertThat(QualityMetrics.placeholders("【待补充：次数】和【待补充：人数】")).isEqualTo(2);
    }

    @Test
    void answer_needsAnAnswerWord_andAPureQuestionIsNotAnsweredByAnAcknowledgement() {
        assertThat(QualityMetrics.answered("党课一般每季度至少一次。", List.of("季度"), List.of("讲几次"), true)).isTrue();
        assertThat(QualityMetrics.answered("记下了：党课。接下来…季度", List.of("季度"), List.of(), true)).isFalse();
        assertThat(QualityMetrics.answered("好的，下一个问题。", List.of("季度"), List.of(), true)).isFalse();
    }

    @Test
    void aFixedTermInsideALargerNumeral_isNotCountedAsAltered() {
        var terms = java.util.List.of("一个", "最多跑一次");
        assertThat(QualityMetrics.fixedTermsAltered("七十岁以上的有21个", "七十岁以上的有二十一个", terms)).isEmpty();
        assertThat(QualityMetrics.fixedTermsAltered("推行最多跑1次改革", "推行最多跑一次改革", terms)).isNotEmpty();
    }

    private static List<String> spokenKinds(String draft) {
        return QualityMetrics.spokenPhrasing(draft).stream().map(QualityMetrics.SpokenHit::kind).toList();
    }

    @Test
    void bareLabel_isFound_butNotAHeadingAClauseWithAVerbOrAFigure() {
        var hits = QualityMetrics.spokenPhrasing("一是抓产业。聚焦发展抓落实，产业，引进竹木加工项目，乡村振兴，新建高标准农田。");
        assertThat(hits).extracting(QualityMetrics.SpokenHit::text).containsExactly("产业", "乡村振兴");
        assertThat(hits).extracting(QualityMetrics.SpokenHit::kind).containsOnly("bare label");
        assertThat(spokenKinds("二是强化监督。监督方面，开展专项检查3次。")).containsExactly("bare label");
        assertThat(spokenKinds("安全投入，全年提取安全生产费用3.2亿元。学习，集中学习10次。"))
                .containsExactly("bare label", "bare label");
        // Headings, a time word, a clause with a verb or a figure, and a noun ending its sentence are not labels.
        assertThat(spokenKinds("（一）理论武装，思想根基。\n一、履职情况\n全年，开展集中学习24次，党员大会4次，组织生活。"))
                .isEmpty();
        assertThat(spokenKinds("围绕乡村振兴，新建高标准农田。在监督上，开展专项检查。")).isEmpty();
    }

    @Test
    void numbersAndCountsOfPeople_saidAsSpoken_areFound() {
        assertThat(spokenKinds("新建高标准农田4,200亩。")).containsExactly("thousands separator");
        assertThat(spokenKinds("新建高标准农田4200亩，发放补贴1,046万元。")).containsExactly("thousands separator");
        assertThat(spokenKinds("发展党员2个，部门只有11个人，确定积极分子两个人。"))
                .containsExactly("people counted with 个", "people counted with 个", "people counted with 个");
        // 个 after things, and people counted with 名/人, are right.
        assertThat(spokenKinds("发展党员2名，部门共有11人，和2个警务区、一个巡逻中队签订责任书，新建养老服务站5个。"))
                .isEmpty();
    }

    @Test
    void spokenWordsOfSpeech_areFound_theirWrittenFormsAreNot() {
        assertThat(spokenKinds("七月那场暴雨中转移群众600多人，没有一个人员伤亡。"))
                .containsExactly("demonstrative of speech", "没有一个");
        assertThat(spokenKinds("7月特大暴雨中转移群众600多人，实现零伤亡。这些问题已整改。")).isEmpty();
        assertThat(spokenKinds("理论学习就是党委中心组，本人参加12次。")).containsExactly("就是 between nouns");
        assertThat(spokenKinds("分包单位安全黑名单制度要建成。明年要搞一次比武。"))
                .containsExactly("要 + verb plan", "要 + verb plan");
        assertThat(spokenKinds("建成分包单位安全黑名单制度。要坚持问题导向，抓好整改落实。")).isEmpty();
        assertThat(spokenKinds("三级教育有走过场的，“三会一课”均为按要求开的。"))
                .containsExactly("clause ending in 的", "clause ending in 的");
        assertThat(spokenKinds("发展党员1名，是个年轻的数学老师。")).containsExactly("是个");
        assertThat(spokenKinds("三级教育存在走过场现象，发展青年教师党员1名，学习的目的更加明确。")).isEmpty();
    }

    @Test
    void secondRoundKinds_areFound_theirWrittenFormsAreNot() {
        assertThat(spokenKinds("全年主要是这几块，全年完成投资3亿元。")).containsExactly("discourse opener");
        assertThat(spokenKinds("全年完成投资3亿元，主要抓了三个方面。")).isEmpty();
        assertThat(spokenKinds("组织观看警示2次片。")).containsExactly("numeral inside a word");
        assertThat(spokenKinds("组织观看警示片2次，开展座谈会3次，接待游客386万人次，补充图书1.2万册。")).isEmpty();
        assertThat(spokenKinds("家里人均在外地上班。")).containsExactly("均 read with the word before");
        assertThat(spokenKinds("局里人均在跑项目，好几台均不太准确。"))
                .containsExactly("均 read with the word before", "均 read with the word before");
        assertThat(spokenKinds("家里人都在外地上班，人均收入3万元，各项任务均已完成。")).isEmpty();
        assertThat(spokenKinds("有些社区干部觉得廉政是上面的事，与本人关系不大。"))
                .contains("本人 for another's 自己");
        assertThat(spokenKinds("有些社区干部认为廉政工作与自身关系不大。本人认为要以身作则。")).isEmpty();
        assertThat(spokenKinds("把智慧监管平台开展上去，建个申报备案制度，到县廉政教育基地去1次。"))
                .containsExactly("spoken verb", "spoken verb", "spoken verb");
        assertThat(spokenKinds("管起来农村集体聚餐方面。未插手街道的事。")).containsExactly("spoken verb", "spoken verb");
        assertThat(spokenKinds("推进智慧监管平台建设，建立申报备案制度，加强农村集体聚餐管理，未插手街道事务。")).isEmpty();
        assertThat(spokenKinds("本人全年按时报告了。")).containsExactly("clause ending in 了");
        assertThat(spokenKinds("本人全年按时报告个人有关事项。")).isEmpty();
    }

    @Test
    void spokenShapesOfRound3_areFound_theirWrittenFormsAreNot() {
        assertThat(spokenKinds("与科室干部谈心谈20多次。跑项目跑了10趟。"))
                .containsExactly("verb repeated after its object", "verb repeated after its object");
        assertThat(spokenKinds("与科室干部开展谈心谈话20余次，赴省对接项目10次。")).isEmpty();
        assertThat(spokenKinds("学习上主要是局党组中心组学习，参加16次。")).containsExactly("topic marked with 上 + 是");
        assertThat(spokenKinds("思想上高度重视，参加局党组理论学习中心组学习16次。")).isEmpty();
        assertThat(spokenKinds("校园食品安全，是重点，食堂全部实现明厨亮灶。")).containsExactly("clause opening with 是");
        assertThat(spokenKinds("校园食品安全是监管重点，食堂全部实现明厨亮灶。")).isEmpty();
        assertThat(spokenKinds("部分工程进度拖，监管有漏洞。")).containsExactly("clause ending in a one-character verb");
        assertThat(spokenKinds("部分工程进度滞后，以案促改，精文减会，调解矛盾纠纷312起，会议减少三成。")).isEmpty();
        assertThat(spokenKinds("防溺水那段时间天天盯。理论学习还是被动学的多。"))
                .contains("spoken adverb or phrase").doesNotContain("bare label");
        assertThat(spokenKinds("防溺水期间每日督导巡查。理论学习仍以被动学习为主。始终把纪律和规矩挺在前面。")).isEmpty();
        assertThat(spokenKinds("城东新校区是大项目，与科室的人谈心。")).containsExactly("spoken noun", "spoken noun");
        assertThat(spokenKinds("城东新校区是重点项目，与科室人员谈心谈话，科室人员到位。")).isEmpty();
    }
}
