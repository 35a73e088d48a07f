package io.shuzhi.draft;

import io.shuzhi.draft.refine.OfflineRefiner;
import io.shuzhi.draft.refine.OfflineRefiner.Outcome;
import io.shuzhi.draft.refine.RefineParser;
import io.shuzhi.draft.refine.RefineParser.Resolved;
import io.shuzhi.interview.InterviewState;
import io.shuzhi.interview.KindsProperties;
import io.shuzhi.interview.ReportKinds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.shuzhi.support.Tables.DRAFT_LEXICON;
import static io.shuzhi.support.Tables.LEXICON;
import static org.assertj.core.api.Assertions.assertThat;

class OfflineRefinerTest {
    private static final ItemComposer COMPOSER = DRAFT_LEXICON.composer();

    private static final ReportKinds KINDS = new ReportKinds(new KindsProperties(null, null));
    private static final InterviewState FACTS = RefineFixtures.facts();
    private static final Draft DRAFT = RefineFixtures.draft();
    private static final RefineParser PARSER = new RefineParser(LEXICON);
    private static final OfflineRefiner REFINER = new OfflineRefiner(DRAFT_LEXICON);

    /** What the writer sees: the message parsed against the draft, then applied offline. */
    private static Outcome say(Draft draft, String message) {
        var result = PARSER.parse(message, draft);
        assertThat(result).as(message).isInstanceOf(Resolved.class);
        Outcome o = REFINER.apply(KINDS, draft, ((Resolved) result).refinement(), FACTS);
        System.out.println("» " + message + " → changed=" + o.changed() + " " + o.message());
        if (!o.changed()) assertThat(o.draft()).isSameAs(draft);
        else assertThat(o.draft().version()).isEqualTo(draft.version() + 1);
        assertThat(o.message()).isNotBlank();
        return o;
    }

    private static Draft withBody(Draft draft, String ref, String body) {
        var sections = new java.util.ArrayList<>(draft.sections());
        Section s = draft.section(ref).orElseThrow();
        sections.set(sections.indexOf(s), s.withBody(body));
        return new Draft(draft.kind(), draft.version(), sections);
    }

    private static int count(Draft d, String... refs) {
        Set<String> want = Set.of(refs);
        return CharCount.of(new Draft(d.kind(), 0, d.sections().stream().filter(s -> want.contains(s.ref())).toList()).toPlainText());
    }

    private static void assertUntouchedExcept(Draft before, Draft after, String... changedRefs) {
        Set<String> changed = Set.of(changedRefs);
        assertThat(after.sections()).hasSameSizeAs(before.sections());
        for (int i = 0; i < before.sections().size(); i++) {
            Section s = before.sections().get(i);
            if (!changed.contains(s.ref())) assertThat(after.sections().get(i)).as(s.ref()).isEqualTo(s);
        }
    }

    /** Every number with the character after it ("18次") in the new draft was already in the old one. */
    private static void assertNoNewNumbers(Draft before, Draft after, String... writerText) {
        String source = before.toPlainText() + String.join("", writerText);
        Matcher m = Pattern.compile("[0-9]+(?:\\.[0-9]+)?[^0-9.]?").matcher(after.toPlainText());
        while (m.find()) assertThat(source).as("number " + m.group()).contains(m.group());
    }

    private static void assertLeadsKept(Draft before, Draft after) {
        for (Section s : before.sections()) {
            for (String item : BodyText.items(s.body())) {
                assertThat(after.toPlainText()).contains(BodyText.lead(item));
            }
        }
    }

    @Test
    void expandFullyWrittenSection_asksForDetailsInsteadOfPadding() {
        Outcome o = say(DRAFT, "第一部分第二节再具体些");
        assertThat(o.changed()).isFalse();
        assertThat(o.message()).contains("具体情况").contains("接入写作模型").doesNotContain("SHUZHI_");
    }

