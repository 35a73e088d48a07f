package io.shuzhi.draft;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import io.shuzhi.interview.NumberParser;
import io.shuzhi.interview.Quantity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A text cut into words with their part of speech, the way the drafter's wording rules see it. Some spans are one word
 * whatever the segmenter would make of them, so that no rule ever reaches inside them: a quoted title or name
 * (“…” 《…》 ‘…’ 「…」), a 【…】 placeholder, a quantity ("24次", "20余人"), a fixed term of
 * {@code prompts/fixed-terms.txt} or {@code prompts/style/protected.txt}. The genre's own words of
 * {@code prompts/style/words.txt} ("主题党日", "组织生活会") are one word too, with the part of speech given there.
 * The rest is segmented by HanLP. One instance per {@link DraftLexicon}, built from its tables.
 */
final class Words {
    static final String TERMS_FILE = "prompts/fixed-terms.txt";
    static final String PROTECTED_FILE = "prompts/style/protected.txt";
    static final String WORDS_FILE = "prompts/style/words.txt";
    /** Clause breaks: a rule never reaches across one. "、" joins list items inside a clause. */
    static final String CLAUSE_BREAKS = "，；。！？：,;!?:";

    private static final String OPEN = "“‘《「『【";
    private static final String CLOSE = "”’》」』】";

    enum Kind {
        WORD, PUNCT, QUANTITY,
        /** A fixed term, a quoted span or a placeholder: kept exactly, matched only as a whole. */
        TERM
    }

    /** One word: its text, HanLP's nature ("v", "n", "rr", "m"…; "Q" for a quantity) and kind. */
    record Token(String text, String nature, Kind kind) {
        boolean clauseBreak() {
            return kind == Kind.PUNCT && CLAUSE_BREAKS.contains(text);
        }

        boolean punct() {
            return kind == Kind.PUNCT;
        }
    }

    private static final Segment SEGMENT = HanLP.newSegment().enableNameRecognize(false).enablePlaceRecognize(false)
            .enableOrganizationRecognize(false).enableTranslatedNameRecognize(false).enableJapaneseNameRecognize(false)
            .enableCustomDictionary(true);

    private final NumberParser numbers;
    /** Fixed terms and protected words, longest first. */
    private final List<String> terms;
    /** The genre's words with their part of speech, longest first. */
    private final Map<String, String> genreWords;
    /** Both, longest first. */
    private final List<String> whole;

    /**
     * The words of a text with {@code terms} (fixed terms and protected words) and {@code genreWords} (word → part
     * of speech) kept whole, and the quantities {@code numbers} finds.
     */
    Words(NumberParser numbers, java.util.Collection<String> terms, Map<String, String> genreWords) {
        this.numbers = numbers;
        this.terms = terms.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        // longest first, so "组织生活会" is taken before "组织生活"
        Map<String, String> m = new TreeMap<>(Comparator.comparingInt(String::length).reversed()
                .thenComparing(Comparator.naturalOrder()));
        m.putAll(genreWords);
        this.genreWords = java.util.Collections.unmodifiableMap(m);
        var all = new LinkedHashSet<>(this.genreWords.keySet());
        all.addAll(this.terms);
        this.whole = all.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** The text's words; its quantities are found by {@link NumberParser}. */
    List<Token> of(String text) {
        return of(text, quantityTexts(text));
    }

    /** The text's words; each of {@code quantities} (texts as they stand in {@code text}, in order) is one word. */
    List<Token> of(String text, List<String> quantities) {
        int n = text.length();
        List<int[]> spans = new ArrayList<>(); // start, end, type (0 term, 1 quantity, 2 genre word)
        markQuotes(text, spans);
        int from = 0;
        for (String q : quantities) {
            if (q == null || q.isEmpty()) continue;
            int at = text.indexOf(q, from);
            while (at >= 0 && overlaps(spans, at, at + q.length())) at = text.indexOf(q, at + 1);
            if (at < 0) continue;
            spans.add(new int[]{at, at + q.length(), 1});
            from = at + q.length();
        }
        // fixed terms and the genre's words together, longest first: "第一时间" is a word, not 第 + the term "一时" + 间
        for (String w : whole) markAll(text, w, genreWords.containsKey(w) ? 2 : 0, spans);
        spans.sort(Comparator.comparingInt(s -> s[0]));

        List<Token> out = new ArrayList<>();
        int at = 0;
        for (int[] s : spans) {
            if (s[0] > at) segment(text.substring(at, s[0]), out);
            String word = text.substring(s[0], s[1]);
            switch (s[2]) {
                case 1 -> out.add(new Token(word, "Q", Kind.QUANTITY));
                case 2 -> out.add(new Token(word, genreWords.get(word), Kind.WORD));
                default -> out.add(new Token(word, termNature(word), Kind.TERM));
            }
            at = s[1];
        }
        if (at < n) segment(text.substring(at), out);
        return withMeasures(out);
    }

    /**
     * A figure the number parser does not count ("6800台", "20分钟": its unit list is the genre's) is still one
     * quantity when the segmenter reads digits and a measure word.
     */
    private static List<Token> withMeasures(List<Token> tokens) {
        List<Token> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean digits = t.kind() == Kind.WORD && t.nature().equals("m") && t.text().matches("[0-9]+(?:\\.[0-9]+)?");
            if (digits && i + 1 < tokens.size() && tokens.get(i + 1).kind() == Kind.WORD
                    && tokens.get(i + 1).nature().startsWith("q")) {
                out.add(new Token(t.text() + tokens.get(i + 1).text(), "Q", Kind.QUANTITY));
                i++;
            } else {
                out.add(t);
            }
        }
        return out;
    }

