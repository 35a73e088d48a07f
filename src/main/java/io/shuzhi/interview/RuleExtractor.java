package io.shuzhi.interview;

import io.shuzhi.interview.ReportKind.PartSpec;
import io.shuzhi.interview.ReportKind.SectionSpec;
import io.shuzhi.interview.ReportKind.TopicSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule-based fact extraction for the offline engine. An answer is cut into clauses, each clause goes to the topic its
 * keywords name (the topic being asked about when none does), and neighbouring clauses of one topic become one fact.
 * Writers answer several topics at once and at length, so routing works clause by clause, not per message.
 */
public final class RuleExtractor {

    /** One run of clauses about one topic, before it becomes a fact. */
    record Piece(String topic, String text, List<Quantity> quantities) {
    }

    /**
     * What a message gave.
     *
     * @param state     the state with the new facts
     * @param added     facts stored (achievements, problems and plans, each in its part)
     * @param repeats   stored facts the message said again (not stored twice)
     * @param questions questions to the assistant
     * @param wishes    wishes about the draft (kept as preferences by the caller)
     * @param asides    pieces that were talk, not content (dropped)
     * @param skip      whether the writer skipped the open question ("这个跳过")
     */
    record Result(InterviewState state, List<Fact> added, List<Fact> repeats, List<String> questions,
                  List<String> wishes, int asides, boolean skip) {
        Result(InterviewState state, List<Fact> added) {
            this(state, added, List.of(), List.of(), List.of(), 0, false);
        }
    }

    private static final Pattern SAID_BEFORE = Pattern.compile("讲过|说过|提过|讲了吗|说了吗|提到过|前面有|上面有|刚才说");
    private static final Pattern ELABORATES = Pattern.compile(
            "^(?:其中|有几次|有一次|有时|有的|有些|部分|大部分|多数|特别是|尤其是|包括|比如|例如|像是|主要是|都是|基本上?都)");

    /** The part keys every kind uses for its problems and its plans. */
    static final String PROBLEMS_PART = "issues";
    static final String PLANS_PART = "measures";
    private static final Pattern REFERS_BACK = Pattern.compile(
            "(?:就是|也就是|即)?(?:前面|刚才|刚刚|上面|之前|前边|先前)(?:(?:说|讲|提|写)(?:的|过的|到的|了的)?(?:那个|那些|那次|那项)?"
                    + "|的?(?:那个|那些|那次|那项))");

    private final Words words;
    private final NumberParser numbers;
    private final ClauseReader reader;

    /** Routes the pieces {@code reader} reads by the words of {@code words} (see {@link Lexicon}). */
    RuleExtractor(Words words, NumberParser numbers, ClauseReader reader) {
        this.words = words;
        this.numbers = numbers;
        this.reader = reader;
    }

    /** Adds what {@code text} (message {@code messageId}) gives to the state, each piece in the part it belongs to. */
    Result extract(ReportKind kind, InterviewState state, String messageId, String text) {
        return extract(kind, state, messageId, text, TopicSimilarity.NONE);
    }

