package io.shuzhi.draft;

import io.shuzhi.interview.Fact;
import io.shuzhi.interview.InterviewState;
import io.shuzhi.interview.NumberParser;
import io.shuzhi.interview.Quantity;
import io.shuzhi.interview.ReportKind;
import io.shuzhi.interview.ReportKinds;
import io.shuzhi.interview.ReportKind.PartSpec;
import io.shuzhi.interview.ReportKind.SectionSpec;
import io.shuzhi.interview.ReportKind.TopicSpec;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.shuzhi.support.Tables.DRAFT_LEXICON;
import static io.shuzhi.support.Tables.NUMBERS;
import static org.assertj.core.api.Assertions.assertThat;

class TemplateDrafterTest {

    private final TemplateDrafter drafter = new TemplateDrafter(DRAFT_LEXICON);

    @Test
    void branchWithFullInterview_getsCompleteThreePartDraft() {
        InterviewState state = agencyBranch();
        var calls = new ArrayList<Call>();
        Draft draft = drafter.write(KIND, state, 3, (step, total, label, section) -> calls.add(new Call(step, total, label, section)));
        String text = draft.toPlainText();
        System.out.println("----- draft: " + state.unit() + " -----\n" + text + "----- " + CharCount.of(text) + "字 -----");

        assertThat(draft.version()).isEqualTo(3);
        assertThat(draft.kind()).isEqualTo("party-branch-secretary");
        assertThat(draft.title()).isEqualTo("省交通运输厅机关第二党支部书记2025年度抓党建工作述职报告");
        assertThat(draft.section("opening").orElseThrow().body())
                .startsWith("2025年，省交通运输厅机关第二党支部在上级党组织的领导下")
                .endsWith("现将有关情况报告如下：");
        assertHeadingsInOrder(draft);
        assertItemsNumberedWithoutGaps(draft);
        assertCleanPunctuation(text);
        assertEveryWriterNumberShown(state, text);
        assertNoNumberWithoutSource(state, text);
        assertProgressOncePerSection(calls, draft);

        assertThat(text).contains("开展研讨交流24次", "学习书籍120册", "全年学习36次48篇", "讲授专题党课12次",
                "覆盖党员20余人", "讨论150余人次", "查摆问题3类16项", "表彰优秀党员12名、优秀党务工作者5名");
        assertThat(text).doesNotContain("十二次", "二十余人", "我们", "120册。。");
        assertThat(body(draft, "1.1")).startsWith("一是抓实集中学习。结合支部党员大会")
                .contains("开展研讨交流24次，购买发放学习书籍120册，支部学习的覆盖面和实效性不断提高。二是");
        assertThat(body(draft, "1.4")).endsWith("二是发挥典型示范作用。【待补充：先进典型的选树和宣传情况】");
        assertThat(body(draft, "2")).startsWith("一是理论学习的深度还不够。个别党员学习浅尝辄止")
                .endsWith("三是日常监督的精准度有待提高。【待补充：监督管理方面的具体问题和实例】");
        // the plan answers the problem named for its area; a section the writer planned nothing for keeps the kind's
        // paragraph, and asks for a measure where the writer named a problem it should answer
        assertThat(body(draft, "3.1")).isEqualTo("针对理论学习方面的不足，持续深化理论学习，每季度至少组织1次专题研讨。");
        assertThat(body(draft, "3.2")).isEqualTo(fallback("3.2") + "。【待补充：下一年度的组织建设安排】");
        assertThat(body(draft, "3.3")).isEqualTo(fallback("3.3") + "。");
    }

