package io.shuzhi.chat;

import io.shuzhi.interview.Fact;
import io.shuzhi.interview.NumberParser;
import io.shuzhi.interview.ReportKinds;
import org.springframework.stereotype.Component;

/**
 * The facts panel: {@code fact_edit{id, text}} corrects a fact's wording (its numbers are read again from the new
 * text), {@code fact_delete{id}} removes it. The draft changes only when the writer regenerates it.
 */
final class FactTurns {
    private static final int MAX_CHARS = 1000;

    private FactTurns() {
    }

    private static Fact find(Turn turn, String id) {
        return turn.state.interview().facts().stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new ShuzhiException(ErrorCode.UNKNOWN_FACT));
    }

    @Component
    static class EditTurn implements TurnHandler<ClientFrame.FactEdit> {
        private final ReportKinds kinds;

        EditTurn(ReportKinds kinds) {
            this.kinds = kinds;
        }

        @Override
        public Class<ClientFrame.FactEdit> frameType() {
            return ClientFrame.FactEdit.class;
        }

        @Override
        public boolean apply(Turn turn, ClientFrame.FactEdit frame) {
            Fact fact = find(turn, frame.id());
            String text = frame.text().strip().replaceAll("[。；;]+$", "");
            if (text.isEmpty()) throw new ShuzhiException(ErrorCode.EMPTY_MESSAGE, "内容为空：要删除这条，请点“删除”。");
            if (text.length() > MAX_CHARS) throw new ShuzhiException(ErrorCode.TOO_LARGE);
            if (text.equals(fact.text())) return false;
            // A corrected last-year fact is the writer's own word now.
            Fact corrected = new Fact(fact.id(), fact.topic(), text, NumberParser.find(text), fact.sourceId(),
                    Fact.Origin.WRITER);
            turn.state = turn.state.withInterview(turn.state.interview().withFact(fact.id(), corrected));
            turn.add(Views.factsFrame(kinds.get(turn.state.kind()), turn.state));
            return true;
        }
    }

    @Component
    static class DeleteTurn implements TurnHandler<ClientFrame.FactDelete> {
        private final ReportKinds kinds;

        DeleteTurn(ReportKinds kinds) {
            this.kinds = kinds;
        }

        @Override
        public Class<ClientFrame.FactDelete> frameType() {
            return ClientFrame.FactDelete.class;
        }

        @Override
        public boolean apply(Turn turn, ClientFrame.FactDelete frame) {
            Fact fact = find(turn, frame.id());
            turn.state = turn.state.withInterview(turn.state.interview().withFact(fact.id(), null));
            turn.add(Views.factsFrame(kinds.get(turn.state.kind()), turn.state));
            return true;
        }
    }
}
