package io.shuzhi.draft;

import io.shuzhi.draft.Refinement.Operation;
import io.shuzhi.draft.Refinement.Scope;
import io.shuzhi.draft.Refinement.Target;
import io.shuzhi.draft.refine.RefineParser;
import io.shuzhi.draft.refine.RefineParser.Ambiguous;
import io.shuzhi.draft.refine.RefineParser.NotRefinement;
import io.shuzhi.draft.refine.RefineParser.Resolved;
import io.shuzhi.draft.refine.RefineParser.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.shuzhi.support.Tables.LEXICON;
import static org.assertj.core.api.Assertions.assertThat;

class RefineParserTest {
    private static final Draft DRAFT = RefineFixtures.draft();
    private static final RefineParser PARSER = new RefineParser(LEXICON);

    private static Refinement resolved(String message) {
        Result r = PARSER.parse(message, DRAFT);
        assertThat(r).as(message).isInstanceOf(Resolved.class);
        return ((Resolved) r).refinement();
    }

    private static Ambiguous ambiguous(String message) {
        Result r = PARSER.parse(message, DRAFT);
        assertThat(r).as(message).isInstanceOf(Ambiguous.class);
        Ambiguous a = (Ambiguous) r;
        assertThat(a.question()).isNotBlank();
        for (String choice : a.choices()) {
            assertThat(PARSER.parse(choice, DRAFT)).as("choice " + choice).isInstanceOf(Resolved.class);
        }
        return a;
    }

    @Test
    void partAndSectionByNumber_expandsThatSection() {
        Refinement r = resolved("第一部分第二节再具体些");
        assertThat(r.target()).isEqualTo(Target.of(Scope.SECTION, "1.2"));
        assertThat(r.op()).isEqualTo(Operation.EXPAND);
        assertThat(resolved("第一部分（二）写得太虚").target()).isEqualTo(Target.of(Scope.SECTION, "1.2"));
        assertThat(resolved("1.2节充实一下").target()).isEqualTo(Target.of(Scope.SECTION, "1.2"));
    }

    @Test
    void partByItsSubject_isFound() {
        Refinement r = resolved("问题部分写得太虚");
        assertThat(r.target()).isEqualTo(Target.of(Scope.PART, "2"));
        assertThat(r.op()).isEqualTo(Operation.EXPAND);
        assertThat(resolved("成效部分精简一些").target()).isEqualTo(Target.of(Scope.PART, "1"));
        assertThat(resolved("举措部分展开写").target()).isEqualTo(Target.of(Scope.PART, "3"));
    }

    @Test
    void condenseToCharacters_keepsTheNumber() {
        Refinement r = resolved("第三部分压缩到300字");
        assertThat(r.target()).isEqualTo(Target.of(Scope.PART, "3"));
        assertThat(r.op()).isEqualTo(Operation.CONDENSE);
        assertThat(r.targetChars()).isEqualTo(300);
        assertThat(resolved("第一部分第二节精简一些").targetChars()).isNull();
    }

    @Test
    void wholeDraftLength_isLength() {
        Refinement r = resolved("全文控制在3000字左右");
        assertThat(r.target().scope()).isEqualTo(Scope.WHOLE);
        assertThat(r.op()).isEqualTo(Operation.LENGTH);
        assertThat(r.targetChars()).isEqualTo(3000);
        assertThat(resolved("整篇压缩到1200字").op()).isEqualTo(Operation.LENGTH);
        assertThat(resolved("通篇控制在三千字以内").targetChars()).isEqualTo(3000);
    }

    @Test
    void toneWithoutPlace_isWholeDraft() {
        Refinement r = resolved("语气再正式一点");
        assertThat(r.target().scope()).isEqualTo(Scope.WHOLE);
        assertThat(r.op()).isEqualTo(Operation.FORMALIZE);
        assertThat(resolved("第二部分更严肃一些").target()).isEqualTo(Target.of(Scope.PART, "2"));
        assertThat(resolved("开头公文化一点").target().scope()).isEqualTo(Scope.OPENING);
    }

    @Test
    void addByHeadingWords_goesToTheMatchingSection() {
        Refinement r = resolved("在组织建设里加一条：发展新党员2名");
        assertThat(r.target()).isEqualTo(Target.of(Scope.SECTION, "1.2"));
        assertThat(r.op()).isEqualTo(Operation.ADD);
        assertThat(r.argument()).isEqualTo("发展新党员2名");
    }

    @Test
    void removeQuotedWords_isReplaceWithNothing() {
        for (String m : new String[]{"把‘大力’都去掉", "把“大力”都去掉", "把'大力'都去掉", "把\"大力\"都去掉", "把「大力」都删掉"}) {
            Refinement r = resolved(m);
            assertThat(r.op()).as(m).isEqualTo(Operation.REPLACE);
            assertThat(r.argument()).as(m).isEqualTo("大力");
            assertThat(r.replacement()).as(m).isEmpty();
            assertThat(r.target().scope()).as(m).isEqualTo(Scope.WHOLE);
        }
        Refinement change = resolved("把“大力”改成「全力」");
        assertThat(change.argument()).isEqualTo("大力");
        assertThat(change.replacement()).isEqualTo("全力");
        assertThat(resolved("大力换成全力").replacement()).isEqualTo("全力");
        assertThat(resolved("第一部分里把大力改成全力").target()).isEqualTo(Target.of(Scope.PART, "1"));
    }

