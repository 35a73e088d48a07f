package io.shuzhi.interview;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads which report kind a writer asks for in a first message ("我要写个人述职", "帮我写年度工作总结", "述责述廉报告")
 * from each kind's {@code aliases} and its name. Pure: no state, no I/O after construction.
 *
 * <p>The longest phrase found wins ("个人工作总结" beats "工作总结"). A phrase in a negated clause ("不是党建述职") does
 * not count. When two kinds tie, or nothing matches, the answer is empty and the caller keeps its default or asks.
 */
@Component
public class KindRecognizer {

    /** A kind is named at the start of a request; a pasted report further down mentions many kinds in passing. */
    static final int READ_CHARS = 120;

    private static final Pattern SPACE = Pattern.compile("[\\s\\u3000]+");
    private static final List<String> NEGATIONS = List.of("不是", "不写", "不要", "不用", "而非", "并非", "别写");
    private static final Pattern NEGATION_END = Pattern.compile("[，,。.；;！!？?、：:]|而是|是|改|换");

    private final List<ReportKind> kinds;

    @Autowired
    public KindRecognizer(ReportKinds kinds) {
        this(kinds.all());
    }

    KindRecognizer(List<ReportKind> kinds) {
        this.kinds = List.copyOf(kinds);
    }

    /** The kind the message names, or empty when it names none or more than one equally well. */
    public Optional<ReportKind> recognise(String firstMessage) {
        if (firstMessage == null || firstMessage.isBlank()) return Optional.empty();
        String text = normalise(firstMessage);
        if (text.length() > READ_CHARS) text = text.substring(0, READ_CHARS);
        text = withoutNegated(text);
        ReportKind best = null;
        int bestLength = 0;
        boolean tie = false;
        for (ReportKind kind : kinds) {
            int length = longestMatch(text, kind);
            if (length == 0) continue;
            if (length > bestLength) {
                best = kind;
                bestLength = length;
                tie = false;
            } else if (length == bestLength && !kind.id().equals(best.id())) {
                tie = true;
            }
        }
        return tie ? Optional.empty() : Optional.ofNullable(best);
    }

    /** How a phrase is compared: no spaces, Latin letters in lower case. */
    static String normalise(String s) {
        return SPACE.matcher(s.strip()).replaceAll("").toLowerCase(Locale.ROOT);
    }

    private static int longestMatch(String text, ReportKind kind) {
        int longest = 0;
        for (String phrase : phrases(kind)) {
            if (phrase.length() > longest && text.contains(phrase)) longest = phrase.length();
        }
        return longest;
    }

    private static List<String> phrases(ReportKind kind) {
        return Stream.concat(Stream.of(kind.name()), kind.aliases().stream())
                .map(KindRecognizer::normalise).filter(p -> !p.isEmpty()).toList();
    }

    /**
     * The text with each negated stretch blanked out: from a negation ("不是", "不写" …) to the end of its clause, or
     * to the "是"/"而是"/"改" that turns to what the writer does want ("不是党建述职而是个人述职").
     */
    static String withoutNegated(String text) {
        var out = new StringBuilder(text);
        for (String negation : NEGATIONS) {
            for (int at = text.indexOf(negation); at >= 0; at = text.indexOf(negation, at + 1)) {
                int from = at + negation.length();
                Matcher end = NEGATION_END.matcher(text).region(from, text.length());
                int to = end.find() ? end.start() : text.length();
                for (int i = from; i < to; i++) out.setCharAt(i, '■');
            }
        }
        return out.toString();
    }
}
