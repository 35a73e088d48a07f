package io.shuzhi.interview;

import io.shuzhi.interview.ReportKind.TopicSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.shuzhi.support.Tables.LEXICON;
import static org.assertj.core.api.Assertions.assertThat;

/** Where routing asks a similarity, and where it never does (a fixed table of scores stands for the model). */
class TopicSimilarityTest {
    private static final RuleExtractor EXTRACTOR = LEXICON.extractor();

    private static final ReportKind KIND = new ReportKinds(Path.of("prompts/kinds")).get("party-branch-secretary");

    /** Always says {@code topic} is much the closest; records what it was asked. */
    private static final class Says implements TopicSimilarity {
        final String topic;
        final List<String> asked = new ArrayList<>();

        Says(String topic) {
            this.topic = topic;
        }

        @Override
        public double[] scores(String clause, List<TopicSpec> topics) {
            asked.add(clause);
            return topics.stream().mapToDouble(t -> t.key().equals(topic) ? 1 : 0).toArray();
        }

        @Override
        public double margin() {
            return 0.05;
        }
    }

    private static List<String> topics(RuleExtractor.Result r) {
        return r.added().stream().map(Fact::topic).toList();
    }

    private static InterviewState asked(String topic) {
        return InterviewState.start().withProfile("机关第一党支部", "2026").withCurrentTopic(topic);
    }

    @Test
    void aSentenceWithNoKeyword_goesWhereItMeans_andItsClausesFollowIt() {
        var says = new Says("conduct");
        RuleExtractor.Result r = EXTRACTOR.extract(KIND, asked("study"), "m-1",
                "给辖区独居老人装了烟感报警器120个，老人们都很满意", says);
        assertThat(topics(r)).containsExactly("conduct");
        assertThat(says.asked).containsExactly("给辖区独居老人装了烟感报警器120个");
    }

    @Test
    void aStrongKeyword_isNeverOverridden() {
        var says = new Says("conduct");
        RuleExtractor.Result r = EXTRACTOR.extract(KIND, asked("study"), "m-1", "发展党员2名", says);
        assertThat(topics(r)).containsExactly("recruitment");
        assertThat(says.asked).isEmpty();
    }

    @Test
    void withoutASimilarity_orBeforeItIsReady_keywordsAlone() {
        String text = "给辖区独居老人装了烟感报警器120个";
        assertThat(topics(EXTRACTOR.extract(KIND, asked("study"), "m-1", text))).containsExactly("study");
        TopicSimilarity loading = (clause, topics) -> null;
        assertThat(topics(EXTRACTOR.extract(KIND, asked("study"), "m-1", text, loading))).containsExactly("study");
    }

    @Test
    void closest_keepsTheFallback_unlessAnotherTopicIsClearlyCloser() {
        List<TopicSpec> three = KIND.topics().limit(3).toList(); // study, first-agenda, training
        TopicSimilarity near = new TopicSimilarity() {
            @Override
            public double[] scores(String clause, List<TopicSpec> topics) {
                return new double[] {0.50, 0.53, 0.40};
            }

            @Override
            public double margin() {
                return 0.05;
            }
        };
        assertThat(near.closest("x", three, "study")).isEqualTo("study");
        assertThat(near.closest("x", three, "training")).isEqualTo("first-agenda");
        assertThat(near.closest("x", three.subList(0, 1), "study")).isEqualTo("study");
    }
}
