package io.shuzhi.interview;

import io.shuzhi.interview.ReportKind.PartSpec;
import io.shuzhi.interview.ReportKind.TopicSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rule-based fact extraction for the offline engine. An answer is cut into clauses, each clause goes to the topic its
 * keywords name (the topic being asked about when none does), and neighbouring clauses of one topic become one fact.
 * Writers answer several topics at once and at length, so routing works clause by clause, not per message.
 */
final class RuleExtractor {

    /** One run of clauses about one topic, before it becomes a fact. */
    record Piece(String topic, String text, List<Quantity> quantities) {
    }

    /** The state with the new facts, and those facts. */
    record Result(InterviewState state, List<Fact> added) {
    }

    private static final Pattern SENTENCES = Pattern.compile("[。！？!?；;\\n\\r]+");
    /** "," splits clauses except inside a number ("1,200"). */
    private static final Pattern CLAUSES = Pattern.compile("[，]+|(?<![0-9]),|,(?![0-9])");
    private static final Pattern FILLER = Pattern.compile(
            "^(?:嗯+|呃+|额+|啊+|哦+|唔+|噢+|好的|好吧|是的|对的|然后呢?|另外|此外|还有就是|再就是|对了|就是说|其实|那个|这个嘛"
                    + "|我们支部|咱们支部|我们的|咱们的|我们|咱们|今年(?!以来|来|的|是|年)|全年下来)[，、\\s]*");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\s，,、：:…~～\"“”‘’']+|[\\s，,、：:…~～\"“”‘’']+$");
    /** Whole clauses that say nothing about the year. */
    private static final Set<String> EMPTY_CLAUSES = Set.of("嗯", "好", "好的", "对", "是的", "是", "没了", "就这些",
            "就这样", "差不多", "差不多吧", "大概就这样", "大概这些", "暂时这些", "谢谢", "嗯嗯", "哦", "ok", "OK", "行",
            "可以", "还有", "另外", "然后", "其他的", "别的没了", "没有了");

    private RuleExtractor() {
    }

    /** Adds the facts in {@code text} (message {@code messageId}) to the state. */
    static Result extract(ReportKind kind, InterviewState state, String messageId, String text) {
        List<Piece> pieces = split(kind, state.currentTopic(), defaultTopic(kind, state), text);
        InterviewState next = state;
        List<Fact> added = new ArrayList<>();
        for (Piece p : pieces) {
            next = next.plusFact(p.topic(), p.text(), p.quantities(), messageId);
            added.add(next.facts().get(next.facts().size() - 1));
        }
        return new Result(next, added);
    }

    /** The answer as pieces, one per run of same-topic clauses, in the writer's order. */
    static List<Piece> split(ReportKind kind, String currentTopic, String fallbackTopic, String text) {
        List<Piece> out = new ArrayList<>();
        if (text == null || text.isBlank()) return out;
        List<TopicSpec> candidates = candidates(kind, currentTopic);
        String current = kind.topic(currentTopic == null ? "" : currentTopic).isPresent() ? currentTopic : null;
        String previous = current != null ? current : fallbackTopic;
        String runTopic = null;
        List<String> run = new ArrayList<>();
        for (String sentence : SENTENCES.split(text)) {
            boolean continues = false;
            for (String raw : CLAUSES.split(sentence)) {
                String clause = clean(raw);
                if (clause.isEmpty()) continue;
                String topic = route(clause, candidates, current, previous, continues);
                continues = true;
                if (runTopic != null && !topic.equals(runTopic)) {
                    out.add(piece(runTopic, run));
                    run = new ArrayList<>();
                }
                runTopic = topic;
                run.add(clause);
                previous = topic;
            }
        }
        if (runTopic != null) out.add(piece(runTopic, run));
        return out;
    }

    /** The clause without spoken fillers at its start and stray marks at its ends; empty when nothing is left. */
    static String clean(String clause) {
        String s = EDGE_PUNCTUATION.matcher(clause.strip()).replaceAll("");
        String before;
        do {
            before = s;
            s = EDGE_PUNCTUATION.matcher(FILLER.matcher(s).replaceFirst("")).replaceAll("");
        } while (!s.equals(before) && !s.isEmpty());
        if (EMPTY_CLAUSES.contains(s)) return "";
        boolean hasContent = s.codePoints().anyMatch(c -> Character.isIdeographic(c) || Character.isDigit(c));
        return hasContent && s.length() >= 2 ? s : "";
    }

    /**
     * The topic a clause is about. Keywords score by length, and a keyword inside a longer matched one does not count
     * ("谈话" inside "谈心谈话"). A keyword is weak when another topic's question or keywords use it too ("学习" is
     * also asked about under 第一议题): weak words score less and cannot pull a clause away from the sentence it
     * continues. With no keyword the clause follows the one before it; on a tie the topic being asked about wins,
     * then the previous clause's topic, then kind order.
     *
     * @param continues true when the clause is not the first of its sentence
     */
    static String route(String clause, List<TopicSpec> candidates, String current, String previous, boolean continues) {
        record Hit(int start, int end, String topic, boolean weak) {
        }
        List<Hit> hits = new ArrayList<>();
        for (TopicSpec t : candidates) {
            for (String k : t.keywords()) {
                if (!clause.contains(k)) continue; // most keywords are absent: skip the costly weakness check
                boolean weak = candidates.stream().anyMatch(o -> o != t && (o.question().contains(k)
                        || o.label().contains(k) || o.keywords().stream().anyMatch(ok -> ok.contains(k))));
                for (int at = clause.indexOf(k); at >= 0; at = clause.indexOf(k, at + 1)) {
                    hits.add(new Hit(at, at + k.length(), t.key(), weak));
                }
            }
        }
        Map<String, Integer> score = new HashMap<>();
        Set<String> strong = new HashSet<>();
        for (Hit h : hits) {
            boolean shadowed = hits.stream().anyMatch(o -> o != h && o.start <= h.start && h.end <= o.end
                    && (o.end - o.start) > (h.end - h.start) && !o.topic.equals(h.topic));
            if (shadowed) continue;
            int len = h.end - h.start;
            score.merge(h.topic, h.weak ? len : 2 * len, Integer::sum);
            if (!h.weak) strong.add(h.topic);
        }
        if (score.isEmpty() || (continues && previous != null && strong.isEmpty())) return previous;
        // An answer belongs to the question asked unless it shares none of that topic's words: a writer asked about
        // study who mentions "党员大会" in passing is still talking about study.
        if (current != null && score.getOrDefault(current, 0) > 0) return current;
        int best = score.values().stream().max(Comparator.naturalOrder()).orElse(0);
        if (current != null && score.getOrDefault(current, 0) == best) return current;
        if (previous != null && score.getOrDefault(previous, 0) == best) return previous;
        return candidates.stream().map(TopicSpec::key).filter(k -> score.getOrDefault(k, 0) == best)
                .findFirst().orElse(previous);
    }

    /**
     * Topics a clause may go to: those of the part being asked about, because the same words mean different things
     * in different parts ("学习" is an achievement in part one and a shortfall in part two).
     */
    private static List<TopicSpec> candidates(ReportKind kind, String currentTopic) {
        if (currentTopic != null && kind.topic(currentTopic).isPresent()) {
            PartSpec part = kind.partOf(kind.sectionOf(currentTopic));
            return part.sections().stream().flatMap(s -> s.topics().stream()).toList();
        }
        return kind.topics().toList();
    }

    /** Where a clause with no keyword goes when no topic is being asked about: after the last fact, or the first topic. */
    private static String defaultTopic(ReportKind kind, InterviewState state) {
        if (state.currentTopic() != null && kind.topic(state.currentTopic()).isPresent()) return state.currentTopic();
        if (state.hasFacts()) return state.facts().get(state.facts().size() - 1).topic();
        return kind.topics().findFirst().map(TopicSpec::key).orElseThrow();
    }

    private static Piece piece(String topic, List<String> clauses) {
        String text = String.join("，", clauses);
        return new Piece(topic, text, NumberParser.findAll(text));
    }
}
