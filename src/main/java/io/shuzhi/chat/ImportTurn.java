package io.shuzhi.chat;

import io.shuzhi.draft.Draft;
import io.shuzhi.export.ImportException;
import io.shuzhi.export.ImportedDrafts;
import io.shuzhi.export.ImportedReport;
import io.shuzhi.export.PriorReportParser;
import io.shuzhi.interview.InterviewEngine.Reply;
import io.shuzhi.interview.InterviewState;
import io.shuzhi.interview.LastYear;
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

    ImportTurn(PriorReportParser parser, ReportKinds kinds, OfflineInterviewer plan, Engine engine) {
        this.parser = parser;
        this.kinds = kinds;
        this.plan = plan;
        this.engine = engine;
    }

    @Override
    public Class<ClientFrame.Import> frameType() {
        return ClientFrame.Import.class;
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
        ReportKind kind = kinds.get(turn.state.kind());
        InterviewState before = turn.state.interview();
        String sourceId = "import-" + (turn.state.latestVersion() + 1);
        InterviewState next = LastYear.add(kind, before, ImportedDrafts.statements(report), sourceId);
        String unit = before.unit() != null ? before.unit() : blankToNull(report.unit());
        String year = before.year() != null ? before.year() : nextYear(report.year());
        next = next.withProfile(unit, year);
        int plansBefore = next.plans().size();
        next = plan.withPlans(kind, next, report.plans());
        int plans = next.plans().size() - plansBefore;
        int lastYearFacts = next.facts().size() - before.facts().size();
        long masked = next.facts().stream().skip(before.facts().size())
                .filter(f -> PriorReportParser.PLACEHOLDER.matcher(f.text()).find()).count();

        Reply question = plan.next(kind, next);
        turn.state = turn.state.withInterview(question.state());
        turn.add(Views.factsFrame(kind, turn.state));
        Draft draft = ImportedDrafts.toDraft(report, kind.id(), year);
        turn.newVersion(draft, "import", "导入去年的报告", engine.name());

        String shape = ImportedReport.THREE_PART.equals(report.shape()) ? "标准的三部分结构" : "与常见三部分不同的结构";
        long parts = report.parts().stream().filter(p -> !p.role().equals(ImportedReport.OutlinePart.OPENING)).count();
        String maskedNote = masked == 0 ? "" : "（其中" + masked + "条里有数字在去年的稿子里是打码的，如“**次”“XX人”，问到时请告诉我今年的实数）";
        String text = "已读入去年的报告（" + shape + "，" + parts + "个部分），记下" + lastYearFacts
                + "条带数字的去年情况" + maskedNote + "。右侧草稿保留了去年的结构，年份已更新，去年的数字都标成了【去年…，今年？】，"
                + "不会直接写进今年的报告。"
                + (plans > 0 ? "去年报告里的" + plans + "条下一步计划，我会在相应部分逐条问今年的落实情况。" : "")
                + "接下来我会对照去年的情况逐项问今年的变化。\n\n" + question.text();
        turn.assistant(text, question.choices());
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