    /**
     * As {@link #extract(ReportKind, InterviewState, String, String)}; a clause whose keywords give no answer (none,
     * or a tie the open question does not break) goes to the topic {@code similarity} finds clearly closer in
     * meaning than the one it would follow.
     */
    Result extract(ReportKind kind, InterviewState state, String messageId, String text, TopicSimilarity similarity) {
        ClauseReader.Kind defaultKind = defaultKind(kind, state.currentTopic());
        List<ClauseReader.Piece> pieces = reader.read(text, defaultKind);
        InterviewState next = state;
        List<Fact> added = new ArrayList<>();
        List<Fact> repeats = new ArrayList<>();
        List<String> questions = new ArrayList<>();
        List<String> wishes = new ArrayList<>();
        int asides = 0;
        boolean skip = false;
        String previous = null;
        // "之前不是讲过了吗，取水许可78件": the writer says it was said before.
        boolean previousListed = false;
        boolean saidBefore = pieces.stream().anyMatch(p -> p.kind() == ClauseReader.Kind.ASIDE
                && SAID_BEFORE.matcher(p.text()).find());
        for (ClauseReader.Piece p : pieces) {
            switch (p.kind()) {
                case QUESTION -> questions.add(p.text());
                case WISH -> wishes.add(p.text());
                case ASIDE -> asides++;
                case SKIP -> skip = true;
                case FACT, PROBLEM, PLAN -> {
                    List<TopicSpec> candidates = narrowed(kind, candidatesFor(kind, p.kind()), p);
                    String current = candidates.stream().anyMatch(t -> t.key().equals(state.currentTopic()))
                            ? state.currentTopic() : null;
                    String last = previous;
                    boolean lastListed = previousListed;
                    String labelled = p.label().isEmpty() ? null
                            : route(p.label(), candidates, null, null, false, similarity);
                    // "审判上主要是婚姻家事…", "诉源治理这块，…": a label no heading, topic or keyword knows names the
                    // writer's own line of work, which goes to the kind's topic for it, not to the question open
                    if (labelled == null && p.kind() == ClauseReader.Kind.FACT && knowsNothingOf(kind, p.label())
                            && candidates.stream().anyMatch(t -> t.key().equals(kind.work()))) {
                        labelled = kind.work();
                    }
                    boolean follows = labelled != null || current != null
                            || last != null && candidates.stream().anyMatch(t -> t.key().equals(last));
                    String fallback = labelled != null ? labelled
                            : last != null && candidates.stream().anyMatch(t -> t.key().equals(last)) ? last
                            : current != null ? current : defaultTopic(kind, next, candidates);
                    // Nothing asked and nothing said before ("…骨科主任，2026。今年科室门诊量5.6万人次"): the default
                    // topic is only a guess, so a clause with no keyword goes where it means, if that can be told.
                    if (!follows && p.kind() != ClauseReader.Kind.PROBLEM && !p.clauses().isEmpty()) {
                        String meant = similarity.closest(p.clauses().get(0), candidates, null);
                        if (meant != null
                                && route(p.clauses().get(0), candidates, null, null, false, similarity) == null) {
                            fallback = meant;
                        }
                    }
                    // "…广交会上签了意向订单" while 改革创新 is open: a topic that takes only what names it (keyed in the
                    // kind file) does not take a statement without its keywords; the writer's line of work does
                    String followed = fallback;
                    if (p.kind() == ClauseReader.Kind.FACT && labelled == null && fallback != null
                            && kind.work() != null && kind.topic(followed).map(TopicSpec::keyed).orElse(false)
                            && candidates.stream().anyMatch(t -> t.key().equals(kind.work()))
                            && p.clauses().stream().allMatch(c -> route(c, candidates, null, null, false, similarity) == null)) {
                        fallback = kind.work();
                    }
                    List<Piece> runs = p.kind() == ClauseReader.Kind.PROBLEM
                            ? problems(p.clauses(), candidates, current, fallback, similarity)
                            : runs(p.clauses(), candidates, current, fallback, p.listed() && lastListed && last != null,
                            similarity);
                    previousListed = p.listed();
                    for (Piece run : runs) {
                        previous = run.topic();
                        Piece stated = withoutBackReference(run);
                        if (stated == null) continue;
                        Fact known = repeatOf(kind, next, stated, saidBefore || stated != run);
                        if (known != null) {
                            repeats.add(known);
                            continue;
                        }
                        next = next.plusFact(stated.topic(), stated.text(), stated.quantities(), messageId);
                        added.add(next.facts().get(next.facts().size() - 1));
                    }
                }
            }
        }
        return new Result(next, added, repeats, questions, wishes, asides, skip);
    }

    /** An unmarked piece is what the open question asks for: a problem in the problems part, a plan in the plans part. */
    public static ClauseReader.Kind defaultKind(ReportKind kind, String currentTopic) {
        if (currentTopic == null || kind.topic(currentTopic).isEmpty()) return ClauseReader.Kind.FACT;
        String part = kind.partOf(kind.sectionOf(currentTopic)).key();
        if (PROBLEMS_PART.equals(part)) return ClauseReader.Kind.PROBLEM;
        if (PLANS_PART.equals(part)) return ClauseReader.Kind.PLAN;
        return ClauseReader.Kind.FACT;
    }

    /** The topics a piece of this kind may go to: achievements to the achievement parts, and so on. */
    static List<TopicSpec> candidatesFor(ReportKind kind, ClauseReader.Kind pieceKind) {
        List<TopicSpec> out = kind.parts().stream().filter(part -> switch (pieceKind) {
                    case PROBLEM -> PROBLEMS_PART.equals(part.key());
                    case PLAN -> PLANS_PART.equals(part.key());
                    default -> !PROBLEMS_PART.equals(part.key()) && !PLANS_PART.equals(part.key());
                }).flatMap(part -> part.sections().stream()).flatMap(s -> s.topics().stream()).toList();
        return out.isEmpty() ? kind.topics().toList() : out;
    }

