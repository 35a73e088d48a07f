package io.shuzhi.draft.refine;

import java.util.ArrayList;
import java.util.List;

/** The lines of a tab-separated word list: blank lines and lines starting with # left out, each with its number. */
final class TsvLines {
    /** line: 1-based, for messages that name the file and line; cols: the line split at tabs, as written. */
    record Line(int line, String[] cols) {
    }

    private TsvLines() {
    }

    static List<Line> of(String content) {
        List<Line> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : content.split("\n", -1)) {
            lineNo++;
            String l = line.replace("\r", "");
            if (l.isBlank() || l.startsWith("#")) continue;
            out.add(new Line(lineNo, l.split("\t", -1)));
        }
        return out;
    }
}
