package io.shuzhi.interview;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * This year's figures beside last year's: where a fact of this year and one read from last year's report share a
 * topic and a unit and name the same thing ("集中学习15次" / "集中学习12次"), they make a pair; the writer may ask for
 * the difference in the text ("比上年增加3次"). The arithmetic is done here, never by a model, and the difference is
 * stored as a fact of origin {@link Fact.Origin#DERIVED}, recomputed whenever the figures it comes from change.
 */
public final class YearOnYear {
    /** A derived fact's source id: {@code yoy:<this year's fact>/<last year's fact>/<index of the quantity>}. */
    static final String SOURCE = "yoy:";
    /** Words that open a label but name nothing ("全年开展集中学习" → "集中学习"). */
    private static final Set<String> LEAD = Set.of("全年", "今年", "去年", "本年", "上年", "累计", "共计", "一共", "总共",
            "共", "先后", "大概", "大约", "约", "已经", "已", "还", "又", "并", "都", "也", "了", "开展", "组织", "召开",
            "举办", "进行", "完成", "参加", "达到", "达", "有", "为", "是", "我们", "支部", "本人", "我", "搞", "搞了",
            "讲", "就", "给", "把", "这", "那", "的", "其中", "实现", "新增");
    private static final Pattern REQUEST = Pattern.compile(
            "(?:和|跟|与|同)(?:去年|上年|上一年)(?:的)?(?:相)?(?:比|对比|比较)|比上年|较上年|比去年|同比|对比去年|去年对比|上年对比|年度对比");

    private final Words words;
    private final NumberParser numbers;

    /** Pairs figures by the labels {@code words} reads, found by {@code numbers} (see {@link Lexicon}). */
    YearOnYear(Words words, NumberParser numbers) {
        this.words = words;
        this.numbers = numbers;
    }

    /**
     * One figure of this year beside last year's.
     *
     * @param factId         this year's fact
     * @param lastYearFactId the fact read from last year's report
     * @param index          which quantity of this year's fact
     * @param label          what is counted, in the writer's words ("集中学习")
     */
    public record Pair(String factId, String lastYearFactId, int index, String topic, String label, Quantity lastYear,
                       Quantity thisYear) {
        /** Whether code can work out the difference: both exact single figures in the same unit. */
        public boolean comparable() {
            return !lastYear.approx() && !thisYear.approx() && lastYear.upper() == null && thisYear.upper() == null;
        }

        /** "比上年增加3次", "比上年减少2人", "与上年持平", "比上年提高2.5个百分点"; empty when not comparable. */
        public Optional<String> difference() {
            if (!comparable()) return Optional.empty();
            BigDecimal d = thisYear.value().subtract(lastYear.value());
            if (d.signum() == 0) return Optional.of("与上年持平");
            String amount = plain(d.abs());
            if (thisYear.unit().equals("%")) {
                return Optional.of("比上年" + (d.signum() > 0 ? "提高" : "下降") + amount + "个百分点");
            }
            return Optional.of("比上年" + (d.signum() > 0 ? "增加" : "减少") + amount + thisYear.unit());
        }
    }

    /** Whether a message asks for the comparison with last year ("把和去年的对比写上") rather than giving a figure. */
    public boolean isRequest(String text) {
        if (text == null || !REQUEST.matcher(text).find()) return false;
        return numbers.find(text).stream().noneMatch(q -> !q.unit().isEmpty() && !q.unit().equals("年"));
    }

    /** Every pair of the state, in the order of this year's facts. */
    public List<Pair> pairs(InterviewState state) {
        List<Pair> out = new ArrayList<>();
        for (Fact f : state.facts()) {
            // A fact restating last year's plan ("落实上年提出的…") carries last year's promise, not this year's figure.
            if (f.origin() != Fact.Origin.WRITER || f.sourceId() != null && f.sourceId().startsWith("plan:")) continue;
            List<Fact> before = state.lastYearFor(f.topic());
            if (before.isEmpty()) continue;
            for (int i = 0; i < f.quantities().size(); i++) {
                Quantity q = f.quantities().get(i);
                if (q.unit().isEmpty() || q.unit().equals("年")) continue;
                match(f, i, q, before).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The pairs of one of this year's facts. */
    public List<Pair> pairsOf(InterviewState state, String factId) {
        return pairs(state).stream().filter(p -> p.factId().equals(factId)).toList();
    }

    private Optional<Pair> match(Fact f, int index, Quantity q, List<Fact> before) {
        String label = label(f.text(), q, index, f.quantities());
        Set<String> words = contentWords(label);
        List<Candidate> same = new ArrayList<>();
        for (Fact l : before) {
            for (int j = 0; j < l.quantities().size(); j++) {
                Quantity lq = l.quantities().get(j);
                if (!lq.unit().equals(q.unit())) continue;
                Set<String> lw = contentWords(label(l.text(), lq, j, l.quantities()));
                // A word of one label inside a word of the other counts: "支部党员大会" and "党员大会".
                long shared = lw.stream().filter(w -> words.stream().anyMatch(x -> w.contains(x) || x.contains(w))).count();
                same.add(new Candidate(l, lq, shared));
            }
        }
        if (same.isEmpty()) return Optional.empty();
        long best = same.stream().mapToLong(Candidate::shared).max().orElse(0);
        List<Candidate> top = same.stream().filter(c -> c.shared() == best).toList();
        // One figure of that unit on each side is the same thing; among several, only a shared word tells which.
        boolean oneEach = same.size() == 1 && f.quantities().stream().filter(x -> x.unit().equals(q.unit())).count() == 1;
        if (top.size() != 1 || best == 0 && !oneEach) return Optional.empty();
        Candidate c = top.get(0);
        // Two labels that both name something, and nothing in common, count different things.
        if (best == 0 && !words.isEmpty()
                && !contentWords(label(c.fact().text(), c.quantity(), c.fact().quantities().indexOf(c.quantity()),
                c.fact().quantities())).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Pair(f.id(), c.fact().id(), index, f.topic(), label.isEmpty() ? q.unit() : label,
                c.quantity(), q));
    }

    private record Candidate(Fact fact, Quantity quantity, long shared) {
    }

    /** What a figure counts, in the words before it: "全年开展集中学习15次" → "集中学习". */
    String label(String text, Quantity q, int index, List<Quantity> all) {
        int from = 0;
        int at = -1;
        for (int i = 0; i <= index && i < all.size(); i++) {
            at = numbers.indexOf(text, all.get(i).raw(), from);
            if (at < 0) return "";
            from = at + all.get(i).raw().length();
        }
        if (at < 0) return "";
        List<Words.Word> words = this.words.of(text);
        List<String> before = new ArrayList<>();
        int length = 0;
        for (int i = words.size() - 1; i >= 0; i--) {
            Words.Word w = words.get(i);
            if (w.end() > at) continue;
            if (w.isPunctuation() || w.isNumeral() || w.isMeasure()) break;
            if (length + w.text().length() > 8 && !before.isEmpty()) break;
            before.add(0, w.text());
            length += w.text().length();
        }
        while (!before.isEmpty() && LEAD.contains(before.get(0))) before.remove(0);
        before.removeIf(w -> w.equals("了") || w.equals("的") || w.equals("过"));
        // "开了4次读书分享会": a bare verb before the figure names nothing; what follows does.
        if (before.stream().allMatch(w -> w.length() < 2)) {
            before.clear();
            length = 0;
            // "12次集中学习": the words after the figure.
            for (Words.Word w : words) {
                if (w.start() < at + q.raw().length()) continue;
                if (w.isPunctuation() || w.isNumeral() || length > 6) break;
                before.add(w.text());
                length += w.text().length();
            }
        }
        return String.join("", before);
    }

    private Set<String> contentWords(String label) {
        Set<String> out = new LinkedHashSet<>();
        for (Words.Word w : words.of(label)) {
            if (w.text().length() >= 2 && !LEAD.contains(w.text()) && !w.isPunctuation()) out.add(w.text());
        }
        return out;
    }

    /**
     * The state with the writer's request met: a derived fact ("集中学习比上年增加3次") right after each of this year's
     * facts with a comparable pair and none yet. {@code only} narrows it to pairs whose label the request names.
     */
    public InterviewState derive(InterviewState state, String request) {
        List<Pair> pairs = pairs(state).stream().filter(Pair::comparable).toList();
        List<Pair> named = pairs.stream().filter(p -> !p.label().isEmpty() && request != null
                && contentWords(p.label()).stream().anyMatch(request::contains)).toList();
        if (!named.isEmpty()) pairs = named;
        InterviewState next = state;
        for (Pair p : pairs) {
            String source = SOURCE + p.factId() + "/" + p.lastYearFactId() + "/" + p.index();
            if (next.facts().stream().anyMatch(f -> source.equals(f.sourceId()))) continue;
            next = insertAfter(next, p.factId(), derivedFact("f-" + next.nextFactId(), p, several(state, p), source),
                    next.nextFactId() + 1);
        }
        return next;
    }

    /** The derived facts brought in line with the figures they come from; one whose pair is gone is dropped. */
    public InterviewState refresh(InterviewState state) {
        if (state.facts().stream().noneMatch(f -> f.origin() == Fact.Origin.DERIVED)) return state;
        List<Pair> pairs = pairs(state);
        List<Fact> next = new ArrayList<>();
        boolean changed = false;
        for (Fact f : state.facts()) {
            if (f.origin() != Fact.Origin.DERIVED) {
                next.add(f);
                continue;
            }
            Optional<Pair> p = pairs.stream().filter(x -> f.sourceId() != null && f.sourceId().equals(
                    SOURCE + x.factId() + "/" + x.lastYearFactId() + "/" + x.index()) && x.comparable()).findFirst();
            if (p.isEmpty()) {
                changed = true;
                continue;
            }
            Fact fresh = derivedFact(f.id(), p.get(), several(state, p.get()), f.sourceId());
            if (!fresh.equals(f)) changed = true;
            next.add(fresh.withTopic(p.get().topic()));
        }
        return changed ? state.withFacts(next, state.nextFactId()) : state;
    }

    /**
     * Whether this year's fact gives more than one figure: then the difference names what it counts ("集中学习15次，
     * 专题研讨8次" → "集中学习比上年增加3次"), or it would read as the last figure's.
     */
    private static boolean several(InterviewState state, Pair p) {
        return state.facts().stream().filter(f -> f.id().equals(p.factId())).findFirst()
                .map(f -> f.quantities().stream().filter(q -> !q.unit().isEmpty()).count() > 1).orElse(false);
    }

    private Fact derivedFact(String id, Pair p, boolean named, String source) {
        String diff = p.difference().orElseThrow();
        String text = (named ? p.label() : "") + diff;
        return new Fact(id, p.topic(), text, numbers.find(diff), source, Fact.Origin.DERIVED);
    }

    private static InterviewState insertAfter(InterviewState state, String factId, Fact added, int nextId) {
        List<Fact> facts = new ArrayList<>(state.facts());
        int at = -1;
        for (int i = 0; i < facts.size(); i++) if (facts.get(i).id().equals(factId)) at = i;
        // After the fact and any difference already derived from it.
        while (at + 1 < facts.size() && facts.get(at + 1).origin() == Fact.Origin.DERIVED) at++;
        facts.add(at + 1, added);
        return state.withFacts(facts, nextId);
    }

    /** "集中学习：去年12次 → 今年15次". */
    public static String line(Pair p) {
        return (p.label().isEmpty() ? "" : p.label() + "：") + "去年" + p.lastYear().raw() + " → 今年" + p.thisYear().raw();
    }

    private static String plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
    }
}
