package io.shuzhi.draft;

import io.shuzhi.interview.Fact;
import io.shuzhi.interview.Quantity;
import io.shuzhi.interview.ReportKind.TopicSpec;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.shuzhi.support.Tables.DRAFT_LEXICON;
import static org.assertj.core.api.Assertions.assertThat;

class ItemComposerTest {
    private static final ItemComposer COMPOSER = DRAFT_LEXICON.composer();

    private static final TopicSpec STUDY = new TopicSpec("study", "理论学习", "?", "", List.of(), List.of(),
            "抓实集中学习。", "全年集中学习研讨的次数", "学习实效不断提高。");

    @Test
    void item_leadThenFactsThenClose_withOneFullStop() {
        String item = COMPOSER.item(1, STUDY, List.of(
                fact("我们开展研讨交流二十余次。", q("二十余次", 20, "次", true)),
                fact("购买学习书籍120册", q("120册", 120, "册", false))));

        assertThat(item).isEqualTo("一是抓实集中学习。开展研讨交流20余次，购买学习书籍120册，学习实效不断提高。");
    }

    @Test
    void item_withoutFacts_isLeadAndPlaceholder() {
        assertThat(COMPOSER.item(3, STUDY, List.of())).isEqualTo("三是抓实集中学习。【待补充：全年集中学习研讨的次数】");
    }

    @Test
    void item_whoseFactsAreOnlyFillers_isPlaceholderToo() {
        assertThat(COMPOSER.item(2, STUDY, List.of(fact("嗯，", (Quantity[]) null))))
                .isEqualTo("二是抓实集中学习。【待补充：全年集中学习研讨的次数】");
    }

    @Test
    void factsOfOneTopic_flowAsSentences_notSemicolonLists() {
        String s = COMPOSER.sentence(List.of(fact("召开组织生活会，查摆问题16项"), fact("健全制度8项")), null);
        assertThat(s).isEqualTo("召开组织生活会，查摆问题16项，健全制度8项。");
        // a long run of facts starts a new sentence instead of growing one line without end
        String longer = COMPOSER.sentence(List.of(
                fact("结合支部党员大会、党小组会和青年理论学习小组开展研讨交流24次", q("24次", 24, "次", false)),
                fact("购买发放学习书籍120册", q("120册", 120, "册", false)),
                fact("重点学习党的二十届四中全会精神和习近平总书记重要讲话"),
                fact("建立学习台账，每半年向机关党委报告学习情况"),
                fact("支委结合分管工作谈落实措施，形成问题清单和措施清单")), null);
        assertThat(longer).contains("120册，重点学习").contains("报告学习情况。支委结合分管工作").doesNotContain("；");
    }

    @Test
    void whatWasDone_comesBeforeWhatCameOfIt_andTheKindsCloseOnlyWithoutTheWritersOwn() {
        String both = COMPOSER.sentence(List.of(fact("大家写心得体会的质量明显比去年高了"),
                fact("我们今年一共搞了集中学习22次", q("22次", 22, "次", false))), "学习实效不断提高", "party-branch-secretary");
        assertThat(both).isEqualTo("全年共开展集中学习22次，党员撰写心得体会的质量较上年明显提高。");
        String doneOnly = COMPOSER.sentence(List.of(fact("我们今年一共搞了集中学习22次", q("22次", 22, "次", false))),
                "学习实效不断提高", "party-branch-secretary");
        assertThat(doneOnly).isEqualTo("全年共开展集中学习22次，学习实效不断提高。");
    }

    @Test
    void theSameSubject_isNotRepeatedFactAfterFact() {
        String s = COMPOSER.sentence(List.of(fact("今年我参加中心组学习12次", q("12次", 12, "次", false)),
                fact("我还读了《习近平谈治国理政》第五卷")), null, "personal-annual");
        assertThat(s).isEqualTo("本人全年参加中心组学习12次，研读《习近平谈治国理政》第五卷。");
    }

    @Test
    void repeatedFact_isWrittenOnce() {
        assertThat(COMPOSER.sentence(List.of(fact("开展主题党日"), fact("开展主题党日。")), null)).isEqualTo("开展主题党日。");
    }

    @Test
    void approximations_keepTheWritersMeaning() {
        assertThat(ItemComposer.display(q("近二十次", 20, "次", true))).isEqualTo("近20次");
        assertThat(ItemComposer.display(q("约三十人", 30, "人", true))).isEqualTo("约30人");
        assertThat(ItemComposer.display(q("三十多场", 30, "场", true))).isEqualTo("30多场");
        assertThat(ItemComposer.display(q("二十余人", 20, "人", true))).isEqualTo("20余人");
        assertThat(ItemComposer.display(q("十二次", 12, "次", false))).isEqualTo("12次");
        assertThat(ItemComposer.display(q("近20次", 20, "次", true))).isEqualTo("近20次");
    }

    @Test
    void firstPerson_isDroppedOrBecomes本人_butUnitNamesStay() {
        assertThat(COMPOSER.clause(fact("我们还组织了知识竞赛"))).isEqualTo("组织了知识竞赛");
        assertThat(COMPOSER.clause(fact("我带头讲党课"))).isEqualTo("本人带头讲授党课");
        assertThat(COMPOSER.clause(fact("我院开展义诊"))).isEqualTo("我院开展义诊");
        assertThat(COMPOSER.clause(fact("然后我觉得效果不错吧"))).isEqualTo("效果不错");
        assertThat(COMPOSER.clause(fact("开展研讨,我们也组织了参观"))).isEqualTo("开展研讨，组织了参观");
    }