    /** Start offsets of the words, and the text's length: a match that starts and ends on these is whole words. */
    static java.util.Set<Integer> boundaries(List<Token> tokens) {
        java.util.Set<Integer> out = new java.util.HashSet<>();
        int at = 0;
        out.add(0);
        for (Token t : tokens) {
            at += t.text().length();
            out.add(at);
        }
        return out;
    }

    static String join(List<Token> tokens) {
        var out = new StringBuilder();
        for (Token t : tokens) out.append(t.text());
        return out.toString();
    }

    /** The quantities {@link NumberParser} finds, as they stand in the text. */
    List<String> quantityTexts(String text) {
        try {
            return numbers.find(text).stream().map(Quantity::raw).toList();
        } catch (RuntimeException e) {
            // Quantities are only kept whole here; every figure is guarded anyway. A number the parser trips over must
            // not stop a draft or a refinement: the text is then cut into words without them.
            return List.of();
        }
    }

    /** Words of {@code prompts/style/words.txt}: word, white space, part of speech; "#" comments. */
    static Map<String, String> parseGenreWords(String content) {
        Map<String, String> m = new LinkedHashMap<>();
        int lineNo = 0;
        for (String line : content.split("\n")) {
            lineNo++;
            String l = line.replace("\r", "").strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            String[] cols = l.split("\\s+");
            if (cols.length != 2) throw new IllegalStateException(WORDS_FILE + ":" + lineNo + ": expected word<TAB>nature");
            m.put(cols[0], cols[1]);
        }
        return m;
    }

    /** The lines of a word list, "#" comments and blank lines left out. */
    static List<String> lines(String content) {
        return content.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static void segment(String text, List<Token> out) {
        for (Term t : SEGMENT.seg(text)) {
            if (t.word.isEmpty()) continue;
            String nature = t.nature == null ? "x" : t.nature.toString();
            boolean punct = nature.startsWith("w") || isPunct(t.word);
            if (t.word.isBlank()) {
                out.add(new Token(t.word, "w", Kind.PUNCT));
            } else if (punct && t.word.length() > 1) {
                // "，，" or "。”" as one term: one token per mark, so clause breaks stay visible
                for (char c : t.word.toCharArray()) out.add(new Token(String.valueOf(c), "w", Kind.PUNCT));
            } else {
                out.add(new Token(t.word, punct ? "w" : nature, punct ? Kind.PUNCT : Kind.WORD));
            }
        }
    }

    private static boolean isPunct(String word) {
        for (char c : word.toCharArray()) {
            if (Character.isLetterOrDigit(c)) return false;
        }
        return true;
    }

    private static String termNature(String term) {
        if (term.length() > 1 && OPEN.indexOf(term.charAt(0)) >= 0) return "nz";
        List<Term> ts = SEGMENT.seg(term);
        return ts.size() == 1 && ts.get(0).nature != null ? ts.get(0).nature.toString() : "nz";
    }

    /** Quoted spans, outermost pairs only, each one word with its marks. */
    private static void markQuotes(String text, List<int[]> spans) {
        int depth = 0;
        int start = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (OPEN.indexOf(c) >= 0) {
                if (depth == 0) start = i;
                depth++;
            } else if (CLOSE.indexOf(c) >= 0 && depth > 0) {
                depth--;
                if (depth == 0) spans.add(new int[]{start, i + 1, 0});
            }
        }
    }

    private static void markAll(String text, String word, int type, List<int[]> spans) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            if (!overlaps(spans, at, at + word.length())) spans.add(new int[]{at, at + word.length(), type});
        }
    }

    private static boolean overlaps(List<int[]> spans, int start, int end) {
        for (int[] s : spans) if (start < s[1] && s[0] < end) return true;
        return false;
    }
}
