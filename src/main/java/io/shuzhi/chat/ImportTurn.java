package io.shuzhi.chat;

import io.shuzhi.draft.Draft;
import io.shuzhi.export.ImportException;
import io.shuzhi.export.ImportedDrafts;
import io.shuzhi.export.ImportedReport;
import io.shuzhi.export.PriorReportParser;
import io.shuzhi.interview.InterviewEngine.Reply;
import io.shuzhi.interview.InterviewState;
import io.shuzhi.interview.Lexicon;
import io.shuzhi.interview.OfflineInterviewer;
import io.shuzhi.interview.ReportKind;
import io.shuzhi.interview.ReportKinds;
import org.springframework.stereotype.Component;

/**
 * {@code import{text}}: starts from last year's report. Its numbers become last year's facts (the interview asks
 * what changed for each), its structure becomes a first version with the year moved on and every old number
 * masked, and the unit and year are taken when the writer has not given them yet.
 */
@Component
class ImportTurn implements TurnHandler<ClientFrame.Import> {
    private final PriorReportParser parser;
    private final ReportKinds kinds;
    private final OfflineInterviewer plan;
    private final Engine engine;
    private final Lexicon lexicon;

    ImportTurn(PriorReportParser parser, ReportKinds kinds, OfflineInterviewer plan, Engine engine, Lexicon lexicon) {
        this.lexicon = lexicon;
        this.parser = parser;
        this.kinds = kinds;
        this.plan = plan;
        this.engine = engine;
    }

    /** Reads an uploaded file (the HTTP endpoint); the parsed report then goes through the same turn. */
    ImportedReport parse(byte[] content, String fileName) {
        try {
            return parser.parse(content, fileName);
        } catch (ImportException e) {
            throw new ShuzhiException(ErrorCode.IMPORT_FAILED, e.getMessage());
        }
    }

    @Override
    public boolean apply(Turn turn, ClientFrame.Import frame) {
        ImportedReport report;
        try {
            report = parser.parse(frame.text());
        } catch (ImportException e) {
            throw new ShuzhiException(ErrorCode.IMPORT_FAILED, e.getMessage());
        }
        apply(turn, report);
        return true;
    }

    void apply(Turn turn, ImportedReport report) {
        ReportKind kind = kinds.get(turn.state().kind());
        InterviewState before = turn.state().interview();
        String sourceId = "import-" + (turn.state().latestVersion() + 1);
        InterviewState next = lexicon.lastYear().add(kind, before, ImportedDrafts.statements(report), sourceId);
        String unit = before.unit() != null ? before.unit() : blankToNull(report.unit());
        String year = before.year() != null ? before.year() : nextYear(report.year());
        next = next.withProfile(unit, year).withHeadings(headings(kind, report));
        int plansBefore = next.plans().size();
        next = plan.withPlans(kind, next, report.plans());
        int plans = next.plans().size() - plansBefore;
        int lastYearFacts = next.facts().size() - before.facts().size();
        long masked = next.facts().stream().skip(before.facts().size())
                .filter(f -> PriorReportParser.PLACEHOLDER.matcher(f.text()).find()).count();

        Reply question = plan.next(kind, next);
        turn.update(s -> s.withInterview(question.state(), lexicon.yearOnYear()));
        turn.add(Views.factsFrame(kind, turn.state(), lexicon.yearOnYear()));
        Draft draft = ImportedDrafts.toDraft(report, kind.id(), year, lexicon.numbers());
        turn.newVersion(draft, "import", "导入去年的报告", engine.name());

        String shape = ImportedReport.THREE_PART.equals(report.shape()) ? "标准的三部分结构" : "与常见三部分不同的结构";
        long parts = report.parts().stream().filter(p -> !p.role().equals(ImportedReport.OutlinePart.OPENING)).count();
        // Say what the draft really shows: the markers it has, not the ones it might have had.
        String all = draft.sections().stream().map(s -> s.heading() + s.body()).reduce("", String::concat);
        long marked = count(all, "【去年"), blanks = count(all, "【待补充】");
        var marks = new StringBuilder();
        if (marked > 0) marks.append("去年的").append(marked).append("处数字标成了【去年…，今年？】，不会直接写进今年的报告；");
        if (blanks > 0) {
            marks.append("另有").append(blanks).append("处在去年的稿子里是打码的或空着（如“**次”“XX人”），标成了【待补充】")
                    .append(masked > 0 ? "，其中" + masked + "条情况问到时请告诉我今年的实数" : "").append("；");
        }
        String text = "已读入去年的报告（" + shape + "，" + parts + "个部分）" + (lastYearFacts > 0 ? "，记下" + lastYearFacts
                + "条带数字的去年情况" : "") + "。右侧草稿保留了去年的结构，年份已更新；" + marks
                + (plans > 0 ? "去年报告里的" + plans + "条下一步计划，我会在相应部分逐条问今年的落实情况。" : "")
                + "接下来我会按这份报告的结构逐项问今年的情况。\n\n" + question.text();
        turn.assistant(text, question.choices());
    }

    private static long count(String text, String what) {
        long n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) n++;
        return n;
    }

    /**
     * The imported report's headings for the kind's parts (by what each part is about: achievements, issues, measures)
     * and, where a part has as many sections as the kind's, for its sections in order: "2" → "存在的主要问题".
     */
    static java.util.Map<String, String> headings(ReportKind kind, ImportedReport report) {
        var out = new java.util.HashMap<String, String>();
        var used = new java.util.HashSet<ImportedReport.OutlinePart>();
        for (ReportKind.PartSpec part : kind.parts()) {
            String role = roleOf(part.heading());
            var match = report.parts().stream().filter(p -> !used.contains(p) && p.role().equals(role)).findFirst();
            if (match.isEmpty()) continue;
            used.add(match.get());
            String heading = plain(match.get().heading());
            if (!heading.isEmpty()) out.put(Integer.toString(part.number()), heading);
            var sections = match.get().sections();
            if (!part.itemized() && sections.size() == part.sections().size()) {
                for (int i = 0; i < sections.size(); i++) {
                    String h = plain(sections.get(i).heading());
                    if (!h.isEmpty()) out.put(part.number() + "." + (i + 1), h);
                }
            }
        }
        return out;
    }

    /** The same words PriorReportParser reads a part's role from. */
    private static String roleOf(String heading) {
        if (heading.matches(".*(举措|打算|思路|努力方向|下一步|下步|计划).*")) return ImportedReport.OutlinePart.MEASURES;
        if (heading.matches(".*(问题|不足|差距|短板).*")) return ImportedReport.OutlinePart.ISSUES;
        return ImportedReport.OutlinePart.ACHIEVEMENTS;
    }

    /** A heading without its ordinal and closing stop: "二、存在的主要问题。" → "存在的主要问题". */
    private static String plain(String heading) {
        return heading == null ? "" : heading.strip().replaceFirst("^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)])\\s*", "")
                .replaceFirst("[。．.；;：:]$", "");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String nextYear(String year) {
        try {
            return year == null || year.isBlank() ? null : Integer.toString(Integer.parseInt(year.strip()) + 1);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
