package io.shuzhi.chat;

import org.springframework.stereotype.Component;

/** {@code refine{section?, instruction}}: a follow-up on the draft with an explicit target. */
@Component
class RefineTurn implements TurnHandler<ClientFrame.Refine> {
    private final Refining refining;

    RefineTurn(Refining refining) {
        this.refining = refining;
    }

    @Override
    public boolean apply(Turn turn, ClientFrame.Refine frame) {
        if (frame.instruction().isBlank()) throw new ShuzhiException(ErrorCode.EMPTY_MESSAGE);
        refining.refine(turn, frame);
        return true;
    }
}
