package io.shuzhi.chat;

import io.shuzhi.draft.Draft;
import io.shuzhi.interview.InterviewEngine.Reply;
import io.shuzhi.interview.Lexicon;
import io.shuzhi.interview.ReportKind;
import io.shuzhi.interview.ReportKinds;
import io.shuzhi.interview.YearOnYear;
import io.shuzhi.llm.ModelException;
import io.shuzhi.session.SessionStore;
import io.shuzhi.session.StoreUnavailableException;
import io.shuzhi.usage.TokenMeter;
import jakarta.annotation.PreDestroy;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The one place a turn runs: load the session, apply the frame (through its {@link TurnHandler}), commit with a
 * revision check, then send the new frames to every tab of the session. Turns of one session run in order,
 * sessions in parallel, never on a WebSocket thread. Also starts and resumes sessions.
 */
@Service
public class TurnRunner {
    private static final Logger log = LoggerFactory.getLogger(TurnRunner.class);
    private static final int MAX_COMMIT_ATTEMPTS = 3;
    private static final int REPLAY_LIMIT = 5000;
    private static final int SNAPSHOT_MESSAGES = 500;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String DELETED = "本次会话及草稿已删除，服务器上不再保留。";

    private final SessionStore store;
    private final SessionHub hub;
    private final FrameCodec codec;
    private final ReportKinds kinds;
    private final Engine engine;
    private final TurnHandlers handlers;
    private final SessionLanes lanes;
    private final Clock clock = Clock.systemUTC();
    private final ChatMetrics metrics;
    private final Drafting drafting;
    private final BudgetProperties budget;
    private final int maxStateBytes;
    private final EventLog eventLog;
    private final StoredState layout;
    private final StateCache cache;
    private final YearOnYear yearOnYear;

    TurnRunner(SessionStore store, SessionHub hub, FrameCodec codec, ReportKinds kinds, Engine engine,
               TurnHandlers handlers, ChatProperties props, ChatMetrics metrics, Drafting drafting,
               BudgetProperties budget, EventLog eventLog, StoredState layout, Lexicon lexicon) {
        this.yearOnYear = lexicon.yearOnYear();
        this.eventLog = eventLog;
        this.layout = layout;
        this.metrics = metrics;
        this.budget = budget;
        this.drafting = drafting;
        this.store = store;
        this.hub = hub;
        this.codec = codec;
        this.kinds = kinds;
        this.engine = engine;
        this.handlers = handlers;
        this.lanes = new SessionLanes(props.turnThreads());
        this.maxStateBytes = props.maxStateBytes();
        this.cache = new StateCache(props.stateCacheSessions());
        hub.onDeleted(seq -> codec.write(new ServerFrame.Deleted(DELETED), seq));
    }

    /** A new unguessable session id: 128 random bits, URL-safe. */
    public static String newSessionId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** How logs name a session (a short hash, never the id: the id is the credential). */
    static String shortId(String sessionId) {
        return io.shuzhi.session.SessionKeys.logId(sessionId);
    }

    /** Whether a new session may be of this kind (null or blank: the default kind). */
    public boolean knowsKind(String kindId) {
        return kindId == null || kindId.isBlank() || kinds.find(kindId).isPresent();
    }

    public String engineName() {
        return engine.name();
    }

    /** Runs a frame for {@code sessionId} on its lane; errors become an error frame to {@code client}. */
    /** 停止生成: handled at once, outside the session's lane, where the draft it stops is running. */
    public void stop(String sessionId) {
        drafting.stop(sessionId);
    }

