package io.shuzhi.draft;

import io.shuzhi.interview.Fact;
import io.shuzhi.interview.InterviewState;
import io.shuzhi.interview.ReportKind;
import io.shuzhi.interview.ReportKind.PartSpec;
import io.shuzhi.interview.ReportKind.SectionSpec;
import io.shuzhi.interview.ReportKind.TopicSpec;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The drafter's own rules that {@code draft.refine} reuses, so a refined text is counted, numbered and worded as a
 * drafted one: 字 counts, ordinals, the clause and sentence builders, the placeholders, word breaks and the kind's
 * register.
 * The classes behind it stay package-private; this is their one door out. What needs the wording tables (clauses,
 * sentences, the problems part, the register, word breaks) is asked of an instance built on a {@link DraftLexicon};
 * the rest is static.
 */
public final class DraftingRules {
    /** "【待补充：" … "】": text the writer still has to give. */
    public static final String PLACEHOLDER_OPEN = ItemComposer.PLACEHOLDER_OPEN;
    /** The end of a placeholder. */
    public static final String PLACEHOLDER_CLOSE = ItemComposer.PLACEHOLDER_CLOSE;
    /** The title's and opening's year when the writer gave none. */
    public static final String MISSING_YEAR = TemplateDrafter.MISSING_YEAR;
    /** The opening's last words, "现将有关情况报告如下：". */
    public static final String OPENING_END = TemplateDrafter.OPENING_END;
    /** The key of the problems part (二、存在问题和不足). */
    public static final String ISSUES = TemplateDrafter.ISSUES;

    private final ItemComposer composer;
    private final TemplateDrafter drafter;
    private final DraftLexicon lexicon;

    /** The rules with the wording tables of {@code lexicon}. */
    public DraftingRules(DraftLexicon lexicon) {
        this.lexicon = lexicon;
        this.composer = lexicon.composer();
        this.drafter = new TemplateDrafter(lexicon);
    }

    /** The text in the kind's register, and how many places changed. */
    public record Formal(String text, int count) {
    }

    /** {@link CharCount#of}: 字 as Word and WPS count them. */
    public static int charCount(String text) {
        return CharCount.of(text);
    }

    /** 2 → "二". */
    public static String numeral(int n) {
        return Ordinals.numeral(n);
    }

    /** 2 → "二是". */
    public static String itemOrdinal(int n) {
        return Ordinals.item(n);
    }

    /** 2 → "（二）". */
    public static String sectionOrdinal(int n) {
        return Ordinals.section(n);
    }

    /** "二" → 2. */
    public static OptionalInt numeralValue(String numeral) {
        return Ordinals.value(numeral);
    }

    /** Collapses what joining can leave behind: "。。", "，。", "；。", "，，". */
    public static String tidy(String text) {
        return ItemComposer.tidy(text);
    }

    /** The text without trailing punctuation or spaces. */
    public static String stripEnd(String text) {
        return ItemComposer.stripEnd(text);
    }

    /** Half-width marks to full-width; a "." or "," between digits (3.5, 1,200) is left alone. */
    public static String toFullWidth(String text) {
        return ItemComposer.toFullWidth(text);
    }

    /** A fact as one clause of a draft of kind {@code kindId}. */
    public String clause(Fact fact, String kindId) {
        return composer.clause(fact, kindId);
    }

    /** An item's sentence from its facts, the topic's frame and closing clause. */
    public String sentence(List<Fact> facts, String frame, String close, String kindId) {
        return composer.sentence(facts, frame, close, kindId);
    }

    /** Clauses joined into flowing sentences, {@code tail} after the last. */
    public static String flowing(List<String> pieces, String tail) {
        return ItemComposer.flowing(pieces, tail);
    }

    /** Whether a section is written as plans (the measures part). */
    public static boolean writtenAsPlan(PartSpec part, SectionSpec spec) {
        return TemplateDrafter.writtenAsPlan(part, spec);
    }

    /** This year's facts the writer gave for a topic. */
    public static List<Fact> writerFacts(InterviewState state, String topic) {
        return TemplateDrafter.writerFacts(state, topic);
    }

    /** The problems part's body as the drafter writes it. */
    public String problems(List<TopicSpec> topics, ReportKind kind, InterviewState state) {
        return drafter.problems(topics, new TemplateDrafter.Context(kind, state));
    }

    /** The wording rules of the kind {@code kindId} over HanLP's segmentation, the text tidied where they changed it. */
    public Formal kindWording(String text, String kindId) {
        FormalRewriter.Rewritten words = lexicon.register(kindId).apply(text, lexicon.words().quantityTexts(text));
        return new Formal(words.count() == 0 ? words.text() : ItemComposer.tidy(words.text()), words.count());
    }

    /** Where HanLP puts the words of {@code text}: their start offsets, and the text's length. */
    public Set<Integer> wordBoundaries(String text) {
        return Words.boundaries(lexicon.words().of(text));
    }
}
