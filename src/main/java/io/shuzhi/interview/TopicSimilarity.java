package io.shuzhi.interview;

import io.shuzhi.interview.ReportKind.TopicSpec;

import java.util.List;

/**
 * How close in meaning a clause is to each topic. {@link RuleExtractor#route} asks only where keywords give no answer
 * (a clause opening its sentence with no keyword, or a tie the open question does not break), never against a
 * keyword: the candidates are those the keywords left, already restricted to the right part by the caller.
 */
interface TopicSimilarity {

    /** No similarity: routing by keywords only. */
    TopicSimilarity NONE = (clause, topics) -> null;

    /** One score per topic, in the order given (higher is closer); null when not ready. */
    double[] scores(String clause, List<TopicSpec> topics);

    /** How much closer than the keywords' fallback another topic must be to take the clause. */
    default double margin() {
        return 0;
    }

    /**
     * The topic of {@code among} closest to {@code clause} when it beats {@code fallback} (the keywords' answer) by
     * at least {@link #margin()}; else, or when not ready, {@code fallback}. With no fallback among them, the closest.
     */
    default String closest(String clause, List<TopicSpec> among, String fallback) {
        if (among.size() < 2) return fallback;
        double[] s = scores(clause, among);
        if (s == null) return fallback;
        int best = 0;
        int at = -1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] > s[best]) best = i;
            if (among.get(i).key().equals(fallback)) at = i;
        }
        if (at >= 0 && s[best] - s[at] < margin()) return fallback;
        return among.get(best).key();
    }
}
