package io.shuzhi.interview;

import io.shuzhi.interview.ReportKind.TopicSpec;
import java.util.List;

/**
 * Files the statements of last year's report under this year's topics, marked as last year's: the interview then
 * asks what changed ("去年…，今年呢？"), and the drafter never writes them into this year's text.
 */
public final class LastYear {
    private final RuleExtractor extractor;

    /** Files last year's statements where {@code extractor} routes them (see {@link Lexicon}). */
    LastYear(RuleExtractor extractor) {
        this.extractor = extractor;
    }

    /** One statement of last year's report, with the role of the part it stood in (achievements, issues, …). */
    public record Statement(String partRole, String text, List<Quantity> quantities) {}

    /**
     * The state with last year's plans added, each under the topic of this year's report it will be asked in (a
     * topic of the parts on the work done; none when no topic's words fit: then it is asked at the end).
     */
    public InterviewState addPlans(ReportKind kind, InterviewState state, List<String> plans) {
        return addPlans(kind, state, plans, TopicSimilarity.NONE);
    }

    /** As {@link #addPlans(ReportKind, InterviewState, List)}; a plan no keyword places goes by meaning when it can. */
    public InterviewState addPlans(ReportKind kind, InterviewState state, List<String> plans,
                                          TopicSimilarity similarity) {
        List<TopicSpec> work = kind.parts().stream()
                .filter(p -> !RuleExtractor.PROBLEMS_PART.equals(p.key()) && !RuleExtractor.PLANS_PART.equals(p.key()))
                .flatMap(p -> p.sections().stream()).flatMap(sec -> sec.topics().stream()).toList();
        List<Plan> next = new java.util.ArrayList<>(state.plans());
        for (String text : plans) {
            if (text == null || text.isBlank() || next.stream().anyMatch(p -> p.text().equals(text))) continue;
            String topic = extractor.route(text, work, null, null, false);
            if (topic == null) topic = similarity.closest(text, work, null);
            next.add(new Plan("p-" + (next.size() + 1), topic, text, Plan.Status.OPEN));
        }
        return state.withPlans(next);
    }

    /** The state with every statement that routes to a topic added as a last-year fact. */
    public InterviewState add(ReportKind kind, InterviewState state, List<Statement> statements,
                                     String sourceId) {
        InterviewState next = state;
        for (Statement s : statements) {
            List<TopicSpec> candidates = kind.parts().stream()
                    .filter(p -> p.key().equals(s.partRole()))
                    .flatMap(p -> p.sections().stream()).flatMap(sec -> sec.topics().stream()).toList();
            if (candidates.isEmpty()) candidates = kind.topics().toList();
            String topic = extractor.route(s.text(), candidates, null, null, false);
            if (topic == null || kind.topic(topic).isEmpty()) continue;
            String t = topic;
            boolean duplicate = next.lastYearFor(t).stream().anyMatch(f -> f.text().equals(s.text()));
            if (!duplicate) next = next.plusLastYear(t, s.text(), s.quantities(), sourceId);
        }
        return next;
    }
}
