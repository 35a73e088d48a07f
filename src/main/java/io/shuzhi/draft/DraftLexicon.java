package io.shuzhi.draft;

import io.shuzhi.draft.WordRules.Rule;
import io.shuzhi.interview.Lexicon;
import io.shuzhi.interview.NumberParser;
import io.shuzhi.prompts.PromptFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The drafter's wording tables, read once from {@code prompts/} (through {@link PromptFiles}: the folder on disk,
 * else the jar) and never changed: the words kept whole ({@code prompts/style/words.txt}, {@code protected.txt} and
 * the interview's fixed terms), the register rules ({@code prompts/style/fillers.tsv}, {@code common.tsv} and one
 * {@code <kind>.tsv} per kind), the words of outcomes and of people ({@code effects.txt}, {@code people.txt}) and
 * each year's 提法 ({@code years.yaml}); with the writers built on them, one of each. The app has one, a bean read at
 * startup (a broken file stops it there, naming the file and line); a test builds its own with {@link #load}. The
 * only state besides the tables is the clause writer's bounded memo, which holds results of a pure function.
 */
public final class DraftLexicon {
    static final String STYLE_DIR = "prompts/style";
    private static final String KIND_ID = "[a-z0-9-]+";

    private final NumberParser numbers;
    private final io.shuzhi.interview.Words interviewWords;
    private final Words words;
    private final YearTerms years;
    private final List<Rule> fillers;
    private final List<Rule> common;
    /** The register of no kind in particular: the fillers, then the common rules. */
    private final FormalRewriter plain;
    /** Each kind's register, by kind id: the fillers, the kind's own rules, then the common ones. */
    private final Map<String, FormalRewriter> registers;
    private final ItemComposer composer;
    private final PlanOrder planOrder;

    private DraftLexicon(Lexicon interview, Words words, YearTerms years, List<Rule> fillers, List<Rule> common,
                         Map<String, List<Rule>> kindRules, Set<String> effects, List<String> people) {
        this.numbers = interview.numbers();
        this.interviewWords = interview.words();
        this.words = words;
        this.years = years;
        this.fillers = List.copyOf(fillers);
        this.common = List.copyOf(common);
        this.plain = new FormalRewriter(concat(fillers, List.of(), common), words);
        Map<String, FormalRewriter> byKind = new LinkedHashMap<>();
        kindRules.forEach((kind, rules) -> byKind.put(kind, new FormalRewriter(concat(fillers, rules, common), words)));
        this.registers = Map.copyOf(byKind);
        // Asked only when a clause is written, after this constructor: plain and registers are set by then.
        this.composer = new ItemComposer(words, numbers, this::register, effects, people);
        this.planOrder = new PlanOrder(words, composer);
    }

    /**
     * Reads the tables from {@code prompts/}, with the interview's fixed terms and number parser; an
     * IllegalStateException names the file (and line) that is missing or broken.
     */
    public static DraftLexicon load(Lexicon interview) {
        var terms = new LinkedHashSet<>(Words.lines(PromptFiles.read(Words.TERMS_FILE)));
        PromptFiles.find(Words.PROTECTED_FILE).ifPresent(c -> terms.addAll(Words.lines(c)));
        Map<String, String> genreWords = PromptFiles.find(Words.WORDS_FILE).map(Words::parseGenreWords)
                .orElse(Map.of());
        Words words = new Words(interview.numbers(), terms, genreWords);
        YearTerms years = new YearTerms(YearTerms.parse(PromptFiles.read(YearTerms.FILE)));
        List<Rule> fillers = WordRules.parse(FormalRewriter.FILLERS, PromptFiles.read(FormalRewriter.FILLERS));
        List<Rule> common = WordRules.parse(FormalRewriter.COMMON, PromptFiles.read(FormalRewriter.COMMON));
        Map<String, List<Rule>> kindRules = new TreeMap<>();
        registerFiles().forEach((kind, content) -> kindRules.put(kind,
                WordRules.parse(FormalRewriter.registerFile(kind), content)));
        Set<String> effects = Set.copyOf(PromptFiles.find(ItemComposer.EFFECTS_FILE).map(Words::lines)
                .orElse(List.of()));
        List<String> people = PromptFiles.find(ItemComposer.PEOPLE_FILE).map(Words::lines).orElse(List.of());
        return new DraftLexicon(interview, words, years, fillers, common, kindRules, effects, people);
    }

    /**
     * Every {@code prompts/style/<id>.tsv} whose name can be a kind id, by id: the jar's, each overridden by the file
     * of that name on disk (as {@link PromptFiles#read} would take it).
     */
    private static Map<String, String> registerFiles() {
        Map<String, String> files = new TreeMap<>(PromptFiles.listClasspath(STYLE_DIR, ".tsv"));
        Path dir = Path.of(STYLE_DIR);
        if (Files.isDirectory(dir)) files.putAll(PromptFiles.listDir(dir, ".tsv"));
        files.keySet().removeIf(name -> !name.matches(KIND_ID));
        return files;
    }

    private static List<Rule> concat(List<Rule> first, List<Rule> then, List<Rule> last) {
        List<Rule> all = new ArrayList<>(first);
        all.addAll(then);
        all.addAll(last);
        return all;
    }

    /** Each report year's 学习教育 and the notes for the model. */
    public YearTerms years() {
        return years;
    }

    /** Which plan answers which problem. */
    public PlanOrder planOrder() {
        return planOrder;
    }

    /** The interview's number parser, which these tables were built with. */
    public NumberParser numbers() {
        return numbers;
    }

    /**
     * The register of a report kind: its own rules between the fillers and the common ones; a null or unknown kind
     * gets those two.
     */
    FormalRewriter register(String kindId) {
        if (kindId == null || !kindId.matches(KIND_ID)) return plain;
        return registers.getOrDefault(kindId, plain);
    }

    Words words() {
        return words;
    }

    io.shuzhi.interview.Words interviewWords() {
        return interviewWords;
    }

    ItemComposer composer() {
        return composer;
    }

    List<Rule> fillerRules() {
        return fillers;
    }

    List<Rule> commonRules() {
        return common;
    }
}
