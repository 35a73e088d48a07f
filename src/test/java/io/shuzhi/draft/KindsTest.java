package io.shuzhi.draft;

import io.shuzhi.interview.Fact;
import io.shuzhi.interview.InterviewState;
import io.shuzhi.interview.KindRecognizer;
import io.shuzhi.interview.NumberParser;
import io.shuzhi.interview.Quantity;
import io.shuzhi.interview.ReportKind;
import io.shuzhi.interview.ReportKind.PartSpec;
import io.shuzhi.interview.ReportKind.SectionSpec;
import io.shuzhi.interview.ReportKind.Style;
import io.shuzhi.interview.ReportKind.TopicSpec;
import io.shuzhi.interview.ReportKinds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static io.shuzhi.support.Tables.DRAFT_LEXICON;
import static io.shuzhi.support.Tables.NUMBERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every report kind the project ships, end to end through the offline drafter: the file loads, an interview answered
 * with the kind's own example answers drafts into the kind's structure, and no number appears that the writer did
 * not give. Kinds are data: a file dropped into the directory works without code.
 */
class KindsTest {

    private static final Path REAL = Path.of("prompts/kinds");
    private static final Pattern PLACEHOLDER = Pattern.compile("【待补充：[^】]*】");
    private static final Pattern ITEM = Pattern.compile("(?:^|(?<=[。】]))([一二三四五六七八九十]{1,3})是");
    private static final String YEAR = "2025";

    private final TemplateDrafter drafter = new TemplateDrafter(DRAFT_LEXICON);

    // ---- loading ------------------------------------------------------------------------------------------------

    @Test
    void everyShippedKindLoads_withAliasesAndAStyleGuideForTheModel() {
        ReportKinds kinds = new ReportKinds(REAL);
        // In the order the files give (the page lists them so): the default kind first.
        assertThat(kinds.all()).extracting(ReportKind::id).containsExactly(
                "party-branch-secretary", "personal-annual", "annual-work-summary", "accountability-integrity");
        assertThat(kinds.defaultKind().id()).isEqualTo("party-branch-secretary");
        for (ReportKind kind : kinds.all()) {
            assertThat(kind.aliases()).as(kind.id()).isNotEmpty();
            assertThat(kind.description()).as(kind.id()).isNotBlank();
            assertThat(kind.title()).as(kind.id()).contains("{year}");
            assertThat(kind.opening()).as(kind.id()).contains("{year}", "{unit}").endsWith("现将有关情况报告如下：");
            assertThat(kind.topics()).as(kind.id()).allSatisfy(t -> {
                assertThat(t.example()).as(t.key()).isNotBlank();
                assertThat(t.keywords()).as(t.key()).isNotEmpty();
            });
            // a plan part always has its standing paragraphs: the draft's next-year section is never empty
            kind.parts().stream().filter(p -> p.style() == Style.PLAN).flatMap(p -> p.sections().stream())
                    .forEach(s -> assertThat(s.fallback()).as(kind.id() + " " + s.ref()).isNotBlank());
        }
        for (String id : List.of("personal-annual", "annual-work-summary", "accountability-integrity")) {
            assertThat(Path.of("prompts/style", id + ".md")).as("style guide").isRegularFile();
        }
    }