    @Test
    void hospitalBranchWithSkippedTopics_getsPlaceholdersAndOnlyItsOwnNumbers() {
        InterviewState state = hospitalBranch();
        var calls = new ArrayList<Call>();
        Draft draft = drafter.write(KIND, state, 1, (step, total, label, section) -> calls.add(new Call(step, total, label, section)));
        String text = draft.toPlainText();

        // "内科党支部" + "党支部书记" must not double the organ; "2024年" must not give "2024年年度"
        assertThat(draft.title()).isEqualTo("市第一人民医院内科党支部书记2024年度抓党建工作述职报告");
        assertHeadingsInOrder(draft);
        assertItemsNumberedWithoutGaps(draft);
        assertCleanPunctuation(text);
        assertEveryWriterNumberShown(state, text);
        assertNoNumberWithoutSource(state, text);
        assertProgressOncePerSection(calls, draft);

        assertThat(body(draft, "1.1"))
                .contains("二是落实“第一议题”制度。【待补充：“第一议题”学习的次数和篇目】三是")
                .contains("四是做细思想政治工作。【待补充：谈心谈话和思想教育的开展情况】")
                .contains("全年开展研讨交流15次，")
                .contains("参加院党委轮训2期，共18人次");
        assertThat(body(draft, "1.2")).contains("我院内科党支部按期完成换届", "查摆问题近20项", "义诊进社区活动30多场",
                "四是选树表彰先进。【待补充：表彰优秀党员和党务工作者的人数】");
        assertThat(body(draft, "1.3")).isEqualTo("一是细化责任分工。【待补充：责任清单和分工落实情况】"
                + "二是加强日常监督。【待补充：谈心提醒、批评教育等监督措施的人次】"
                + "三是深化警示教育。【待补充：警示教育的场次和参与人次】");
        assertThat(body(draft, "1.4")).startsWith("一是提升履职本领。本人带头开展疑难病例讨论，全科室业务水平有所提升。");
        assertThat(body(draft, "2")).contains("二是责任落实的压力传导还有温差。【待补充：");
        assertThat(body(draft, "3.2")).isEqualTo("提升组织建设质量，计划发展党员2名。");
        // last year's report said 7次; that number belongs to last year, not to this draft
        assertThat(text).doesNotContain("7次");
    }

    @Test
    void nothingGathered_getsSkeletonWithPlaceholdersAndNoNumbers() {
        Draft draft = drafter.write(KIND, InterviewState.start(), 1, DraftWriter.Progress.NONE);
        String text = draft.toPlainText();

        assertThat(draft.title()).isEqualTo("【待补充：单位名称】党支部书记【待补充：年份】年度抓党建工作述职报告");
        assertThat(draft.section("opening").orElseThrow().body())
                .startsWith("【待补充：年份】年，【待补充：单位名称】在上级党组织的领导下").endsWith("现将有关情况报告如下：");
        assertHeadingsInOrder(draft);
        assertItemsNumberedWithoutGaps(draft);
        assertCleanPunctuation(text);
        assertThat(text).doesNotContainPattern("[0-9]");
        assertThat(chineseQuantities(text)).isEmpty();
        long topics = KIND.parts().stream().filter(p -> !p.key().equals("measures"))
                .flatMap(p -> p.sections().stream()).mapToLong(s -> s.topics().size()).sum();
        assertThat(text.split("【待补充：", -1).length - 1).isEqualTo((int) topics + 4); // + unit and year in title and opening
        assertThat(body(draft, "3.3")).isEqualTo(fallback("3.3") + "。");
    }