    /** Words that make a statement about the writer in person, not the unit they lead. */
    private static final Set<String> PERSONAL = Set.of("本人", "我", "个人", "自己", "家属", "配偶", "子女", "亲属",
            "老婆", "爱人", "孩子", "亲友", "身边人", "家人", "妻子", "丈夫");

    /**
     * The candidates a piece may really go to. The writer's label ("个人方面：", "四风：") keeps it in the part or
     * section whose heading names it. A part about the writer in person (its heading says 个人, as in a 述责述廉
     * report) takes only what is said of the writer in person — "公车数量压减到29辆" is the unit's, "不收礼" is
     * the writer's.
     */
    List<TopicSpec> narrowed(ReportKind kind, List<TopicSpec> candidates, ClauseReader.Piece p) {
        List<TopicSpec> out = candidates;
        String label = p.label() == null ? "" : p.label();
        if (!label.isEmpty()) {
            List<String> words = new ArrayList<>();
            for (Words.Word w : this.words.of(label)) if (w.text().length() >= 2) words.add(w.text());
            if (words.isEmpty()) words.add(label);
            List<TopicSpec> inSections = out.stream().filter(t -> {
                String heading = kind.sectionOf(t.key()).heading();
                return words.stream().anyMatch(heading::contains);
            }).toList();
            List<TopicSpec> inParts = out.stream().filter(t -> {
                String heading = kind.partOf(kind.sectionOf(t.key())).heading();
                return words.stream().anyMatch(heading::contains);
            }).toList();
            // "业务结合这块：…" in a report whose heading says 融合发展: the topic whose label names it, and its section
            List<SectionSpec> named = out.stream().filter(t -> words.stream().anyMatch(t.label()::contains))
                    .map(t -> kind.sectionOf(t.key())).distinct().toList();
            List<TopicSpec> inTopics = out.stream().filter(t -> named.contains(kind.sectionOf(t.key()))).toList();
            if (!inSections.isEmpty()) out = inSections;
            else if (!inParts.isEmpty()) out = inParts;
            else if (!inTopics.isEmpty()) out = inTopics;
        }
        long parts = out.stream().map(t -> kind.partOf(kind.sectionOf(t.key())).key()).distinct().count();
        if (p.kind() == ClauseReader.Kind.FACT && parts > 1) {
            boolean personal = label.contains("个人") || label.contains("本人")
                    || words.of(p.text()).stream().anyMatch(w -> PERSONAL.contains(w.text()));
            List<TopicSpec> unitOnly = out.stream()
                    .filter(t -> !kind.partOf(kind.sectionOf(t.key())).heading().contains("个人")).toList();
            List<TopicSpec> personalOnly = out.stream()
                    .filter(t -> kind.partOf(kind.sectionOf(t.key())).heading().contains("个人")).toList();
            if (!personal && !unitOnly.isEmpty() && !personalOnly.isEmpty()) out = unitOnly;
        }
        return out.isEmpty() ? candidates : out;
    }

    /** Whether a writer's label names nothing of the kind: no heading, no topic label or keyword, not the writer. */
    private boolean knowsNothingOf(ReportKind kind, String label) {
        if (label == null || label.isBlank() || kind.work() == null || PERSONAL_LABEL.matcher(label).find()) return false;
        List<String> words = new ArrayList<>();
        for (Words.Word w : this.words.of(label)) if (w.text().length() >= 2) words.add(w.text());
        if (words.isEmpty()) return false;
        boolean named = kind.parts().stream().anyMatch(p -> words.stream().anyMatch(p.heading()::contains))
                || kind.sections().anyMatch(s -> words.stream().anyMatch(s.heading()::contains))
                || kind.topics().anyMatch(t -> words.stream().anyMatch(w -> t.label().contains(w)
                || t.keywords().stream().anyMatch(k -> k.contains(w) || w.contains(k))));
        return !named;
    }

    private static final Pattern PERSONAL_LABEL = Pattern.compile("个人|本人|自己|我");

    /** Runs of same-topic clauses, in order. */
    private List<Piece> runs(List<String> clauses, List<TopicSpec> candidates, String current, String fallback) {
        return runs(clauses, candidates, current, fallback, false, TopicSimilarity.NONE);
    }