    @Test
    void kindsNameWhatTheirUnitStandsFor() {
        ReportKinds kinds = new ReportKinds(REAL);
        assertThat(kinds.get("personal-annual").intro().unitLabel()).isEqualTo("单位和职务");
        assertThat(kinds.get("accountability-integrity").intro().unitLabel()).isEqualTo("单位和职务");
        assertThat(kinds.get("annual-work-summary").intro().unitLabel()).isEqualTo("单位名称");
        assertThat(kinds.get("party-branch-secretary").intro().unitLabel()).isEqualTo("党支部全称");
        assertThat(kinds.get("personal-annual").intro().question()).contains("单位", "职务", "年份");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "party-branch-secretary   | 履职情况及成效;存在问题和不足;下步工作举措                                   | 1.1,1.2,1.3,1.4,2,3.1,3.2,3.3",
            "personal-annual          | 主要工作及成效;存在的问题和不足;下一步工作打算                               | 1.1,1.2,1.3,1.4,2,3.1,3.2,3.3",
            "annual-work-summary      | 主要工作及成效;存在的问题;下一年工作思路                                     | 1.1,1.2,1.3,1.4,2,3.1,3.2,3.3",
            "accountability-integrity | 履行全面从严治党主体责任（一岗双责）情况;个人廉洁自律情况;存在的问题;今后努力方向 | 1.1,1.2,1.3,1.4,2,3,4.1,4.2,4.3"})
    void eachKindHasTheOutlineOfItsGenre(String id, String headings, String refs) {
        ReportKind kind = new ReportKinds(REAL).get(id);
        assertThat(kind.parts()).extracting(PartSpec::heading).containsExactly(headings.split(";"));
        assertThat(kind.sections().map(SectionSpec::ref).toList()).containsExactly(refs.split(","));
        PartSpec last = kind.parts().get(kind.parts().size() - 1);
        assertThat(last.style()).isEqualTo(Style.PLAN);
        assertThat(kind.parts().subList(0, kind.parts().size() - 1)).allSatisfy(p -> assertThat(p.style()).isEqualTo(Style.ITEMS));
    }

    @Test
    void kindTextsThatReachTheDraftCarryNoNumberOfTheirOwn() {
        for (ReportKind kind : new ReportKinds(REAL).all()) {
            List<String> texts = new ArrayList<>();
            texts.add(kind.title().replace("{year}", YEAR).replace("{unit}", "某单位"));
            texts.add(kind.opening().replace("{year}", YEAR).replace("{unit}", "某单位"));
            kind.parts().forEach(p -> texts.add(p.heading()));
            kind.sections().forEach(s -> {
                texts.add(s.heading());
                if (s.fallback() != null) texts.add(s.fallback());
            });
            kind.topics().forEach(t -> {
                texts.add(t.lead());
                if (t.close() != null) texts.add(t.close());
            });
            assertThat(texts).as(kind.id()).allSatisfy(t -> assertThat(NUMBERS.findAll(t)).as(t).isEmpty());
        }
    }

    // ---- drafting each kind ------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "party-branch-secretary   | 市财政局机关第三党支部",
            "personal-annual          | 市财政局预算处处长",
            "annual-work-summary      | 市财政局预算处",
            "accountability-integrity | 市水务局党组书记、局长"})
    void scriptedInterview_draftsTheWholeReportInTheKindsOwnStructure(String id, String unit) {
        ReportKind kind = new ReportKinds(REAL).get(id);
        List<TopicSpec> topics = kind.topics().toList();
        Set<String> skipped = skippedTopics(kind);
        InterviewState state = InterviewState.start().withProfile(unit, YEAR);
        int message = 1;
        for (TopicSpec t : topics) {
            if (skipped.contains(t.key())) {
                state = state.withSkipped(t.key());
            } else {
                // the kind's own example answer stands in for what a writer says; NumberParser reads its numbers
                state = state.plusFact(t.key(), t.example(), NUMBERS.find(t.example()), "m-" + message++);
            }
        }
        Draft draft = drafter.write(kind, state, 1, DraftWriter.Progress.NONE);
        String text = draft.toPlainText();
        System.out.println("----- " + id + " -----\n" + text + "----- " + CharCount.of(text) + "字 -----");

        assertThat(draft.kind()).isEqualTo(id);
        assertThat(draft.title()).startsWith(unit).contains(YEAR).doesNotContainPattern("[，。；：]");
        assertThat(draft.section("opening").orElseThrow().body()).contains(unit, YEAR + "年")
                .endsWith("现将有关情况报告如下：").doesNotContain("现将有关情况报告如下：现将");
        assertStructure(kind, draft);
        assertItemsNumberedWithoutGaps(draft);
        assertCleanPunctuation(text);

        for (TopicSpec t : topics) {
            PartSpec part = kind.partOf(kind.sectionOf(t.key()));
            String placeholder = ItemComposer.placeholder(t.missing());
            if (skipped.contains(t.key())) {
                // a gap the writer must fill is marked where the item belongs, never papered over; a plan section's
                // standing paragraph is enough unless the writer named a problem that section should answer
                if (part.style() == Style.ITEMS || answersANamedProblem(kind, kind.sectionOf(t.key()), skipped)) {
                    assertThat(text).as(t.key()).contains(placeholder);
                } else {
                    assertThat(text).as(t.key()).doesNotContain(placeholder);
                }
            } else {
                if (part.style() == Style.ITEMS) assertThat(text).as(t.key()).contains(ItemComposer.stripEnd(t.lead()) + "。");
                assertThat(text).as(t.key()).doesNotContain(placeholder);
            }
        }
        // the kind's standing paragraph stands only where the writer planned nothing
        kind.parts().stream().filter(p -> p.style() == Style.PLAN).flatMap(p -> p.sections().stream()).forEach(s -> {
            boolean planned = s.topics().stream().anyMatch(t -> !skipped.contains(t.key()));
            if (planned) assertThat(text).doesNotContain(ItemComposer.stripEnd(s.fallback()));
            else assertThat(text).contains(ItemComposer.stripEnd(s.fallback()));
        });
        assertEveryWriterNumberShown(state, text);
        assertNoNumberWithoutSource(state, text);
    }

    @Test
    void personalKindWithNothingGathered_namesTheMissingPostInItsPlaceholders() {
        ReportKind kind = new ReportKinds(REAL).get("personal-annual");
        Draft draft = drafter.write(kind, InterviewState.start(), 1, DraftWriter.Progress.NONE);

        assertThat(draft.title()).isEqualTo("【待补充：单位和职务】【待补充：年份】年度个人述职报告");
        assertThat(draft.section("opening").orElseThrow().body()).startsWith("【待补充：年份】年，本人担任【待补充：单位和职务】，");
        assertThat(draft.toPlainText()).doesNotContainPattern("[0-9]");
        assertThat(NUMBERS.findAll(PLACEHOLDER.matcher(draft.toPlainText()).replaceAll("■"))).isEmpty();
    }

    @Test
    void fourPartKind_secondPartIsItemizedUnderItsHeading_andPlansCloseTheReport() {
        ReportKind kind = new ReportKinds(REAL).get("accountability-integrity");
        InterviewState state = InterviewState.start().withProfile("市水务局党组书记、局长", YEAR)
                .plusFact("eight-rules", "外出调研轻车简从，没有违规收受礼品礼金", List.of(), "m-1")
                .plusFact("plan-self", "深入基层调研不少于10次", NUMBERS.find("深入基层调研不少于10次"), "m-2");
        Draft draft = drafter.write(kind, state, 1, DraftWriter.Progress.NONE);

        assertThat(draft.sections()).extracting(Section::ref).containsExactly(
                "title", "opening", "1", "1.1", "1.2", "1.3", "1.4", "2", "3", "4", "4.1", "4.2", "4.3");
        Section integrity = draft.section("2").orElseThrow();
        assertThat(integrity.heading()).isEqualTo("二、个人廉洁自律情况");
        assertThat(integrity.body()).startsWith("一是严守政治纪律和政治规矩。【待补充：")
                .contains("二是严格执行中央八项规定精神。" + kind.topic("eight-rules").orElseThrow().frame()
                        + "，外出调研轻车简从，未违规收受礼品礼金，以实际行动作出表率。三是");
        assertThat(draft.section("4").orElseThrow().heading()).isEqualTo("四、今后努力方向");
        assertThat(draft.section("4.3").orElseThrow().body()).isEqualTo("时刻以党章党规党纪为镜，严格廉洁自律，深入基层调研不少于10次，以身作则、以上率下。");
        assertThat(draft.section("4.1").orElseThrow().body()).doesNotContain("【待补充");
    }

    // ---- kinds are data ------------------------------------------------------------------------------------------

    @Test
    void aKindFileDroppedIntoTheDirectory_isLoadedRecognisedAndDraftedWithoutCode(@TempDir Path dir) throws IOException {
        copyReal(dir, "party-branch-secretary.yaml");
        write(dir, "special-report.yaml", """
                id: special-report
                name: 专项工作报告
                description: 就一项专项工作向上级报告开展情况和下步打算。
                aliases: [专项工作报告, 专项报告]
                title: "{unit}{year}年度专项工作报告"
                opening: "{year}年，{unit}按照上级部署推进专项工作。现将有关情况报告如下："
                intro: {question: 请告诉我承担专项工作的单位和年份。, unit: 承担单位}
                parts:
                  - key: work
                    heading: 工作开展情况
                    sections:
                      - heading: 压实工作责任
                        topics:
                          - {key: duty, label: 责任落实, question: 怎样落实责任？, example: 成立工作专班1个。, lead: 健全工作机制, missing: 专班和责任分工情况, keywords: [专班, 责任]}
                          - {key: progress, label: 进展, question: 进展如何？, lead: 扎实推进任务, missing: 主要任务进展, keywords: [进展]}
                  - key: next
                    heading: 下步打算
                    itemized: true
                    style: plan
                    sections:
                      - fallback: 坚持目标导向，巩固已有成果，推动专项工作常态长效
                        topics:
                          - {key: next-plan, label: 打算, question: 明年怎么做？, lead: 细化安排, missing: 下步安排, keywords: [明年]}
                """);
        ReportKinds kinds = new ReportKinds(dir);
        assertThat(kinds.all()).extracting(ReportKind::id).containsExactly("party-branch-secretary", "special-report");
        ReportKind added = new KindRecognizer(kinds).recognise("帮我起草一份专项工作报告").orElseThrow();
        assertThat(added.id()).isEqualTo("special-report");

        InterviewState state = InterviewState.start().withProfile("市住建局", YEAR)
                .plusFact("duty", "成立工作专班1个", NUMBERS.find("成立工作专班1个"), "m-1")
                .plusFact("next-plan", "明年完成全部验收", List.of(), "m-2");
        Draft draft = drafter.write(added, state, 1, DraftWriter.Progress.NONE);

        assertThat(draft.toPlainText()).isEqualTo("""
                市住建局2025年度专项工作报告

                2025年，市住建局按照上级部署推进专项工作。现将有关情况报告如下：
                一、工作开展情况
                （一）压实工作责任。一是健全工作机制。成立工作专班1个。二是扎实推进任务。【待补充：主要任务进展】
                二、下步打算
                细化安排，完成全部验收。
                """);
        assertThat(drafter.write(added, InterviewState.start(), 1, DraftWriter.Progress.NONE).title())
                .isEqualTo("【待补充：承担单位】【待补充：年份】年度专项工作报告");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** Two topics of each kind go unanswered: the second of the first part and the first of the last part. */
    private static Set<String> skippedTopics(ReportKind kind) {
        List<PartSpec> parts = kind.parts();
        Set<String> skipped = new HashSet<>();
        skipped.add(parts.get(0).sections().stream().flatMap(s -> s.topics().stream()).toList().get(1).key());
        skipped.add(parts.get(parts.size() - 1).sections().get(0).topics().get(0).key());
        if (parts.size() > 3) skipped.add(parts.get(1).sections().get(0).topics().get(2).key());
        return skipped;
    }

    /** Whether a problem topic the writer answered is one that this plan section answers. */
    private static boolean answersANamedProblem(ReportKind kind, SectionSpec section, Set<String> skipped) {
        List<TopicSpec> issues = kind.parts().stream().filter(p -> p.key().equals("issues"))
                .flatMap(p -> p.sections().stream()).flatMap(s -> s.topics().stream()).toList();
        return PlanOrder.sectionFor(kind, issues).entrySet().stream()
                .anyMatch(e -> e.getValue().equals(section.ref()) && !skipped.contains(e.getKey().key()));
    }

    private static void assertStructure(ReportKind kind, Draft draft) {
        List<String> refs = new ArrayList<>(List.of("title", "opening"));
        List<String> partHeadings = new ArrayList<>();
        for (PartSpec p : kind.parts()) {
            refs.add(String.valueOf(p.number()));
            partHeadings.add(Ordinals.part(p.number()) + p.heading());
            if (!p.itemized()) p.sections().forEach(s -> refs.add(s.ref()));
        }
        assertThat(draft.sections()).extracting(Section::ref).containsExactlyElementsOf(refs);
        assertThat(draft.sections().stream().filter(s -> s.level() == 1 && !s.heading().isEmpty()).map(Section::heading))
                .containsExactlyElementsOf(partHeadings);
        assertThat(partHeadings.stream().map(h -> h.substring(0, 2)))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, kind.parts().size()).mapToObj(Ordinals::part).toList());
        for (PartSpec p : kind.parts()) {
            if (p.itemized()) continue;
            List<String> expected = IntStream.range(0, p.sections().size())
                    .mapToObj(i -> Ordinals.section(i + 1) + p.sections().get(i).heading()).toList();
            assertThat(draft.sections().stream().filter(s -> s.ref().startsWith(p.number() + ".")).map(Section::heading))
                    .containsExactlyElementsOf(expected);
        }
    }

    private static void assertItemsNumberedWithoutGaps(Draft draft) {
        for (Section s : draft.sections()) {
            Matcher m = ITEM.matcher(s.body());
            int expected = 1;
            while (m.find()) {
                assertThat(Ordinals.value(m.group(1)).orElseThrow()).as("item in %s", s.ref()).isEqualTo(expected++);
            }
        }
    }

    private static void assertCleanPunctuation(String text) {
        assertThat(text).doesNotContain("。。", "，。", "；。", "。，", "，，", "、。", "：。");
        assertThat(text).doesNotContainPattern("[,;:?!()]");
        assertThat(text).doesNotContainPattern("(?<![0-9])\\.(?![0-9])");
    }

    private static void assertEveryWriterNumberShown(InterviewState state, String text) {
        for (Fact f : state.facts()) {
            f.quantities().forEach(q -> assertThat(text).as(f.text()).contains(ItemComposer.display(q)));
        }
    }

    /** Outside 【…】 placeholders every number the project's own finder sees is the year or a writer's quantity. */
    private static void assertNoNumberWithoutSource(InterviewState state, String draftText) {
        String text = PLACEHOLDER.matcher(draftText).replaceAll("■");
        Set<String> allowed = new HashSet<>();
        allowed.add(TemplateDrafter.year(state));
        for (Fact f : state.facts()) f.quantities().forEach(q -> allowed.add(value(q)));
        List<String> found = NUMBERS.findAll(text).stream().map(KindsTest::value).toList();
        assertThat(found).isNotEmpty();
        assertThat(allowed).containsAll(found);
    }

    private static String value(Quantity q) {
        return q.value().stripTrailingZeros().toPlainString();
    }

    private static String real(String file) throws IOException {
        return Files.readString(REAL.resolve(file), StandardCharsets.UTF_8);
    }

    private static void copyReal(Path dir, String file) throws IOException {
        write(dir, file, real(file));
    }

    private static void write(Path dir, String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
