package io.shuzhi.chat;

import io.shuzhi.interview.InterviewEngine.Intent;
import io.shuzhi.interview.InterviewEngine.Reply;
import io.shuzhi.interview.Fact;
import io.shuzhi.interview.InterviewState;
import io.shuzhi.interview.YearOnYear;
import io.shuzhi.interview.KindRecognizer;
import io.shuzhi.interview.Lexicon;
import io.shuzhi.interview.ReportKind;
import io.shuzhi.interview.ReportKinds;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/** A chat message: the engine reads it (facts, a skip, a correction, "生成草稿"…) and answers. */
@Component
class SayTurn implements TurnHandler<ClientFrame.Say> {
    private final ReportKinds kinds;
    private final Engine engine;
    private final Drafting drafting;
    private final Refining refining;
    private final VersionTurns.UndoTurn undo;
    private final VersionTurns.RedoTurn redo;
    private final KindRecognizer recognizer;
    private final YearOnYear yearOnYear;

    SayTurn(ReportKinds kinds, Engine engine, Drafting drafting, Refining refining, VersionTurns.UndoTurn undo,
            VersionTurns.RedoTurn redo, KindRecognizer recognizer, Lexicon lexicon) {
        this.recognizer = recognizer;
        this.yearOnYear = lexicon.yearOnYear();

        this.kinds = kinds;
        this.engine = engine;
        this.drafting = drafting;
        this.refining = refining;
        this.undo = undo;
        this.redo = redo;
    }

    private static final java.util.Set<String> UNDO_WORDS = java.util.Set.of("撤销", "撤回", "撤销修改", "回退", "撤销上一步");
    private static final java.util.Set<String> REDO_WORDS = java.util.Set.of("重做", "恢复修改", "恢复");

    @Override
    public boolean apply(Turn turn, ClientFrame.Say say) {
        SessionState state = turn.state();
        if (state.seen(say.id())) return false;
        String text = say.text().strip();
        ReportKind kind = kinds.get(state.kind());
        turn.update(s -> s.withSayId(say.id()));
        // Edit and resend: the corrected message takes the place of the earlier one, whose facts go with it.
        String replaces = say.replaces() != null && state.seen(say.replaces()) ? say.replaces() : null;
        if (replaces != null) {
            var kept = turn.state().interview().facts().stream().filter(f -> !replaces.equals(f.sourceId())).toList();
            if (kept.size() < turn.state().interview().facts().size()) {
                turn.update(s -> s.withInterview(s.interview().withFacts(kept, s.interview().nextFactId()),
                        yearOnYear));
                state = turn.state();
                turn.add(Views.factsFrame(kind, turn.state(), yearOnYear));
            }
        }
        turn.add(new ServerFrame.UserMessage(say.id(), text, replaces));
        turn.userMessage(new ServerFrame.ChatMessage("user", say.id(), text, List.of(), replaces));
        // "写上和去年的对比": worked out here, by subtraction, whichever engine runs the interview.
        if (yearOnYear.isRequest(text)
                && turn.state().interview().facts().stream().anyMatch(f -> f.origin() == Fact.Origin.LAST_YEAR)) {
            compare(turn, kind, text);
            return true;
        }
        // Once there is a draft, a message may be a follow-up on it ("问题部分写得太虚") rather than a fact.
        if (turn.state().draftVersion() > 0) {
            String command = text.replaceAll("[。！!，,\\s]", "");
            if (UNDO_WORDS.contains(command)) return undo.apply(turn, new ClientFrame.Undo());
            if (REDO_WORDS.contains(command)) return redo.apply(turn, new ClientFrame.Redo());
            if (refining.trySay(turn, text)) return true;
        }
        ReportKind named = namedKind(state, text);
        if (named != null) {
            kind = named;
            turn.update(s -> s.withKind(named.id()));
            turn.add(new ServerFrame.Kind(kind.id(), kind.name()));
        }
        Reply reply = engine.interviewer().answer(kind, state.interview(), say.id(), text, turn.meter());
        if (named != null && reply.state().unit() == null && reply.state().year() == null) {
            // "我要写个人述职" alone: ask the new kind's opening question afresh.
            turn.assistant("好的，改为起草" + named.name() + "。\n\n" + kind.intro().question(), List.of());
            return true;
        }
        turn.update(s -> s.withInterview(reply.state(), yearOnYear));
        boolean profileChanged = !Objects.equals(state.interview().unit(), reply.state().unit())
                || !Objects.equals(state.interview().year(), reply.state().year());
        // Facts first: the assistant's reply is always the last frame of a turn.
        if (!reply.changed().isEmpty() || profileChanged) turn.add(Views.factsFrame(kind, turn.state(), yearOnYear));
        if (reply.intent() == Intent.GENERATE && reply.state().hasFacts()) {
            turn.assistant(reply.text(), List.of());
            drafting.draft(turn, kind);
        } else if (reply.intent() == Intent.GENERATE) {
            turn.assistant(ErrorCode.NO_FACTS.message(), reply.choices());
        } else {
            String answer = reply.text();
            if (SessionState.DRAFTED.equals(state.phase()) && !reply.changed().isEmpty()) {
                answer = answer + "\n（已有草稿：说“生成草稿”即可把新情况写进去。）";
            }
            if (named != null) answer = "好的，改为起草" + named.name() + "。" + answer;
            turn.assistant(answer, reply.choices());
        }
        return true;
    }

