package io.shuzhi.chat;

import io.shuzhi.draft.Draft;
import io.shuzhi.draft.Section;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Hand edits, undo/redo, the version list and the diff between two versions. */
final class VersionTurns {
    private VersionTurns() {
    }

    /** {@code edit{section, text, baseVersion}}: replaces one section by hand, if nobody changed the draft since. */
    @Component
    static class EditTurn implements TurnHandler<ClientFrame.Edit> {
        private static final int MAX_CHARS = 4000;
        private final DraftStore drafts;

        EditTurn(DraftStore drafts) {
            this.drafts = drafts;
        }

        @Override
        public boolean apply(Turn turn, ClientFrame.Edit edit) {
            if (turn.state().draftVersion() != edit.baseVersion()) {
                throw ShuzhiException.versionConflict(turn.state().draftVersion(), edit.text());
            }
            Draft draft = drafts.current(turn.state());
            Section section = draft.section(edit.section()).orElseThrow(() -> new ShuzhiException(
                    ErrorCode.UNKNOWN_SECTION, "草稿中没有“" + edit.section() + "”这一节。"));
            String text = edit.text().strip();
            if (text.length() > MAX_CHARS) throw new ShuzhiException(ErrorCode.TOO_LARGE);
            boolean title = section.ref().equals("title");
            if (text.isEmpty() && title) throw new ShuzhiException(ErrorCode.EMPTY_MESSAGE, "标题不能为空。");
            Section edited = title ? new Section("title", section.level(), text, section.body())
                    : section.withBody(text);
            if (edited.equals(section)) return false;
            var sections = new ArrayList<>(draft.sections());
            sections.set(sections.indexOf(section), edited);
            turn.newVersion(new Draft(draft.kind(), draft.version(), sections), "edit", section.ref(), "manual");
            return true;
        }
    }

    /** {@code undo}: back to the version the current one was made from. */
    @Component
    static class UndoTurn implements TurnHandler<ClientFrame.Undo> {
        private final DraftStore drafts;

        UndoTurn(DraftStore drafts) {
            this.drafts = drafts;
        }

        @Override
        public boolean apply(Turn turn, ClientFrame.Undo frame) {
            VersionInfo current = turn.state().version(turn.state().draftVersion());
            if (current == null || current.basedOn() <= 0) {
                throw new ShuzhiException(ErrorCode.NOTHING_TO_UNDO);
            }
            var redo = new ArrayList<>(turn.state().redo());
            redo.add(current.version());
            show(turn, drafts, current.basedOn(), redo);
            turn.assistant("已撤销，回到第" + current.basedOn() + "版。", List.of("重做"));
            return true;
        }
    }

    /** {@code redo}: forward to the version last undone. */
    @Component
    static class RedoTurn implements TurnHandler<ClientFrame.Redo> {
        private final DraftStore drafts;

        RedoTurn(DraftStore drafts) {
            this.drafts = drafts;
        }

        @Override
        public boolean apply(Turn turn, ClientFrame.Redo frame) {
            var redo = new ArrayList<>(turn.state().redo());
            if (redo.isEmpty()) throw new ShuzhiException(ErrorCode.NOTHING_TO_REDO);
            int version = redo.remove(redo.size() - 1);
            show(turn, drafts, version, redo);
            turn.assistant("已重做，回到第" + version + "版。", List.of());
            return true;
        }
    }

    private static void show(Turn turn, DraftStore drafts, int version, List<Integer> redo) {
        Draft draft = drafts.get(turn.sessionId(), version)
                .orElseThrow(() -> new ShuzhiException(ErrorCode.NO_DRAFT));
        turn.update(s -> s.showing(version, redo));
        turn.add(Views.draftFrame(draft));
        turn.add(Views.versions(turn.state()));
    }

    /** {@code versions}: the list, to the asking tab only. */
    @Component
    static class ListTurn implements TurnHandler<ClientFrame.Versions> {

        @Override
        public boolean apply(Turn turn, ClientFrame.Versions frame) {
            turn.reply(Views.versions(turn.state()));
            return false;
        }
    }

    /** {@code diff{from, to}}: section by section, to the asking tab only. */
    @Component
    static class DiffTurn implements TurnHandler<ClientFrame.Diff> {
        private final DraftStore drafts;

        DiffTurn(DraftStore drafts) {
            this.drafts = drafts;
        }

        @Override
        public boolean apply(Turn turn, ClientFrame.Diff frame) {
            Draft from = version(turn, frame.from());
            Draft to = version(turn, frame.to());
            turn.reply(new ServerFrame.Diff(frame.from(), frame.to(), diff(from, to)));
            return false;
        }

        private Draft version(Turn turn, int v) {
            return drafts.get(turn.sessionId(), v).orElseThrow(() -> new ShuzhiException(ErrorCode.NO_DRAFT,
                    "没有第" + v + "版草稿。"));
        }
    }

    /** Sections matched by ref, in the order of {@code to} then those only in {@code from}. */
    static List<ServerFrame.SectionDiff> diff(Draft from, Draft to) {
        Map<String, Section> before = new LinkedHashMap<>();
        from.sections().forEach(s -> before.put(s.ref(), s));
        var out = new ArrayList<ServerFrame.SectionDiff>();
        for (Section s : to.sections()) {
            Section old = before.remove(s.ref());
            String after = text(s);
            if (old == null) {
                out.add(new ServerFrame.SectionDiff(s.ref(), s.heading(), "added", null, after));
            } else {
                String was = text(old);
                out.add(new ServerFrame.SectionDiff(s.ref(), s.heading(), was.equals(after) ? "same" : "changed",
                        was, after));
            }
        }
        before.values().forEach(s -> out.add(new ServerFrame.SectionDiff(s.ref(), s.heading(), "removed",
                text(s), null)));
        return out;
    }

    /** A section as it reads: a run-in heading ends with 。 before its text. */
    private static String text(Section s) {
        boolean runIn = s.level() == 2 && !s.heading().isEmpty() && !s.body().isEmpty();
        return s.heading() + (runIn ? "。" : s.heading().isEmpty() || s.body().isEmpty() ? "" : "\n") + s.body();
    }
}
