package io.shuzhi.chat;

/** What a client sends: one JSON object per WebSocket text frame, told apart by {@code type}. */
public sealed interface ClientFrame {

    /** Start a session ({@code sessionId} null) or resume one, replaying what came after {@code lastSeq}. */
    record Hello(String sessionId, Long lastSeq, String kind) implements ClientFrame {}

    /**
     * A chat message; {@code id} is the client's, and a repeated id is not processed twice. {@code replaces}: the id
     * of the writer's previous message this one corrects (edit and resend), or null.
     */
    record Say(String id, String text, String replaces) implements ClientFrame {
        Say(String id, String text) {
            this(id, text, null);
        }
    }

    /** Draft now with the facts there are. */
    record Generate() implements ClientFrame {}

    /** Rewrite one section ({@code section} a ref such as "1.2") or, without it, what the instruction names. */
    record Refine(String section, String instruction) implements ClientFrame {}

    /** Replace a section's text by hand; refused when the draft moved past {@code baseVersion}. */
    record Edit(String section, String text, int baseVersion) implements ClientFrame {}

    /** Start from a prior report's text (last year's): its numbers become last year's facts. */
    record Import(String text) implements ClientFrame {}

    /** Check the current draft (answered with a suggestions frame). */
    record Proofread() implements ClientFrame {}

    /** Apply one proofreading suggestion of the current draft; a new version. */
    record Accept(String id) implements ClientFrame {}

    /** Correct a gathered fact in the facts panel: its new wording (numbers re-read from it). */
    record FactEdit(String id, String text) implements ClientFrame {}

    /** Delete a gathered fact. */
    record FactDelete(String id) implements ClientFrame {}

    /** Back to the version the current one was made from. */
    record Undo() implements ClientFrame {}

    /** Forward again to the version last undone. */
    record Redo() implements ClientFrame {}

    /** The list of draft versions (answered to this tab only). */
    record Versions() implements ClientFrame {}

    /** Delete the session: every key of it in Redis; every tab gets a deleted frame and is closed. */
    record Delete() implements ClientFrame {}

    /** A section-level comparison of two versions (answered to this tab only). */
    record Diff(int from, int to) implements ClientFrame {}

    /** Stop the draft being written on this session: the version before it stays current. */
    record Stop() implements ClientFrame {}
}
