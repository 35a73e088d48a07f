package io.shuzhi.draft;

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
 * Chinese-numeral quantities shown in Arabic digits ("二十余人" → "20余人"). One instance per {@link DraftLexicon}.
 */
final class ItemComposer {
    static final String PLACEHOLDER_OPEN = "【待补充：";
    static final String PLACEHOLDER_CLOSE = "】";
    static final String EFFECTS_FILE = "prompts/style/effects.txt";
    /** Nouns of people: a count of them is written with 名 or 人, not 个 ("发展党员2个" → "发展党员2名"). */
    static final String PEOPLE_FILE = "prompts/style/people.txt";
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

    /** Clauses remembered: the same facts are written again for every draft and every refinement of a session. */
    private static final int CLAUSE_CACHE = 8192;

    private final Words words;
    private final NumberParser numbers;
    private final java.util.function.Function<String, FormalRewriter> registers;
    /** Words that say what came of the work ({@code prompts/style/effects.txt}). */
    private final Set<String> effects;
    /** Nouns of people ({@code prompts/style/people.txt}). */
    private final List<String> people;
    /** A bounded memo of {@link #clause(Fact, String)}, a pure function of its arguments and the tables above. */
    private final java.util.Map<String, String> clauses = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Writes facts in the words {@code words} cuts, the quantities {@code numbers} finds, the register
     * {@code registers} gives for a kind id, with the {@code effects} and {@code people} word lists.
     */
    ItemComposer(Words words, NumberParser numbers, java.util.function.Function<String, FormalRewriter> registers,
                 Set<String> effects, List<String> people) {
        this.words = words;
        this.numbers = numbers;
        this.registers = registers;
        this.effects = Set.copyOf(effects);
        this.people = List.copyOf(people);
    }

    /** "二是{lead}。{facts}" for a topic with facts, "二是{lead}。【待补充：{missing}】" for one without (common register). */
    String item(int n, TopicSpec topic, List<Fact> facts) {
        return item(n, topic, facts, null);
    }

    /** "二是{lead}。{做法}，{成效}。" in the register of {@code kindId}; the placeholder when nothing was given. */
    String item(int n, TopicSpec topic, List<Fact> facts, String kindId) {
        String head = Ordinals.item(n) + stripEnd(topic.lead()) + "。";
        String sentence = sentence(facts, topic.lead(), topic.frame(), topic.close(), kindId);
        return sentence.isEmpty() ? head + placeholder(topic.missing()) : head + sentence;
    }

    /** "【待补充：{what}】". */
    static String placeholder(String what) {
        String named = what == null || what.isBlank() ? "相关情况" : stripEnd(what);
        return PLACEHOLDER_OPEN + named + PLACEHOLDER_CLOSE;
    }

    /** {@link #sentence(List, String, String)} in the common register. */
    String sentence(List<Fact> facts, String close) {
        return sentence(facts, close, null);
    }

    /**
     * The facts of one topic as flowing sentences ending in 。: what was done first, what came of it after, each fact
     * once; a sentence takes the next fact after "，" until it is about {@value #SENTENCE_CHARS} 字 long. The closing
     * clause follows when no fact says what came of the work.
     */
    String sentence(List<Fact> facts, String close, String kindId) {
        return sentence(facts, null, close, kindId);
    }

    /** As {@link #sentence(List, String, String)}, the kind's {@code frame} (how the work was approached) first. */
    String sentence(List<Fact> facts, String frame, String close, String kindId) {
        return sentence(facts, null, frame, close, kindId);
    }

