package io.shuzhi.interview;

import static io.shuzhi.support.Tables.LEXICON;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Which part a statement goes to when a kind has two achievement parts (述责述廉: the unit's responsibility, then the
 * writer's own integrity), and when the writer labels what they say.
 */
class PartRoutingTest {
    private static final RuleExtractor EXTRACTOR = LEXICON.extractor();

    private static final ReportKind KIND = new ReportKinds(Path.of("prompts/kinds")).get("accountability-integrity");

    private static String partOf(String topic) {
        return KIND.partOf(KIND.sectionOf(topic)).key();
    }

    private static InterviewState started() {
        return InterviewState.start().withProfile("市水务局党组书记、局长", "2026").withCurrentTopic("duty-planning");
    }

    @Test
    void whatTheUnitDid_staysInTheResponsibilityPart_evenWithWordsOfTheIntegrityPart() {
        var r = EXTRACTOR.extract(KIND, started(), "m1", "四风：公务接待费同比下降18.7%，公车数量从42辆压减到29辆");
        assertThat(r.added()).isNotEmpty().allSatisfy(f -> assertThat(partOf(f.topic())).isEqualTo("responsibility"));
        assertThat(r.added().get(0).topic()).isEqualTo("conduct");
    }

    @Test
    void whatTheWriterDidInPerson_goesToTheIntegrityPart() {
        var r = EXTRACTOR.extract(KIND, started(), "m1", "个人：节日不收礼，车子都是公车公用。本人配偶子女没有经商办企业");
        assertThat(r.added()).isNotEmpty().allSatisfy(f -> assertThat(partOf(f.topic())).isEqualTo("integrity"));
    }

    @Test
    void problemsAndPlans_goToTheirPartsWhateverIsAsked() {
        var r = EXTRACTOR.extract(KIND, started(), "m1",
                "存在的问题：一是对下属单位的监督谈话还不够多；二是廉政风险排查不够细。今后努力方向：每半年听取一次汇报");
        assertThat(r.added()).extracting(f -> partOf(f.topic())).containsExactly("issues", "issues", "measures");
    }
}