    /**
     * As {@link #runs(List, List, String, String)}; {@code goesOn}: the piece goes on from the one before (the next
     * item of the writer's own list), so its first clause without a keyword stays with it.
     */
    private List<Piece> runs(List<String> clauses, List<TopicSpec> candidates, String current, String fallback,
                             boolean goesOn, TopicSimilarity similarity) {
        List<Piece> out = new ArrayList<>();
        String previous = fallback;
        String runTopic = null;
        List<String> run = new ArrayList<>();
        boolean continues = goesOn;
        String lead = null;
        for (String clause : clauses) {
            // "防汛方面，今年…": a lead of the writer's label goes with the clause it introduces.
            if (LEAD.matcher(clause).matches() && numbers.find(clause).isEmpty()) {
                lead = lead == null ? clause : lead + "，" + clause;
                continue;
            }
            if (lead != null) {
                clause = lead + "，" + clause;
                lead = null;
            }
            String topic = route(clause, candidates, current, previous, continues, similarity);
            continues = true;
            if (runTopic != null && !topic.equals(runTopic)) {
                out.add(piece(runTopic, run));
                run = new ArrayList<>();
            }
            runTopic = topic;
            run.add(clause);
            previous = topic;
        }
        if (lead != null) run.add(lead);
        if (runTopic != null) out.add(piece(runTopic, run));
        else if (!run.isEmpty()) out.add(piece(fallback, run));
        return out;
    }

    private static final Pattern LEAD = Pattern.compile("^.{1,10}方面$");

    /**
     * A problem sentence as one problem per shortfall: "学习不够深入，有的党员光念稿子，组织生活形式单一" names two (a new
     * one starts at a clause with a shortfall word of its own about another topic); "融合还不够，两张皮的问题没解决"
     * names one, told twice. A problem is routed as a whole.
     */
    private List<Piece> problems(List<String> clauses, List<TopicSpec> candidates, String current,
                                 String fallback, TopicSimilarity similarity) {
        List<Piece> out = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (String c : clauses) {
            if (!run.isEmpty() && reader.opensShortfall(c)) {
                String runTopic = route(String.join("，", run), candidates, null, null, false, similarity);
                String topic = route(c, candidates, null, null, false, similarity);
                if (topic != null && !topic.equals(runTopic)) {
                    String text = String.join("，", run);
                    out.add(new Piece(routeWhole(text, candidates, current, fallback, similarity), text,
                            numbers.findAll(text)));
                    run = new ArrayList<>();
                }
            }
            run.add(c);
        }
        if (!run.isEmpty()) {
            String text = String.join("，", run);
            out.add(new Piece(routeWhole(text, candidates, current, fallback, similarity), text, numbers.findAll(text)));
        }
        return out;
    }

    /** The topic of a piece routed as a whole (one problem is one fact, whatever its clauses mention). */
    private String routeWhole(String text, List<TopicSpec> candidates, String current, String fallback,
                              TopicSimilarity similarity) {
        String topic = route(text, candidates, current, null, false, similarity);
        if (topic != null) return topic;
        // No keyword ("对新型经营主体的指导不够"): the area it means, when that can be told, else the open question's.
        String meant = similarity.closest(text, candidates, null);
        return meant != null ? meant : fallback;
    }

    /**
     * "就是前面那个义诊，15场": words that point back at something said before are not content. What is left is
     * stored unless it repeats a fact; with nothing left, the piece was only a pointer.
     */
    private Piece withoutBackReference(Piece run) {
        Matcher m = REFERS_BACK.matcher(run.text());
        if (!m.find() || m.end() == m.start()) return run;
        String rest = ClauseReader.stripEdge(run.text().substring(0, m.start()) + run.text().substring(m.end()));
        if (rest.length() < 2) return null;
        return new Piece(run.topic(), rest, numbers.findAll(rest));
    }

    private static final Pattern SPACES = Pattern.compile("\\s+");

    /**
     * A stored fact that says what {@code run} says: every figure of the run is in it (same value and unit) and the
     * two share words; or, with no figures, one text contains the other. {@code pointedBack}: the writer said it was
     * said before ("就是前面那个…"), so a fact of another topic of the part that shares its figures and a word is enough. Without
     * that, a repeat is of the same topic and shares most of its words.
     */
    Fact repeatOf(ReportKind kind, InterviewState state, Piece run, boolean pointedBack) {
        String text = SPACES.matcher(run.text()).replaceAll("");
        for (Fact f : state.facts()) {
            if (f.origin() != Fact.Origin.WRITER || !samePart(kind, f.topic(), run.topic())) continue;
            String known = SPACES.matcher(f.text()).replaceAll("");
            if (known.equals(text)) return f;
            List<Quantity> figures = run.quantities().stream().filter(q -> !q.unit().isEmpty()).toList();
            if (figures.isEmpty()) {
                if (text.length() >= 6 && (known.contains(text) || text.contains(known) && known.length() >= 6)) return f;
                continue;
            }
            boolean allKnown = figures.stream().allMatch(q -> f.quantities().stream().anyMatch(k ->
                    k.value().compareTo(q.value()) == 0 && k.unit().equals(q.unit())));
            int shared = sharedWords(known, text);
            boolean enough = pointedBack ? shared >= Math.min(1, contentWords(text))
                    : f.topic().equals(run.topic()) && shared >= Math.max(1, (contentWords(text) + 1) / 2);
            if (allKnown && enough) return f;
        }
        return null;
    }

