package io.shuzhi.chat;

import io.shuzhi.draft.Draft;
import io.shuzhi.draft.DraftWriter;
import io.shuzhi.draft.Section;
import io.shuzhi.interview.Fact;
import io.shuzhi.interview.InterviewState;
import io.shuzhi.interview.ReportKind;
import java.util.ArrayList;
import java.util.List;
import io.shuzhi.interview.Lexicon;
import io.shuzhi.interview.NumberParser;
import io.shuzhi.interview.ReportKinds;
import io.shuzhi.interview.YearOnYear;
import org.springframework.stereotype.Component;

/**
 * The facts panel: {@code fact_edit{id, text}} corrects a fact's wording (its numbers are read again from the new
 * text), {@code fact_delete{id}} removes it. When a draft exists, the section the fact belongs to is written again
 * from the corrected facts (a new version, that section only) — unless the writer has changed that section by hand,
 * or a model writes the draft (a whole regeneration would cost a model call): then the reply says how to update it.
 */
final class FactTurns {
    private static final int MAX_CHARS = 1000;

    private FactTurns() {
    }

    private static Fact find(Turn turn, String id) {
        return turn.state().interview().facts().stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new ShuzhiException(ErrorCode.UNKNOWN_FACT));
    }

    /**
     * Writes the section of {@code fact}'s topic again from the facts now in {@code turn} (before: {@code before}),
     * as a new version with only that section changed.
     */
    static void redraftSection(Turn turn, Drafting drafting, ReportKind kind, Fact fact, InterviewState before,
                               Engine engine, DraftStore drafts) {
        if (turn.state().draftVersion() <= 0) return;
        var topic = kind.topic(fact.topic());
        if (topic.isEmpty()) return;
        String ref = kind.sectionOf(topic.get().key()).ref();
        Draft current = drafts.current(turn.state());
        Section shown = section(current, ref);
        if (shown == null) return;
        String label = shown.heading().isBlank() ? "这一部分" : "“" + shown.heading() + "”";
        if (!engine.offline()) {
            turn.assistant("这条情况已修改。草稿中" + label + "还是按原来的情况写的：可以在草稿里点这一节的“改写”，"
                    + "或说“生成草稿”重新生成。", List.of("生成草稿"));
            return;
        }
        Section was = section(write(engine, drafting, kind, before, current), ref);
        if (was == null || !(was.heading() + was.body()).equals(shown.heading() + shown.body())) {
            turn.assistant("这条情况已修改。草稿中" + label + "的文字不是按收集的情况生成的（导入的，或您改过），为免覆盖，"
                    + "没有自动重写；需要时说“生成草稿”按全部情况重新生成。", List.of());
            return;
        }
        Section now = section(write(engine, drafting, kind, turn.state().interview(), current), ref);
        if (now == null || now.equals(shown)) return;
        var sections = new ArrayList<>(current.sections());
        sections.replaceAll(s -> s.ref().equals(shown.ref()) ? now : s);
        turn.newVersion(new Draft(current.kind(), current.version(), sections), "refine",
                "按修改后的情况重写" + (shown.heading().isBlank() ? "" : "“" + shown.heading() + "”"), engine.name());
    }

    private static Draft write(Engine engine, Drafting drafting, ReportKind kind, InterviewState interview,
                               Draft current) {
        Draft d = engine.drafter().write(kind, interview, current.version(), DraftWriter.Progress.NONE);
        return drafting.withPreferences(d, interview).draft();
    }

    /** The draft's section {@code ref}, or the part it belongs to when the part is written as one (一是/二是…). */
    private static Section section(Draft d, String ref) {
        for (String r : List.of(ref, ref.contains(".") ? ref.substring(0, ref.indexOf('.')) : ref)) {
            for (Section s : d.sections()) if (s.ref().equals(r)) return s;
        }
        return null;
    }

    @Component
    static class EditTurn implements TurnHandler<ClientFrame.FactEdit> {
        private final ReportKinds kinds;
        private final Engine engine;
        private final DraftStore drafts;
        private final Drafting drafting;
        private final NumberParser numbers;
        private final YearOnYear yearOnYear;

        EditTurn(ReportKinds kinds, Engine engine, DraftStore drafts, Drafting drafting, Lexicon lexicon) {
            this.kinds = kinds;
            this.numbers = lexicon.numbers();
            this.yearOnYear = lexicon.yearOnYear();
            this.drafting = drafting;
            this.engine = engine;
            this.drafts = drafts;
        }

        @Override
        public boolean apply(Turn turn, ClientFrame.FactEdit frame) {
            Fact fact = find(turn, frame.id());
            String text = frame.text().strip().replaceAll("[。；;]+$", "");
            if (text.isEmpty()) throw new ShuzhiException(ErrorCode.EMPTY_MESSAGE, "内容为空：要删除这条，请点“删除”。");
            if (text.length() > MAX_CHARS) throw new ShuzhiException(ErrorCode.TOO_LARGE);
            if (text.equals(fact.text())) return false;
            // A corrected last-year fact is the writer's own word now.
            Fact corrected = new Fact(fact.id(), fact.topic(), text, numbers.find(text), fact.sourceId(),
                    Fact.Origin.WRITER);
            InterviewState before = turn.state().interview();
            turn.update(s -> s.withInterview(s.interview().withFact(fact.id(), corrected), yearOnYear));
            ReportKind kind = kinds.get(turn.state().kind());
            turn.add(Views.factsFrame(kind, turn.state(), yearOnYear));
            redraftSection(turn, drafting, kind, corrected, before, engine, drafts);
            return true;
        }
    }

    @Component
    static class DeleteTurn implements TurnHandler<ClientFrame.FactDelete> {
        private final ReportKinds kinds;
        private final YearOnYear yearOnYear;

        DeleteTurn(ReportKinds kinds, Lexicon lexicon) {
            this.kinds = kinds;
            this.yearOnYear = lexicon.yearOnYear();
        }

        @Override
        public boolean apply(Turn turn, ClientFrame.FactDelete frame) {
            Fact fact = find(turn, frame.id());
            turn.update(s -> s.withInterview(s.interview().withFact(fact.id(), null), yearOnYear));
            turn.add(Views.factsFrame(kinds.get(turn.state().kind()), turn.state(), yearOnYear));
            return true;
        }
    }
}