    public void submit(String sessionId, Client client, ClientFrame frame, boolean newSession) {
        String replyTo = frame instanceof ClientFrame.Say say ? say.id() : null;
        // A resume only reads: it runs at once, not behind a long turn of the session (a draft being written), and
        // the tab's in-order delivery holds live frames back until the replay has caught up.
        boolean resume = frame instanceof ClientFrame.Hello && !newSession;
        Runnable task = () -> {
            long started = System.nanoTime();
            try {
                frame.accept(new FrameRun(sessionId, client, newSession));
            } catch (ShuzhiException e) {
                sendError(client, e, replyTo);
            } catch (ModelException e) {
                // The llm package logged the provider's detail (key redacted); here only what the writer is told.
                log.warn("session {}: model call failed ({}): {}", shortId(sessionId), e.kind(), e.getMessage());
                sendError(client, ErrorCode.of(e.kind()), e.chineseMessage(), replyTo);
            } catch (StoreUnavailableException e) {
                log.warn("session {}: store unavailable: {}", shortId(sessionId), e.getMessage());
                sendError(client, ErrorCode.STORE_UNAVAILABLE, ErrorCode.STORE_UNAVAILABLE.message(), replyTo);
            } catch (RuntimeException e) {
                log.error("session {}: turn failed", shortId(sessionId), e);
                sendError(client, ErrorCode.INTERNAL, ErrorCode.INTERNAL.message(), replyTo);
            } finally {
                metrics.turn(ChatMetrics.type(frame), System.nanoTime() - started);
            }
        };
        if (resume) lanes.runNow(task);
        else lanes.submit(sessionId, task);
    }

