package io.shuzhi.interview;

import io.shuzhi.interview.ReportKind.TopicSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.shuzhi.support.Tables.LEXICON;
import static org.assertj.core.api.Assertions.assertThat;

/** The real model (inside the jar, nothing downloaded) on clear cases: a clause with no keyword, and where it goes. */
class EmbeddingSimilarityTest {
    private static final RuleExtractor EXTRACTOR = LEXICON.extractor();

    private static final ReportKinds KINDS = new ReportKinds(Path.of("prompts/kinds"));
    private static EmbeddingSimilarity similarity;

    @BeforeAll
    static void load() throws InterruptedException {
        similarity = new EmbeddingSimilarity(KINDS, "embeddings");
        assertThat(similarity.ready()).isFalse();
        assertThat(similarity.scores("发展党员2名", KINDS.get("party-branch-secretary").topics().toList()))
                .as("not ready: no answer, routing stays by keywords").isNull();
        assertThat(similarity.awaitReady(Duration.ofMinutes(2))).as("loaded from the jar").isTrue();
    }

    private static List<TopicSpec> part(String kind, String partKey) {
        return KINDS.get(kind).parts().stream().filter(p -> p.key().equals(partKey))
                .flatMap(p -> p.sections().stream()).flatMap(s -> s.topics().stream()).toList();
    }

    @Test
    void clearCases_goToTheTopicTheyMean() {
        List<TopicSpec> branch = part("party-branch-secretary", "achievements");
        assertThat(similarity.closest("发展了2名", branch, "ideology")).isEqualTo("recruitment");
        List<TopicSpec> personal = part("personal-annual", "achievements");
        assertThat(similarity.closest("新技术方面", personal, "core-duties")).isEqualTo("innovation");
        List<TopicSpec> integrity = part("accountability-integrity", "integrity");
        assertThat(similarity.closest("按规定报告个人事项", integrity, "political-rules")).isEqualTo("matters-reporting");
        List<TopicSpec> plans = part("annual-work-summary", "measures");
        assertThat(similarity.closest("加强青年干部培养", plans, "plan-projects")).isEqualTo("plan-team");
    }

    @Test
    void aClauseThatMeansLittle_staysWithItsFallback() {
        List<TopicSpec> summary = part("annual-work-summary", "achievements");
        assertThat(similarity.closest("写吧", summary, "core-business")).isEqualTo("core-business");
    }

    @Test
    void inAnInterview_aStatementWithNoKeyword_leavesTheOpenQuestionForTheTopicItMeans() {
        ReportKind personal = KINDS.get("personal-annual");
        InterviewState duties = InterviewState.start().withProfile("县水利局局长", "2026").withCurrentTopic("core-duties");
        String flood = "防汛抢险那几天，我带队连续三天三夜守在水库大坝上";
        assertThat(EXTRACTOR.extract(personal, duties, "m-1", flood).added())
                .extracting(Fact::topic).containsExactly("core-duties");
        assertThat(EXTRACTOR.extract(personal, duties, "m-1", flood, similarity).added())
                .extracting(Fact::topic).containsExactly("hard-tasks");

        ReportKind integrity = KINDS.get("accountability-integrity");
        InterviewState first = InterviewState.start().withProfile("县交通运输局党组书记、局长", "2026");
        String spouse = "爱人在医院当护士，从不打听局里的事";
        assertThat(EXTRACTOR.extract(integrity, first, "m-1", spouse, similarity).added())
                .extracting(Fact::topic).containsExactly("family-and-staff");
    }
}