    @Test
    void expandIssuesPart_namesTheMissingInstance() {
        Outcome o = say(DRAFT, "问题部分写得太虚");
        assertThat(o.changed()).isFalse();
        assertThat(o.message()).contains("三是管党治党责任的落实还需进一步压紧").contains("责任落实、日常监督或党建业务融合方面的具体不足");
    }

    @Test
    void expandAfterCondense_bringsTheWritersFactsBack() {
        Draft condensed = say(DRAFT, "第一部分第二节精简一些").draft();
        assertThat(condensed.section("1.2").orElseThrow()).isNotEqualTo(DRAFT.section("1.2").orElseThrow());
        Outcome o = say(condensed, "第一部分第二节再具体些");
        assertThat(o.changed()).isTrue();
        assertThat(o.draft().section("1.2")).isEqualTo(DRAFT.section("1.2"));
        assertUntouchedExcept(condensed, o.draft(), "1.2");
    }

    @Test
    void expandOnAKindFromTheConfiguredKindsDir_usesThatKind(@TempDir Path dir) throws Exception {
        // shuzhi.kinds.dir names a folder with a kind the jar does not have: the refiner must read the same kinds.
        String yaml = Files.readString(Path.of("prompts/kinds/party-branch-secretary.yaml"))
                .replaceFirst("(?m)^id: party-branch-secretary$", "id: custom-branch");
        Files.writeString(dir.resolve("custom-branch.yaml"), yaml);
        ReportKinds custom = new ReportKinds(new KindsProperties(dir.toString(), "custom-branch"));
        Draft draft = new Draft("custom-branch", DRAFT.version(), DRAFT.sections());
        Refinement condense = ((Resolved) PARSER.parse("第一部分第二节精简一些", draft)).refinement();
        Draft condensed = REFINER.apply(custom, draft, condense, FACTS).draft();
        Refinement expand = ((Resolved) PARSER.parse("第一部分第二节再具体些", condensed)).refinement();

        Outcome o = REFINER.apply(custom, condensed, expand, FACTS);

        assertThat(o.changed()).isTrue();
        assertThat(o.draft().section("1.2")).isEqualTo(draft.section("1.2"));
        // The jar's kinds do not know it: EXPAND has no topics to bring back.
        assertThat(REFINER.apply(KINDS, condensed, expand, FACTS).changed()).isFalse();
    }

    @Test
    void condensePartToCharacters_landsWithinTenPercent() {
        int before = count(DRAFT, "3", "3.1", "3.2", "3.3");
        Outcome o = say(DRAFT, "第三部分压缩到300字");
        int after = count(o.draft(), "3", "3.1", "3.2", "3.3");
        System.out.println(before + " → " + after + "\n" + o.draft().toPlainText());
        assertThat(o.changed()).isTrue();
        assertThat(after).isBetween(270, 330);
        assertUntouchedExcept(DRAFT, o.draft(), "3.1", "3.2", "3.3");
        assertThat(o.draft().section("3.1").orElseThrow().body()).contains("制定全年学习计划，每月安排1次专题研讨。");
        for (String ref : List.of("3", "3.1", "3.2", "3.3")) {
            assertThat(o.draft().section(ref).orElseThrow().heading()).isEqualTo(DRAFT.section(ref).orElseThrow().heading());
        }
        assertNoNewNumbers(DRAFT, o.draft());
    }

    @Test
    void condenseWithoutNumber_aimsAtSeventyPercentAndCutsClosesFirst() {
        int before = count(DRAFT, "1.3");
        Outcome o = say(DRAFT, "第一部分第三节精简一些");
        int after = count(o.draft(), "1.3");
        assertThat(after).isBetween((int) (before * 0.63), (int) (before * 0.77));
        String body = o.draft().section("1.3").orElseThrow().body();
        assertThat(body).doesNotContain("层层传导压力").contains("一是压紧压实管党治党责任。", "二是抓常抓细日常监督。", "三是持续深化警示教育。");
        assertUntouchedExcept(DRAFT, o.draft(), "1.3");
        assertNoNewNumbers(DRAFT, o.draft());
    }

