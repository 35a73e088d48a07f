package io.shuzhi.export;

import io.shuzhi.draft.Draft;
import io.shuzhi.draft.Section;
import io.shuzhi.export.ImportedReport.OutlinePart;
import io.shuzhi.export.ImportedReport.OutlineSection;
import io.shuzhi.interview.NumberParser;
import io.shuzhi.interview.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Last year's report as a first draft for this year: its structure and wording kept, the year moved on, and every
 * number of last year masked as 【去年…，今年？】 so none of them slips into this year's text unconfirmed.
 */
public final class ImportedDrafts {
    private static final Pattern STARS = Pattern.compile("[*＊]+");
    private static final Pattern LEADING_ORDINAL = Pattern.compile(
            "^\\s*(?:[一二三四五六七八九十]{1,2}是|\\d{1,2}[.．、](?!\\d)|[（(][一二三四五六七八九十\\d]{1,2}[）)])[、，,：:]?\\s*");

    private ImportedDrafts() {
    }

    /** The report as a draft of {@code kind} for {@code newYear}, each figure {@code numbers} finds masked. */
    public static Draft toDraft(ImportedReport report, String kind, String newYear, NumberParser numbers) {
        var sections = new ArrayList<Section>();
        String title = report.title().isBlank() ? "述职报告" : report.title();
        sections.add(new Section("title", 0, withYear(title, report.year(), newYear), ""));
        String opening = report.opening();
        if (!opening.isBlank()) {
            sections.add(new Section("opening", 1, "", mask(withYear(opening, report.year(), newYear), numbers)));
        }
        for (OutlinePart part : report.parts()) {
            if (part.role().equals(OutlinePart.OPENING)) continue;
            sections.add(new Section(part.ref(), 1, part.heading(), mask(part.body(), numbers)));
            for (OutlineSection s : part.sections()) {
                sections.add(new Section(s.ref(), 2, s.heading(), mask(s.body(), numbers)));
            }
        }
        return new Draft(kind, 0, sections);
    }

    /** "2024年" of last year's report becomes this year's; other years (history) stay. */
    static String withYear(String text, String oldYear, String newYear) {
        if (oldYear == null || oldYear.isBlank() || newYear == null || newYear.isBlank()) return text;
        return text.replace(oldYear + "年", newYear + "年");
    }

    /**
     * Each number of last year as 【去年12次，今年？】; a blank with its unit ("**次", masked in the copy the writer
     * has) as 【今年？次】, other blanks as 【待补充】.
     */
    static String mask(String text, NumberParser numbers) {
        if (text == null || text.isEmpty()) return "";
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (NumberParser.Found found : numbers.locate(text)) {
            Quantity q = found.quantity();
            if (q.unit().isEmpty()) continue;
            out.append(text, from, found.start()).append("【去年").append(q.raw()).append("，今年？】");
            from = found.end();
        }
        out.append(text.substring(from));
        // A masked figure ("**次", "XX人", "×项") is a figure to ask for: the mask goes, the unit stays.
        java.util.regex.Matcher m = PriorReportParser.PLACEHOLDER.matcher(out);
        StringBuilder unmasked = new StringBuilder();
        while (m.find()) {
            String unit = m.group().replaceFirst("^[*＊×ＸXxｘ.．]+(?:余|多)?", "");
            m.appendReplacement(unmasked, java.util.regex.Matcher.quoteReplacement("【待补充】" + unit));
        }
        m.appendTail(unmasked);
        return STARS.matcher(unmasked).replaceAll("【待补充】");
    }

    /** The statements of last year's report that carry numbers or masked figures, with the role of their part. */
    public static List<io.shuzhi.interview.LastYear.Statement> statements(ImportedReport report) {
        var out = new ArrayList<io.shuzhi.interview.LastYear.Statement>();
        var seen = new java.util.LinkedHashMap<String, List<Quantity>>();
        var roles = new java.util.HashMap<String, String>();
        for (ImportedReport.LastYearFact f : report.facts()) {
            // Last year's plans are read as plans (ImportedReport.plans), asked one by one, not as figures of the year.
            if (OutlinePart.MEASURES.equals(roleOf(report, f.sectionRef()))) continue;
            // A masked figure is kept as a statement with no number: the interview asks this year's figure for it.
            List<Quantity> qs = seen.computeIfAbsent(f.clause(), k -> new ArrayList<>());
            if (!f.isPlaceholder() && f.quantity() != null) qs.add(f.quantity());
            roles.putIfAbsent(f.clause(), roleOf(report, f.sectionRef()));
        }
        // "一是支部开展集中学习12次" is shown to the writer as "支部开展集中学习12次": the ordinal was last year's layout.
        seen.forEach((clause, qs) -> out.add(new io.shuzhi.interview.LastYear.Statement(roles.get(clause),
                LEADING_ORDINAL.matcher(clause).replaceFirst(""), qs)));
        return out;
    }

    private static String roleOf(ImportedReport report, String sectionRef) {
        String partRef = sectionRef == null ? "" : sectionRef.split("\\.")[0];
        return report.parts().stream().filter(p -> p.ref().equals(partRef)).map(OutlinePart::role).findFirst()
                .orElse(OutlinePart.OTHER);
    }
}
