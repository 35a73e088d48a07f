package io.shuzhi.chat;

import io.shuzhi.draft.Draft;
import io.shuzhi.draft.DraftWriter;
import io.shuzhi.draft.Section;
import io.shuzhi.interview.Fact;
import io.shuzhi.interview.InterviewEngine;
import io.shuzhi.interview.InterviewEngine.Intent;
import io.shuzhi.interview.InterviewEngine.Reply;
import io.shuzhi.interview.ReportKind;
import io.shuzhi.interview.ReportKinds;
import io.shuzhi.session.SessionStore;
import io.shuzhi.session.StoreUnavailableException;
import jakarta.annotation.PreDestroy;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The one place a turn runs: load the session, apply the frame, commit with a revision check, then send the new
 * frames to every tab of the session. Turns of one session run in order, sessions in parallel, never on a
 * WebSocket thread.
 */
@Service
public class TurnRunner {
    private static final Logger log = LoggerFactory.getLogger(TurnRunner.class);
    private static final int MAX_COMMIT_ATTEMPTS = 3;
    private static final int REPLAY_LIMIT = 5000;
    private static final int SNAPSHOT_MESSAGES = 500;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SessionStore store;
    private final SessionHub hub;
    private final FrameCodec codec;
    private final ReportKinds kinds;
    private final InterviewEngine interviewer;
    private final DraftWriter drafter;
    private final SessionLanes lanes;
    private final Clock clock;
    private final String engineName;

    public TurnRunner(SessionStore store, SessionHub hub, FrameCodec codec, ReportKinds kinds,
                      InterviewEngine interviewer, DraftWriter drafter, ChatProperties props) {
        this.store = store;
        this.hub = hub;
        this.codec = codec;
        this.kinds = kinds;
        this.interviewer = interviewer;
        this.drafter = drafter;
        this.lanes = new SessionLanes(props.turnThreads());
        this.clock = Clock.systemUTC();
        this.engineName = "offline";
    }

    /** A new unguessable session id: 128 random bits, URL-safe. */
    public static String newSessionId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** First 6 characters: enough to follow a session in the logs, too few to take it over. */
    static String shortId(String sessionId) {
        return sessionId == null ? "-" : sessionId.substring(0, Math.min(6, sessionId.length()));
    }

    public String engineName() {
        return engineName;
    }

    /** Runs a frame for {@code sessionId} on its lane; errors become an error frame to {@code client}. */
    public void submit(String sessionId, Client client, ClientFrame frame, boolean newSession) {
        lanes.submit(sessionId, () -> {
            String replyTo = frame instanceof ClientFrame.Say say ? say.id() : null;
            try {
                // Java 17: no pattern switch yet; ClientFrame is sealed, so these three are all there is.
                if (frame instanceof ClientFrame.Hello hello) {
                    hello(sessionId, client, hello, newSession);
                } else if (frame instanceof ClientFrame.Say say) {
                    say(sessionId, say);
                } else if (frame instanceof ClientFrame.Generate) {
                    generate(sessionId);
                }
            } catch (ShuzhiException e) {
                sendError(client, e.code(), e.getMessage(), replyTo);
            } catch (StoreUnavailableException e) {
                log.warn("session {}: store unavailable: {}", shortId(sessionId), e.getMessage());
                sendError(client, ErrorCode.STORE_UNAVAILABLE, ErrorCode.STORE_UNAVAILABLE.message(), replyTo);
            } catch (RuntimeException e) {
                log.error("session {}: turn failed", shortId(sessionId), e);
                sendError(client, ErrorCode.INTERNAL, ErrorCode.INTERNAL.message(), replyTo);
            }
        });
    }

    /** An error frame to one client: not logged in the session, so its seq is the session's last seq. */
    public void sendError(Client client, ErrorCode code, String message, String replyTo) {
        long seq = client.lastSeq();
        client.send(codec.write(new ServerFrame.Error(code.name(), message, code.retryable(), replyTo), seq), seq);
    }