    /** As {@link #sentence(List, String, String, String)}; the item's {@code lead} names its topic already. */
    String sentence(List<Fact> facts, String lead, String frame, String close, String kindId) {
        List<String> written = new ArrayList<>(new LinkedHashSet<>(facts.stream().map(f -> clause(f, kindId))
                .filter(s -> !s.isEmpty()).toList()));
        List<String> pieces = withoutBareLabels(written, (lead == null ? "" : lead) + "，" + (frame == null ? "" : frame));
        if (pieces.isEmpty()) return "";
        List<String> done = pieces.stream().filter(p -> !isEffect(p)).toList();
        List<String> came = pieces.stream().filter(this::isEffect).toList();
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
     * The writer's bare topic labels, put in the item's words: "产业，引进…项目" → "在产业方面，引进…项目". A label the item
     * already names — in its lead or frame ("严格规范组织生活。…组织生活，党员大会4次"), in the same fact ("采购，耗材采购
     * 全部上平台") or in another fact of the item — is dropped, and so is a label followed straight by another one; a
     * fact that is nothing but a label says nothing and is dropped. A label is a clause of one or two nouns (or a noun
     * and a verb naming one topic, "乡村振兴"), with "方面" or without, no figure, followed by a clause of its fact.
     */
    List<String> withoutBareLabels(List<String> pieces, String context) {
        pieces = withPronounPiecesJoined(pieces);
        List<String> out = new ArrayList<>();
        for (int p = 0; p < pieces.size(); p++) {
            String[] clauses = pieces.get(p).split("，", -1);
            var others = new StringBuilder(context);
            for (int q = 0; q < pieces.size(); q++) if (q != p) others.append('，').append(pieces.get(q));
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < clauses.length; i++) {
                String label = labelOf(clauses[i]);
                if (label == null) {
                    kept.add(clauses[i]);
                    continue;
                }
                boolean last = i == clauses.length - 1;
                if (last && clauses.length > 1) {
                    kept.add(clauses[i]); // a noun ending its fact is what the fact is about
                    continue;
                }
                if (last) continue; // the whole fact is a label
                // "文物安全，是重中之重，…": the label is the subject of the copula that follows — one clause
                if (clauses[i + 1].strip().startsWith("是") && !clauses[i].strip().endsWith("方面")) {
                    kept.add(clauses[i].strip() + clauses[i + 1].strip());
                    i++;
                    continue;
                }
                // "问题方面，监督还是偏软": a label naming the report's part, not a topic, says nothing
                if (PART_NAMES.contains(label)) continue;
                String rest = String.join("，", java.util.Arrays.copyOfRange(clauses, i + 1, clauses.length));
                boolean labelled = clauses[i].strip().endsWith("方面") || nouns(label);
                boolean nextIsLabel = labelOf(clauses[i + 1]) != null;
                if (names(others + "，" + rest, label) || labelled && nextIsLabel) continue;
                // "乡村振兴，新建…" names a topic; "护士居多，…" says something: a noun and a verb are a label only
                // before a clause that starts with its own verb.
                boolean twoWords = words.of(label).stream().filter(t -> !t.punct()).count() == 2;
                boolean label2 = labelled || twoWords && !nextIsLabel && startsWithVerb(clauses[i + 1]);
                kept.add(label2 ? "在" + label + "方面" : clauses[i]);
            }
            if (!kept.isEmpty()) out.add(String.join("，", kept));
        }
        return out;
    }

    /** Labels that name a part of the report (its problems, plans, results), not a topic of the item. */
    private static final java.util.Set<String> PART_NAMES = java.util.Set.of("问题", "不足", "短板", "差距", "打算",
            "计划", "措施", "思路", "成绩", "成效", "亮点", "工作", "存在问题", "存在的问题", "明年打算");

    /** What a label clause names ("监督方面" → "监督", "产业" → "产业"); null when the clause is not a label. */
    String labelOf(String clause) {
        String c = clause.strip();
        if (c.isEmpty() || c.length() > 10 || c.matches(".*[0-9０-９一二三四五六七八九十百千万两；。：“”《》【】].*")) return null;
        boolean aspect = c.endsWith("方面");
        String core = aspect ? c.substring(0, c.length() - 2) : c;
        if (core.isEmpty() || core.startsWith("在")) return null;
        List<Words.Token> words = this.words.of(core).stream().filter(t -> !t.punct()).toList();
        if (words.isEmpty() || words.size() > (aspect && core.length() <= 6 ? 4 : 2)) return null;
        for (Words.Token t : words) {
            String n = t.nature();
            if (t.kind() == Words.Kind.QUANTITY || n.startsWith("t") || n.startsWith("r") || t.text().endsWith("年")) return null;
        }
        // "学习方面", "急难险重方面": the writer's own label, whatever its words
        if (aspect) return core;
        if (words.stream().anyMatch(t -> t.kind() != Words.Kind.WORD)) return null;
        // "学习，集中学习10次": a verb standing for its topic (dropped only where the item names it)
        if (words.size() == 1 && words.get(0).nature().startsWith("v") && core.length() >= 2) return core;
        boolean nouns = words.stream().allMatch(ItemComposer::nounLike);
        boolean nounVerb = words.size() == 2 && nounLike(words.get(0)) && words.get(1).nature().startsWith("v")
                && words.get(1).text().length() >= 2;
        return nouns || nounVerb ? core : null;
    }

    /**
     * "本人，个人有关事项按时报告" → "本人个人有关事项按时报告": the writer's "我自己，" names the subject of what follows;
     * a clause that is only a personal pronoun is joined to the clause after it.
     */
    String withPronounJoined(String text) {
        String[] clauses = text.split("，", -1);
        if (clauses.length < 2) return text;
        var out = new StringBuilder();
        for (int i = 0; i < clauses.length; i++) {
            out.append(clauses[i]);
            boolean join = i + 1 < clauses.length && !clauses[i + 1].isBlank() && pronounOnly(clauses[i]);
            if (i + 1 < clauses.length && !join) out.append('，');
        }
        return out.toString();
    }

    /** A fact that is only the writer's pronoun ("我自己" said alone) is the subject of the next fact. */
    private List<String> withPronounPiecesJoined(List<String> pieces) {
        List<String> out = new ArrayList<>();
        String pending = "";
        for (String p : pieces) {
            if (pronounOnly(p)) {
                pending = p.strip();
                continue;
            }
            out.add(p.strip().startsWith(pending) ? p : pending + p);
            pending = "";
        }
        if (!pending.isEmpty()) out.add(pending);
        return out;
    }

    /** A clause that is only a personal pronoun ("本人", "本人自己"). */
    private boolean pronounOnly(String clause) {
        List<Words.Token> words = this.words.of(clause.strip()).stream().filter(t -> !t.punct()).toList();
        return !words.isEmpty() && words.size() <= 2 && words.stream().allMatch(t -> t.kind() == Words.Kind.WORD
                && t.nature().equals("rr"));
    }

    private boolean nouns(String label) {
        return words.of(label).stream().filter(t -> !t.punct()).allMatch(ItemComposer::nounLike);
    }

    private boolean startsWithVerb(String clause) {
        List<Words.Token> words = this.words.of(clause.strip()).stream().filter(t -> !t.punct()).toList();
        return !words.isEmpty() && words.get(0).kind() == Words.Kind.WORD && words.get(0).nature().equals("v");
    }

    private static boolean nounLike(Words.Token t) {
        String n = t.nature();
        return (n.startsWith("n") && !n.equals("nx")) || n.equals("vn") || n.equals("an");
    }

    /** Whether {@code text} names the label: the label itself, or each of its words of two characters or more. */
    private boolean names(String text, String label) {
        if (text.contains(label)) return true;
        List<String> words = this.words.of(label).stream().filter(t -> !t.punct()).map(Words.Token::text).toList();
        return words.stream().allMatch(w -> w.length() >= 2 && text.contains(w));
    }

    /**
     * "本人参加学习12次，本人研读…" → "本人参加学习12次，研读…": a later fact that opens with the same pronoun as an earlier
     * one of the item (a word the segmenter tags as a personal pronoun: 本人, 本处, 本单位…) loses it.
     */
    List<String> withoutRepeatedSubject(List<String> pieces) {
        List<String> out = new ArrayList<>();
        java.util.Set<String> said = new java.util.HashSet<>();
        for (String piece : pieces) {
            List<Words.Token> words = this.words.of(piece);
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
    boolean isEffect(String clause) {
        String first = clause.split("[，；。]", 2)[0];
        List<Words.Token> words = this.words.of(first).stream().filter(t -> !t.punct()).toList();
        if (words.isEmpty()) return false;
        String nature = words.get(0).nature();
        if (nature.startsWith("v") && !nature.startsWith("vn")) return false;
        return words.stream().anyMatch(t -> effects.contains(t.text()));
    }

    /** One fact in the common register: see {@link #clause(Fact, String)}. */
    String clause(Fact fact) {
        return clause(fact, null);
    }

    /**
     * One fact as the draft writes it: numbers in display form, the writer's list markers gone, full-width marks, the
     * spoken words in the register of {@code kindId} (the common one when null), no final mark.
     */
    String clause(Fact fact, String kindId) {
        // The same facts are written again for every draft and every refinement of a session: remember them.
        String key = kindId + "\u0000" + fact.text() + "\u0000" + fact.quantities();
        String known = clauses.get(key);
        if (known != null) return known;
        String written = write(fact, kindId);
        if (clauses.size() > CLAUSE_CACHE) clauses.clear();
        clauses.put(key, written);
        return written;
    }

    private String write(Fact fact, String kindId) {
        List<String> shown = new ArrayList<>();
        String text = withoutThousandsSeparators(toFullWidth(spacesAsCommas(withoutListMarkers(
                withDisplayNumbers(fact.text().strip(), fact.quantities(), shown)))));
        List<String> quantities = new ArrayList<>(shown);
        for (String q : words.quantityTexts(text)) if (!quantities.contains(q)) quantities.add(q);
        quantities.sort(java.util.Comparator.comparingInt(text::indexOf));
        String formal = registers.apply(kindId).apply(text, quantities).text();
        return withPronounJoined(clean(formal));
    }

    /** A rewritten text without the marks its dropped words left behind: no empty clause, no leading or final mark. */
    static String clean(String text) {
        String s = EMPTY_CLAUSE.matcher(START_PUNCTUATION.matcher(text.strip()).replaceAll(""))
                .replaceAll(m -> Matcher.quoteReplacement(m.group(1).isEmpty() ? "" : m.group().substring(0, 1)));
        return stripEnd(tidy(s));
    }

    /** Each quantity's raw text replaced, in order, by how a draft writes it. */
    String withDisplayNumbers(String text, List<Quantity> quantities) {
        return withDisplayNumbers(text, quantities, new ArrayList<>());
    }

    /** As {@link #withDisplayNumbers(String, List)}, adding each quantity as shown to {@code shown}. */
    private String withDisplayNumbers(String text, List<Quantity> quantities, List<String> shown) {
        var out = new StringBuilder();
        int from = 0;
        for (Quantity q : quantities) {
            int at = numbers.indexOf(text, q.raw(), from);
            if (at < 0) continue;
            int end = at + q.raw().length();
            String shownAs = display(q);
            // people are counted with 名/人, not 个: "党员37个" → "党员37名", "11个人" → "11人", "3个医生" → "3名医生"
            if (shownAs.endsWith("个") && !shownAs.contains(".")) {
                String number = shownAs.substring(0, shownAs.length() - 1);
                String after = text.substring(end);
                if (after.startsWith("人") && !after.startsWith("人次") && !after.startsWith("人员")
                        && !after.startsWith("人民") && !after.startsWith("人才")) {
                    shownAs = number + "人";
                    end++;
                } else if (startsWithPerson(after) || (endsWithPerson(text.substring(0, at)) && endsClause(after))) {
                    shownAs = number + "名";
                }
            }
            out.append(text, from, at).append(shownAs);
            shown.add(shownAs);
            from = end;
        }
        return out.append(text.substring(from)).toString();
    }

    /** A quantity as the draft writes it: typed digits exactly as written, Chinese numerals as {@link Quantity#display()}. */
    static String display(Quantity q) {
        String raw = q.raw().strip();
        return ASCII_DIGIT.matcher(raw).find() ? withoutThousandsSeparators(raw) : q.display();
    }

    private static final Pattern THOUSANDS_SEPARATOR = Pattern.compile("(?<=\\d),(?=\\d{3}(?!\\d))");

    /** "4,200亩" → "4200亩": running Chinese text writes a number without separators. */
    static String withoutThousandsSeparators(String text) {
        return THOUSANDS_SEPARATOR.matcher(text).replaceAll("");
    }

    private boolean startsWithPerson(String text) {
        return people.stream().anyMatch(text::startsWith);
    }

    private boolean endsWithPerson(String text) {
        return people.stream().anyMatch(text::endsWith);
    }

    private static boolean endsClause(String text) {
        return text.isEmpty() || "，。；、,;.：:）)".indexOf(text.charAt(0)) >= 0;
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