    @Test
    void writersOwnListMarkersAndSpaces_becomeClauseBreaks() {
        assertThat(COMPOSER.clause(fact("1.开展研讨24次 2.购买书籍3.5册")))
                .isEqualTo("开展研讨24次；购买书籍3.5册");
        assertThat(COMPOSER.clause(fact("一是开展研讨，二是组织参观"))).isEqualTo("开展研讨，组织参观");
        assertThat(COMPOSER.clause(fact("统一是前提 按GB/T 9704排版"))).isEqualTo("统一是前提，按GB/T 9704排版");
    }

    @Test
    void halfWidthMarks_becomeFullWidth_butNumbersKeepTheirPoint() {
        assertThat(ItemComposer.toFullWidth("投入3.5万元,覆盖1,200人;评选\"优秀党员\"(2名)."))
                .isEqualTo("投入3.5万元，覆盖1,200人；评选“优秀党员”（2名）。");
    }

    @Test
    void theWritersBareLabels_areDroppedWhereTheItemNamesThem_orPutInTheItemsWords() {
        // named by the lead, by the same fact, or followed straight by another label: dropped
        assertThat(COMPOSER.withoutBareLabels(List.of("学习，集中学习10次", "医德医风，开展集中整治，采购，耗材采购全部上平台",
                        "大气，执法方面，全年检查企业1280家次"), "抓实集中学习，"))
                .containsExactly("集中学习10次", "在医德医风方面，开展集中整治，耗材采购全部上平台", "在执法方面，全年检查企业1280家次");
        // nouns before a clause of their own: "在…方面"; a noun and a verb only before a verb
        assertThat(COMPOSER.withoutBareLabels(List.of("产业，引进竹木加工项目", "乡村振兴，新建高标准农田4200亩",
                "37名党员，护士居多，全年集中学习20次"), ""))
                .containsExactly("在产业方面，引进竹木加工项目", "在乡村振兴方面，新建高标准农田4200亩",
                        "37名党员，护士居多，全年集中学习20次");
        // a fact that is only a label says nothing
        assertThat(COMPOSER.withoutBareLabels(List.of("土壤", "关停企业43家"), "")).containsExactly("关停企业43家");
        // a label before a copula is its subject; a label naming the report's part says nothing
        assertThat(COMPOSER.withoutBareLabels(List.of("文物安全，是重中之重，全县112处文物保护单位落实看护人",
                "问题方面，监督还是偏软"), "")).containsExactly("文物安全是重中之重，全县112处文物保护单位落实看护人",
                "监督还是偏软");
        // the writer's "我自己，" is the subject of the clause after it
        assertThat(COMPOSER.clause(fact("我自己，个人有关事项按时报告了"), "accountability-integrity"))
                .isEqualTo("本人个人有关事项按时报告");
        assertThat(COMPOSER.withoutBareLabels(List.of("本人", "个人有关事项如实报告"), ""))
                .containsExactly("本人个人有关事项如实报告");
        assertThat(COMPOSER.withPronounJoined("本人带头讲授党课，其他支委讲授4次")).isEqualTo("本人带头讲授党课，其他支委讲授4次");
        // time words, figures and clauses with a verb are not labels
        assertThat(COMPOSER.labelOf("全年")).isNull();
        assertThat(COMPOSER.labelOf("支委会12次")).isNull();
        assertThat(COMPOSER.labelOf("开展集中整治")).isNull();
        assertThat(COMPOSER.labelOf("监督方面")).isEqualTo("监督");
    }

    @Test
    void peopleAreCountedWith名or人_andNumbersHaveNoThousandsSeparator() {
        assertThat(COMPOSER.clause(fact("全村党员37个，今年发展了2个", q("37个", 37, "个", false), q("2个", 2, "个", false))))
                .startsWith("全村党员37名");
        assertThat(COMPOSER.clause(fact("部门只有11个人，要管100多个项目", q("11个", 11, "个", false),
                q("100多个", 100, "个", true)))).isEqualTo("部门只有11人，要管100多个项目");
        assertThat(COMPOSER.clause(fact("处理了3个医生", q("3个", 3, "个", false)))).isEqualTo("处理医生3名");
        assertThat(COMPOSER.clause(fact("和2个警务区签订责任书", q("2个", 2, "个", false)))).contains("2个警务区");
        assertThat(COMPOSER.clause(fact("新建高标准农田4,200亩", q("4,200亩", 4200, "亩", false))))
                .isEqualTo("新建高标准农田4200亩");
    }

    @Test
    void tidy_collapsesDoubledMarks() {
        assertThat(ItemComposer.tidy("开展研讨。。二是，，学习，。三是；。")).isEqualTo("开展研讨。二是，学习。三是。");
    }

    private static Fact fact(String text, Quantity... quantities) {
        return new Fact("f-1", "study", text, quantities == null ? List.of() : List.of(quantities), "m-1", Fact.Origin.WRITER);
    }

    private static Quantity q(String raw, int value, String unit, boolean approx) {
        return new Quantity(raw, BigDecimal.valueOf(value), unit, approx);
    }
}