    /** The clause without its figures and the aspect words 了/过: "发展了1名党员" → "发展党员". */
    String withoutFiguresAndAspect(String clause) {
        String out = clause;
        for (Quantity q : numbers.findAll(clause)) out = out.replace(q.raw(), "");
        return out.replace("了", "").replace("过", "");
    }

    /** A clause without a noun ("增长4.1%", "同比下降18.7%") only says more about the one before. */
    private boolean namesNothing(String clause) {
        return words.of(clause).stream().noneMatch(w -> w.pos().startsWith("n") && !w.pos().equals("nx"));
    }

    /** Topics of one part: a plan never repeats an achievement, whatever figures they share. */
    private static boolean samePart(ReportKind kind, String a, String b) {
        return role(kind, a).equals(role(kind, b));
    }

    private static String role(ReportKind kind, String topic) {
        if (kind.topic(topic).isEmpty()) return "";
        String part = kind.partOf(kind.sectionOf(topic)).key();
        return PROBLEMS_PART.equals(part) || PLANS_PART.equals(part) ? part : "";
    }

    private int sharedWords(String a, String b) {
        Set<String> wa = new HashSet<>();
        for (Words.Word w : words.of(a)) if (isContent(w)) wa.add(w.text());
        int n = 0;
        for (Words.Word w : words.of(b)) if (isContent(w) && wa.remove(w.text())) n++;
        return n;
    }

    private int contentWords(String s) {
        int n = 0;
        for (Words.Word w : words.of(s)) if (isContent(w)) n++;
        return n;
    }

    private static boolean isContent(Words.Word w) {
        return w.text().length() >= 2 && (w.pos().startsWith("n") || w.pos().equals("vn"));
    }

    /** The answer as pieces, one per run of same-topic clauses, in the writer's order (achievements only). */
    List<Piece> split(ReportKind kind, String currentTopic, String fallbackTopic, String text) {
        InterviewState s = InterviewState.start().withCurrentTopic(currentTopic);
        List<Piece> out = new ArrayList<>();
        for (ClauseReader.Piece p : reader.read(text, defaultKind(kind, currentTopic))) {
            if (p.kind() != ClauseReader.Kind.FACT && p.kind() != ClauseReader.Kind.PROBLEM
                    && p.kind() != ClauseReader.Kind.PLAN) continue;
            List<TopicSpec> candidates = candidatesFor(kind, p.kind());
            String current = candidates.stream().anyMatch(t -> t.key().equals(currentTopic)) ? currentTopic : null;
            String fallback = current != null ? current : fallbackTopic != null
                    && candidates.stream().anyMatch(t -> t.key().equals(fallbackTopic)) ? fallbackTopic
                    : defaultTopic(kind, s, candidates);
            out.addAll(runs(p.clauses(), candidates, current, fallback));
        }
        return out;
    }

    /** The clause without spoken fillers at its start and stray marks at its ends; empty when nothing is left. */
    static String clean(String clause) {
        List<String> cs = ClauseReader.clauses(clause);
        return cs.isEmpty() ? "" : String.join("，", cs);
    }

    /**
     * The topic a clause is about. Keywords score by length, and a keyword inside a longer matched one does not count
     * ("谈话" inside "谈心谈话"). A keyword is weak when another topic's question or keywords use it too ("学习" is
     * also asked about under 第一议题): weak words score less and cannot pull a clause away from the sentence it
     * continues. With no keyword the clause follows the one before it; on a tie the topic being asked about wins,
     * then the previous clause's topic, then kind order. By keywords only: see
     * {@link #route(String, List, String, String, boolean, TopicSimilarity)}.
     *
     * @param continues true when the clause is not the first of its sentence
     */
    String route(String clause, List<TopicSpec> candidates, String current, String previous, boolean continues) {
        return route(clause, candidates, current, previous, continues, TopicSimilarity.NONE);
    }