    @Test
    void swapTwoSections_findsThePartHoldingBoth() {
        Refinement r = resolved("（三）和（四）换个顺序");
        assertThat(r.op()).isEqualTo(Operation.REORDER);
        assertThat(r.target()).isEqualTo(new Target(Scope.SECTION, "1.3", null, "1.4", null));
        Refinement items = resolved("第一部分第三节把二是和三是对调");
        assertThat(items.target()).isEqualTo(new Target(Scope.ITEM, "1.3", 2, "1.3", 3));
    }

    @Test
    void titleYear_isSetYear() {
        Refinement r = resolved("标题改成2025年度");
        assertThat(r.op()).isEqualTo(Operation.SET_YEAR);
        assertThat(r.target().scope()).isEqualTo(Scope.TITLE);
        assertThat(r.argument()).isEqualTo("2025");
        assertThat(resolved("年份改为二〇二五年").argument()).isEqualTo("2025");
    }

    @Test
    void deleteAnItem_namesPartAndItem() {
        Refinement r = resolved("删掉第二部分的三是");
        assertThat(r.op()).isEqualTo(Operation.DELETE);
        assertThat(r.target()).isEqualTo(Target.item("2", 3));
        assertThat(resolved("去掉第一部分第二节第四条").target()).isEqualTo(Target.item("1.2", 4));
    }

    @Test
    void rewrite_isRecognised() {
        assertThat(resolved("重写第二部分").op()).isEqualTo(Operation.REWRITE);
        assertThat(resolved("开头换个说法").target().scope()).isEqualTo(Scope.OPENING);
    }

    @Test
    void sectionNumberInTwoParts_asksWhichWithChoices() {
        Ambiguous a = ambiguous("（二）再具体些");
        assertThat(a.choices()).containsExactly("第一部分第二节再具体些", "第三部分第二节再具体些");
    }

    @Test
    void headingWordInTwoHeadings_asks() {
        Ambiguous a = ambiguous("组织再具体些");
        assertThat(a.choices()).containsExactly("第一部分第二节再具体些", "第三部分第二节再具体些");
    }

    @Test
    void expandWithNothingNamed_asksWhichPart() {
        Ambiguous a = ambiguous("再具体些");
        assertThat(a.choices()).contains("第一部分再具体些", "第二部分再具体些", "第三部分再具体些", "全文再具体些");
        ambiguous("这部分写得太虚");
    }

    @Test
    void otherAmbiguities_offerChoicesThatResolve() {
        assertThat(ambiguous("二是再具体些").choices()).contains("第二部分二是再具体些", "第一部分第一节二是再具体些");
        assertThat(ambiguous("把二是和三是对调").choices()).contains("把第二部分二是和三是对调");
        assertThat(ambiguous("（一）和（二）换个顺序").choices()).containsExactly(
                "第一部分第一节和第二节换个顺序", "第三部分第一节和第二节换个顺序");
        assertThat(ambiguous("加一条：发展新党员2名").choices()).first().isEqualTo("第一部分第二节加一条：发展新党员2名");
        assertThat(ambiguous("第五部分再具体些").choices()).contains("第一部分再具体些");
        assertThat(ambiguous("在第一部分加一条：发展新党员2名").choices()).hasSize(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"今年还发展党员2名", "今年组织集中学习12次", "生成草稿", "跳过", "没有", "下一个", "还有多少",
            "怎么用", "市财政局机关第二党支部，2025年", "精简会议文件三成以上", "按期转为正式党员3名", "把12次改成15次",
            "研讨是15次不是12次", "补充：今年还开展主题党日12次", "展开研讨交流24次", "严肃组织生活，开展民主评议"})
    void answersAndCommands_areNotRefinements(String message) {
        assertThat(PARSER.parse(message, DRAFT)).isInstanceOf(NotRefinement.class);
    }

    @Test
    void refineFrame_usesTheGivenSection() {
        assertThat(((Resolved) PARSER.parse("再具体些", "1.2", DRAFT)).refinement().target())
                .isEqualTo(Target.of(Scope.SECTION, "1.2"));
        assertThat(((Resolved) PARSER.parse("压缩到200字", "3", DRAFT)).refinement())
                .isEqualTo(new Refinement(Target.of(Scope.PART, "3"), Operation.CONDENSE, null, null, 200));
        assertThat(((Resolved) PARSER.parse("二是和三是对调", "2", DRAFT)).refinement().target())
                .isEqualTo(new Target(Scope.ITEM, "2", 2, "2", 3));
        assertThat(((Resolved) PARSER.parse("和（四）换个顺序", "1.3", DRAFT)).refinement().target())
                .isEqualTo(new Target(Scope.SECTION, "1.3", null, "1.4", null));
        assertThat(((Resolved) PARSER.parse("改成2025年度", "title", DRAFT)).refinement().op())
                .isEqualTo(Operation.SET_YEAR);
    }

    @Test
    void refineFrameWithoutVerb_orUnknownSection_asks() {
        Result what = PARSER.parse("写得不好", "2", DRAFT);
        assertThat(what).isInstanceOf(Ambiguous.class);
        for (String c : ((Ambiguous) what).choices()) assertThat(PARSER.parse(c, DRAFT)).as(c).isInstanceOf(Resolved.class);
        Result unknown = PARSER.parse("再具体些", "9.9", DRAFT);
        assertThat(unknown).isInstanceOf(Ambiguous.class);
        for (String c : ((Ambiguous) unknown).choices()) assertThat(PARSER.parse(c, DRAFT)).as(c).isInstanceOf(Resolved.class);
    }
}
