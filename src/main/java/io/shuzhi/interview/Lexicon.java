package io.shuzhi.interview;

import io.shuzhi.prompts.PromptFiles;
import java.util.List;
import java.util.Map;

/**
 * The interview's word tables, read once from {@code prompts/} (through {@link PromptFiles}: the folder on disk,
 * else the jar) and never changed: the fixed terms ({@code prompts/fixed-terms.txt}), the genre's words
 * ({@code prompts/style/words.txt}) and the answers to questions asked back ({@code prompts/faq/faq.yaml}); with the
 * readers built on them, one of each. The app has one, a bean read at startup (a broken file stops it there, naming
 * the file); a test builds its own with {@link #load()}. The only state besides the tables is the segmenter's
 * bounded memo, which holds results of a pure function.
 */
public final class Lexicon {
    static final String FIXED_TERMS = "prompts/fixed-terms.txt";

    private final NumberParser numbers;
    private final Words words;
    private final Faq faq;
    private final ClauseReader clauseReader;
    private final Intents intents;
    private final RuleExtractor extractor;
    private final ProfileParser profiles;
    private final YearOnYear yearOnYear;
    private final LastYear lastYear;

    private Lexicon(List<String> fixedTerms, Map<String, String> wholeWords, List<Faq.Entry> faqEntries) {
        this.numbers = new NumberParser(fixedTerms);
        this.words = new Words(wholeWords);
        this.faq = new Faq(faqEntries, words);
        this.clauseReader = new ClauseReader(words, numbers);
        this.intents = new Intents(numbers);
        this.extractor = new RuleExtractor(words, numbers, clauseReader);
        this.profiles = new ProfileParser(words, numbers);
        this.yearOnYear = new YearOnYear(words, numbers);
        this.lastYear = new LastYear(extractor);
    }

    /** Reads the tables from {@code prompts/}; IllegalStateException naming the file that is missing or broken. */
    public static Lexicon load() {
        // Without the fixed terms the guard would report 两个维护 and 三会一课 as numbers: better to stop (read throws).
        List<String> fixedTerms = NumberParser.parseTerms(PromptFiles.read(FIXED_TERMS));
        Map<String, String> wholeWords = Words.wholeWords(PromptFiles.read(Words.GENRE_WORDS), fixedTerms);
        return new Lexicon(fixedTerms, wholeWords, Faq.parse(PromptFiles.read(Faq.FILE)));
    }

    /** The quantities of a text, numerals inside fixed terms left out. */
    public NumberParser numbers() {
        return numbers;
    }

    /** The answers to questions writers ask back. */
    public Faq faq() {
        return faq;
    }

    /** A message cut into pieces: facts, problems, plans, questions, wishes, asides. */
    public ClauseReader clauseReader() {
        return clauseReader;
    }

    /** What a message asks for: a command, a correction, an answer. */
    public Intents intents() {
        return intents;
    }

    /** This year's figures beside last year's. */
    public YearOnYear yearOnYear() {
        return yearOnYear;
    }

    /** Last year's report filed under this year's topics. */
    public LastYear lastYear() {
        return lastYear;
    }

    /** The words of a text, the fixed terms and the genre's words kept whole. */
    public Words words() {
        return words;
    }

    RuleExtractor extractor() {
        return extractor;
    }

    ProfileParser profiles() {
        return profiles;
    }
}
