package io.shuzhi.draft;

import io.shuzhi.draft.ProofreadingRules.Rule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Proofreads a draft or any text for the errors a reviewer of a 述职报告 catches at once: wrong characters and
 * formulations (the rules in {@code prompts/proofreading/rules.tsv}), numbering levels and sequences (一、（一）1.
 * （1）, 一是/二是), half-width punctuation in Chinese text, doubled words, punctuation in the title, and a title year
 * that the opening contradicts. It only suggests: nothing is changed.
 */
@Component
public class Proofreader {

    /**
     * One finding.
     *
     * @param id        stable within one text: the rule and where it hit ("r33@1.2:41", "num-seq@text:120")
     * @param sectionRef the draft section ("title", "opening", "1", "1.2" …); null when a plain text was checked
     * @param start     offset of the wrong text: in the section's {@code heading + body} (concatenated, nothing
     *                  between; an offset ≥ heading length is in the body at {@code start - heading.length()}), or
     *                  in the checked text
     * @param end       end offset, exclusive
     * @param wrong     the text found
     * @param right     the replacement; "" when the fix is to delete it or is not a single replacement
     * @param category  错别字, 提法, 标点, 序号 or 年份
     * @param note      why, in Chinese, for the writer
     */
    public record Suggestion(String id, String sectionRef, int start, int end, String wrong, String right,
                             String category, String note) {
    }

    private final List<Rule> rules;
    private final YearRules years;

    /**
     * Loads the rules from {@code prompts/proofreading/rules.tsv} and the 提法 by year from
     * {@code prompts/proofreading/years.tsv} (disk first, then the classpath); each year's campaign comes from
     * {@code lexicon}.
     */
    @Autowired
    public Proofreader(DraftLexicon lexicon) {
        this(ProofreadingRules.load(), YearRules.load(lexicon.years()));
    }

    Proofreader(List<Rule> rules, YearRules years) {
        this.rules = List.copyOf(rules);
        this.years = years;
    }

    int ruleCount() {
        return rules.size();
    }

    /**
     * Checks a text as pasted: first line the title, next paragraph the opening, one paragraph a line. The report's
     * year, for the 提法 of its year, is the first year of the title or the opening.
     */
    List<Suggestion> check(String text) {
        return check(text, null);
    }

    /**
     * Checks a text for a report of {@code reportYear} ("2026", "2026年度"); null or blank: the year the text names
     * in its title or opening, and no 提法-by-year check when it names none.
     */
    List<Suggestion> check(String text, String reportYear) {
        if (text == null || text.isEmpty()) return List.of();
        List<Suggestion> found = new ArrayList<>();
        OptionalInt year = year(reportYear);
        if (year.isEmpty()) year = YearRules.yearOf(text);
        if (year.isPresent()) found.addAll(years.check(text, year.getAsInt()));
        for (Rule r : rules) {
            int at = text.indexOf(r.wrong());
            while (at >= 0) {
                int end = at + r.wrong().length();
                if (r.applies(text, at, end)) {
                    found.add(new Suggestion(r.id(), null, at, end, r.wrong(), r.right(), r.category(), r.note()));
                }
                at = text.indexOf(r.wrong(), end);
            }
        }
        found.addAll(StructureChecks.check(text));
        found.sort(Comparator.comparingInt(Suggestion::start).thenComparingInt(s -> -s.end()));
        // A longer rule and a shorter one at the same place ("诚勉谈话", "诚勉"): keep one per span.
        List<Suggestion> out = new ArrayList<>();
        Set<String> spans = new HashSet<>();
        for (Suggestion s : found) {
            boolean inside = out.stream().anyMatch(o -> o.category().equals(s.category()) && o.start() <= s.start()
                    && s.end() <= o.end() && !o.id().startsWith("num") && !o.id().startsWith("item"));
            if (inside || !spans.add(s.start() + ":" + s.end() + ":" + s.category())) continue;
            out.add(new Suggestion(s.id() + "@text:" + s.start(), null, s.start(), s.end(), s.wrong(), s.right(),
                    s.category(), s.note()));
        }
        return List.copyOf(out);
    }

    /** Checks a draft section by section; offsets are within each section's heading + body. */
    List<Suggestion> check(Draft draft) {
        return check(draft, null);
    }

    /** As {@link #check(Draft)}, for a report of {@code reportYear} (the session's year; null: the title's). */
    public List<Suggestion> check(Draft draft, String reportYear) {
        var text = new StringBuilder();
        List<int[]> segments = new ArrayList<>(); // start, heading length, separator length, body length
        List<String> refs = new ArrayList<>();
        for (Section s : draft.sections()) {
            int start = text.length();
            String sep;
            if (s.ref().equals("title")) {
                sep = "";
                text.append(s.heading());
            } else if (s.level() == 2 && !s.heading().isEmpty()) {
                // Run in, as printed: "（一）标题。正文"
                sep = s.heading().endsWith("。") || s.body().isEmpty() ? "" : "。";
                text.append(s.heading()).append(sep).append(s.body());
            } else {
                sep = !s.heading().isEmpty() && !s.body().isEmpty() ? "\n" : "";
                text.append(s.heading()).append(sep).append(s.body());
            }
            segments.add(new int[]{start, s.heading().length(), sep.length(), s.body().length()});
            refs.add(s.ref());
            text.append(s.ref().equals("title") ? "\n\n" : "\n");
        }
        List<Suggestion> out = new ArrayList<>();
        for (Suggestion g : check(text.toString(), reportYear)) {
            for (int i = 0; i < segments.size(); i++) {
                int[] seg = segments.get(i);
                int headingEnd = seg[0] + seg[1];
                int bodyStart = headingEnd + seg[2];
                int end = bodyStart + seg[3];
                if (g.start() < seg[0] || g.start() >= end) continue;
                if (g.end() > end) break; // runs past the section: not one section's error
                int s;
                int e;
                if (g.end() <= headingEnd) {
                    s = g.start() - seg[0];
                    e = g.end() - seg[0];
                } else if (g.start() >= bodyStart) {
                    s = g.start() - seg[0] - seg[2];
                    e = g.end() - seg[0] - seg[2];
                } else {
                    break; // spans the separator the layout added
                }
                String rule = g.id().substring(0, g.id().indexOf('@'));
                out.add(new Suggestion(rule + "@" + refs.get(i) + ":" + s, refs.get(i), s, e, g.wrong(), g.right(),
                        g.category(), g.note()));
                break;
            }
        }
        return List.copyOf(out);
    }

    private static OptionalInt year(String reportYear) {
        if (reportYear == null) return OptionalInt.empty();
        var m = java.util.regex.Pattern.compile("(?:19|20)\\d{2}").matcher(reportYear);
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group())) : OptionalInt.empty();
    }
}
