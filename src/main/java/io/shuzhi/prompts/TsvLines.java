package io.shuzhi.prompts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The lines of a tab-separated rule or word file under {@code prompts/}, each with its 1-based number so that a bad
 * line stops the app naming file and line. One reader for every such file, so that what a comment, a blank line and a
 * column are is written once; the files that were always read a little differently say so with {@link #of(String,
 * Predicate)} or {@link #stripped(String)}, and keep reading as they did.
 */
public final class TsvLines {
    /** line: 1-based, for messages that name the file and line; cols: the line split at tabs. */
    public record Line(int line, String[] cols) {
        /** {@code file:line}, as messages name a bad line. */
        public String where(String file) {
            return file + ":" + line;
        }
    }

    private TsvLines() {
    }

    /**
     * Lines split at {@code \n}, every {@code \r} dropped; blank lines and lines starting with # left out; columns as
     * written, trailing empty ones kept.
     */
    public static List<Line> of(String content) {
        return of(content, l -> l.startsWith("#"));
    }

    /** As {@link #of(String)}, with {@code comment} deciding which lines are comments (where # can also start data). */
    public static List<Line> of(String content, Predicate<String> comment) {
        List<Line> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : content.split("\n", -1)) {
            lineNo++;
            String l = line.replace("\r", "");
            if (l.isBlank() || comment.test(l)) continue;
            out.add(new Line(lineNo, l.split("\t", -1)));
        }
        return out;
    }

    /**
     * Lines as {@link String#lines()} splits them, each stripped before the tests and the split, so an indented # line
     * is a comment and a trailing tab adds no column: for word lists, where stray spaces are noise.
     */
    public static List<Line> stripped(String content) {
        List<Line> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : (Iterable<String>) content.lines()::iterator) {
            lineNo++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            out.add(new Line(lineNo, l.split("\t", -1)));
        }
        return out;
    }
}
