package io.shuzhi.export;

import io.shuzhi.interview.Quantity;
import java.util.List;

/**
 * A prior report read back into an outline.
 *
 * @param title  the title line, "" when the text has none
 * @param year   the report's year ("2022"), "" when none is found
 * @param unit   the unit or post named in the title before the year ("第三党支部"), "" when none
 * @param parts  part 0 is the opening (role "opening"); then the parts in order
 * @param facts  every number of last year's report, by section
 * @param shape  "three-part" (成效 · 问题 · 举措 in that order) or "generic"
 */
public record ImportedReport(String title, String year, String unit, List<OutlinePart> parts, List<LastYearFact> facts,
                             String shape) {
    public static final String THREE_PART = "three-part";
    static final String GENERIC = "generic";

    public ImportedReport {
        parts = List.copyOf(parts);
        facts = List.copyOf(facts);
    }

    /**
     * Last year's plans: the items of its plans part (下步工作举措, 今后努力方向, 下一年工作思路 …) — 一是/二是 or
     * 1./（1） items, or its （一） sections (heading and first sentence), or else its sentences — without their
     * ordinals.
     */
    public List<String> plans() {
        List<String> out = new java.util.ArrayList<>();
        for (OutlinePart p : parts) {
            if (!OutlinePart.MEASURES.equals(p.role())) continue;
            if (!p.items().isEmpty()) p.items().forEach(i -> add(out, i));
            else if (p.sections().isEmpty()) for (String s : p.body().split("[。\n]")) add(out, s);
            for (OutlineSection s : p.sections()) {
                if (!s.items().isEmpty()) {
                    s.items().forEach(i -> add(out, i));
                } else {
                    String first = s.body().split("[。\n]")[0].strip();
                    add(out, first.isEmpty() ? s.heading() : s.heading().replaceFirst("[。：:，]$", "") + "：" + first);
                }
            }
        }
        return out;
    }

    private static final java.util.regex.Pattern ORDINAL = java.util.regex.Pattern.compile(
            "^\\s*(?:[一二三四五六七八九十]{1,2}是|\\d{1,2}[.．、]|[（(][一二三四五六七八九十\\d]{1,2}[）)])[、，,：:]?\\s*");

    private static void add(List<String> out, String item) {
        String t = ORDINAL.matcher(item.strip()).replaceFirst("").replaceAll("[；;，,。.：:\\s]+$", "").strip();
        if (t.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN).count() >= 4
                && !out.contains(t)) {
            out.add(t);
        }
    }

    /** The opening paragraph(s), "" when there are none. */
    String opening() {
        return parts.stream().filter(p -> p.role().equals(OutlinePart.OPENING)).map(OutlinePart::body).findFirst().orElse("");
    }

    /**
     * One part: "一、履职情况及成效" with its sections, or an itemized part (items in {@code items}).
     *
     * @param ref      "opening", "1", "2" …
     * @param heading  as printed, with its ordinal; "" for the opening and for a text without headings
     * @param role     opening | achievements | issues | measures | other
     * @param body     the part's own text (before its first section), paragraphs joined by "\n"
     * @param items    一是/二是 or 1./（1） items of the part's own text
     * @param sections （一）… sections
     */
    public record OutlinePart(String ref, String heading, String role, String body, List<String> items,
                              List<OutlineSection> sections) {
        public static final String OPENING = "opening";
        public static final String ACHIEVEMENTS = "achievements";
        public static final String ISSUES = "issues";
        public static final String MEASURES = "measures";
        public static final String OTHER = "other";

        public OutlinePart {
            items = List.copyOf(items);
            sections = List.copyOf(sections);
        }
    }

    /**
     * A section "（一）…": {@code ref} "1.2", its heading (run-in heading up to the first 。), body and items.
     */
    public record OutlineSection(String ref, String heading, String body, List<String> items) {
        public OutlineSection {
            items = List.copyOf(items);
        }
    }

    /**
     * A number from last year's report, with the clause it stands in.
     *
     * @param sectionRef  where it was: "opening", "1", "1.2" …
     * @param clause      the clause around it ("开展研讨交流**次")
     * @param quantity    the number read by NumberParser; null for a placeholder
     * @param placeholder the text as written when the number was left out ("**次", "*人"), else null
     */
    record LastYearFact(String sectionRef, String clause, Quantity quantity, String placeholder) {
        boolean isPlaceholder() {
            return placeholder != null;
        }
    }
}
