package io.shuzhi.draft.refine;

import io.shuzhi.draft.DraftingRules;
import io.shuzhi.prompts.PromptFiles;
import io.shuzhi.prompts.TsvLines;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The colloquial → formal phrase table of {@code prompts/refine/formal-phrases.tsv}, read once through
 * {@link PromptFiles} (the prompts/ folder, else the jar) when the refiner is built. Applied left to right, longest entry first at each place, to whole words only (a
 * phrase must start and end where the segmented text has a word break: "其实" is not in "及其实施细则"), and never
 * inside a 【待补充：…】 placeholder, quoted words or a fixed term (names and fixed formulations stay as written).
 * For a kind, the kind's wording rules (the drafter's register, {@link DraftingRules#kindWording}) run after the table.
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

    private final List<Rule> rules;
    /** The drafter's rules: the kind's register after the table, and word breaks. */
    private final DraftingRules drafting;

    FormalPhrases(List<Rule> rules, DraftingRules drafting) {
        this.rules = List.copyOf(rules);
        this.drafting = drafting;
    }

    /** The shipped table (or the operator's copy in prompts/), with the drafter's {@code drafting} rules. */
    static FormalPhrases load(DraftingRules drafting) {
        return new FormalPhrases(parse(PromptFiles.read(FILE)), drafting);
    }

    List<Rule> rules() {
        return rules;
    }

    /** The table, then the wording rules of the report kind {@code kindId}. */
    Applied apply(String text, String kindId) {
        Applied table = apply(text);
        DraftingRules.Formal words = drafting.kindWording(table.text(), kindId);
        return new Applied(words.text(), table.count() + words.count());
    }

    /** The table alone. */
    Applied apply(String text) {
        List<Rule> table = rules;
        java.util.Set<Integer> words = drafting.wordBoundaries(text);
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
        for (TsvLines.Line line : TsvLines.of(content)) {
            String where = line.where(FILE);
            String[] cols = line.cols();
            if (cols.length < 2 || cols[0].isBlank() || cols[1].isBlank()) {
                throw new IllegalStateException(where + ": expected colloquial<TAB>formal[<TAB>context]");
            }
            if (DIGIT.matcher(cols[0] + cols[1]).find()) {
                throw new IllegalStateException(where + ": no digits in the phrase table");
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
                    else throw new IllegalStateException(where + ": unknown condition " + c);
                }
            }
            out.add(new Rule(cols[0].strip(), cols[1].strip(), after, notAfter, before, notBefore));
        }
        out.sort(Comparator.comparingInt((Rule r) -> r.from().length()).reversed());
        return List.copyOf(out);
    }
}
