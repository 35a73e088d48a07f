package io.shuzhi.interview;

import io.shuzhi.prompts.TsvLines;
import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chinese words, by HanLP's segmenter (dictionaries in the jar, nothing downloaded). The project's fixed terms
 * ({@code prompts/fixed-terms.txt}: 三会一课, 第一议题, 最多跑一次…) and the genre's words
 * ({@code prompts/style/words.txt}: 主题党日, 支委会, 股室…) are words whatever the segmenter would cut: they are
 * marked first and only the text between them is segmented. HanLP's shared dictionary is never changed, so every
 * reader of words in the process (here and the drafter's rewriter) segments the same text the same way.
 * One instance per {@link Lexicon}, built from its tables.
 */
public final class Words {

    /** One word with its part of speech ("n", "v", "m", "q", "nnt"…) and where it starts in the text. */
    public record Word(String text, String pos, int start) {
        int end() {
            return start + text.length();
        }

        boolean isNumeral() {
            return pos.startsWith("m") && !pos.equals("mq");
        }

        boolean isMeasure() {
            return pos.startsWith("q");
        }

        boolean isPunctuation() {
            return pos.startsWith("w");
        }
    }

    static final String GENRE_WORDS = "prompts/style/words.txt";
    private static final Segment SEGMENT = HanLP.newSegment().enableNameRecognize(false)
            .enableOrganizationRecognize(false).enableTranslatedNameRecognize(false).enableJapaneseNameRecognize(false);
    /** Recent segmentations kept: reading one message asks for the words of the same clause several times. */
    private static final int CACHED = 1024;

    /** Fixed terms ("nz") and the genre's words (with their part of speech), longest first. */
    private final Map<String, String> whole;
    /** A bounded memo of {@link #of}, a pure function of the text and {@link #whole}: every session may share it. */
    private final Map<String, List<Word>> recent = new ConcurrentHashMap<>();

    /** The words of a text, with {@code wholeWords} (word → part of speech, longest first) never cut. */
    Words(Map<String, String> wholeWords) {
        this.whole = wholeWords;
    }

    /** The words of {@code text}, in order, with their offsets. */
    public List<Word> of(String text) {
        if (text == null || text.isEmpty()) return List.of();
        List<Word> known = recent.get(text);
        if (known != null) return known;
        List<Word> words = List.copyOf(segmented(text));
        if (recent.size() >= CACHED) recent.clear();
        recent.put(text, words);
        return words;
    }

    private List<Word> segmented(String text) {
        List<int[]> spans = new ArrayList<>();
        Map<String, String> wholeWords = whole;
        for (String w : wholeWords.keySet()) {
            for (int at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) {
                int start = at;
                int end = at + w.length();
                boolean free = spans.stream().noneMatch(s -> start < s[1] && s[0] < end);
                if (free) spans.add(new int[]{start, end});
            }
        }
        spans.sort(Comparator.comparingInt(s -> s[0]));
        List<Word> out = new ArrayList<>();
        int at = 0;
        for (int[] s : spans) {
            if (s[0] > at) segment(text, at, s[0], out);
            String w = text.substring(s[0], s[1]);
            out.add(new Word(w, wholeWords.get(w), s[0]));
            at = s[1];
        }
        if (at < text.length()) segment(text, at, text.length(), out);
        return out;
    }

    private static void segment(String text, int from, int to, List<Word> out) {
        String piece = text.substring(from, to);
        int at = 0;
        for (Term t : SEGMENT.seg(piece)) {
            if (t.word.isEmpty()) continue;
            int found = piece.indexOf(t.word, at);
            if (found < 0) found = at;
            out.add(new Word(t.word, t.nature == null ? "x" : t.nature.toString(), from + found));
            at = found + t.word.length();
        }
    }

    /**
     * The words never cut, from the genre's words ({@code prompts/style/words.txt}: word, TAB, part of speech) and
     * the fixed terms ("nz" unless the genre's list names them), longest first.
     */
    static Map<String, String> wholeWords(String genreWords, List<String> fixedTerms) {
        Map<String, String> all = new LinkedHashMap<>();
        for (TsvLines.Line line : TsvLines.stripped(genreWords)) {
            String[] cols = line.cols();
            if (cols.length == 2 && cols[0].length() >= 2) all.put(cols[0].strip(), cols[1].strip());
        }
        for (String term : fixedTerms) if (term.length() >= 2) all.putIfAbsent(term, "nz");
        Map<String, String> sorted = new LinkedHashMap<>();
        all.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed())
                .forEach(k -> sorted.put(k, all.get(k)));
        return java.util.Collections.unmodifiableMap(sorted);
    }
}
