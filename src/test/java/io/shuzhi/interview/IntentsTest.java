package io.shuzhi.interview;

import io.shuzhi.interview.InterviewEngine.Intent;
import io.shuzhi.interview.Intents.Correction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.shuzhi.support.Tables.LEXICON;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

class IntentsTest {
    private static final Intents INTENTS = LEXICON.intents();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "生成                               | GENERATE",
            "生成草稿                           | GENERATE",
            "可以写了                           | GENERATE",
            "好，写吧！                         | GENERATE",
            "出稿                               | GENERATE",
            "开始写吧                           | GENERATE",
            "直接写                             | GENERATE",
            "没有了，生成吧                     | GENERATE",
            "跳过                               | SKIP",
            "没有                               | SKIP",
            "暂无。                             | SKIP",
            "不清楚                             | SKIP",
            "下一个                             | SKIP",
            "略                                 | SKIP",
            "到哪了？                           | PROGRESS",
            "进度                               | PROGRESS",
            "还有几个问题                       | PROGRESS",
            "还剩多少                           | PROGRESS",
            "怎么用                             | HELP",
            "帮助                               | HELP",
            "你能做什么？                       | HELP",
            "研讨是15次不是12次                 | CORRECTION",
            "不是12次，是15次                   | CORRECTION",
            "把12次改成15次                     | CORRECTION",
            "更正：研讨交流次数应为15次         | CORRECTION",
            "全年开展研讨交流12次               | ANSWER",
            "调整策略                           | ANSWER",
            "今年没有发展党员，但确定了两名入党积极分子，还开展了一次谈话 | ANSWER",
            "开展研讨12次，不是走过场，参加党员30人次，大家收获很大 | ANSWER",
    })
    void messagesAreReadAsTheWriterMeantThem(String text, Intent intent) {
        assertThat(INTENTS.classify(text.strip())).isEqualTo(intent);
    }

    @Test
    void correctionSaysWhichNumberBecomesWhich() {
        Correction c = INTENTS.correction("研讨是15次不是12次").orElseThrow();
        assertThat(c.from().raw()).isEqualTo("12次");
        assertThat(c.to().raw()).isEqualTo("15次");
        assertThat(c.hint()).isEqualTo("研讨");

        Correction reversed = INTENTS.correction("不是12次，而是十五次").orElseThrow();
        assertThat(reversed.from().raw()).isEqualTo("12次");
        assertThat(reversed.to().value()).isEqualByComparingTo("15");

        Correction bare = INTENTS.correction("把书籍120册改成150").orElseThrow();
        assertThat(bare.from().raw()).isEqualTo("120册");
        assertThat(bare.to().unit()).isEqualTo("册");
        assertThat(bare.hint()).contains("书籍");

        Correction onlyNew = INTENTS.correction("更正：主题党日应为12次").orElseThrow();
        assertThat(onlyNew.from()).isNull();
        assertThat(onlyNew.to().raw()).isEqualTo("12次");
        assertThat(onlyNew.hint()).contains("主题党日");
    }

    @Test
    void aSlipOwnedWithTheNewNumber_isACorrection() {
        Correction typo = INTENTS.correction("哦不对，住院是1,340人次，刚才敲错了").orElseThrow();
        assertThat(typo.from()).isNull();
        assertThat(typo.to().value()).isEqualByComparingTo("1340");
        assertThat(typo.to().unit()).isEqualTo("人次");
        assertThat(typo.hint()).contains("住院");

        Correction after = INTENTS.correction("罚没款刚才说错了，是482万元，我看串行了").orElseThrow();
        assertThat(after.to().raw()).isEqualTo("482万元");
        assertThat(after.hint()).contains("罚没款");

        Correction withOld = INTENTS.correction("刚才说错了，协议投资是112亿元，126亿是去年的").orElseThrow();
        assertThat(withOld.to().raw()).isEqualTo("112亿元");
        assertThat(withOld.from().raw()).isEqualTo("126亿");
        assertThat(withOld.hint()).contains("协议投资");

        assertThat(INTENTS.correction("等会儿，普查经费是1,830万元，刚才打错了").orElseThrow().to().raw())
                .isEqualTo("1,830万元");
        assertThat(INTENTS.correction("不对不对，担保贷款是6,850万元，数字顺序打反了").orElseThrow().hint()).contains("担保贷款");
        // Facts that hold 不对 or 错 but own no slip are not corrections.
        assertThat(INTENTS.correction("培训和岗位对不上，全年培训是2040人次")).isEmpty();
        assertThat(INTENTS.correction("发现账目不对的3家，罚款分别是12万元和8万元")).isEmpty();
    }

    @Test
    void aChangeVerbInAPlanOrAQuotedName_isNotACorrection() {
        assertThat(INTENTS.correction("明年打算：夜学改成“一人一题”，党员轮流上去讲；每个庄稼医院都设党员示范岗")).isEmpty();
        assertThat(INTENTS.correction("把村部两间平房改成3间活动室，还建了1个书屋")).isEmpty();
        // a short message that names the fact and one number still is one
        Correction c = INTENTS.correction("研讨次数改成15次").orElseThrow();
        assertThat(c.to().raw()).isEqualTo("15次");
    }

    @Test
    void anOldNumberOfAnEarlierMonth_isTheOneReplaced() {
        List<Correction> all = INTENTS.corrections("等下，电商那个刚才说错了，是1300来万，1200是9月底的数");
        assertThat(all).hasSize(1);
        assertThat(all.get(0).from().value()).isEqualByComparingTo("1200");
        assertThat(all.get(0).to().raw()).isEqualTo("1300来万");
    }

    @Test
    void aFigureSaidFromMemoryOrPlanned_isTheOneReplaced() {
        Correction c = INTENTS.correction("保租房那个你按2,146套写，两千一百来套是我凭印象说的").orElseThrow();
        assertThat(c.from().value()).isEqualByComparingTo("2100");
        assertThat(c.to().value()).isEqualByComparingTo("2146");
        Correction budget = INTENTS.correction("财务刚回我，辅具那笔是83.5万，88是预算数").orElseThrow();
        assertThat(budget.from().value()).isEqualByComparingTo("88");
        assertThat(budget.to().raw()).isEqualTo("83.5万");
    }

    @Test
    void aFigureLookedUp_replacesTheOneSaidBefore() {
        Correction c = INTENTS.correction("翻了下台账，突击队是6支，9月份防台风临时拉了一支应急突击队，也算上").orElseThrow();
        assertThat(c.from()).isNull();
        assertThat(c.to().raw()).isEqualTo("6支");
        assertThat(c.hint()).contains("突击队");
    }

    @Test
    void howToWriteAPart_isNotARequestToLeaveItOut() {
        assertThat(INTENTS.removal("问题部分别写太狠，写重了领导脸上不好看")).isEmpty();
        assertThat(INTENTS.removal("罚没款那个数别写了")).contains("罚没款");
    }

    @Test
    void aSlipMendedInsideAMessageOfFacts_keepsTheFacts() {
        String text = "县志、家谱今年征集了1,300多册，不对，是1,030多册，其中家谱四十几部；古籍普查登记了2,147部";
        assertThat(INTENTS.correction(text)).isEmpty();
        assertThat(INTENTS.inlineCorrected(text)).isEqualTo("县志、家谱今年征集了1,030多册，其中家谱四十几部；古籍普查登记了2,147部");
        assertThat(INTENTS.inlineCorrected("全年开展研讨12次，参加党员30人次")).isEqualTo("全年开展研讨12次，参加党员30人次");
    }

    @Test
    void anOldNumberNamedAsOld_isACorrection_evenWithoutASlipWord() {
        Correction half = INTENTS.correction("护学岗是37个，31是上半年的数").orElseThrow();
        assertThat(half.to().raw()).isEqualTo("37个");
        assertThat(half.from().value()).isEqualByComparingTo("31");
        Correction start = INTENTS.correction("更正一下，党员是24个，26个是年初的数，有2个今年调到区人民医院去了").orElseThrow();
        assertThat(start.to().raw()).isEqualTo("24个");
        assertThat(start.from().raw()).isEqualTo("26个");
        // two corrections in one pair of "是…不是…": the pair that says it
        Correction pair = INTENTS.correction("部门一把手是8个不是7个").orElseThrow();
        assertThat(pair.from().raw()).isEqualTo("7个");
        assertThat(INTENTS.correction("今年开展研讨12次，是去年的两倍")).isEmpty();
    }

    @Test
    void aSlipMendedInline_keepsTheLongerUnit_andDropsTheOldNumbersExplanation() {
        assertThat(INTENTS.inlineCorrected("整改了268处，不对是286处，剩下26处要修路"))
                .isEqualTo("整改了286处，剩下26处要修路");
        assertThat(INTENTS.inlineCorrected("签约1.8万人，哦不对是1.68万，重点人群签约率71.2%"))
                .isEqualTo("签约1.68万人，重点人群签约率71.2%");
        assertThat(INTENTS.inlineCorrected("审减率7.9%，哦不对，7.6%，7.9是按初审数算的。审减最多的是管网项目"))
                .isEqualTo("审减率7.6%。审减最多的是管网项目");
    }

    @Test
    void severalCorrectionsInOneMessage_areAllRead() {
        var all = INTENTS.corrections("等一下，经责那个说错了，审的是12个人，部门一把手是8个不是7个，漏了一个延伸审计的");
        assertThat(all).extracting(c -> c.to().raw()).containsExactlyInAnyOrder("8个", "12个");
        assertThat(all).filteredOn(c -> c.to().raw().equals("8个")).first().extracting(c -> c.from().raw()).isEqualTo("7个");
        assertThat(INTENTS.corrections("研讨是15次不是12次")).hasSize(1);
        assertThat(INTENTS.corrections("全年开展研讨12次，参加党员30人次")).isEmpty();
    }

    @Test
    void aRequestToLeaveSomethingOut_namesIt() {
        assertThat(INTENTS.removal("哦对，罚没款那个数别写了，县里不让往材料里写这个")).contains("罚没款");
        assertThat(INTENTS.removal("把公车那条删掉")).contains("公车");
        assertThat(INTENTS.removal("全年开展研讨12次")).isEmpty();
        assertThat(INTENTS.removal("这个不用写进问题吧")).isEmpty();
        // a request followed by the year's figures is a message of facts: nothing is taken out of it unread
        assertThat(INTENTS.removal("党建这块就别写了，业务上今年完成投资3亿元")).isEmpty();
    }

    @Test
    void aSlipOwnedTwiceAndRemembered_isMendedInline() {
        assertThat(INTENTS.inlineCorrected("全年发了1.27亿，不对不对，我记岔了，是1.19亿。全部打卡到户"))
                .isEqualTo("全年发了1.19亿。全部打卡到户");
    }

    @Test
    void aFigureThatCountedOthersToo_isTheOneReplaced() {
        Correction c = INTENTS.correction("还有3862件是连派出所调的一起算的，光我们司法口的是2917件").orElseThrow();
        assertThat(c.from().raw()).isEqualTo("3862件");
        assertThat(c.to().raw()).isEqualTo("2917件");
    }

    @Test
    void aWordMended_isReadApartFromTheRestOfTheMessage() {
        Intents.WordFix f = Intents.wordFix("上一条打错了，是调委会不是调未会。还有3862件是一起算的").orElseThrow();
        assertThat(f.from()).isEqualTo("调未会");
        assertThat(f.to()).isEqualTo("调委会");
        assertThat(f.rest()).isEqualTo("还有3862件是一起算的");
        assertThat(Intents.wordFix("不是12次，是15次")).isEmpty();
        assertThat(Intents.wordFix("全年开展研讨12次")).isEmpty();
    }

    @Test
    void aMoveNamesWhatAndWhere_withTheReasonsAfter() {
        Intents.Move m = Intents.move("刚才那个培训的放到问题里吧，就去了4个人，大部分老师没轮上").orElseThrow();
        assertThat(m.what()).isEqualTo("培训");
        assertThat(m.where()).isEqualTo("问题");
        assertThat(m.reasons()).containsExactly("就去了4个人", "大部分老师没轮上");
        Intents.Move n = Intents.move("上面那条养老机构红包的放到监督那块吧，那个不算四风").orElseThrow();
        assertThat(n.what()).isEqualTo("养老机构红包");
        assertThat(n.where()).isEqualTo("监督");
        assertThat(Intents.move("把平房改成活动室，放到村部里")).isEmpty();
    }

    @Test
    void aFigureApprovedNotPaid_isTheOneReplaced_andAReadBackIsAsked() {
        Correction c = INTENTS.correction("刚才4.37亿说的是审批额，放款得看实际到账，我查了是4.21亿，按放款写").orElseThrow();
        assertThat(c.from().raw()).isEqualTo("4.37亿");
        assertThat(c.to().raw()).isEqualTo("4.21亿");
        assertThat(Intents.readBack("你先把我说过的数字列一遍给我看看，我对一下有没有漏的")).isTrue();
        assertThat(Intents.readBack("现在都记了哪些数字？")).isTrue();
        assertThat(Intents.readBack("全年归集9.86亿，同比增长7.2%")).isFalse();
    }

    @Test
    void aFigureSaidTooHigh_isTheOneReplaced_byTheOneToWrite() {
        Correction c = INTENTS.correction("危桥14座说多了，有2座是去年就开工的跨年项目，算去年的账，今年按12座写").orElseThrow();
        assertThat(c.from().raw()).isEqualTo("14座");
        assertThat(c.to().raw()).isEqualTo("12座");
    }

    @Test
    void aPercentThatWasPercentagePoints_isCorrected_withTheVerbBetween() {
        Correction c = INTENTS.correction("哦上面不良率那个说错了，不是降了0.31%，是0.31个百分点，两个不是一个意思").orElseThrow();
        assertThat(c.from().raw()).isEqualTo("0.31%");
        assertThat(c.to().raw()).isEqualTo("0.31个百分点");
    }

    @Test
    void aSumAskedFor_addsTheAmountsInTheLargerUnit() {
        assertThat(INTENTS.sumAsked("新增贷款分两块，城关一部1.42亿，城南分理处9400万，加起来是多少你帮我算下")).hasValue("2.36亿");
        assertThat(INTENTS.sumAsked("一季度拨付320万元，二季度拨付180万元，一共多少")).hasValue("500万元");
        assertThat(INTENTS.sumAsked("城关一部1.42亿，城南分理处9400万")).isEmpty();
        assertThat(INTENTS.sumAsked("培训了3期，共120人，加起来是多少")).isEmpty();
    }
}