    /**
     * An uploaded prior report (.txt or .docx), imported as the {@code import} frame would be; the result reaches
     * every open tab. Completes with the new draft version, or exceptionally with a {@link ShuzhiException}.
     */
    public CompletableFuture<Integer> importFile(String sessionId, byte[] content, String fileName) {
        var result = new CompletableFuture<Integer>();
        ImportTurn importer = handlers.importReport();
        lanes.submit(sessionId, () -> {
            try {
                var report = importer.parse(content, fileName);
                int[] version = new int[1];
                runApply(sessionId, null, turn -> {
                    importer.apply(turn, report);
                    version[0] = turn.state().draftVersion();
                    return true;
                });
                result.complete(version[0]);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /**
     * Deletes a session ({@code DELETE /api/sessions/{id}}), after the turns already queued on it. Completes with
     * whether it existed, or exceptionally when Redis did not answer.
     */
    public CompletableFuture<Boolean> delete(String sessionId) {
        return delete(sessionId, "deleted by the writer");
    }

    /** As {@link #delete(String)}, for the retention purge: the log says why. */
    CompletableFuture<Boolean> delete(String sessionId, String why) {
        var result = new CompletableFuture<Boolean>();
        lanes.submit(sessionId, () -> {
            try {
                result.complete(deleteNow(sessionId, why));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /**
     * Every key of the session goes in one script that also tells every instance; the tabs here get their last frame
     * now, the tabs elsewhere when the notice reaches their instance. A turn of another instance that was running
     * finds no revision to commit on and stops with SESSION_NOT_FOUND: nothing comes back.
     */
    private boolean deleteNow(String sessionId, String why) {
        cache.remove(sessionId);
        boolean existed = store.delete(sessionId);
        hub.deleted(sessionId);
        log.info("session {}: {}", shortId(sessionId), why);
        return existed;
    }

    /** An error frame to one client: not logged in the session, so its seq is the last seq that tab was sent. */
    public void sendError(Client client, ErrorCode code, String message, String replyTo) {
        sendError(client, new ShuzhiException(code, message), replyTo);
    }

    private void sendError(Client client, ShuzhiException e, String replyTo) {
        metrics.error(e.code());
        long seq = client.lastSeq();
        var frame = new ServerFrame.Error(e.code().name(), e.getMessage(), e.code().retryable(), replyTo,
                e.currentVersion(), e.text());
        client.send(codec.write(frame, seq), seq);
    }

    public void detach(String sessionId, Client client) {
        hub.detach(sessionId, client);
    }

    // ---- hello -------------------------------------------------------------------------------------------------

    private void startSession(String sessionId, Client client, String kindId) {
        ReportKind kind = kindId == null || kindId.isBlank() ? kinds.defaultKind()
                : kinds.find(kindId).orElseThrow(() -> new ShuzhiException(ErrorCode.UNKNOWN_KIND,
                "不认识这种报告类型：" + kindId + "。"));
        SessionState initial = SessionState.start(sessionId, kind.id(), clock.millis());
        Reply greeting = engine.interviewer().greet(kind, initial.interview());
        var turn = new Turn(sessionId, client, 0, initial, this::commit);
        turn.update(s -> s.withInterview(greeting.state(), yearOnYear));
        turn.assistant(greeting.text(), greeting.choices());
        client.resetSeq(0);
        hub.attach(sessionId, client);
        // The snapshot shows the empty session (seq 0); the greeting follows as frames 1..n.
        client.snapshot(codec.write(Views.snapshot(initial, kind, engine.name(), null, List.of(), yearOnYear), 0), 0);
        commit(turn);
        log.info("session {}: started, kind {}", shortId(sessionId), kind.id());
    }

    private void resume(String sessionId, Client client, Long lastSeq) {
        // Attach before reading: a commit after this point reaches the tab live (held back until the replay fills any
        // gap), one before it is in what is read below. Nothing falls between.
        client.resetSeq(lastSeq == null ? 0 : lastSeq);
        hub.attach(sessionId, client);
        var stored = loaded(sessionId);
        if (stored.isEmpty()) {
            hub.detach(sessionId, client);
            throw new ShuzhiException(ErrorCode.SESSION_NOT_FOUND);
        }
        SessionState state = stored.get().state();
        ReportKind kind = kinds.get(state.kind());
        if (lastSeq != null && lastSeq <= state.seq()) {
            List<SessionStore.StoredEvent> missed;
            try {
                missed = lastSeq == state.seq() ? List.of() : eventLog.after(sessionId, lastSeq, REPLAY_LIMIT, state);
            } catch (EventLog.Incomplete e) {
                log.debug("session {}: log cannot be replayed ({}); snapshot", shortId(sessionId), e.getMessage());
                missed = List.of();
            }
            boolean complete = lastSeq == state.seq() || (!missed.isEmpty() && missed.get(0).seq() == lastSeq + 1
                    && missed.get(missed.size() - 1).seq() == state.seq());
            if (complete) {
                missed.forEach(e -> client.deliver(e.frame(), e.seq()));
                reportInterrupted(sessionId, state);
                return;
            }
        }
        // No lastSeq, a lastSeq from elsewhere, or frames already trimmed: a fresh snapshot instead.
        client.snapshot(codec.write(snapshot(state, kind), state.seq()), state.seq());
        reportInterrupted(sessionId, state);
    }

    /**
     * After a crash mid-draft, the tab that comes back is told: a turn of its own on the session's lane (so every tab
     * sees it once); runApply reports the interruption before applying, and there is nothing else to apply.
     */
    private void reportInterrupted(String sessionId, SessionState state) {
        if (state.generating() == 0) return;
        lanes.submit(sessionId, () -> {
            try {
                runApply(sessionId, null, turn -> !turn.isEmpty());
            } catch (RuntimeException e) {
                log.debug("session {}: interrupted draft not reported: {}", shortId(sessionId), e.getMessage());
            }
        });
    }

    // ---- turns -------------------------------------------------------------------------------------------------

    /**
     * What each frame does, on the session's lane. A hello starts or resumes, a delete deletes; every other frame is
     * a turn: {@link #runApply} loads the session, applies the frame through its handler, and commits.
     */
    private final class FrameRun implements ClientFrame.Visitor<Void> {
        private final String sessionId;
        private final Client client;
        private final boolean newSession;

        FrameRun(String sessionId, Client client, boolean newSession) {
            this.sessionId = sessionId;
            this.client = client;
            this.newSession = newSession;
        }

        private <F extends ClientFrame> Void turn(TurnHandler<F> handler, F frame) {
            runApply(sessionId, client, t -> handler.apply(t, frame));
            return null;
        }

        @Override
        public Void hello(ClientFrame.Hello frame) {
            if (newSession) startSession(sessionId, client, frame.kind());
            else resume(sessionId, client, frame.lastSeq());
            return null;
        }

        @Override
        public Void delete(ClientFrame.Delete frame) {
            if (!deleteNow(sessionId, "deleted by the writer")) throw new ShuzhiException(ErrorCode.SESSION_NOT_FOUND);
            return null;
        }

        @Override
        public Void stop(ClientFrame.Stop frame) {
            // The socket handler stops at once (see TurnRunner#stop); a stop that reaches a lane stops all the same.
            drafting.stop(sessionId);
            return null;
        }

        @Override
        public Void say(ClientFrame.Say frame) {
            return turn(handlers.say(), frame);
        }

        @Override
        public Void generate(ClientFrame.Generate frame) {
            return turn(handlers.generate(), frame);
        }

        @Override
        public Void refine(ClientFrame.Refine frame) {
            return turn(handlers.refine(), frame);
        }

        @Override
        public Void edit(ClientFrame.Edit frame) {
            return turn(handlers.edit(), frame);
        }

        @Override
        public Void importReport(ClientFrame.Import frame) {
            return turn(handlers.importReport(), frame);
        }

        @Override
        public Void proofread(ClientFrame.Proofread frame) {
            return turn(handlers.proofread(), frame);
        }

        @Override
        public Void acceptSuggestion(ClientFrame.Accept frame) {
            return turn(handlers.accept(), frame);
        }

        @Override
        public Void factEdit(ClientFrame.FactEdit frame) {
            return turn(handlers.factEdit(), frame);
        }

        @Override
        public Void factDelete(ClientFrame.FactDelete frame) {
            return turn(handlers.factDelete(), frame);
        }

        @Override
        public Void undo(ClientFrame.Undo frame) {
            return turn(handlers.undo(), frame);
        }

        @Override
        public Void redo(ClientFrame.Redo frame) {
            return turn(handlers.redo(), frame);
        }

        @Override
        public Void versions(ClientFrame.Versions frame) {
            return turn(handlers.versions(), frame);
        }

        @Override
        public Void diff(ClientFrame.Diff frame) {
            return turn(handlers.diff(), frame);
        }
    }

    /**
     * Loads the session, applies the turn, and commits; on a lost race (another tab or instance wrote first) starts
     * over from the newer state.
     */
    private void runApply(String sessionId, Client client, Predicate<Turn> apply) {
        for (int attempt = 1; attempt <= MAX_COMMIT_ATTEMPTS; attempt++) {
            var stored = current(sessionId).orElseThrow(() -> new ShuzhiException(ErrorCode.SESSION_NOT_FOUND));
            SessionState state = stored.state();
            var meter = new TokenMeter(sessionId, state.tokensIn() + state.tokensOut());
            // Only a model engine spends tokens: the offline engine costs no read of the day's counter.
            if (!engine.offline() && budget.dailyTokens() > 0) {
                meter.dailyBudgetReached(store.tokensToday() >= budget.dailyTokens());
            }
            var turn = new Turn(sessionId, client, stored.rev(), state, this::commit, meter);
            turn.storedBase(stored.base());
            drafting.reportInterrupted(turn);
            if (!apply.test(turn)) {
                sendDirect(turn);
                catchUp(turn);
                return;
            }
            if (meter.input() + meter.output() > 0) {
                metrics.tokens(meter.input(), meter.output());
                store.addTokensToday(meter.input() + meter.output());
                long in = meter.input();
                long out = meter.output();
                long estimated = meter.estimated();
                turn.update(st -> st.withTokens(in, out, estimated));
                turn.add(new ServerFrame.Usage(turn.state().tokensIn(), turn.state().tokensOut(),
                        turn.state().tokensEstimated()));
            }
            try {
                commit(turn);
                sendDirect(turn);
                return;
            } catch (ShuzhiException e) {
                // A turn that already sent part of itself cannot start over.
                if (e.code() != ErrorCode.VERSION_CONFLICT || turn.rev() != stored.rev()) throw e;
            }
        }
        throw new ShuzhiException(ErrorCode.VERSION_CONFLICT, "会话正被其他窗口同时修改，请重试。");
    }

    /** Commits what the turn holds and sends its frames to every tab; the turn goes on from the new state. */
    private long commit(Turn turn) {
        long firstSeq = turn.state().seq() + 1;
        long seq = turn.state().seq();
        var events = new TreeMap<Long, String>();
        var sent = new ArrayList<String>(turn.frames().size());
        for (ServerFrame f : turn.frames()) {
            String json = codec.write(f, ++seq);
            events.put(seq, eventLog.stored(f, seq, json, turn.frames(), turn.chat()));
            sent.add(json);
        }
        SessionState next = turn.state().advanced(turn.frames().size(), clock.millis());
        var drafts = new HashMap<Integer, String>();
        turn.drafts().forEach((v, d) -> drafts.put(v, codec.toJson(d)));
        var chat = turn.chat().stream().map(codec::toJson).toList();
        StoredState.Encoded encoded = layout.encode(next, turn.storedBase(), turn.rev());
        StateLimits.check(next, encoded, layout, maxStateBytes);
        if (!events.isEmpty()) hub.committing(turn.sessionId(), events.lastKey());
        long rev;
        try {
            rev = store.commit(turn.sessionId(), new SessionStore.Commit(turn.rev(), encoded.data(), events, drafts, chat,
                    encoded.changes(), encoded.idChanges()));
        } catch (StoreUnavailableException e) {
            // It may have been applied with the reply lost: the next notice must not be skipped as our own.
            hub.committingAborted(turn.sessionId());
            cache.remove(turn.sessionId());
            throw e;
        }
        if (rev < 0) {
            hub.commitFailed(turn.sessionId());
            cache.remove(turn.sessionId());
            // A streamed turn that already sent part of itself goes on from the newer state when it can.
            var newer = loaded(turn.sessionId());
            if (newer.isPresent() && turn.rebase(newer.get().rev(), newer.get().state())) {
                turn.storedBase(newer.get().base());
                return commit(turn);
            }
            throw new ShuzhiException(ErrorCode.VERSION_CONFLICT);
        }
        turn.committed(rev, next);
        turn.storedBase(encoded.base(rev));
        // What the next load would read back (StateLimits checked it), kept for the session's next turn.
        cache.put(turn.sessionId(), new StateCache.Entry(rev, SessionStore.sha1(encoded.data()), next, turn.storedBase()));
        hub.broadcast(turn.sessionId(), firstSeq, sent);
        return rev;
    }

    /**
     * A frame that changed nothing (a resent say already processed) from a tab that is behind: its commit went
     * through while the reply was lost, so send the tab what it missed — its message and the answer.
     */
    private void catchUp(Turn turn) {
        Client tab = turn.requester();
        if (tab == null || tab.lastSeq() >= turn.state().seq()) return;
        try {
            eventLog.after(turn.sessionId(), tab.lastSeq(), REPLAY_LIMIT, turn.state())
                    .forEach(e -> tab.deliver(e.frame(), e.seq()));
        } catch (EventLog.Incomplete e) {
            // The tab gets a snapshot when it next resumes.
        }
    }

    /** Frames only the requesting tab asked for: not logged, so they repeat the last seq that tab was sent. */
    private void sendDirect(Turn turn) {
        if (turn.requester() == null) return;
        for (ServerFrame f : turn.direct()) {
            long seq = turn.requester().lastSeq();
            turn.requester().send(codec.write(f, seq), seq);
        }
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    /** A session's state, the revision it was read at and what its facts hash holds (null: not known). */
    private record Loaded(long rev, SessionState state, StoredState.Base base) {}

    /**
     * The session's state; one that cannot be read (stored by an older version, or damaged by hand) is recovered
     * from the revision before it, or, when that cannot be read either, started afresh with the session's kind —
     * the writer is told in a message every tab sees, and the session works again instead of failing every turn.
     */
    private Optional<Loaded> loaded(String sessionId) {
        return loaded(sessionId, store.load(sessionId));
    }

    /**
     * As {@link #loaded(String)} for a turn: when this instance holds the session's state of the current revision
     * ({@link StateCache}), Redis sends only the revision and nothing is decoded.
     */
    private Optional<Loaded> current(String sessionId) {
        StateCache.Entry known = cache.get(sessionId);
        if (known == null) return loaded(sessionId);
        var stored = store.load(sessionId, known.rev(), known.sha1());
        if (stored.isPresent() && stored.get().unchanged()) {
            return Optional.of(new Loaded(known.rev(), known.state(), known.base()));
        }
        cache.remove(sessionId);
        return loaded(sessionId, stored);
    }

    private Optional<Loaded> loaded(String sessionId, Optional<SessionStore.Stored> first) {
        var stored = first;
        for (int attempt = 0; ; attempt++) {
            if (attempt > 0) stored = store.load(sessionId);
            if (stored.isEmpty()) return Optional.empty();
            try {
                var decoded = layout.decode(sessionId, stored.get());
                var loaded = new Loaded(stored.get().rev(), decoded.state(), decoded.base());
                if (decoded.base() != null) {
                    cache.put(sessionId, new StateCache.Entry(loaded.rev(), SessionStore.sha1(stored.get().data()),
                            loaded.state(), loaded.base()));
                }
                return Optional.of(loaded);
            } catch (RuntimeException e) {
                log.error("session {}: stored state rev {} cannot be read ({}); recovering", shortId(sessionId),
                        stored.get().rev(), e.getMessage());
                try {
                    return Optional.of(recover(sessionId, stored.get()));
                } catch (ShuzhiException conflict) {
                    // Another tab or instance recovered it first: read what it wrote.
                    if (conflict.code() != ErrorCode.VERSION_CONFLICT || attempt >= 2) throw conflict;
                }
            }
        }
    }

    private Loaded recover(String sessionId, SessionStore.Stored broken) {
        // The previous revision's facts are those of the facts hash it still lists (the last commit may have removed some).
        SessionState previous = store.previous(sessionId)
                .flatMap(json -> readable(sessionId, broken, json)).orElse(null);
        boolean fromPrevious = previous != null;
        String notice;
        if (fromPrevious) {
            notice = "这次会话最近一次保存的记录无法读取，已恢复到上一步的记录。最后一条消息的内容可能没有记下，"
                    + "请看一下右侧的情况和草稿，缺的再说一遍。";
        } else {
            String kind = kindIn(broken.data());
            previous = SessionState.start(sessionId, kind, clock.millis());
            notice = "这次会话保存的记录无法读取，之前收集的情况没能恢复，很抱歉。聊天记录和已下载的草稿不受影响，"
                    + "请把单位、年度和主要情况再说一遍。";
        }
        // Frames after the readable revision stay in the log: number the notice after the last one.
        long seq = Math.max(previous.seq(), store.lastEventSeq(sessionId));
        SessionState base = previous.advanced((int) (seq - previous.seq()), clock.millis());
        var turn = new Turn(sessionId, null, broken.rev(), base, this::commit);
        turn.assistant(notice, List.of());
        commit(turn);
        log.warn("session {}: recovered {}", shortId(sessionId),
                fromPrevious ? "from its previous revision" : "as a new interview (no readable revision)");
        return new Loaded(turn.rev(), turn.state(), turn.storedBase());
    }

    private Optional<SessionState> readable(String sessionId, SessionStore.Stored broken, String json) {
        try {
            return Optional.of(layout.decode(sessionId, broken.rev(), json, broken.facts(), broken.ids(), false).state());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The report kind named in a state that cannot be read as a whole; the default kind when none can be found. */
    private String kindIn(String json) {
        var m = java.util.regex.Pattern.compile("\"kind\"\\s*:\\s*\"([A-Za-z0-9_-]{1,64})\"").matcher(json == null ? "" : json);
        if (m.find() && kinds.find(m.group(1)).isPresent()) return m.group(1);
        return kinds.defaultKind().id();
    }

    /** The current draft of a session, for export; empty when the session or its draft does not exist. */
    public Optional<Draft> currentDraft(String sessionId) {
        return loaded(sessionId).map(Loaded::state).flatMap(this::currentDraft);
    }

    Optional<Draft> currentDraft(SessionState state) {
        if (state.draftVersion() == 0) return Optional.empty();
        return store.draft(state.id(), state.draftVersion()).map(j -> codec.fromJson(j, Draft.class));
    }

    private ServerFrame.Session snapshot(SessionState state, ReportKind kind) {
        List<ServerFrame.ChatMessage> messages = store.chat(state.id(), SNAPSHOT_MESSAGES).stream()
                .map(j -> codec.fromJson(j, ServerFrame.ChatMessage.class)).toList();
        return Views.snapshot(state, kind, engine.name(), currentDraft(state).orElse(null), messages, yearOnYear);
    }

    @PreDestroy
    void close() {
        lanes.close();
    }
}