    @Test
    void sectionHeadingsAreStoredWithoutFullStopAndRunInOnOutput() {
        Draft draft = drafter.write(KIND, agencyBranch(), 1, DraftWriter.Progress.NONE);

        assertThat(draft.sections()).filteredOn(s -> s.level() == 2)
                .allSatisfy(s -> assertThat(s.heading()).doesNotEndWith("。"));
        assertThat(draft.toPlainText()).contains("（一）强化理论武装，筑牢思想根基。一是抓实集中学习。");
        assertThat(draft.section("1").orElseThrow()).isEqualTo(new Section("1", 1, "一、履职情况及成效", ""));
        assertThat(draft.section("2").orElseThrow().heading()).isEqualTo("二、存在问题和不足");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "2023, 学习贯彻习近平新时代中国特色社会主义思想主题教育",
            "2024, 党纪学习教育",
            "2025, 深入贯彻中央八项规定精神学习教育",
            "2026, 树立和践行正确政绩观学习教育"})
    void openingNamesTheReportYearsCampaign_andNoOtherYears(String year, String campaign) {
        for (ReportKind kind : new ReportKinds(Path.of("prompts/kinds")).all()) {
            InterviewState state = InterviewState.start().withProfile("某单位", year + "年");
            // 2026's campaign is for leaders at county level and above: named when the writer speaks of it
            if (year.equals("2026")) {
                state = state.plusFact(kind.topics().findFirst().orElseThrow().key(), "参加政绩观学习教育专题研讨3次",
                        NUMBERS.findAll("参加政绩观学习教育专题研讨3次"), null);
            }
            String text = drafter.write(kind, state, 1, DraftWriter.Progress.NONE).toPlainText();
            String opening = drafter.write(kind, state, 1, DraftWriter.Progress.NONE).section("opening").orElseThrow().body();
            assertThat(opening).as(kind.id()).contains("扎实开展" + campaign + "，").endsWith("现将有关情况报告如下：");
            for (YearTerms.Year other : DRAFT_LEXICON.years().all().values()) {
                if (!other.year().equals(year)) assertThat(text).as(kind.id() + " " + year).doesNotContain(other.campaign());
            }
        }
    }

    @Test
    void aCampaignForSomeCadresOnly_isNotClaimedForAWriterWhoNeverMentionedIt() {
        for (ReportKind kind : new ReportKinds(Path.of("prompts/kinds")).all()) {
            InterviewState state = InterviewState.start().withProfile("柳林供电所党支部", "2026年");
            String opening = drafter.write(kind, state, 1, DraftWriter.Progress.NONE).section("opening").orElseThrow().body();
            assertThat(opening).as(kind.id()).doesNotContain("政绩观", "学习教育", "，，").contains("为指导，")
                    .endsWith("现将有关情况报告如下：");
        }
    }

    @Test
    void aWishForPlainWriting_dropsTheFramingClauses_andKeepsEveryFact() {
        ReportKind kind = new ReportKinds(Path.of("prompts/kinds")).find("personal-annual").orElseThrow();
        InterviewState state = InterviewState.start().withProfile("县法院民一庭庭长", "2026年");
        for (String[] f : new String[][]{{"political-study", "参加院党组中心组扩大学习8次"},
                {"core-duties", "全年审结案件213件"}, {"area-integrity", "过问案件记录报告4次"}}) {
            state = state.plusFact(f[0], f[1], NUMBERS.findAll(f[1]), null);
        }
        String framed = drafter.write(kind, state, 1, DraftWriter.Progress.NONE).toPlainText();
        String plain = drafter.write(kind, state.withPreference("写的时候朴实点，别弄那些排比大词"), 1,
                DraftWriter.Progress.NONE).toPlainText();
        TopicSpec study = kind.topic("political-study").orElseThrow();
        assertThat(framed).contains(ItemComposer.stripEnd(study.frame()));
        assertThat(plain).doesNotContain(ItemComposer.stripEnd(study.frame()))
                .contains("8次", "213件", "4次", study.lead()).hasSizeLessThan(framed.length());
        // a wish that is not about plainness changes nothing here
        assertThat(drafter.write(kind, state.withPreference("全文控制在3000字"), 1, DraftWriter.Progress.NONE).toPlainText())
                .isEqualTo(framed);
    }

    @Test
    void aYearWithoutItsFormulations_getsNoCampaignAtAll() {
        for (ReportKind kind : new ReportKinds(Path.of("prompts/kinds")).all()) {
            for (String year : new String[]{"2022", null}) {
                InterviewState state = InterviewState.start().withProfile("某单位", year);
                String opening = drafter.write(kind, state, 1, DraftWriter.Progress.NONE).section("opening").orElseThrow().body();
                assertThat(opening).as(kind.id()).doesNotContain("{campaign}", "扎实开展", "学习教育", "主题教育")
                        .doesNotContain("，，").contains("为指导，");
            }
        }
        assertThat(DRAFT_LEXICON.years().of("2025年度").orElseThrow().campaign()).isEqualTo("深入贯彻中央八项规定精神学习教育");
        assertThat(DRAFT_LEXICON.years().of("2020")).isEmpty();
    }

    @Test
    void problemsPart_isOneItemPerProblem_withTheTopicsLeadsInTurn() {
        ReportKind kind = new ReportKinds(Path.of("prompts/kinds")).get("party-branch-secretary");
        InterviewState state = ColloquialWriters.branchSecretary("2025");
        String issues = drafter.write(kind, state, 1, DraftWriter.Progress.NONE).section("2").orElseThrow().body();
        TopicSpec study = kind.topic("issue-study").orElseThrow();
        // two problems of one topic: two items, the topic's first and second lead; three topics, five problems
        assertThat(BodyText.items(issues)).hasSize(5);
        assertThat(issues).startsWith("一是" + study.lead() + "。学习不够深入，个别党员在会上照本宣科，结合岗位谈得较少，")
                .contains("二是" + study.leads().get(0) + "。学习形式较为单一，主要还是读文件，年轻党员兴趣不高。三是")
                .contains("四是" + kind.topic("issue-responsibility").orElseThrow().lead()
                        + "。本人对支委“一岗双责”的督促主要依靠年底考核，日常跟进不够紧密")
                .endsWith("五是" + kind.topic("issue-responsibility").orElseThrow().leads().get(0)
                        + "。党建和业务有时还是“两张皮”，主题党日与处室业务结合得不够。")
                .doesNotContain("【待补充", "有的", "光念", "我对", "觉得没意思");
    }

    @Test
    void plansPart_isTheWritersPlans_answeringTheProblems_andTheStandingParagraphOnlyWhereNothingWasPlanned() {
        ReportKind kind = new ReportKinds(Path.of("prompts/kinds")).get("party-branch-secretary");
        InterviewState state = ColloquialWriters.branchSecretary("2025");
        Draft draft = drafter.write(kind, state, 1, DraftWriter.Progress.NONE);
        String study = body(draft, "3.1");
        // the plan sharing words with the second problem (年轻党员) comes first; figures stay; no stock paragraph
        TopicSpec plan = kind.topic("plan-study").orElseThrow();
        assertThat(study).startsWith("针对理论学习方面的不足，" + plan.frame() + "，" + plan.lead()
                        + "，开展案例教学和现场教学，引导年轻党员多上台发言，")
                .endsWith(plan.close() + "。")
                .contains("每月开展1次专题研讨，力争讲授党课6次").doesNotContain(kind.section("3.1").orElseThrow().fallback());
        assertThat(body(draft, "3.3")).contains("每半年听取1次支委履行“一岗双责”情况的汇报");

        // the same writer with no plan for organisation: its standing paragraph, and a placeholder, since a problem of
        // that area was named and nothing answers it
        var facts = new ArrayList<>(state.facts());
        facts.removeIf(f -> f.topic().equals("plan-org"));
        Draft without = drafter.write(kind, state.withFacts(facts, state.nextFactId()), 1, DraftWriter.Progress.NONE);
        assertThat(body(without, "3.2")).isEqualTo(kind.section("3.2").orElseThrow().fallback()
                + ItemComposer.placeholder(kind.topic("plan-org").orElseThrow().missing()));
    }

    @Test
    void aFullInterview_reachesTheGenresLength_inTheRegister() {
        ReportKind kind = new ReportKinds(Path.of("prompts/kinds")).get("party-branch-secretary");
        String text = drafter.write(kind, ColloquialWriters.branchSecretary("2025"), 1, DraftWriter.Progress.NONE).toPlainText();
        assertThat(CharCount.of(text)).isBetween(2500, 3500);
        assertThat(text).doesNotContain("我们", "咱们", "搞", "弄", "一共", "这块", "的话", "大家", "去年", "今年", "吧")
                .doesNotContainPattern("[了]\\d").doesNotContain("【待补充");
    }

    @Test
    void openingPatternWithoutFormula_getsItAppendedOnce() {
        assertThat(drafter.opening("{year}年，{unit}扎实推进党建工作", agencyBranch()))
                .isEqualTo("2025年，省交通运输厅机关第二党支部扎实推进党建工作。现将有关情况报告如下：");
        assertThat(drafter.opening("{year}年工作有序推进。现将有关情况报告如下:", agencyBranch()))
                .isEqualTo("2025年工作有序推进。现将有关情况报告如下：");
    }

    @Test
    void projectsOwnKindFile_withEveryOtherTopicAnswered_draftsCleanly() {
        ReportKind kind = new ReportKinds(Path.of("prompts/kinds")).get("party-branch-secretary");
        var writer = new Writer("市财政局机关第三党支部", "2025");
        List<TopicSpec> topics = kind.topics().toList();
        for (int i = 0; i < topics.size(); i++) {
            TopicSpec t = topics.get(i);
            // the kind's own example answer stands in for what a writer says; NumberParser reads its numbers
            if (i % 2 == 0) writer.say(t.key(), t.example(), NUMBERS.find(t.example()).toArray(Quantity[]::new));
            else writer.skip(t.key());
        }
        var calls = new ArrayList<Call>();
        Draft draft = drafter.write(kind, writer.state, 2, (step, total, label, section) -> calls.add(new Call(step, total, label, section)));
        String text = draft.toPlainText();

        assertThat(draft.title()).contains("市财政局机关第三党支部", "2025").doesNotContainPattern("[，。；：、]");
        assertThat(draft.section("opening").orElseThrow().body()).endsWith("现将有关情况报告如下：")
                .doesNotContain("现将有关情况报告如下：现将");
        assertThat(draft.sections().stream().filter(s -> s.level() == 1 && !s.heading().isEmpty()).map(s -> s.heading().substring(0, 2)))
                .containsExactly("一、", "二、", "三、");
        for (PartSpec part : kind.parts()) {
            if (part.itemized()) continue;
            assertThat(levelTwoOrdinals(draft, part.number() + "."))
                    .containsExactlyElementsOf(IntStreamOrdinals.upTo(part.sections().size()));
        }
        assertItemsNumberedWithoutGaps(draft);
        assertCleanPunctuation(text);
        assertEveryWriterNumberShown(writer.state, text);
        assertNoNumberWithoutSource(writer.state, text);
        assertProgressOncePerSection(calls, draft);
        for (int i = 1; i < topics.size(); i += 2) {
            TopicSpec t = topics.get(i);
            if (!kind.partOf(kind.sectionOf(t.key())).key().equals(TemplateDrafter.MEASURES)) {
                assertThat(text).contains(ItemComposer.placeholder(t.missing()));
            }
        }
    }

    @Test
    void twoProblemsOfOneTopic_eachGetTheLeadWhoseWordsTheyShare() {
        var topic = new io.shuzhi.interview.ReportKinds(java.nio.file.Path.of("prompts/kinds"))
                .get("party-branch-secretary").topic("issue-responsibility").orElseThrow();
        List<String> leads = drafter.leadsFor(topic, List.of(
                "本人对支委落实“一岗双责”督促得不够，主要依靠年底考核",
                "党建活动与教研活动有时还是“两张皮”"));
        assertThat(leads.get(0)).isEqualTo(topic.lead());
        assertThat(leads.get(1)).contains("党建与业务融合");
        // one problem: the topic's own lead
        assertThat(drafter.leadsFor(topic, List.of("党建活动与教研活动有时还是“两张皮”")))
                .containsExactly(topic.lead());
    }

    private static final class IntStreamOrdinals {
        static List<String> upTo(int n) {
            return java.util.stream.IntStream.rangeClosed(1, n).mapToObj(Ordinals::section).toList();
        }
    }

    @Test
    void headingsFromKindFile_areNumberedByTheDrafterOnly() {
        assertThat(TemplateDrafter.headingText("（二）加强组织建设。")).isEqualTo("加强组织建设");
        assertThat(TemplateDrafter.headingText("一、履职情况及成效")).isEqualTo("履职情况及成效");
        assertThat(TemplateDrafter.headingText("抓学习,强思想")).isEqualTo("抓学习，强思想");
    }

    // ---- audits -------------------------------------------------------------------------------------------------

    private static final Pattern DIGITS = Pattern.compile("[0-9]+(?:\\.[0-9]+)?");
    private static final Pattern CN_QUANTITY = Pattern.compile(
            "(?<![第每])[零〇一二两三四五六七八九十百千万]+[余多]?(?:人次|次|人|名|项|期|册|篇|场|个|本|类|件|条|届|批|家|所|万元|元)");
    private static final List<String> FIXED_TERMS = List.of("三会一课", "一岗双责", "第一议题", "两个确立", "两个维护",
            "四个意识", "四个自信", "第一责任人", "八项规定");
    private static final Pattern PLACEHOLDER = Pattern.compile("【待补充：[^】]*】");
    private static final Pattern ITEM = Pattern.compile("(?:^|(?<=[。】]))([一二三四五六七八九十]{1,3})是");

    static List<String> chineseQuantities(String text) {
        String masked = text;
        for (String term : FIXED_TERMS) masked = masked.replace(term, "■");
        return CN_QUANTITY.matcher(masked).results().map(m -> m.group()).toList();
    }

    /** Every number in the draft is the year or a number the writer gave; no Chinese-numeral quantity is left. */
    private static void assertNoNumberWithoutSource(InterviewState state, String draftText) {
        // a placeholder is a note to the writer ("…及一个实例"), not a claim: it is not audited
        String text = PLACEHOLDER.matcher(draftText).replaceAll("■");
        Set<String> allowed = new HashSet<>();
        allowed.add(TemplateDrafter.year(state));
        for (Fact f : state.facts()) {
            if (f.origin() != Fact.Origin.WRITER) continue;
            f.quantities().forEach(q -> allowed.add(q.value().stripTrailingZeros().toPlainString()));
            DIGITS.matcher(f.text()).results().forEach(m -> allowed.add(m.group()));
        }
        List<String> found = DIGITS.matcher(text).results().map(m -> m.group()).toList();
        assertThat(found).isNotEmpty();
        assertThat(allowed).containsAll(found);
        assertThat(chineseQuantities(text)).isEmpty();
        // the project's own number finder (years, ordinals and fixed terms left out) must agree
        List<String> parsed = NUMBERS.findAll(text).stream()
                .map(q -> q.value().stripTrailingZeros().toPlainString()).toList();
        assertThat(parsed).isNotEmpty();
        assertThat(allowed).containsAll(parsed);
    }

    private static void assertEveryWriterNumberShown(InterviewState state, String text) {
        for (Fact f : state.facts()) {
            if (f.origin() != Fact.Origin.WRITER) continue;
            f.quantities().forEach(q -> assertThat(text).contains(ItemComposer.display(q)));
        }
    }

    private static void assertHeadingsInOrder(Draft draft) {
        List<String> order = draft.sections().stream().map(Section::ref).toList();
        assertThat(order).containsExactly("title", "opening", "1", "1.1", "1.2", "1.3", "1.4", "2", "3", "3.1", "3.2", "3.3");
        assertThat(draft.sections().stream().filter(s -> s.level() == 1 && !s.heading().isEmpty()).map(Section::heading))
                .containsExactly("一、履职情况及成效", "二、存在问题和不足", "三、下步工作举措");
        assertThat(levelTwoOrdinals(draft, "1.")).containsExactly("（一）", "（二）", "（三）", "（四）");
        assertThat(levelTwoOrdinals(draft, "3.")).containsExactly("（一）", "（二）", "（三）");
    }

    private static List<String> levelTwoOrdinals(Draft draft, String prefix) {
        return draft.sections().stream().filter(s -> s.ref().startsWith(prefix))
                .map(s -> s.heading().substring(0, 3)).toList();
    }

    private static void assertItemsNumberedWithoutGaps(Draft draft) {
        for (Section s : draft.sections()) {
            Matcher m = ITEM.matcher(s.body());
            int expected = 1;
            while (m.find()) {
                assertThat(Ordinals.value(m.group(1)).orElseThrow()).as("item in %s", s.ref()).isEqualTo(expected++);
            }
            int items = expected - 1;
            boolean itemized = s.ref().matches("1\\.\\d|2");
            if (itemized) assertThat(items).as("items in %s", s.ref()).isPositive();
        }
    }

    private static void assertCleanPunctuation(String text) {
        assertThat(text).doesNotContain("。。", "，。", "；。", "。，", "，，", "、。", "：。");
        assertThat(text).doesNotContainPattern("[,;:?!()]");
        assertThat(text).doesNotContainPattern("(?<![0-9])\\.(?![0-9])");
    }

    private static void assertProgressOncePerSection(List<Call> calls, Draft draft) {
        assertThat(calls).hasSize(draft.sections().size());
        for (int i = 0; i < calls.size(); i++) {
            Call c = calls.get(i);
            assertThat(c.step()).isEqualTo(i + 1);
            assertThat(c.total()).isEqualTo(draft.sections().size());
            assertThat(c.section()).isEqualTo(draft.sections().get(i));
        }
        assertThat(calls.get(3).label()).isEqualTo(draft.section("1.1").orElseThrow().heading()).startsWith("（一）");
    }

    private record Call(int step, int total, String label, Section section) {}

    private static String body(Draft draft, String ref) {
        return draft.section(ref).orElseThrow().body();
    }

    private static String fallback(String ref) {
        return KIND.section(ref).orElseThrow().fallback();
    }

    // ---- the writers ----------------------------------------------------------------------------------------------

    static InterviewState agencyBranch() {
        return new Writer("省交通运输厅机关第二党支部", "2025")
                .say("study", "我们结合支部党员大会、党小组会和青年理论学习小组开展研讨交流24次", q("24次", 24, "次"))
                .say("study", "购买发放学习书籍120册。", q("120册", 120, "册"))
                .say("first-topic", "支委会和党员大会会前必学，全年学习36次48篇", q("36次", 36, "次"), q("48篇", 48, "篇"))
                .say("first-topic", "建立半年报告、月度考评制度")
                .say("training", "依托红色教育基地举办政治轮训班4期", q("4期", 4, "期"))
                .say("training", "班子成员讲专题党课十二次", q("十二次", 12, "次"))
                .say("ideology", "开展谈心谈话，覆盖党员二十余人", approx("二十余人", 20, "人"))
                .say("election", "完成换届选举，选齐配强支委委员5人", q("5人", 5, "人"))
                .say("org-life", "召开专题组织生活会，查摆问题3类16项", q("3类", 3, "类"), q("16项", 16, "项"))
                .say("org-life", "健全管理制度8项", q("8项", 8, "项"))
                .say("activities", "组织参观红色教育基地，开展主题党日和党员志愿服务活动")
                .say("commend", "表彰优秀党员12名、优秀党务工作者5名", q("12名", 12, "名"), q("5名", 5, "名"))
                .say("duty", "制定年度全面从严治党责任清单，细化班子成员分工")
                .say("duty", "召开党风廉政建设专题会议2次", q("2次", 2, "次"))
                .say("supervision", "对3名中层干部进行提醒谈话，对2人进行批评教育", q("3名", 3, "名"), q("2人", 2, "人"))
                .say("warning", "纪检委员作廉政专题辅导6次", q("6次", 6, "次"))
                .say("warning", "组织观看警示教育片、讨论一百五十余人次", approx("一百五十余人次", 150, "人次"))
                .say("skills", "举办业务讲堂9期，开展安全防护演练", q("9期", 9, "期"))
                .skip("models")
                .say("issue-study", "个别党员学习浅尝辄止，学用结合不够紧密")
                .say("issue-duty", "少数班子成员一岗双责落实有温差，存在好人主义")
                .skip("issue-supervision")
                .say("plan-study", "每季度至少组织1次专题研讨", q("1次", 1, "次"))
                .state;
    }

    static InterviewState hospitalBranch() {
        InterviewState state = new Writer("市第一人民医院内科党支部", "2024年")
                .say("study", "我们每月组织集中学习，全年开展研讨交流十五次，", q("十五次", 15, "次"))
                .skip("first-topic")
                .say("training", "选派党员参加院党委轮训2期,共18人次", q("2期", 2, "期"), q("18人次", 18, "人次"))
                .say("election", "我院内科党支部按期完成换届，支委会由3人组成", q("3人", 3, "人"))
                .say("org-life", "召开组织生活会2次，查摆问题近二十项", q("2次", 2, "次"), approx("近二十项", 20, "项"))
                .say("activities", "嗯，开展义诊进社区活动三十多场吧", approx("三十多场", 30, "场"))
                .skip("commend")
                .skip("duty")
                .skip("supervision")
                .say("skills", "我带头开展疑难病例讨论，全科室业务水平有所提升。")
                .say("issue-study", "部分党员把业务工作当硬任务、理论学习当软任务")
                .say("plan-org", "明年计划发展党员2名", q("2名", 2, "名"))
                .state;
        var facts = new ArrayList<>(state.facts());
        facts.add(new Fact("f-99", "warning", "组织警示教育7次", List.of(q("7次", 7, "次")), "import", Fact.Origin.LAST_YEAR));
        return state.withFacts(facts, 100);
    }

    static Quantity q(String raw, int value, String unit) {
        return new Quantity(raw, BigDecimal.valueOf(value), unit, false);
    }

    static Quantity approx(String raw, int value, String unit) {
        return new Quantity(raw, BigDecimal.valueOf(value), unit, true);
    }

    private static final class Writer {
        InterviewState state;
        int message = 1;

        Writer(String unit, String year) {
            state = InterviewState.start().withProfile(unit, year);
        }

        Writer say(String topic, String text, Quantity... quantities) {
            state = state.plusFact(topic, text, List.of(quantities), "m-" + message++);
            return this;
        }

        Writer skip(String topic) {
            state = state.withSkipped(topic);
            return this;
        }
    }

    // ---- the report kind (test wording; the product's own lives in prompts/kinds/) ----------------------------

    static final ReportKind KIND = new ReportKind("party-branch-secretary", "党支部书记抓党建述职", "测试用",
            "{unit}党支部书记{year}年度抓党建工作述职报告",
            "{year}年，{unit}在上级党组织的领导下，以习近平新时代中国特色社会主义思想为指导，认真履行党建工作第一责任人职责，"
                    + "推动党建与业务工作深度融合，各项工作取得新进展。现将有关情况报告如下：",
            new ReportKind.Question("请告诉我单位名称和述职年度", "机关第一党支部，2025年"),
            List.of(
                    new PartSpec(1, "achievements", "履职情况及成效", false, List.of(
                            new SectionSpec("1.1", "强化理论武装，筑牢思想根基", List.of(
                                    topic("study", "抓实集中学习", "全年集中学习研讨的次数和主要内容", "支部学习的覆盖面和实效性不断提高"),
                                    topic("first-topic", "落实“第一议题”制度", "“第一议题”学习的次数和篇目", null),
                                    topic("training", "开展政治轮训", "政治轮训的期数和参训情况", "党员干部政治素养进一步提升"),
                                    topic("ideology", "做细思想政治工作", "谈心谈话和思想教育的开展情况", null)), null),
                            new SectionSpec("1.2", "夯实组织基础，提升支部组织力", List.of(
                                    topic("election", "规范组织设置", "换届选举和支委会配备情况", null),
                                    topic("org-life", "严格党内政治生活", "组织生活会召开情况及查摆整改的问题数", null),
                                    topic("activities", "丰富主题党日载体", "主题党日和志愿服务活动情况", null),
                                    topic("commend", "选树表彰先进", "表彰优秀党员和党务工作者的人数", null)), null),
                            new SectionSpec("1.3", "压实管党治党责任，推进全面从严治党", List.of(
                                    topic("duty", "细化责任分工", "责任清单和分工落实情况", null),
                                    topic("supervision", "加强日常监督", "谈心提醒、批评教育等监督措施的人次", null),
                                    topic("warning", "深化警示教育", "警示教育的场次和参与人次", "引导党员干部知敬畏、守底线")), null),
                            new SectionSpec("1.4", "推动党建业务融合，激发干事创业活力", List.of(
                                    topic("skills", "提升履职本领", "业务培训和练兵的开展情况", null),
                                    topic("models", "发挥典型示范作用", "先进典型的选树和宣传情况", null)), null))),
                    new PartSpec(2, "issues", "存在问题和不足", true, List.of(
                            new SectionSpec("2", "", List.of(
                                    issue("issue-study", "理论学习方面的不足", "理论学习的深度还不够", "理论学习方面的具体问题和实例"),
                                    issue("issue-duty", "责任落实方面的不足", "责任落实的压力传导还有温差", "责任落实方面的具体问题和实例"),
                                    issue("issue-supervision", "日常监督方面的不足", "日常监督的精准度有待提高", "监督管理方面的具体问题和实例")),
                                    null))),
                    new PartSpec(3, "measures", "下步工作举措", false, List.of(
                            new SectionSpec("3.1", "聚焦理论武装，在学懂弄通上持续用力", List.of(
                                    topic("plan-study", "持续深化理论学习", "下一年度的学习安排", null)),
                                    "坚持用党的创新理论武装头脑，完善支部学习制度，推动学习成果转化为推进工作的实际成效"),
                            new SectionSpec("3.2", "聚焦组织建设，在规范提质上持续用力", List.of(
                                    topic("plan-org", "提升组织建设质量", "下一年度的组织建设安排", null)),
                                    "严格落实“三会一课”、组织生活会等制度，加强党员教育管理，不断增强支部的政治功能和组织功能"),
                            new SectionSpec("3.3", "聚焦作风纪律，在正风肃纪上持续用力", List.of(
                                    topic("plan-discipline", "加强纪律作风建设", "下一年度的纪律作风安排", null)),
                                    "持续压紧压实管党治党责任，常态化开展纪律教育和警示教育，推动形成风清气正的良好生态")))));

    private static TopicSpec issue(String key, String label, String lead, String missing) {
        return new TopicSpec(key, label, "请谈谈" + label, "", List.of(), List.of(), lead, missing, null);
    }

    private static TopicSpec topic(String key, String lead, String missing, String close) {
        return new TopicSpec(key, lead, "请谈谈" + lead + "方面的情况", "", List.of(), List.of(), lead, missing, close);
    }
}
