package io.shuzhi.chat;

import io.shuzhi.draft.Draft;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One turn of a session while it runs: the state it started from (and its Redis revision), and what it adds —
 * frames, draft versions, chat messages. {@link TurnRunner} commits it at the end; a long turn (a streamed
 * generation) may {@link #flush()} on the way so tabs see the draft grow.
 */
final class Turn {
    interface Committer {
        /** Commits what the turn holds; returns the new revision, or throws VERSION_CONFLICT. */
        long commit(Turn turn);
    }

    final String sessionId;
    /** The tab that sent the frame (null for work no tab asked for). */
    final Client requester;
    long rev;
    SessionState state;
    final List<ServerFrame> frames = new ArrayList<>();
    final Map<Integer, Draft> drafts = new LinkedHashMap<>();
    final List<ServerFrame.ChatMessage> chat = new ArrayList<>();
    /** Frames for the requesting tab only, not logged (a version list, a diff). */
    final List<ServerFrame> direct = new ArrayList<>();
    private final Committer committer;

    Turn(String sessionId, Client requester, long rev, SessionState state, Committer committer) {
        this.sessionId = sessionId;
        this.requester = requester;
        this.rev = rev;
        this.state = state;
        this.committer = committer;
    }

    boolean isEmpty() {
        return frames.isEmpty() && drafts.isEmpty() && chat.isEmpty();
    }

    void add(ServerFrame frame) {
        frames.add(frame);
    }

    /** Adds {@code draft} as the next version, makes it current, and sends it. */
    Draft newVersion(Draft draft, String change, String instruction, String engine) {
        int version = state.latestVersion() + 1;
        Draft numbered = new Draft(draft.kind(), version, draft.sections());
        drafts.put(version, numbered);
        state = state.withNewVersion(new VersionInfo(version, change, instruction, engine, System.currentTimeMillis(),
                state.draftVersion()));
        frames.add(Views.draftFrame(numbered));
        frames.add(Views.versions(state));
        return numbered;
    }

    /** A frame for the requesting tab only. */
    void reply(ServerFrame frame) {
        direct.add(frame);
    }

    /** A whole assistant reply: start, one delta, end; and the message in the chat history. */
    void assistant(String text, List<String> choices) {
        String messageId = "a-" + (state.seq() + frames.size() + 1);
        frames.add(new ServerFrame.AssistantStart(messageId));
        frames.add(new ServerFrame.AssistantDelta(messageId, text));
        frames.add(new ServerFrame.AssistantEnd(messageId, text, choices));
        chat.add(new ServerFrame.ChatMessage("assistant", messageId, text, choices));
    }

    /** Commits and sends what the turn holds so far; the turn goes on from the committed state. */
    synchronized void flush() {
        if (isEmpty()) return;
        committer.commit(this);
    }

    /** Commits the state even when there is no frame to send (a marker set or cleared). */
    synchronized void commitState() {
        committer.commit(this);
    }

    /** Called by the committer after a successful commit. */
    void committed(long newRev, SessionState newState) {
        rev = newRev;
        state = newState;
        frames.clear();
        drafts.clear();
        chat.clear();
    }
}