    /**
     * As {@link #route(String, List, String, String, boolean)}; with a {@code similarity}, a clause that opens its
     * sentence with no keyword, or a tie the open question does not break, goes to a topic clearly closer in meaning
     * instead; a keyword's answer is never overridden.
     */
    String route(String clause, List<TopicSpec> candidates, String current, String previous, boolean continues,
                 TopicSimilarity similarity) {
        record Hit(int start, int end, String topic, boolean weak) {
        }
        List<Hit> hits = new ArrayList<>();
        // "发展了1名党员" says 发展党员: the words of a keyword may stand apart, with a figure or 了 between them.
        String bare = withoutFiguresAndAspect(clause);
        int offset = clause.length() + 1;
        for (TopicSpec t : candidates) {
            for (String k : t.keywords()) {
                boolean said = clause.contains(k);
                if (!said && !bare.contains(k)) continue; // most keywords are absent: skip the costly weakness check
                // Weak: another topic asks about it or lists it too. Inside a longer keyword of another topic
                // ("党课" in "廉政党课") it is not weak: the longer one wins where it is said.
                boolean weak = candidates.stream().anyMatch(o -> o != t && (o.question().contains(k)
                        || o.label().contains(k) || o.keywords().contains(k)));
                String in = said ? clause : bare;
                int shift = said ? 0 : offset;
                for (int at = in.indexOf(k); at >= 0; at = in.indexOf(k, at + 1)) {
                    hits.add(new Hit(shift + at, shift + at + k.length(), t.key(), weak));
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
        // No keyword: the clause follows the one before it, unless it opens a sentence and means another topic.
        if (score.isEmpty()) {
            if (continues || previous == null) return previous;
            // The open question is only a guess for a clause about something it does not name ("门诊全年6.8万人次"
            // while 学习 is asked): such a clause goes where it means, without the question's head start.
            if (previous.equals(current) && !answers(clause, candidates, current)) {
                String meant = similarity.closest(clause, candidates, null);
                if (meant != null) return meant;
            }
            return similarity.closest(clause, candidates, previous);
        }
        // "其中…", "有几次是…", "增长4.1%": a clause that details the one before, or names nothing, stays with it.
        if (continues && previous != null && (ELABORATES.matcher(clause).find() || namesNothing(clause))) {
            return previous;
        }
        // A clause that goes on from the one before keeps its topic when it has only weak words.
        if (continues && previous != null && strong.isEmpty()) return previous;
        // The clause's own words decide; the question asked only breaks a tie.
        int best = score.values().stream().max(Comparator.naturalOrder()).orElse(0);
        if (current != null && score.getOrDefault(current, 0) == best) return current;
        List<TopicSpec> tied = candidates.stream().filter(t -> score.getOrDefault(t.key(), 0) == best).toList();
        String byKeywords = previous != null && score.getOrDefault(previous, 0) == best ? previous : tied.get(0).key();
        return similarity.closest(clause, tied, byKeywords);
    }

    /**
     * Whether a clause can be an answer to the topic asked: it names no thing of its own ("参加了16次"), or a thing the
     * topic's label, question, example or keywords name too.
     */
    boolean answers(String clause, List<TopicSpec> candidates, String topicKey) {
        TopicSpec topic = candidates.stream().filter(t -> t.key().equals(topicKey)).findFirst().orElse(null);
        if (topic == null) return true;
        String asked = topic.label() + topic.question() + (topic.example() == null ? "" : topic.example())
                + String.join("", topic.keywords());
        List<String> things = words.of(clause).stream()
                .filter(w -> w.text().length() >= 2 && (w.pos().startsWith("n") || w.pos().equals("vn")))
                .map(Words.Word::text).toList();
        return things.isEmpty() || things.stream().anyMatch(asked::contains);
    }

    /** Where a clause with no keyword goes when no topic of its part is being asked about: the last fact's, or the first. */
    private static String defaultTopic(ReportKind kind, InterviewState state, List<TopicSpec> candidates) {
        for (int i = state.facts().size() - 1; i >= 0; i--) {
            String t = state.facts().get(i).topic();
            if (candidates.stream().anyMatch(c -> c.key().equals(t))) return t;
        }
        return candidates.get(0).key();
    }

    private Piece piece(String topic, List<String> clauses) {
        String text = String.join("，", clauses);
        return new Piece(topic, text, numbers.findAll(text));
    }
}
