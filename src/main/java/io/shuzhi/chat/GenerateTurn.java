package io.shuzhi.chat;

import io.shuzhi.interview.ReportKinds;
import org.springframework.stereotype.Component;

/** {@code generate}: draft now with the facts there are. */
@Component
class GenerateTurn implements TurnHandler<ClientFrame.Generate> {
    private final ReportKinds kinds;
    private final Drafting drafting;

    GenerateTurn(ReportKinds kinds, Drafting drafting) {
        this.kinds = kinds;
        this.drafting = drafting;
    }

    @Override
    public boolean apply(Turn turn, ClientFrame.Generate frame) {
        if (!turn.state().interview().hasFacts()) throw new ShuzhiException(ErrorCode.NO_FACTS);
        drafting.draft(turn, kinds.get(turn.state().kind()));
        return true;
    }
}