    @Test
    void wholeDraftLongerThanDraft_isDeclinedWithoutPadding() {
        Outcome o = say(DRAFT, "全文控制在3000字左右");
        assertThat(o.changed()).isFalse();
        assertThat(o.message()).contains("不会用套话凑字数").contains("具体情况").contains("接入写作模型").doesNotContain("SHUZHI_");
    }

    @Test
    void wholeDraftToEightyPercent_isMetWithinTenPercent_andHeadingsStay() {
        int before = CharCount.of(DRAFT.toPlainText());
        int goal = before * 8 / 10;
        Outcome o = say(DRAFT, "全文控制在" + goal + "字左右");
        int after = CharCount.of(o.draft().toPlainText());
        System.out.println(before + " → " + after + " (goal " + goal + ")\n" + o.draft().toPlainText());
        assertThat(o.changed()).isTrue();
        assertThat(after).isBetween((int) Math.ceil(goal * 0.9), (int) (goal * 1.1));
        for (int i = 0; i < DRAFT.sections().size(); i++) {
            Section s = DRAFT.sections().get(i);
            assertThat(o.draft().sections().get(i).heading()).isEqualTo(s.heading());
            assertThat(o.draft().sections().get(i).ref()).isEqualTo(s.ref());
        }
        assertThat(o.draft().section("opening")).isEqualTo(DRAFT.section("opening"));
        assertLeadsKept(DRAFT, o.draft());
        assertNoNewNumbers(DRAFT, o.draft());
        for (var f : FACTS.facts()) {
            assertThat(o.draft().toPlainText()).as("facts stay while set phrases can go")
                    .contains(COMPOSER.clause(f, DRAFT.kind()));
        }
    }

    @Test
    void aFullLengthDraft_toAStatedLength_landsWithinTenPercent_keepingEveryFigure() {
        InterviewState state = ColloquialWriters.branchSecretary("2025");
        Draft full = new TemplateDrafter(DRAFT_LEXICON).write(RefineFixtures.KIND, state, 1, null);
        int before = CharCount.of(full.toPlainText());
        for (int goal : new int[]{2000, 1600}) {
            var parsed = PARSER.parse("全文控制在" + goal + "字", full);
            Outcome o = REFINER.apply(KINDS, full, ((Resolved) parsed).refinement(), state);
            int after = CharCount.of(o.draft().toPlainText());
            System.out.println(before + " → " + after + " (goal " + goal + ")");
            assertThat(o.changed()).isTrue();
            assertThat(after).as("goal " + goal).isBetween((int) Math.ceil(goal * 0.9), (int) (goal * 1.1));
            assertLeadsKept(full, o.draft());
            assertNoNewNumbers(full, o.draft());
        }
        Outcome longer = REFINER.apply(KINDS, full, ((Resolved) PARSER.parse("全文控制在3500字", full)).refinement(), state);
        assertThat(longer.changed()).isFalse();
        assertThat(longer.message()).contains("不会用套话凑字数");
    }

    @Test
    void wholeDraftToHalf_cutsEverySectionNotJustOne() {
        int goal = CharCount.of(DRAFT.toPlainText()) / 2;
        Outcome o = say(DRAFT, "全文压缩到" + goal + "字");
        assertThat(o.changed()).isTrue();
        for (String ref : List.of("1.1", "1.2", "1.3", "1.4", "3.1")) {
            assertThat(o.draft().section(ref)).as(ref).isNotEqualTo(DRAFT.section(ref));
        }
        assertLeadsKept(DRAFT, o.draft());
        assertNoNewNumbers(DRAFT, o.draft());
    }

