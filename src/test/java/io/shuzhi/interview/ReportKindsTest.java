package io.shuzhi.interview;

import io.shuzhi.interview.ReportKind.TopicSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.shuzhi.support.Tables.NUMBERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportKindsTest {

    private static final Path REAL = Path.of("prompts/kinds");

    private static String realFile() throws IOException {
        return Files.readString(REAL.resolve("party-branch-secretary.yaml"), StandardCharsets.UTF_8);
    }

    private static String real(String file) throws IOException {
        return Files.readString(REAL.resolve(file), StandardCharsets.UTF_8);
    }

    private static void copyReal(Path dir, String file) throws IOException {
        write(dir, file, real(file));
    }

    private static Path write(Path dir, String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void everyShippedKindLoads_andTheDefaultIsThePartyBranchSecretary() {
        ReportKinds kinds = new ReportKinds(REAL);
        assertThat(kinds.all()).isNotEmpty();
        assertThat(kinds.defaultKind().id()).isEqualTo("party-branch-secretary");
        assertThat(kinds.get("party-branch-secretary").name()).isEqualTo("党支部书记抓基层党建工作述职");
        assertThat(kinds.find("no-such-kind")).isEmpty();
        assertThatThrownBy(() -> kinds.get("no-such-kind")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void partyBranchKind_hasTheThreePartShapeOfTheGenre() {
        ReportKind kind = new ReportKinds(REAL).get("party-branch-secretary");
        assertThat(kind.title()).contains("{unit}", "{year}");
        assertThat(kind.opening()).contains("{unit}", "{year}").endsWith("现将有关情况报告如下：");
        assertThat(kind.parts()).extracting(ReportKind.PartSpec::heading)
                .containsExactly("履职情况及成效", "存在问题和不足", "下步工作举措");
        assertThat(kind.sections().map(ReportKind.SectionSpec::ref).toList())
                .containsExactly("1.1", "1.2", "1.3", "1.4", "2", "3.1", "3.2", "3.3");
        assertThat(kind.parts().get(0).sections()).allSatisfy(s -> assertThat(s.topics()).hasSizeBetween(3, 4));
        assertThat(kind.parts().get(1).itemized()).isTrue();
        assertThat(kind.parts().get(1).sections().get(0).topics()).hasSize(3);
        assertThat(kind.parts().get(2).sections()).allSatisfy(s -> {
            assertThat(s.fallback()).isNotBlank();
            assertThat(s.topics()).hasSize(1);
        });
    }

    @Test
    void kindTextsThatReachTheDraftCarryNoNumberOfTheirOwn() {
        ReportKind kind = new ReportKinds(REAL).get("party-branch-secretary");
        kind.sections().forEach(s -> {
            if (s.fallback() != null) assertThat(NUMBERS.findAll(s.fallback())).as(s.fallback()).isEmpty();
        });
        kind.topics().forEach(t -> {
            assertThat(NUMBERS.findAll(t.lead())).as(t.lead()).isEmpty();
            if (t.close() != null) assertThat(NUMBERS.findAll(t.close())).as(t.close()).isEmpty();
        });
        assertThat(NUMBERS.findAll(kind.opening().replace("{year}", "2025"))).isEmpty();
    }

    @Test
    void topicKeysAreUnique_andEveryTopicHasKeywordsToRouteBy() {
        ReportKind kind = new ReportKinds(REAL).get("party-branch-secretary");
        List<TopicSpec> topics = kind.topics().toList();
        Set<String> keys = new HashSet<>();
        topics.forEach(t -> assertThat(keys.add(t.key())).as(t.key()).isTrue());
        assertThat(topics).allSatisfy(t -> assertThat(t.keywords()).isNotEmpty());
        assertThat(keys).contains("study", "training", "org-life", "recruitment", "supervision", "warning-education");
    }

    @Test
    void aMissingQuestion_stopsStartupNamingTheFileAndField(@TempDir Path dir) throws IOException {
        String broken = realFile().replaceFirst("\\n\\s*question: 今年支部组织了多少次[^\\n]*", "");
        write(dir, "party-branch-secretary.yaml", broken);
        assertThatThrownBy(() -> new ReportKinds(dir)).isInstanceOf(KindFileException.class)
                .hasMessageContaining("party-branch-secretary.yaml")
                .hasMessageContaining("parts[0].sections[0].topics[0].question is missing");
    }

    @Test
    void anIdThatDiffersFromTheFileName_isRejected(@TempDir Path dir) throws IOException {
        write(dir, "other.yaml", realFile());
        assertThatThrownBy(() -> new ReportKinds(dir)).isInstanceOf(KindFileException.class)
                .hasMessageContaining("other.yaml").hasMessageContaining("id");
    }

    @Test
    void anOpeningWithoutTheFixedEnding_isRejected(@TempDir Path dir) throws IOException {
        write(dir, "party-branch-secretary.yaml", realFile().replace("现将有关情况报告如下：\"", "\""));
        assertThatThrownBy(() -> new ReportKinds(dir)).hasMessageContaining("opening must end with");
    }

    @Test
    void aDigitInAFallback_isRejected(@TempDir Path dir) throws IOException {
        write(dir, "party-branch-secretary.yaml", realFile().replace("fallback: 把党的政治建设", "fallback: 每月2次把党的政治建设"));
        assertThatThrownBy(() -> new ReportKinds(dir))
                .hasMessageContaining("parts[2].sections[0].fallback must not contain digits");
    }

    @Test
    void aWorkTopicThatIsNoTopic_orAKeyedTopicWithoutOne_isRejected(@TempDir Path dir) throws IOException {
        write(dir, "party-branch-secretary.yaml", realFile().replace("work: integration", "work: business"));
        assertThatThrownBy(() -> new ReportKinds(dir)).hasMessageContaining("work 'business' names no topic of this kind");
        write(dir, "party-branch-secretary.yaml", realFile().replaceFirst("work: integration\n", "")
                .replace("- key: first-agenda", "- key: first-agenda\n            keyed: true"));
        assertThatThrownBy(() -> new ReportKinds(dir)).hasMessageContaining("work is missing (a topic is keyed)");
    }

    @Test
    void aTopicKeyUsedTwice_isRejected(@TempDir Path dir) throws IOException {
        write(dir, "party-branch-secretary.yaml", realFile().replace("key: first-agenda", "key: study"));
        assertThatThrownBy(() -> new ReportKinds(dir))
                .hasMessageContaining("parts[0].sections[0].topics[1].key 'study' is used twice");
    }

    @Test
    void anItemizedPartWithTwoSections_isRejected(@TempDir Path dir) throws IOException {
        String twoSections = realFile().replace("""
                    itemized: true
                    sections:
                """, """
                    itemized: true
                    sections:
                      - topics:
                          - {key: extra, label: 额外, question: 问, lead: 引, missing: 缺, keywords: [额外]}
                """);
        write(dir, "party-branch-secretary.yaml", twoSections);
        assertThatThrownBy(() -> new ReportKinds(dir)).hasMessageContaining("parts[1].sections must hold exactly one");
    }

    @Test
    void aMisspeltField_isNamed(@TempDir Path dir) throws IOException {
        write(dir, "party-branch-secretary.yaml", realFile().replace("    heading: 履职情况及成效", "    headng: 履职情况及成效"));
        assertThatThrownBy(() -> new ReportKinds(dir)).hasMessageContaining("parts[0].headng is not a known field");
    }

    @Test
    void everyMistakeInAFile_isNamedAtOnce(@TempDir Path dir) throws IOException {
        String broken = realFile().replaceFirst("\\n\\s*question: 今年支部组织了多少次[^\\n]*", "")
                .replace("fallback: 把党的政治建设", "fallback: 每月2次把党的政治建设");
        write(dir, "party-branch-secretary.yaml", broken);
        assertThatThrownBy(() -> new ReportKinds(dir)).isInstanceOf(KindFileException.class)
                .hasMessageContaining("party-branch-secretary.yaml: parts[0].sections[0].topics[0].question is missing")
                .hasMessageContaining("party-branch-secretary.yaml: parts[2].sections[0].fallback must not contain digits");
    }

    @Test
    void aNumberWhereTextBelongs_isNamed(@TempDir Path dir) throws IOException {
        write(dir, "party-branch-secretary.yaml", realFile().replaceFirst("label: [^\\n]*", "label: 2025"));
        assertThatThrownBy(() -> new ReportKinds(dir)).isInstanceOf(KindFileException.class)
                .hasMessageContaining("party-branch-secretary.yaml: parts[0].sections[0].topics[0].label must be text");
    }

    @Test
    void brokenYaml_namesTheFile(@TempDir Path dir) throws IOException {
        write(dir, "party-branch-secretary.yaml", "id: [unclosed\n");
        assertThatThrownBy(() -> new ReportKinds(dir)).isInstanceOf(KindFileException.class)
                .hasMessageContaining("party-branch-secretary.yaml");
    }

    @Test
    void anEmptyDirectory_isAnError(@TempDir Path dir) {
        assertThatThrownBy(() -> new ReportKinds(dir)).isInstanceOf(KindFileException.class)
                .hasMessageContaining("no report kind files");
    }

    @Test
    void aNewKindFileIsPickedUp_withoutAnyCode(@TempDir Path dir) throws IOException {
        write(dir, "party-branch-secretary.yaml", realFile());
        write(dir, "annual-summary.yaml", """
                id: annual-summary
                name: 年度工作总结
                title: "{unit}{year}年度工作总结"
                opening: "{year}年，{unit}围绕年度目标扎实工作。现将有关情况报告如下："
                intro: {question: 请告诉我单位全称和年份。}
                parts:
                  - key: achievements
                    heading: 主要工作及成效
                    sections:
                      - heading: 完成重点任务
                        topics:
                          - {key: tasks, label: 重点任务, question: 完成了哪些重点任务？, lead: 聚焦重点任务, missing: 重点任务完成情况, keywords: [任务]}
                  - key: issues
                    heading: 存在的不足
                    itemized: true
                    sections:
                      - topics:
                          - {key: gaps, label: 不足, question: 有哪些不足？, lead: 工作还有短板, missing: 具体不足, keywords: [不足]}
                """);
        ReportKinds kinds = new ReportKinds(dir);
        // In the files' order: the shipped kind gives one, the new file none, so it comes after.
        assertThat(kinds.all()).extracting(ReportKind::id).containsExactly("party-branch-secretary", "annual-summary");
        ReportKind added = kinds.get("annual-summary");
        assertThat(added.sections().map(ReportKind.SectionSpec::ref).toList()).containsExactly("1.1", "2");
        assertThat(added.topic("gaps")).isPresent();
    }

    @Test
    void springConstructor_fallsBackToTheClasspathWhenTheDirectoryIsAbsent_andChecksTheDefault() {
        ReportKinds fromDisk = new ReportKinds(new KindsProperties(null, null));
        assertThat(fromDisk.defaultKind().id()).isEqualTo("party-branch-secretary");
        assertThatThrownBy(() -> new ReportKinds(new KindsProperties(null, "nope")))
                .isInstanceOf(KindFileException.class).hasMessageContaining("nope");
    }

    @Test
    void anUnknownPartStyle_stopsStartupNamingTheFileAndField(@TempDir Path dir) throws IOException {
        write(dir, "accountability-integrity.yaml", real("accountability-integrity.yaml")
                .replace("    heading: 今后努力方向\n    style: plan", "    heading: 今后努力方向\n    style: prose"));
        assertThatThrownBy(() -> new ReportKinds(dir)).isInstanceOf(KindFileException.class)
                .hasMessageContaining("accountability-integrity.yaml")
                .hasMessageContaining("parts[3].style 'prose' must be items or plan");
    }

    @Test
    void aPlanSectionWithoutItsStandingParagraph_isNamed(@TempDir Path dir) throws IOException {
        String broken = real("personal-annual.yaml").replaceFirst("\\n\\s*fallback: 紧扣年度目标任务[^\\n]*", "");
        write(dir, "personal-annual.yaml", broken);
        assertThatThrownBy(() -> new ReportKinds(dir)).isInstanceOf(KindFileException.class)
                .hasMessageContaining("personal-annual.yaml")
                .hasMessageContaining("parts[2].sections[1].fallback is missing (style: plan needs it)");
    }

    @Test
    void aDigitInASectionHeading_isRejected(@TempDir Path dir) throws IOException {
        write(dir, "annual-work-summary.yaml", real("annual-work-summary.yaml")
                .replace("heading: 聚焦重点攻坚，改革发展取得突破", "heading: 聚焦重点攻坚，完成3项改革"));
        assertThatThrownBy(() -> new ReportKinds(dir)).isInstanceOf(KindFileException.class)
                .hasMessageContaining("annual-work-summary.yaml")
                .hasMessageContaining("parts[0].sections[1].heading must not contain digits");
    }

    @Test
    void anAliasClaimedByTwoKinds_namesBothFiles(@TempDir Path dir) throws IOException {
        copyReal(dir, "party-branch-secretary.yaml");
        write(dir, "personal-annual.yaml", real("personal-annual.yaml")
                .replace("aliases: [个人述职,", "aliases: [个人述职, 党建述职,"));
        assertThatThrownBy(() -> new ReportKinds(dir)).isInstanceOf(KindFileException.class)
                .hasMessageContaining("personal-annual.yaml: aliases[1] '党建述职' already names the kind 'party-branch-secretary'")
                .hasMessageContaining("party-branch-secretary.yaml");
    }

    @Test
    void aliasesThatAreNotAList_areNamed(@TempDir Path dir) throws IOException {
        write(dir, "annual-work-summary.yaml", real("annual-work-summary.yaml")
                .replaceFirst("aliases: \\[[^]]*]", "aliases: 年度工作总结"));
        assertThatThrownBy(() -> new ReportKinds(dir)).isInstanceOf(KindFileException.class)
                .hasMessageContaining("annual-work-summary.yaml: aliases must be a list");
    }
}
