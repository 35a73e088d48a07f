package io.shuzhi.draft;

import io.shuzhi.prompts.PromptFiles;
import io.shuzhi.interview.Fact;
import io.shuzhi.interview.NumberParser;
import io.shuzhi.interview.Quantity;
import io.shuzhi.interview.ReportKind.TopicSpec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the writer's facts into the sentences of a draft. A fact keeps its figures, names and quoted titles exactly;
 * its spoken words are put in the register of the report kind by {@link FormalRewriter} ("我们一共发了36册" →
 * "共发放36册"). The facts of one topic make one item, "一是{lead}。{做法}，{成效}。": what was done first, what came
 * of it after, joined as flowing sentences, after the kind's frame (how the work was approached); the kind's closing
 * clause ends an item only where the writer said nothing of the outcome. A topic without facts gets its placeholder. No number of its own: the only numbers are the facts',
 * Chinese-numeral quantities shown in Arabic digits ("二十余人" → "20余人").
 */
final class ItemComposer {
    static final String PLACEHOLDER_OPEN = "【待补充：";
    static final String PLACEHOLDER_CLOSE = "】";
    static final String EFFECTS_FILE = "prompts/style/effects.txt";
    /** A sentence of joined facts grows to about this many 字 before the next fact starts a new one. */
    static final int SENTENCE_CHARS = 110;

    private static final Pattern ASCII_DIGIT = Pattern.compile("[0-9]");
    private static final Pattern END_PUNCTUATION = Pattern.compile("[\\s。．.，,；;、：:！!？?…~～]+$");
    private static final Pattern START_PUNCTUATION = Pattern.compile("^[\\s。．，,；;、：:！!？?]+");
    /** The writer's own list markers ("1." "2、" "（3）" "一是" "二、") at the start of a clause. */
    private static final Pattern LIST_MARKER = Pattern.compile(
            "(^|[，；。,;.\\s]+)\\s*(?:\\d{1,2}[.．、)）](?!\\d)|[（(]\\d{1,2}[)）]|[一二三四五六七八九十]{1,2}[是、])\\s*");
    private static final Pattern SPACE_BETWEEN_CJK = Pattern.compile("(?<=[^\\x00-\\x7F])\\s+(?=[^\\x00-\\x7F])");
    private static final Pattern SPACE_BESIDE_CJK = Pattern.compile("(?<=[^\\x00-\\x7F])\\s+|\\s+(?=[^\\x00-\\x7F])");
    private static final Pattern DOUBLED = Pattern.compile("[，；、：]*。[。，；、]*|，{2,}|；{2,}|[，、]；|；，");
    private static final Pattern EMPTY_CLAUSE = Pattern.compile("(^|[，；])[，；]+");

    // Kept static: an immutable table read once from a fixed file under prompts/ (not a setting), for pure static
    // functions that records and other packages call; as a bean it would be threaded through every caller, unchanged.
    private static volatile Set<String> effects;
    // Kept static: a bounded memo of a pure function (same input, same output), so every session may share it.
    private static final int CLAUSE_CACHE = 8192;
    private static final java.util.Map<String, String> CLAUSES = new java.util.concurrent.ConcurrentHashMap<>();

    private ItemComposer() {
    }

    /** "二是{lead}。{facts}" for a topic with facts, "二是{lead}。【待补充：{missing}】" for one without (common register). */
    static String item(int n, TopicSpec topic, List<Fact> facts) {
        return item(n, topic, facts, null);
    }

    /** "二是{lead}。{做法}，{成效}。" in the register of {@code kindId}; the placeholder when nothing was given. */
    static String item(int n, TopicSpec topic, List<Fact> facts, String kindId) {
        String head = Ordinals.item(n) + stripEnd(topic.lead()) + "。";
        String sentence = sentence(facts, topic.frame(), topic.close(), kindId);
        return sentence.isEmpty() ? head + placeholder(topic.missing()) : head + sentence;
    }

    /** "【待补充：{what}】". */
    static String placeholder(String what) {
        String named = what == null || what.isBlank() ? "相关情况" : stripEnd(what);
        return PLACEHOLDER_OPEN + named + PLACEHOLDER_CLOSE;
    }

    /** {@link #sentence(List, String, String)} in the common register. */
    static String sentence(List<Fact> facts, String close) {
        return sentence(facts, close, null);
    }

