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
    /** A figure left blank in last year's text, with its unit: "**次", "＊名". */
    private static final Pattern BLANK_WITH_UNIT = Pattern.compile(
            "[*＊]+\\s*(人次|万元|名|人|次|个|项|期|场|篇|册|份|件|元|天|条|家|户|所|处|批|轮|课|堂|支|本|部|套|张|户次|类|%)");

    private ImportedDrafts() {
    }

    public static Draft toDraft(ImportedReport report, String kind, String newYear) {
        var sections = new ArrayList<Section>();
        String title = report.title().isBlank() ? "述职报告" : report.title();
        sections.add(new Section("title", 0, withYear(title, report.year(), newYear), ""));
        String opening = report.opening();
        if (!opening.isBlank()) sections.add(new Section("opening", 1, "", mask(withYear(opening, report.year(), newYear))));
        for (OutlinePart part : report.parts()) {
            if (part.role().equals(OutlinePart.OPENING)) continue;
            sections.add(new Section(part.ref(), 1, part.heading(), mask(part.body())));
            for (OutlineSection s : part.sections()) {
                sections.add(new Section(s.ref(), 2, s.heading(), mask(s.body())));
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
    static String mask(String text) {
        if (text == null || text.isEmpty()) return "";
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (NumberParser.Found found : NumberParser.locate(text)) {
            Quantity q = found.quantity();
            if (q.unit().isEmpty()) continue;
            out.append(text, from, found.start()).append("【去年").append(q.raw()).append("，今年？】");
            from = found.end();
        }
        out.append(text.substring(from));
        return STARS.matcher(BLANK_WITH_UNIT.matcher(out).replaceAll("【今年？$1】")).replaceAll("【待补充】");
    }

    /** The statements of last year's report that carry numbers, with the role of their part. */
    public static List<io.shuzhi.interview.LastYear.Statement> statements(ImportedReport report) {
        var out = new ArrayList<io.shuzhi.interview.LastYear.Statement>();
        var seen = new java.util.LinkedHashMap<String, List<Quantity>>();
        var roles = new java.util.HashMap<String, String>();
        for (ImportedReport.LastYearFact f : report.facts()) {
            if (f.isPlaceholder() || f.quantity() == null) continue;
            seen.computeIfAbsent(f.clause(), k -> new ArrayList<>()).add(f.quantity());
            roles.putIfAbsent(f.clause(), roleOf(report, f.sectionRef()));
        }
        seen.forEach((clause, qs) -> out.add(new io.shuzhi.interview.LastYear.Statement(roles.get(clause), clause, qs)));
        return out;
    }

    private static String roleOf(ImportedReport report, String sectionRef) {
        String partRef = sectionRef == null ? "" : sectionRef.split("\\.")[0];
        return report.parts().stream().filter(p -> p.ref().equals(partRef)).map(OutlinePart::role).findFirst()
                .orElse(OutlinePart.OTHER);
    }
}
