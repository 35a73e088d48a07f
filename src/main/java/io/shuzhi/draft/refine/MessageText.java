package io.shuzhi.draft.refine;

import io.shuzhi.draft.DraftingRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The writer's message as the parser reads it: quoted words found first, and what has been read (a verb, a place)
 * masked out so that the next reader does not read it again.
 */
final class MessageText {
    /** Stands for a character already read; never in a writer's message (a private-use code point). */
    static final char MASK = '\uE000';
    private static final String QUOTES = "‘’“”「」『』'\"";

    /** A stretch of the message, [start, end). */
    record Span(int start, int end) {
    }

    private MessageText() {
    }

    /** Quoted spans, with straight quotes paired in order. */
    static List<Span> quotes(String text) {
        List<Span> out = new ArrayList<>();
        String open = "‘“「『'\"";
        String close = "’”」』'\"";
        for (int i = 0; i < text.length(); i++) {
            int k = open.indexOf(text.charAt(i));
            if (k < 0) continue;
            int end = -1;
            for (int j = i + 1; j < text.length(); j++) {
                char c = text.charAt(j);
                if (c == close.charAt(k) || (k < 2 && "’”'\"".indexOf(c) >= 0)) {
                    end = j;
                    break;
                }
            }
            if (end < 0) break;
            out.add(new Span(i, end + 1));
            i = end;
        }
        return out;
    }

    static Span quoteAt(List<Span> quotes, int at) {
        for (Span q : quotes) if (q.start() >= at && q.start() <= at + 1) return q;
        return null;
    }

    static Span quoteIn(List<Span> quotes, int from, int to) {
        for (Span q : quotes) if (q.start() >= from && q.end() <= to) return q;
        return null;
    }

    static String inner(String text, Span q) {
        return text.substring(q.start() + 1, q.end() - 1);
    }

    /** The words after a verb, without the final marks and particles ("就行了", "吧") and outer quotes. */
    static String trimTail(String s) {
        String t = s.strip().replaceAll("[。！!，,；;\\s]+$", "").replaceAll("(?:就行了?|就好|就可以了?|吧|了|啊|呀)$", "");
        t = t.replaceAll("^[" + QUOTES + "]+|[" + QUOTES + "]+$", "");
        return t.strip();
    }

    static String maskSpans(String m, List<Span> spans) {
        char[] c = m.toCharArray();
        for (Span s : spans) Arrays.fill(c, Math.max(0, s.start()), Math.min(c.length, s.end()), MASK);
        return new String(c);
    }

    static String maskMatches(String m, Pattern p) {
        Matcher x = p.matcher(m);
        List<Span> spans = new ArrayList<>();
        while (x.find()) spans.add(new Span(x.start(), x.end()));
        return maskSpans(m, spans);
    }

    /** "二" / "两" / "2" → 2; -1 when it is no number. */
    static Integer num(String s) {
        OptionalInt v = DraftingRules.numeralValue(s.replace('两', '二'));
        return v.isPresent() ? v.getAsInt() : -1;
    }
}