    /**
     * The facts of one topic as flowing sentences ending in 。: what was done first, what came of it after, each fact
     * once; a sentence takes the next fact after "，" until it is about {@value #SENTENCE_CHARS} 字 long. The closing
     * clause follows when no fact says what came of the work.
     */
    static String sentence(List<Fact> facts, String close, String kindId) {
        return sentence(facts, null, close, kindId);
    }

    /** As {@link #sentence(List, String, String)}, the kind's {@code frame} (how the work was approached) first. */
    static String sentence(List<Fact> facts, String frame, String close, String kindId) {
        List<String> pieces = new ArrayList<>(new LinkedHashSet<>(facts.stream().map(f -> clause(f, kindId))
                .filter(s -> !s.isEmpty()).toList()));
        if (pieces.isEmpty()) return "";
        List<String> done = pieces.stream().filter(p -> !isEffect(p)).toList();
        List<String> came = pieces.stream().filter(ItemComposer::isEffect).toList();
        List<String> ordered = new ArrayList<>(done);
        ordered.addAll(came);
        ordered = withoutRepeatedSubject(ordered);
        if (frame != null && !frame.isBlank()) ordered.set(0, stripEnd(toFullWidth(frame.strip())) + "，" + ordered.get(0));
        String tail = close == null || close.isBlank() || !came.isEmpty() ? "" : stripEnd(toFullWidth(close.strip()));
        return flowing(ordered, tail);
    }

    /** Pieces joined with "，" into sentences of about {@value #SENTENCE_CHARS} 字, then {@code tail}, then "。". */
    static String flowing(List<String> pieces, String tail) {
        var out = new StringBuilder();
        var current = new StringBuilder();
        for (String piece : pieces) {
            if (current.length() > 0 && (piece.contains("。")
                    || CharCount.of(current.toString()) + CharCount.of(piece) > SENTENCE_CHARS)) {
                out.append(current).append("。");
                current.setLength(0);
            }
            if (current.length() > 0) current.append("，");
            current.append(piece);
            if (piece.contains("。")) {
                out.append(current).append("。");
                current.setLength(0);
            }
        }
        if (!tail.isEmpty()) {
            if (current.length() == 0) {
                // the last fact ended a sentence of its own: the closing clause stands after it
                String text = stripEnd(out.toString());
                out.setLength(0);
                out.append(text);
                current.append("，");
            } else {
                current.append("，");
            }
            current.append(tail);
        }
        out.append(current);
        return tidy(stripEnd(out.toString()) + "。");
    }

    /**
     * "本人参加学习12次，本人研读…" → "本人参加学习12次，研读…": a later fact that opens with the same pronoun as an earlier
     * one of the item (a word the segmenter tags as a personal pronoun: 本人, 本处, 本单位…) loses it.
     */
    static List<String> withoutRepeatedSubject(List<String> pieces) {
        List<String> out = new ArrayList<>();
        java.util.Set<String> said = new java.util.HashSet<>();
        for (String piece : pieces) {
            List<Words.Token> words = Words.of(piece);
            Words.Token first = words.isEmpty() ? null : words.get(0);
            boolean pronoun = first != null && first.kind() == Words.Kind.WORD && first.nature().equals("rr");
            if (pronoun && !said.add(first.text()) && words.size() > 1 && !words.get(1).punct()) {
                out.add(piece.substring(first.text().length()));
            } else {
                out.add(piece);
            }
        }
        return out;
    }

    /** A fact that opens without a verb of its own and says what came of the work ("党员撰写心得体会的质量较上年明显提高"). */
    static boolean isEffect(String clause) {
        String first = clause.split("[，；。]", 2)[0];
        List<Words.Token> words = Words.of(first).stream().filter(t -> !t.punct()).toList();
        if (words.isEmpty()) return false;
        String nature = words.get(0).nature();
        if (nature.startsWith("v") && !nature.startsWith("vn")) return false;
        return words.stream().anyMatch(t -> effects().contains(t.text()));
    }

    private static Set<String> effects() {
        Set<String> e = effects;
        if (e == null) {
            e = Set.copyOf(PromptFiles.find(EFFECTS_FILE).map(c -> c.lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()).orElse(List.of()));
            effects = e;
        }
        return e;
    }

    /** One fact in the common register: see {@link #clause(Fact, String)}. */
    static String clause(Fact fact) {
        return clause(fact, null);
    }