    public void detach(String sessionId, Client client) {
        hub.detach(sessionId, client);
    }

    // ---- hello -------------------------------------------------------------------------------------------------

    private void hello(String sessionId, Client client, ClientFrame.Hello hello, boolean newSession) {
        if (newSession) {
            startSession(sessionId, client, hello.kind());
        } else {
            resume(sessionId, client, hello.lastSeq());
        }
    }

    private void startSession(String sessionId, Client client, String kindId) {
        ReportKind kind = kindId == null || kindId.isBlank() ? kinds.defaultKind()
                : kinds.find(kindId).orElseThrow(() -> new ShuzhiException(ErrorCode.UNKNOWN_KIND,
                "不认识这种报告类型：" + kindId + "。"));
        long now = clock.millis();
        SessionState initial = SessionState.start(sessionId, kind.id(), now);
        Reply greeting = interviewer.greet(kind, initial.interview());
        var turn = new Turn(initial);
        turn.state = initial.withInterview(greeting.state());
        turn.assistant(greeting.text(), greeting.choices());
        hub.attach(sessionId, client);
        // The snapshot shows the empty session (seq 0); the greeting follows as frames 1..n.
        client.send(codec.write(snapshot(initial, kind, null, List.of()), 0), 0);
        if (!commitAndSend(sessionId, 0, turn)) {
            throw new ShuzhiException(ErrorCode.INTERNAL, "会话创建冲突，请刷新重试。");
        }
        log.info("session {}: started, kind {}", shortId(sessionId), kind.id());
    }

    private void resume(String sessionId, Client client, Long lastSeq) {
        var stored = store.load(sessionId)
                .orElseThrow(() -> new ShuzhiException(ErrorCode.SESSION_NOT_FOUND));
        SessionState state = readState(stored.data());
        ReportKind kind = kinds.get(state.kind());
        hub.attach(sessionId, client);
        if (lastSeq != null && lastSeq <= state.seq()) {
            if (lastSeq == state.seq()) return;
            var missed = store.eventsAfter(sessionId, lastSeq, REPLAY_LIMIT);
            boolean complete = !missed.isEmpty() && missed.get(0).seq() == lastSeq + 1
                    && missed.get(missed.size() - 1).seq() == state.seq();
            if (complete) {
                missed.forEach(e -> client.send(e.frame(), e.seq()));
                return;
            }
        }
        // No lastSeq, a lastSeq from elsewhere, or frames already trimmed: a fresh snapshot instead.
        client.send(codec.write(snapshot(state, kind, currentDraft(state).orElse(null), chatHistory(sessionId)),
                state.seq()), state.seq());
    }

    // ---- say and generate --------------------------------------------------------------------------------------

    private void say(String sessionId, ClientFrame.Say say) {
        String text = say.text().strip();
        if (text.isEmpty()) throw new ShuzhiException(ErrorCode.EMPTY_MESSAGE);
        if (say.id().isBlank() || say.id().length() > 100) {
            throw new ShuzhiException(ErrorCode.BAD_FRAME, "消息 id 应为 1 到 100 个字符。");
        }
        runTurn(sessionId, state -> {
            if (state.seen(say.id())) return null;
            ReportKind kind = kinds.get(state.kind());
            var turn = new Turn(state.withSayId(say.id()));
            turn.frames.add(new ServerFrame.UserMessage(say.id(), text));
            turn.chat.add(new ServerFrame.ChatMessage("user", say.id(), text, List.of()));
            Reply reply = interviewer.answer(kind, state.interview(), say.id(), text);
            turn.state = turn.state.withInterview(reply.state());
            boolean profileChanged = !Objects.equals(state.interview().unit(), reply.state().unit())
                    || !Objects.equals(state.interview().year(), reply.state().year());
            // Facts first: the assistant's reply is always the last frame of a turn.
            if (!reply.changed().isEmpty() || profileChanged) turn.frames.add(factsFrame(kind, turn.state));
            if (reply.intent() == Intent.GENERATE && reply.state().hasFacts()) {
                turn.assistant(reply.text(), List.of());
                draft(turn, kind);
            } else if (reply.intent() == Intent.GENERATE) {
                turn.assistant(ErrorCode.NO_FACTS.message(), reply.choices());
            } else {
                String answer = reply.text();
                if (SessionState.DRAFTED.equals(state.phase()) && !reply.changed().isEmpty()) {
                    answer = answer + "\n（已有草稿：说“生成草稿”即可把新情况写进去。）";
                }
                turn.assistant(answer, reply.choices());
            }
            return turn;
        });
    }

