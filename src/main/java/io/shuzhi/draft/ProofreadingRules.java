package io.shuzhi.draft;

import io.shuzhi.prompts.PromptFiles;
import io.shuzhi.prompts.TsvLines;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The word rules of {@code prompts/proofreading/rules.tsv}: wrong → right with a category, a note and an optional
 * context condition. A bad line stops the app with the file name and line number.
 */
final class ProofreadingRules {
    static final String FILE = "prompts/proofreading/rules.tsv";
    static final Set<String> CATEGORIES = Set.of("错别字", "提法", "标点", "序号");

    /** One rule; {@code id} is "r" + its line number, stable while the file is unchanged. */
    record Rule(String id, String wrong, String right, String category, String note, List<Condition> when) {
        /** True when every context condition holds for a hit at [start, end) of text. */
        boolean applies(String text, int start, int end) {
            for (Condition c : when) {
                if (!c.holds(text, start, end)) return false;
            }
            return true;
        }
    }

    /** after:RE / before:RE (must match next to the hit), !after:RE / !before:RE (must not). */
    record Condition(boolean after, boolean negated, Pattern pattern) {
        private static final int WINDOW = 12;

        boolean holds(String text, int start, int end) {
            boolean match;
            if (after) {
                match = pattern.matcher(text).region(end, text.length()).lookingAt();
            } else {
                int from = Math.max(0, start - WINDOW);
                match = pattern.matcher(text.substring(from, start)).find();
            }
            return match != negated;
        }
    }

    private ProofreadingRules() {
    }

    static List<Rule> load() {
        PromptFiles.Text file = PromptFiles.readWithSource(FILE);
        return parse(file.content(), file.source());
    }

    static List<Rule> parse(String content, String source) {
        List<Rule> rules = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TsvLines.Line line : TsvLines.of(content)) {
            String where = line.where(source);
            String[] cols = line.cols();
            if (cols.length < 4) throw new IllegalStateException(where + ": expected wrong, right, category, note");
            String wrong = cols[0].strip();
            String right = cols[1].strip();
            String category = cols[2].strip();
            if (wrong.isEmpty()) throw new IllegalStateException(where + ": empty 'wrong'");
            if (wrong.equals(right)) throw new IllegalStateException(where + ": 'right' equals 'wrong'");
            if (!CATEGORIES.contains(category)) {
                throw new IllegalStateException(where + ": unknown category '" + category + "', use one of " + CATEGORIES);
            }
            if (!seen.add(wrong + "\t" + (cols.length > 4 ? cols[4].strip() : ""))) {
                throw new IllegalStateException(where + ": duplicate rule for '" + wrong + "'");
            }
            List<Condition> when = cols.length > 4 ? conditions(cols[4].strip(), where) : List.of();
            rules.add(new Rule("r" + line.line(), wrong, right, category, cols[3].strip(), when));
        }
        if (rules.isEmpty()) throw new IllegalStateException(source + ": no rules");
        return List.copyOf(rules);
    }

    static List<Condition> conditions(String spec, String where) {
        if (spec.isEmpty()) return List.of();
        List<Condition> out = new ArrayList<>();
        for (String part : spec.split(" & ")) {
            String p = part.strip();
            boolean negated = p.startsWith("!");
            if (negated) p = p.substring(1);
            boolean after;
            if (p.startsWith("after:")) {
                after = true;
            } else if (p.startsWith("before:")) {
                after = false;
            } else {
                throw new IllegalStateException(where + ": context must be after:RE, before:RE, !after:RE or !before:RE");
            }
            String re = p.substring(p.indexOf(':') + 1);
            try {
                out.add(new Condition(after, negated, Pattern.compile(after ? re : "(?:" + re + ")$")));
            } catch (PatternSyntaxException e) {
                throw new IllegalStateException(where + ": bad regular expression " + re, e);
            }
        }
        return List.copyOf(out);
    }
}
