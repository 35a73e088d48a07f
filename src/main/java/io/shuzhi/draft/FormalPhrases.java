package io.shuzhi.draft;

import io.shuzhi.prompts.PromptFiles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The colloquial → formal phrase table of {@code prompts/refine/formal-phrases.tsv}, read from the working directory
 * or, failing that, the classpath. Applied left to right, longest entry first at each place, to whole words only (a
 * phrase must start and end where the segmented text has a word break: "其实" is not in "及其实施细则"), and never
 * inside a 【待补充：…】 placeholder, quoted words or a fixed term (names and fixed formulations stay as written).
 * For a kind, the kind's wording rules ({@link FormalRewriter}) run after the table.
 */
final class FormalPhrases {
    static final String FILE = "prompts/refine/formal-phrases.tsv";
    private static final Pattern DIGIT = Pattern.compile("[0-9０-９]");

    record Rule(String from, String to, List<Pattern> after, List<Pattern> notAfter, List<Pattern> before,
                List<Pattern> notBefore) {
        boolean matchesAt(String text, int at) {
            if (!text.startsWith(from, at)) return false;
            String tail = text.substring(at + from.length());
            String head = text.substring(0, at);
            for (Pattern p : after) if (!p.matcher(tail).lookingAt()) return false;
            for (Pattern p : notAfter) if (p.matcher(tail).lookingAt()) return false;
            for (Pattern p : before) if (!p.matcher(head).find()) return false;
            for (Pattern p : notBefore) if (p.matcher(head).find()) return false;
            return true;
        }
    }

    /** The text with each rule applied, and how many replacements were made. */
    record Applied(String text, int count) {
    }

    // Kept static: an immutable table read once from a fixed file under prompts/ (not a setting), for pure static
    // functions that records and other packages call; as a bean it would be threaded through every caller, unchanged.
    private static volatile List<Rule> rules;

    private FormalPhrases() {
    }

    static List<Rule> rules() {
        List<Rule> r = rules;
        if (r == null) {
            r = parse(read());
            rules = r;
        }
        return r;
    }

    /** The table, then the wording rules of the report kind {@code kindId}. */
    static Applied apply(String text, String kindId) {
        Applied table = apply(text);
        FormalRewriter.Rewritten words = FormalRewriter.forKind(kindId).apply(table.text(), Words.quantityTexts(table.text()));
        String tidied = words.count() == 0 ? words.text() : ItemComposer.tidy(words.text());
        return new Applied(tidied, table.count() + words.count());
    }

    /** The table alone. */
    static Applied apply(String text) {
        List<Rule> table = rules();
        java.util.Set<Integer> words = Words.boundaries(Words.of(text));
        var out = new StringBuilder(text.length());
        int count = 0;
        int depth = 0;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if ("“‘【「『《".indexOf(c) >= 0) depth++;
            else if ("”’】」』》".indexOf(c) >= 0 && depth > 0) depth--;
            Rule hit = null;
            if (depth == 0) {
                for (Rule rule : table) {
                    if (words.contains(i) && words.contains(i + rule.from().length()) && rule.matchesAt(text, i)) {
                        hit = rule;
                        break;
                    }
                }
            }
            if (hit == null) {
                out.append(c);
                i++;
            } else {
                out.append(hit.to());
                i += hit.from().length();
                count++;
            }
        }
        return new Applied(out.toString(), count);
    }

    static List<Rule> parse(String content) {
        List<Rule> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : content.split("\n", -1)) {
            lineNo++;
            String l = line.replace("\r", "");
            if (l.isBlank() || l.startsWith("#")) continue;
            String[] cols = l.split("\t", -1);
            if (cols.length < 2 || cols[0].isBlank() || cols[1].isBlank()) {
                throw new IllegalStateException(FILE + ":" + lineNo + ": expected colloquial<TAB>formal[<TAB>context]");
            }
            if (DIGIT.matcher(cols[0] + cols[1]).find()) {
                throw new IllegalStateException(FILE + ":" + lineNo + ": no digits in the phrase table");
            }
            List<Pattern> after = new ArrayList<>(), notAfter = new ArrayList<>(), before = new ArrayList<>(),
                    notBefore = new ArrayList<>();
            if (cols.length > 2 && !cols[2].isBlank()) {
                for (String cond : cols[2].split("\\s*&\\s*")) {
                    String c = cond.strip();
                    if (c.startsWith("!after:")) notAfter.add(Pattern.compile(c.substring(7)));
                    else if (c.startsWith("after:")) after.add(Pattern.compile(c.substring(6)));
                    else if (c.startsWith("!before:")) notBefore.add(Pattern.compile("(?:" + c.substring(8) + ")$"));
                    else if (c.startsWith("before:")) before.add(Pattern.compile("(?:" + c.substring(7) + ")$"));
                    else throw new IllegalStateException(FILE + ":" + lineNo + ": unknown condition " + c);
                }
            }
            out.add(new Rule(cols[0].strip(), cols[1].strip(), after, notAfter, before, notBefore));
        }
        out.sort(Comparator.comparingInt((Rule r) -> r.from().length()).reversed());
        return List.copyOf(out);
    }

    private static String read() {
        return PromptFiles.read(FILE);
    }
}