    private void generate(String sessionId) {
        runTurn(sessionId, state -> {
            if (!state.interview().hasFacts()) throw new ShuzhiException(ErrorCode.NO_FACTS);
            ReportKind kind = kinds.get(state.kind());
            var turn = new Turn(state);
            draft(turn, kind);
            return turn;
        });
    }

    private void draft(Turn turn, ReportKind kind) {
        int version = turn.state.draftVersion() + 1;
        Draft draft = drafter.write(kind, turn.state.interview(), version,
                (step, total, label, section) -> turn.frames.add(new ServerFrame.Progress(step, total, label)));
        turn.drafts.put(version, draft);
        turn.state = turn.state.withDraft(version);
        turn.frames.add(draftFrame(draft));
        long placeholders = draft.sections().stream()
                .mapToLong(s -> countOf(s.heading() + s.body(), "【待补充")).sum();
        String summary = "草稿已生成（第" + version + "版）。" + (placeholders > 0
                ? "其中有" + placeholders + "处【待补充】，告诉我相应情况后说“生成草稿”即可更新。"
                : "可以复制到 Word/WPS，或继续补充情况后重新生成。");
        turn.assistant(summary, placeholders > 0 ? List.of("生成草稿") : List.of());
    }

    private static long countOf(String text, String what) {
        long n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) n++;
        return n;
    }

    // ---- the turn machinery ------------------------------------------------------------------------------------

    /** What one turn produces before it is committed. */
    private final class Turn {
        SessionState state;
        final List<ServerFrame> frames = new ArrayList<>();
        final Map<Integer, Draft> drafts = new LinkedHashMap<>();
        final List<ServerFrame.ChatMessage> chat = new ArrayList<>();

        Turn(SessionState state) {
            this.state = state;
        }

        void assistant(String text, List<String> choices) {
            String messageId = "a-" + (state.seq() + frames.size() + 1);
            frames.add(new ServerFrame.AssistantStart(messageId));
            frames.add(new ServerFrame.AssistantDelta(messageId, text));
            frames.add(new ServerFrame.AssistantEnd(messageId, text, choices));
            chat.add(new ServerFrame.ChatMessage("assistant", messageId, text, choices));
        }
    }

    /**
     * Loads the session, applies {@code apply} (null result: nothing to do), and commits; on a lost race (another
     * tab or instance wrote first) starts over from the newer state.
     */
    private void runTurn(String sessionId, Function<SessionState, Turn> apply) {
        for (int attempt = 1; attempt <= MAX_COMMIT_ATTEMPTS; attempt++) {
            var stored = store.load(sessionId).orElseThrow(() -> new ShuzhiException(ErrorCode.SESSION_NOT_FOUND));
            Turn turn = apply.apply(readState(stored.data()));
            if (turn == null) return;
            if (commitAndSend(sessionId, stored.rev(), turn)) return;
        }
        throw new ShuzhiException(ErrorCode.VERSION_CONFLICT, "会话正被其他窗口同时修改，请重试。");
    }

    private boolean commitAndSend(String sessionId, long expectedRev, Turn turn) {
        long firstSeq = turn.state.seq() + 1;
        long seq = turn.state.seq();
        var events = new TreeMap<Long, String>();
        var sent = new ArrayList<String>(turn.frames.size());
        for (ServerFrame f : turn.frames) {
            String json = codec.write(f, ++seq);
            events.put(seq, json);
            sent.add(json);
        }
        SessionState next = turn.state.advanced(turn.frames.size(), clock.millis());
        var drafts = new HashMap<Integer, String>();
        turn.drafts.forEach((v, d) -> drafts.put(v, codec.toJson(d)));
        var chat = turn.chat.stream().map(codec::toJson).toList();
        boolean ok = store.commit(sessionId, new SessionStore.Commit(expectedRev, codec.toJson(next), events, drafts, chat));
        if (ok) hub.broadcast(sessionId, firstSeq, sent);
        return ok;
    }

    // ---- views -------------------------------------------------------------------------------------------------

    private SessionState readState(String json) {
        return codec.fromJson(json, SessionState.class);
    }

    /** The current draft of a session, for export; empty when the session or its draft does not exist. */
    public Optional<Draft> currentDraft(String sessionId) {
        return store.load(sessionId).map(s -> readState(s.data())).flatMap(this::currentDraft);
    }

    private Optional<Draft> currentDraft(SessionState state) {
        if (state.draftVersion() == 0) return Optional.empty();
        return store.draft(state.id(), state.draftVersion()).map(j -> codec.fromJson(j, Draft.class));
    }

    private List<ServerFrame.ChatMessage> chatHistory(String sessionId) {
        return store.chat(sessionId, SNAPSHOT_MESSAGES).stream()
                .map(j -> codec.fromJson(j, ServerFrame.ChatMessage.class)).toList();
    }

    private ServerFrame.Session snapshot(SessionState state, ReportKind kind, Draft draft,
                                         List<ServerFrame.ChatMessage> messages) {
        return new ServerFrame.Session(state.id(), kind.id(), kind.name(), state.phase(), engineName,
                profile(state), factViews(kind, state), draft == null ? null : draftView(draft), messages);
    }

    private static Map<String, String> profile(SessionState state) {
        var p = new HashMap<String, String>();
        p.put("unit", state.interview().unit());
        p.put("year", state.interview().year());
        return p;
    }

    private ServerFrame.Facts factsFrame(ReportKind kind, SessionState state) {
        return new ServerFrame.Facts(profile(state), factViews(kind, state));
    }

    private static List<ServerFrame.FactView> factViews(ReportKind kind, SessionState state) {
        return state.interview().facts().stream().map(f -> factView(kind, f)).toList();
    }

    private static ServerFrame.FactView factView(ReportKind kind, Fact f) {
        var topic = kind.topic(f.topic());
        var section = topic.map(t -> kind.sectionOf(t.key()));
        String sectionHeading = section.map(s -> s.heading().isEmpty() ? kind.partOf(s).heading() : s.heading())
                .orElse("");
        return new ServerFrame.FactView(f.id(), f.topic(), topic.map(ReportKind.TopicSpec::label).orElse(f.topic()),
                section.map(ReportKind.SectionSpec::ref).orElse(""), sectionHeading, f.text(),
                f.quantities().stream().map(q -> new ServerFrame.QuantityView(q.raw(), q.display(), q.unit())).toList(),
                f.sourceId(), f.origin().name());
    }

    private static ServerFrame.Draft draftFrame(Draft d) {
        var v = draftView(d);
        return new ServerFrame.Draft(v.version(), v.title(), v.text(), v.sections());
    }

    private static ServerFrame.DraftView draftView(Draft d) {
        return new ServerFrame.DraftView(d.version(), d.title(), d.toPlainText(), d.sections().stream()
                .map((Section s) -> new ServerFrame.SectionView(s.ref(), s.level(), s.heading(), s.body())).toList());
    }

    @PreDestroy
    void close() {
        lanes.close();
    }
}
