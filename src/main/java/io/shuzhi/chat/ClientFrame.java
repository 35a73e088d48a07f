package io.shuzhi.chat;

/** What a client sends: one JSON object per WebSocket text frame, told apart by {@code type}. */
public sealed interface ClientFrame {

    /**
     * Calls {@code visitor}'s method for this frame's type. Java 17 has no pattern switch; this is its checked form:
     * a new frame type does not compile until every visitor says what it does with it, and a reader (or an IDE)
     * follows a {@code say} frame straight to the method that handles it.
     */
    <R> R accept(Visitor<R> visitor);

    /** One method per frame type. */
    interface Visitor<R> {
        R hello(Hello frame);

        R say(Say frame);

        R generate(Generate frame);

        R refine(Refine frame);

        R edit(Edit frame);

        R importReport(Import frame);

        R proofread(Proofread frame);

        R acceptSuggestion(Accept frame);

        R factEdit(FactEdit frame);

        R factDelete(FactDelete frame);

        R undo(Undo frame);

        R redo(Redo frame);

        R versions(Versions frame);

        R delete(Delete frame);

        R diff(Diff frame);

        R stop(Stop frame);
    }

    /** Start a session ({@code sessionId} null) or resume one, replaying what came after {@code lastSeq}. */
    record Hello(String sessionId, Long lastSeq, String kind) implements ClientFrame {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.hello(this);
        }
    }

    /**
     * A chat message; {@code id} is the client's, and a repeated id is not processed twice. {@code replaces}: the id
     * of the writer's previous message this one corrects (edit and resend), or null.
     */
    record Say(String id, String text, String replaces) implements ClientFrame {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.say(this);
        }

        Say(String id, String text) {
            this(id, text, null);
        }
    }

    /** Draft now with the facts there are. */
    record Generate() implements ClientFrame {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.generate(this);
        }
    }

    /** Rewrite one section ({@code section} a ref such as "1.2") or, without it, what the instruction names. */
    record Refine(String section, String instruction) implements ClientFrame {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.refine(this);
        }
    }

    /** Replace a section's text by hand; refused when the draft moved past {@code baseVersion}. */
    record Edit(String section, String text, int baseVersion) implements ClientFrame {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.edit(this);
        }
    }

    /** Start from a prior report's text (last year's): its numbers become last year's facts. */
    record Import(String text) implements ClientFrame {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.importReport(this);
        }
    }

    /** Check the current draft (answered with a suggestions frame). */
    record Proofread() implements ClientFrame {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.proofread(this);
        }
    }

    /** Apply one proofreading suggestion of the current draft; a new version. */
    record Accept(String id) implements ClientFrame {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.acceptSuggestion(this);
        }
    }

    /** Correct a gathered fact in the facts panel: its new wording (numbers re-read from it). */
    record FactEdit(String id, String text) implements ClientFrame {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.factEdit(this);
        }
    }

    /** Delete a gathered fact. */
    record FactDelete(String id) implements ClientFrame {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.factDelete(this);
        }
    }

    /** Back to the version the current one was made from. */
    record Undo() implements ClientFrame {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.undo(this);
        }
    }

    /** Forward again to the version last undone. */
    record Redo() implements ClientFrame {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.redo(this);
        }
    }

    /** The list of draft versions (answered to this tab only). */
    record Versions() implements ClientFrame {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.versions(this);
        }
    }

    /** Delete the session: every key of it in Redis; every tab gets a deleted frame and is closed. */
    record Delete() implements ClientFrame {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.delete(this);
        }
    }

    /** A section-level comparison of two versions (answered to this tab only). */
    record Diff(int from, int to) implements ClientFrame {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.diff(this);
        }
    }

    /** Stop the draft being written on this session: the version before it stays current. */
    record Stop() implements ClientFrame {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.stop(this);
        }
    }
}
