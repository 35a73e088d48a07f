package io.shuzhi.interview;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.seg.common.Term;

import java.util.ArrayList;
import java.util.List;

/**
 * Chinese words, by HanLP's segmenter (dictionaries in the jar, nothing downloaded). The project's fixed terms
 * ({@code prompts/fixed-terms.txt}: 三会一课, 第一议题, 最多跑一次…) are added as words, so a segment never cuts one.
 * Everything that must not start or end inside a word — labels, clause kinds, routing — asks here.
 */
public final class Words {

    /** One word with its part of speech ("n", "v", "m", "q", "nnt"…) and where it starts in the text. */
    public record Word(String text, String pos, int start) {
        public int end() {
            return start + text.length();
        }

        public boolean isNumeral() {
            return pos.startsWith("m") && !pos.equals("mq");
        }

        public boolean isMeasure() {
            return pos.startsWith("q");
        }

        public boolean isPunctuation() {
            return pos.startsWith("w");
        }
    }

    private static final Object INIT = new Object();
    private static volatile boolean ready;

    private Words() {
    }

    /** The words of {@code text}, in order, with their offsets. */
    public static List<Word> of(String text) {
        if (text == null || text.isEmpty()) return List.of();
        init();
        List<Term> terms = HanLP.segment(text);
        List<Word> out = new ArrayList<>(terms.size());
        int at = 0;
        for (Term t : terms) {
            int found = text.indexOf(t.word, at);
            if (found < 0) found = at;
            out.add(new Word(t.word, t.nature == null ? "x" : t.nature.toString(), found));
            at = found + t.word.length();
        }
        return out;
    }

    /** Whether {@code word} occurs in {@code text} as a whole word (not inside a longer one). */
    public static boolean hasWord(String text, String word) {
        if (text == null || !text.contains(word)) return false;
        for (Word w : of(text)) if (w.text().equals(word)) return true;
        // A phrase of several words ("党员大会") counts when it starts and ends on word boundaries.
        return word.length() > 1 && onBoundaries(text, word);
    }

    /** Whether some occurrence of {@code phrase} in {@code text} starts and ends on word boundaries. */
    public static boolean onBoundaries(String text, String phrase) {
        List<Word> words = of(text);
        for (int at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
            int end = at + phrase.length();
            boolean startOk = false;
            boolean endOk = false;
            for (Word w : words) {
                if (w.start() == at) startOk = true;
                if (w.end() == end) endOk = true;
            }
            if (startOk && endOk) return true;
        }
        return false;
    }

    static final String DICTIONARY = "prompts/dictionary.txt";

    /** The genre's words of {@code prompts/dictionary.txt} (the working directory's first, then the classpath's). */
    static List<String> dictionary() {
        try {
            java.nio.file.Path file = java.nio.file.Path.of(DICTIONARY);
            String content = null;
            if (java.nio.file.Files.isRegularFile(file)) {
                content = java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
            } else {
                try (var in = Words.class.getClassLoader().getResourceAsStream(DICTIONARY)) {
                    if (in != null) content = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
            if (content == null) throw new IllegalStateException(DICTIONARY + " not found on disk or on the classpath");
            return content.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(DICTIONARY + " could not be read", e);
        }
    }

    /** Adds words the segmenter must keep whole (word lists of the readers); safe to call more than once. */
    public static void addWords(java.util.Collection<String> words) {
        init();
        synchronized (INIT) {
            for (String w : words) {
                if (w.length() >= 2 && !CustomDictionary.contains(w)) CustomDictionary.insert(w, "nz 2048");
            }
        }
    }

    private static void init() {
        if (ready) return;
        synchronized (INIT) {
            if (ready) return;
            for (String term : NumberParser.fixedTerms()) {
                if (term.length() >= 2) CustomDictionary.insert(term, "nz 4096");
            }
            for (String word : dictionary()) {
                if (word.length() >= 2) CustomDictionary.insert(word, "nz 2048");
            }
            ready = true;
        }
    }
}