    @Test
    void formalTone_rewritesWhatTheWriterTypedIntoTheDraft_byTheTableAndTheKindsRegister() {
        // the drafter already writes in the register: what is left to make formal is what the writer typed by hand
        Draft edited = withBody(DRAFT, "1.4", "一是推动党建与业务深度融合。我们针对大家反映的办税难点搞了流程再造，"
                + "特别是对很多高频事项实行容缺办理，一共办结事项1200件。二是持续改进工作作风。深入基层调研走访10次。");
        Outcome o = say(edited, "语气再正式一点");
        assertThat(o.changed()).isTrue();
        assertThat(o.draft().section("1.4").orElseThrow().body())
                .isEqualTo("一是推动党建与业务深度融合。针对大家反映的办税难点开展流程再造，"
                        + "特别是对大量高频事项实行容缺办理，共办结事项1200件。二是持续改进工作作风。深入基层调研走访10次。");
        assertUntouchedExcept(edited, o.draft(), "1.4");
        assertNoNewNumbers(edited, o.draft());

        Outcome none = say(DRAFT, "第二部分语气再正式一点");
        assertThat(none.changed()).isFalse();
        assertThat(none.message()).contains("没有找到口语化的说法");
    }

    @Test
    void formalTone_neverEditsInsideAFixedTermOrAQuotedTitle() {
        // "其实" → "实际上" is in the table; it must not reach into "及其实施细则", nor into a quoted title
        Draft edited = withBody(DRAFT, "1.3", "一是压紧压实管党治党责任。严格执行中央八项规定及其实施细则精神，"
                + "学习《其实很简单：搞好党建的几点体会》，其实效果很好。");
        Outcome o = say(edited, "语气再正式一点");
        String body = o.draft().section("1.3").orElseThrow().body();
        assertThat(body).contains("严格执行中央八项规定及其实施细则精神", "《其实很简单：搞好党建的几点体会》")
                .doesNotContain("实际上施细则");
    }

    @Test
    void addToSectionByHeadingWords_appendsNextItemAndReportsTheFact() {
        Outcome o = say(DRAFT, "在组织建设里加一条：发展新党员2名");
        assertThat(o.changed()).isTrue();
        assertThat(o.draft().section("1.2").orElseThrow().body())
                .isEqualTo(DRAFT.section("1.2").orElseThrow().body() + "五是发展新党员2名。");
        assertThat(o.addedFacts()).containsExactly("发展新党员2名");
        assertUntouchedExcept(DRAFT, o.draft(), "1.2");

        Outcome chinese = say(DRAFT, "第二部分加一条：我们发展新党员两名。");
        assertThat(chinese.draft().section("2").orElseThrow().body()).endsWith("三是管党治党责任的落实还需进一步压紧。"
                + "【待补充：责任落实、日常监督或党建业务融合方面的具体不足及一个实例】四是发展新党员2名。");
        assertThat(chinese.addedFacts()).containsExactly("发展新党员2名");
    }

    @Test
    void removeWordEverywhere_countsAndLeavesOthersAlone() {
        Outcome o = say(DRAFT, "把‘大力’都去掉");
        assertThat(o.changed()).isTrue();
        assertThat(o.draft().toPlainText()).doesNotContain("大力").contains("牵头攻坚项目4项，推进办税便利化");
        assertThat(o.message()).contains("1处");
        assertUntouchedExcept(DRAFT, o.draft(), "1.4");

        Outcome missing = say(DRAFT, "把“全力以赴”都去掉");
        assertThat(missing.changed()).isFalse();
        assertThat(missing.message()).contains("没有找到“全力以赴”");

        Outcome change = say(DRAFT, "第一部分里把“支部”改成“党支部”");
        assertThat(change.changed()).isTrue();
        assertUntouchedExcept(DRAFT, change.draft(), "1", "1.1", "1.2", "1.3", "1.4");
        assertThat(change.draft().section("3.2")).isEqualTo(DRAFT.section("3.2"));
    }

