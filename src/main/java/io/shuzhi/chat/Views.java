package io.shuzhi.chat;

import io.shuzhi.draft.Draft;
import io.shuzhi.draft.Section;
import io.shuzhi.interview.Fact;
import io.shuzhi.interview.ReportKind;
import io.shuzhi.interview.YearOnYear;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How sessions, facts and drafts look in frames. */
final class Views {
    private Views() {
    }

    static ServerFrame.Session snapshot(SessionState state, ReportKind kind, String engine, Draft draft,
                                        List<ServerFrame.ChatMessage> messages, YearOnYear years) {
        return new ServerFrame.Session(state.id(), kind.id(), kind.name(), state.phase(), engine,
                profile(state), factViews(kind, state, years), draft == null ? null : draftView(draft),
                withoutReplaced(messages),
                state.tokensIn(), state.tokensOut(), state.tokensEstimated(), versions(state));
    }

    /** The history as shown: a message the writer corrected (edit and resend) and the replies to it give way. */
    static List<ServerFrame.ChatMessage> withoutReplaced(List<ServerFrame.ChatMessage> messages) {
        var replaced = new java.util.HashSet<String>();
        for (var m : messages) if (m.replaces() != null) replaced.add(m.replaces());
        if (replaced.isEmpty()) return messages;
        var out = new java.util.ArrayList<ServerFrame.ChatMessage>();
        boolean dropping = false;
        for (var m : messages) {
            if ("user".equals(m.role())) dropping = replaced.contains(m.id());
            if (!dropping) out.add(m);
        }
        return out;
    }

    static ServerFrame.Versions versions(SessionState state) {
        VersionInfo current = state.version(state.draftVersion());
        boolean canUndo = current != null && current.basedOn() > 0;
        return new ServerFrame.Versions(state.draftVersion(), state.latestVersion(), canUndo,
                !state.redo().isEmpty(), state.versions());
    }

    static Map<String, String> profile(SessionState state) {
        var p = new HashMap<String, String>();
        p.put("unit", state.interview().unit());
        p.put("year", state.interview().year());
        return p;
    }

    static ServerFrame.Facts factsFrame(ReportKind kind, SessionState state, YearOnYear years) {
        return new ServerFrame.Facts(profile(state), factViews(kind, state, years));
    }

    static List<ServerFrame.FactView> factViews(ReportKind kind, SessionState state, YearOnYear years) {
        List<YearOnYear.Pair> pairs = years.pairs(state.interview());
        return state.interview().facts().stream().map(f -> factView(kind, f, pairs)).toList();
    }

    static ServerFrame.FactView factView(ReportKind kind, Fact f, List<YearOnYear.Pair> pairs) {
        List<ServerFrame.YearOnYearView> lastYear = pairs.stream().filter(p -> p.factId().equals(f.id()))
                .map(p -> new ServerFrame.YearOnYearView(p.label(), p.lastYear().raw(), p.thisYear().raw(),
                        p.lastYearFactId(), p.difference().orElse(null))).toList();
        var topic = kind.topic(f.topic());
        var section = topic.map(t -> kind.sectionOf(t.key()));
        String sectionHeading = section.map(s -> s.heading().isEmpty() ? kind.partOf(s).heading() : s.heading())
                .orElse("");
        return new ServerFrame.FactView(f.id(), f.topic(), topic.map(ReportKind.TopicSpec::label).orElse(f.topic()),
                section.map(ReportKind.SectionSpec::ref).orElse(""), sectionHeading, f.text(),
                f.quantities().stream().map(q -> new ServerFrame.QuantityView(q.raw(), q.display(), q.unit())).toList(),
                f.sourceId(), f.origin().name(), lastYear.isEmpty() ? null : lastYear);
    }

    static ServerFrame.Draft draftFrame(Draft d) {
        var v = draftView(d);
        return new ServerFrame.Draft(v.version(), v.title(), v.text(), v.sections());
    }

    static ServerFrame.DraftView draftView(Draft d) {
        return new ServerFrame.DraftView(d.version(), d.title(), d.toPlainText(), d.sections().stream()
                .map(Views::sectionView).toList());
    }

    static ServerFrame.SectionView sectionView(Section s) {
        return new ServerFrame.SectionView(s.ref(), s.level(), s.heading(), s.body());
    }
}