    /**
     * One fact as the draft writes it: numbers in display form, the writer's list markers gone, full-width marks, the
     * spoken words in the register of {@code kindId} (the common one when null), no final mark.
     */
    static String clause(Fact fact, String kindId) {
        // The same facts are written again for every draft and every refinement of a session: remember them.
        String key = kindId + "\u0000" + fact.text() + "\u0000" + fact.quantities();
        String known = CLAUSES.get(key);
        if (known != null) return known;
        String written = write(fact, kindId);
        if (CLAUSES.size() > CLAUSE_CACHE) CLAUSES.clear();
        CLAUSES.put(key, written);
        return written;
    }

    private static String write(Fact fact, String kindId) {
        List<String> shown = new ArrayList<>();
        String text = toFullWidth(spacesAsCommas(withoutListMarkers(
                withDisplayNumbers(fact.text().strip(), fact.quantities(), shown))));
        List<String> quantities = new ArrayList<>(shown);
        for (String q : Words.quantityTexts(text)) if (!quantities.contains(q)) quantities.add(q);
        quantities.sort(java.util.Comparator.comparingInt(text::indexOf));
        String formal = FormalRewriter.forKind(kindId).apply(text, quantities).text();
        return clean(formal);
    }

    /** A rewritten text without the marks its dropped words left behind: no empty clause, no leading or final mark. */
    static String clean(String text) {
        String s = EMPTY_CLAUSE.matcher(START_PUNCTUATION.matcher(text.strip()).replaceAll(""))
                .replaceAll(m -> Matcher.quoteReplacement(m.group(1).isEmpty() ? "" : m.group().substring(0, 1)));
        return stripEnd(tidy(s));
    }

    /** Each quantity's raw text replaced, in order, by how a draft writes it. */
    static String withDisplayNumbers(String text, List<Quantity> quantities) {
        return withDisplayNumbers(text, quantities, new ArrayList<>());
    }

    /** As {@link #withDisplayNumbers(String, List)}, adding each quantity as shown to {@code shown}. */
    private static String withDisplayNumbers(String text, List<Quantity> quantities, List<String> shown) {
        var out = new StringBuilder();
        int from = 0;
        for (Quantity q : quantities) {
            int at = NumberParser.indexOf(text, q.raw(), from);
            if (at < 0) continue;
            out.append(text, from, at).append(display(q));
            shown.add(display(q));
            from = at + q.raw().length();
        }
        return out.append(text.substring(from)).toString();
    }

    /** A quantity as the draft writes it: typed digits exactly as written, Chinese numerals as {@link Quantity#display()}. */
    static String display(Quantity q) {
        String raw = q.raw().strip();
        return ASCII_DIGIT.matcher(raw).find() ? raw : q.display();
    }

    /** The text without trailing punctuation or spaces. */
    static String stripEnd(String text) {
        return text == null ? "" : END_PUNCTUATION.matcher(text.strip()).replaceAll("");
    }

    /** Collapses what joining can leave behind: "。。", "，。", "；。", "，，". */
    static String tidy(String text) {
        return DOUBLED.matcher(text).replaceAll(m -> m.group().contains("。") ? "。" : m.group().substring(0, 1));
    }

    /** Half-width marks to full-width; a "." or "," between digits (3.5, 1,200) is left alone. */
    static String toFullWidth(String text) {
        var out = new StringBuilder(text.length());
        boolean openQuote = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean betweenDigits = i > 0 && i + 1 < text.length()
                    && Character.isDigit(text.charAt(i - 1)) && Character.isDigit(text.charAt(i + 1));
            switch (c) {
                case ',' -> out.append(betweenDigits ? "," : "，");
                case '.' -> out.append(betweenDigits ? "." : "。");
                case ';' -> out.append('；');
                case ':' -> out.append(betweenDigits ? ":" : "：");
                case '?' -> out.append('？');
                case '!' -> out.append('！');
                case '(' -> out.append('（');
                case ')' -> out.append('）');
                case '"' -> {
                    out.append(openQuote ? '“' : '”');
                    openQuote = !openQuote;
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** "1.开展研讨 2.购买书籍" → "开展研讨；购买书籍": the draft numbers its own items. */
    static String withoutListMarkers(String text) {
        return LIST_MARKER.matcher(text).replaceAll(m -> {
            String before = m.group(1);
            if (before.isEmpty()) return "";
            return before.isBlank() ? "；" : Matcher.quoteReplacement(before);
        });
    }

    /** A space between Chinese words separates clauses ("开展研讨 组织参观"); beside Latin text it is dropped. */
    private static String spacesAsCommas(String text) {
        return SPACE_BESIDE_CJK.matcher(SPACE_BETWEEN_CJK.matcher(text).replaceAll("，")).replaceAll("");
    }
}