    @Test
    void swapSections_renumbersHeadingsAndRefsFollowPosition() {
        Outcome o = say(DRAFT, "（三）和（四）换个顺序");
        assertThat(o.changed()).isTrue();
        Section third = o.draft().sections().get(DRAFT.sections().indexOf(DRAFT.section("1.3").orElseThrow()));
        Section fourth = o.draft().sections().get(DRAFT.sections().indexOf(DRAFT.section("1.4").orElseThrow()));
        assertThat(third).isEqualTo(new Section("1.3", 2, "（三）推动融合发展，激发干事创业活力", DRAFT.section("1.4").orElseThrow().body()));
        assertThat(fourth).isEqualTo(new Section("1.4", 2, "（四）扛牢主体责任，从严管党治党", DRAFT.section("1.3").orElseThrow().body()));
        assertUntouchedExcept(DRAFT, o.draft(), "1.3", "1.4");
    }

    @Test
    void swapItems_renumbersThem() {
        Outcome o = say(DRAFT, "第二部分二是和三是对调");
        String body = o.draft().section("2").orElseThrow().body();
        assertThat(body).startsWith("一是理论武装的深度还需进一步拓展。")
                .contains("二是管党治党责任的落实还需进一步压紧。【待补充：")
                .contains("】三是组织生活的质量还需进一步提升。");
        assertUntouchedExcept(DRAFT, o.draft(), "2");
    }

    @Test
    void deleteItem_renumbersTheRest() {
        Outcome o = say(DRAFT, "删掉第二部分的三是");
        assertThat(o.draft().section("2").orElseThrow().body()).doesNotContain("三是", "待补充");
        Outcome first = say(DRAFT, "去掉第一部分第一节第二条");
        String body = first.draft().section("1.1").orElseThrow().body();
        assertThat(body).doesNotContain("第一议题").contains("二是用好党课和培训阵地。", "三是做细思想政治工作。").doesNotContain("四是");
        assertUntouchedExcept(DRAFT, first.draft(), "1.1");
    }

    @Test
    void setYear_changesTitleAndOpeningOnly() {
        Outcome o = say(DRAFT, "标题改成2025年度");
        assertThat(o.draft().title()).isEqualTo("县税务局机关第一党支部书记2025年度抓基层党建工作述职报告");
        assertThat(o.draft().section("opening").orElseThrow().body()).startsWith("2025年，在上级党组织");
        assertUntouchedExcept(DRAFT, o.draft(), "title", "opening");
        assertThat(say(o.draft(), "标题改成2025年度").changed()).isFalse();
    }

    @Test
    void rewrite_isDeclinedOfflineWithWhatWouldDoIt() {
        Outcome o = say(DRAFT, "第一部分第二节换个说法");
        assertThat(o.changed()).isFalse();
        assertThat(o.message()).contains("接入写作模型").doesNotContain("SHUZHI_").contains("直接在草稿里修改");
    }

    @Test
    void smallerTargets_itemCondenseSectionDeleteAndWholeExpand_keepTheRestIntact() {
        Outcome item = say(DRAFT, "第一部分第一节一是精简一些");
        assertThat(item.changed()).isTrue();
        assertThat(BodyText.items(item.draft().section("1.1").orElseThrow().body()).subList(1, 4))
                .isEqualTo(BodyText.items(DRAFT.section("1.1").orElseThrow().body()).subList(1, 4));
        assertUntouchedExcept(DRAFT, item.draft(), "1.1");

        Outcome section = say(DRAFT, "删掉第一部分第二节");
        assertThat(section.draft().sections()).hasSize(DRAFT.sections().size() - 1);
        assertThat(section.draft().section("1.2").orElseThrow().heading()).isEqualTo("（二）扛牢主体责任，从严管党治党");
        assertThat(section.draft().section("1.4")).isEmpty();

        Outcome whole = say(say(DRAFT, "全文压缩到1200字").draft(), "全文再具体些");
        assertThat(whole.changed()).isTrue();
        for (var f : FACTS.facts()) assertThat(whole.draft().toPlainText()).contains(COMPOSER.clause(f, DRAFT.kind()));
    }
}
