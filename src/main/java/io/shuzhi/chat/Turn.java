package io.shuzhi.chat;

import io.shuzhi.draft.Draft;
import io.shuzhi.usage.TokenMeter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

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

    private final String sessionId;
    /** The tab that sent the frame (null for work no tab asked for). */
    private final Client requester;
    private long rev;
    private SessionState state;
    private final List<ServerFrame> frames = new ArrayList<>();
    private final Map<Integer, Draft> drafts = new LinkedHashMap<>();
    private final List<ServerFrame.ChatMessage> chat = new ArrayList<>();
    /** Frames for the requesting tab only, not logged (a version list, a diff). */
    private final List<ServerFrame> direct = new ArrayList<>();
    private final Committer committer;
    /** Names the session to model code and counts the tokens this turn's model calls use. */
    private final TokenMeter meter;
    /** State changes made through {@link #update} since the last commit, to replay on a newer state. */
    private final List<UnaryOperator<SessionState>> sinceCommit = new ArrayList<>();
    private boolean committedOnce;
    private int rebases;
    private static final int MAX_REBASES = 5;

    Turn(String sessionId, Client requester, long rev, SessionState state, Committer committer) {
        this(sessionId, requester, rev, state, committer, new TokenMeter(sessionId, state.tokensIn() + state.tokensOut()));
    }

    Turn(String sessionId, Client requester, long rev, SessionState state, Committer committer, TokenMeter meter) {
        this.meter = meter;
        this.sessionId = sessionId;
        this.requester = requester;
        this.rev = rev;
        this.state = state;
        this.committer = committer;
    }

    String sessionId() {
        return sessionId;
    }

    /** The tab that sent the frame; null for work no tab asked for (an upload, a recovery notice). */
    Client requester() {
        return requester;
    }

    /** What the turn passes to an engine that may call a model: the session, the tokens used so far and now. */
    TokenMeter meter() {
        return meter;
    }

    /** The Redis revision the turn's state was read at (or last committed as). */
    long rev() {
        return rev;
    }

    /** The state as the turn has changed it so far. Changed only through {@link #update}. */
    SessionState state() {
        return state;
    }

    /** The frames gathered since the last commit, in order (read by the committer). */
    List<ServerFrame> frames() {
        return Collections.unmodifiableList(frames);
    }

    /** The draft versions made since the last commit, by version number (read by the committer and proofreader). */
    Map<Integer, Draft> drafts() {
        return Collections.unmodifiableMap(drafts);
    }

    /** Chat messages to append to the session's history at commit. */
    List<ServerFrame.ChatMessage> chat() {
        return Collections.unmodifiableList(chat);
    }

    /** Frames for the requesting tab only. */
    List<ServerFrame> direct() {
        return Collections.unmodifiableList(direct);
    }

    /** A writer's message, kept in the chat history at commit. */
    void userMessage(ServerFrame.ChatMessage message) {
        chat.add(message);
    }

    boolean isEmpty() {
        return frames.isEmpty() && drafts.isEmpty() && chat.isEmpty();
    }

    void add(ServerFrame frame) {
        frames.add(frame);
    }

    /**
     * The one way to change the state: a change that can be replayed. A turn that has already sent part of itself (a
     * streamed draft) and then loses a race with another instance is rebased onto the newer state by applying its
     * changes since its last commit again, so a change must be a function of the state it is given, not of a state
     * read earlier.
     */
    void update(UnaryOperator<SessionState> change) {
        state = change.apply(state);
        sinceCommit.add(change);
    }

    /** Adds {@code draft} as the next version, makes it current, and sends it. */
    Draft newVersion(Draft draft, String change, String instruction, String engine) {
        int version = state.latestVersion() + 1;
        Draft numbered = new Draft(draft.kind(), version, draft.sections());
        drafts.put(version, numbered);
        var info = new VersionInfo(version, change, instruction, engine, System.currentTimeMillis(), state.draftVersion());
        update(s -> s.withNewVersion(info));
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
        sinceCommit.clear();
        committedOnce = true;
    }

    /**
     * After a lost race: whether this turn can go on from {@code newer} (it has committed part of itself, and the
     * other writer made no draft version meanwhile, so version numbers still hold). If so, the turn's changes since
     * its last commit are replayed onto {@code newer}; its frames are numbered from {@code newer}'s seq at commit.
     */
    boolean rebase(long newerRev, SessionState newer) {
        if (!committedOnce || rebases >= MAX_REBASES
                || newer.latestVersion() != state.latestVersion() - versionsSinceCommit()) {
            return false;
        }
        rebases++;
        SessionState replayed = newer;
        for (UnaryOperator<SessionState> change : sinceCommit) replayed = change.apply(replayed);
        rev = newerRev;
        state = replayed;
        return true;
    }

    private int versionsSinceCommit() {
        return drafts.size();
    }
}