    private void compare(Turn turn, ReportKind kind, String request) {
        InterviewState before = turn.state().interview();
        List<YearOnYear.Pair> pairs = yearOnYear.pairs(before);
        InterviewState next = yearOnYear.derive(before, request);
        boolean drafted = turn.state().draftVersion() > 0;
        List<String> choices = drafted ? List.of("生成草稿") : List.of();
        if (next.facts().size() == before.facts().size()) {
            String said;
            if (pairs.isEmpty()) {
                said = "还没有能和去年对上的数字：同一方面、同一单位的才能比（比如去年“集中学习12次”，今年“集中学习15次”）。"
                        + "您说了今年的数字以后，我会自动和去年对上。";
            } else if (pairs.stream().noneMatch(YearOnYear.Pair::comparable)) {
                said = "对上的数字里有约数（如“20余次”），算不出准确的增减，草稿里就不写差值了："
                        + String.join("；", pairs.stream().map(YearOnYear::line).toList()) + "。";
            } else {
                said = "和去年的对比已经算好了，起草时会写进去。";
            }
            turn.assistant(said, choices);
            return;
        }
        turn.update(s -> s.withInterview(next, yearOnYear));
        turn.add(Views.factsFrame(kind, turn.state(), yearOnYear));
        List<String> lines = new java.util.ArrayList<>();
        for (YearOnYear.Pair p : pairs) {
            if (!p.comparable()) continue;
            lines.add(YearOnYear.line(p) + "，" + p.difference().orElseThrow());
        }
        turn.assistant("按去年报告里的数字算好了（按数字直接相减）：\n" + String.join("\n", lines)
                + "\n" + (lines.size() == 1 ? "这一条" : "这几条") + "在事实列表里标为“推算”，" + (drafted ? "说“生成草稿”即可写进草稿。" : "起草时写在今年数字的后面。"),
                choices);
    }

    /**
     * The kind a writer names in their first message ("我要写个人述职"), when it differs from the session's: only
     * before anything was gathered, so a later mention of another kind never reshapes a session.
     */
    private ReportKind namedKind(SessionState state, String text) {
        var interview = state.interview();
        boolean fresh = InterviewState.INTRO.equals(interview.currentTopic()) && interview.unit() == null
                && interview.year() == null && interview.facts().isEmpty() && state.draftVersion() == 0;
        if (!fresh) return null;
        return recognizer.recognise(text).filter(k -> !k.id().equals(state.kind())).orElse(null);
    }
}
