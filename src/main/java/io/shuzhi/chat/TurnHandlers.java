package io.shuzhi.chat;

import org.springframework.stereotype.Component;

/**
 * The handler of every frame that is a turn of a session, by name: {@link TurnRunner} dispatches to these through
 * {@link ClientFrame.Visitor}, so the compiler checks each frame type is handled and a reader follows a frame to its
 * handler without a lookup table.
 */
@Component
record TurnHandlers(
        SayTurn say,
        GenerateTurn generate,
        RefineTurn refine,
        VersionTurns.EditTurn edit,
        VersionTurns.UndoTurn undo,
        VersionTurns.RedoTurn redo,
        VersionTurns.ListTurn versions,
        VersionTurns.DiffTurn diff,
        ImportTurn importReport,
        ProofreadTurns.CheckTurn proofread,
        ProofreadTurns.AcceptTurn accept,
        FactTurns.EditTurn factEdit,
        FactTurns.DeleteTurn factDelete) {
}
