package io.shuzhi.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.chat.ErrorCode;
import io.shuzhi.support.IntegrationTest;
import io.shuzhi.support.WsClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * 10,000 frames made by mutating valid ones, pipelined over real WebSockets into 20 sessions (plus 2 sessions that
 * take the mutations that stay valid). Every mutation's outcome is known in advance, so the test checks that every
 * frame is answered exactly once with the right code, that no connection drops, and that the 20 sessions' stored
 * state and event log are exactly what they were before.
 *
 * <p>The 20 fuzzed sessions are fresh (no facts, no draft), so a frame that parses still ends in a known refusal
 * (generate → NO_FACTS, undo → NOTHING_TO_UNDO, edit/diff/proofread/accept → NO_DRAFT…) and changes nothing; only
 * {@code versions} is answered with a (not logged) versions frame.
 *
 * <p>The per-tab and per-address rate limits are lifted here (a context of its own): the fuzzer sends from one
 * address as fast as it can, and a RATE_LIMITED answer would hide what the frame itself earns.
 */
@TestPropertySource(properties = {"shuzhi.chat.connection-burst=1000000", "shuzhi.chat.connection-per-second=1000000",
        "shuzhi.chat.address-burst=1000000", "shuzhi.chat.address-per-second=1000000"})
class FuzzTest extends IntegrationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory N = JsonNodeFactory.instance;
    private static final int SESSIONS = 20;
    private static final int FRAMES = 10_000;
    private static final int VALID_SESSIONS = 2;
    private static final int VALID_FRAMES = 200; // of the 10,000: valid says, on their own sessions
    private static final Set<String> KNOWN_CODES = Arrays.stream(ErrorCode.values()).map(Enum::name)
            .collect(Collectors.toSet());

    /** One fuzzed frame and what must come back: an error code, or (code null) one frame of {@code answer}. */
    record Case(String text, byte[] binary, String code, String answer, String label) {
        static Case error(String text, String code, String label) {
            return new Case(text, null, code, null, label);
        }
    }

    // ---- the valid frames the mutations start from, and what each earns on a fresh session --------------------

    private static final Map<String, String> FRESH_OUTCOME = new LinkedHashMap<>();

    static {
        FRESH_OUTCOME.put("generate", "NO_FACTS");
        FRESH_OUTCOME.put("undo", "NOTHING_TO_UNDO");
        FRESH_OUTCOME.put("redo", "NOTHING_TO_REDO");
        FRESH_OUTCOME.put("edit", "NO_DRAFT");
        FRESH_OUTCOME.put("diff", "NO_DRAFT");
        FRESH_OUTCOME.put("proofread", "NO_DRAFT");
        FRESH_OUTCOME.put("accept", "NO_DRAFT");
        FRESH_OUTCOME.put("versions", null); // answered by a versions frame
    }

    private static ObjectNode base(String type) {
        ObjectNode o = N.objectNode().put("type", type);
        switch (type) {
            case "hello" -> o.put("sessionId", "AAAAAAAAAAAAAAAAAAAAAA").put("lastSeq", 3).put("kind", "party-branch-secretary");
            case "say" -> o.put("id", "m-1").put("text", "全年组织集中学习研讨交流24次。");
            case "refine" -> o.put("section", "1.2").put("instruction", "再具体些");
            case "edit" -> o.put("section", "1.1").put("text", "新的正文。").put("baseVersion", 0);
            case "diff" -> o.put("from", 1).put("to", 2);
            case "import" -> o.put("text", "一、主要工作\n全年学习24次。");
            case "accept" -> o.put("id", "s-1");
            default -> { }
        }
        return o;
    }

    /** Fields of each type: name → required?, string or integer. */
    private static final Map<String, List<String[]>> FIELDS = Map.ofEntries(
            Map.entry("hello", List.<String[]>of(new String[] {"sessionId", "opt", "str"}, new String[] {"lastSeq", "opt", "seq"},
                    new String[] {"kind", "opt", "str"})),
            Map.entry("say", List.<String[]>of(new String[] {"id", "req", "str"}, new String[] {"text", "req", "str"})),
            Map.entry("refine", List.<String[]>of(new String[] {"section", "opt", "str"}, new String[] {"instruction", "req", "str"})),
            Map.entry("edit", List.<String[]>of(new String[] {"section", "req", "str"}, new String[] {"text", "req", "str"},
                    new String[] {"baseVersion", "req", "int"})),
            Map.entry("diff", List.<String[]>of(new String[] {"from", "req", "int"}, new String[] {"to", "req", "int"})),
            Map.entry("import", List.<String[]>of(new String[] {"text", "req", "str"})),
            Map.entry("accept", List.<String[]>of(new String[] {"id", "req", "str"})));

    private static final List<String> ALL_TYPES = List.of("hello", "say", "generate", "refine", "edit", "undo", "redo",
            "versions", "diff", "import", "proofread", "accept");

    private static JsonNode wrongValue(Random r, String kind) {
        List<JsonNode> strs = List.of(N.numberNode(42), N.booleanNode(true), N.arrayNode().add("x"),
                N.objectNode().put("a", 1), N.numberNode(1e308), N.numberNode(-1), N.numberNode(1.5));
        List<JsonNode> ints = List.of(N.stringNode("3"), N.numberNode(1.5), N.numberNode(1e308), N.numberNode(-1),
                N.numberNode(new java.math.BigInteger("9223372036854775808")), // 2^63
                N.numberNode(Long.MIN_VALUE), N.booleanNode(false), N.arrayNode().add(1), N.objectNode());
        if (kind.equals("str")) return strs.get(r.nextInt(strs.size()));
        var list = new ArrayList<>(ints);
        if (kind.equals("int")) list.add(N.numberNode(2_147_483_648L)); // fits a long (lastSeq) but not an int
        return list.get(r.nextInt(list.size()));
    }

    private static String pad(int bytes, boolean wide) {
        return wide ? "学".repeat(bytes / 3) + "x".repeat(bytes % 3) : "x".repeat(bytes);
    }

    /** {"type":"undo","pad":"…"} of exactly {@code size} UTF-8 bytes (ASCII or 3-byte characters). */
    private static String undoOfSize(int size, boolean wide) {
        String head = "{\"type\":\"undo\",\"pad\":\"";
        String tail = "\"}";
        return head + pad(size - head.length() - tail.length(), wide) + tail;
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    /** One invalid-or-refused frame for a fresh session, with the code it must earn. */
    static Case mutate(Random r) {
        int m = r.nextInt(16);
        String type = ALL_TYPES.get(r.nextInt(ALL_TYPES.size()));
        ObjectNode f = base(type);
        switch (m) {
            case 0, 1 -> { // a field of the wrong type
                List<String[]> fields = FIELDS.get(type);
                if (fields == null) {
                    f.set("type", r.nextBoolean() ? N.numberNode(7) : N.arrayNode().add(type));
                    return Case.error(f.toString(), "MISSING_FIELD", "type of wrong type");
                }
                String[] field = fields.get(r.nextInt(fields.size()));
                f.set(field[0], wrongValue(r, field[2].equals("seq") ? "seq" : field[2]));
                if (field[2].equals("seq") && f.get(field[0]).isIntegralNumber()
                        && f.get(field[0]).canConvertToLong() && f.get(field[0]).longValue() >= 0) {
                    f.put(field[0], -1); // a non-negative long is a valid lastSeq
                }
                return Case.error(f.toString(), "BAD_FRAME", type + "." + field[0] + " wrong type");
            }
            case 2 -> { // a required field missing or null
                List<String[]> req = FIELDS.getOrDefault(type, List.of()).stream().filter(x -> x[1].equals("req")).toList();
                if (req.isEmpty()) {
                    f.remove("type");
                    return Case.error(f.toString(), "MISSING_FIELD", "no type");
                }
                String[] field = req.get(r.nextInt(req.size()));
                if (r.nextBoolean()) f.remove(field[0]);
                else f.putNull(field[0]);
                return Case.error(f.toString(), "MISSING_FIELD", type + "." + field[0] + " missing");
            }
            case 3 -> { // unknown type, sometimes with control characters
                String t = switch (r.nextInt(4)) {
                    case 0 -> "dance";
                    case 1 -> type.toUpperCase();
                    case 2 -> type + "\u0000\u0007\u001f";
                    default -> "学".repeat(40);
                };
                f.put("type", t);
                return Case.error(f.toString(), "UNKNOWN_TYPE", "unknown type");
            }
            case 4 -> { // truncated JSON
                String s = f.toString();
                return Case.error(s.substring(0, 1 + r.nextInt(s.length() - 1)), "BAD_FRAME", "truncated");
            }
            case 5 -> { // not an object
                String[] values = {"[]", "[1,2,3]", "1", "-1", "1e308", "9223372036854775808", "\"hello\"", "true",
                        "null", "", "   ", nested(2000), "[" + f + "]"};
                return Case.error(values[r.nextInt(values.length)], "BAD_FRAME", "not an object");
            }
            case 6 -> { // past Jackson's nesting limit (500) inside an otherwise valid frame
                String s = base(pickFresh(r)).toString();
                return Case.error(s.substring(0, s.length() - 1) + ",\"deep\":" + nested(2000) + "}", "BAD_FRAME",
                        "nesting 2000");
            }
            case 7 -> { // raw (unescaped) control characters inside a string: not JSON
                char c = (char) r.nextInt(0x20);
                return Case.error("{\"type\":\"undo\",\"note\":\"a" + c + "b\"}", "BAD_FRAME", "raw control char");
            }
            case 8 -> { // random garbage text (starts with a letter no JSON value starts with)
                var sb = new StringBuilder("x");
                int len = r.nextInt(200);
                for (int i = 0; i < len; i++) sb.append((char) (0x20 + r.nextInt(0x2fff)));
                String s = sb.toString().replaceAll("[\\ud800-\\udfff]", "?");
                return Case.error(s, "BAD_FRAME", "garbage");
            }
            case 9 -> { // binary frame with random bytes
                byte[] b = new byte[1 + r.nextInt(2000)];
                r.nextBytes(b);
                return new Case(null, b, "BINARY_NOT_SUPPORTED", null, "binary");
            }
            case 10 -> { // over the 8 KB cap (by one byte, or more; ASCII or 3-byte characters)
                // Up to the transport limit (in characters), above which the socket closes instead.
                int size = r.nextBoolean() ? 8193 : 8193 + r.nextInt(LIMIT - 8193 - 100);
                return Case.error(undoOfSize(size, r.nextBoolean()), "TOO_LARGE", "over 8 KB");
            }
            case 11 -> { // just under or at the cap: parsed, and refused by the turn
                int size = 8192 - r.nextInt(3);
                return Case.error(undoOfSize(size, r.nextBoolean()), "NOTHING_TO_UNDO", "at 8 KB");
            }
            case 12 -> { // bad say: blank id, long id, blank text (control characters that are whitespace)
                ObjectNode say = base("say");
                switch (r.nextInt(4)) {
                    case 0 -> say.put("id", "");
                    case 1 -> say.put("id", "i".repeat(101));
                    case 2 -> say.put("id", " \t");
                    default -> {
                        say.put("text", " \t\n\u000b\u000c\r\u001c\u001d\u001e\u001f\u3000");
                        return Case.error(say.toString(), "EMPTY_MESSAGE", "blank text");
                    }
                }
                return Case.error(say.toString(), "BAD_FRAME", "bad say id");
            }
            case 13 -> { // huge and odd numbers in edit/diff (int fields) and hello.lastSeq
                ObjectNode d = base(r.nextBoolean() ? "diff" : "edit");
                String field = d.has("from") ? (r.nextBoolean() ? "from" : "to") : "baseVersion";
                String[] raw = {"1e308", "1e999", "-1", "9223372036854775808", "2147483648", "1.0", "0x10",
                        "99999999999999999999999999999999", "-0.0"};
                String v = raw[r.nextInt(raw.length)];
                String s = d.toString().replace("\"" + field + "\":" + d.get(field), "\"" + field + "\":" + v);
                // "0x10" is not JSON at all; the others are numbers that are not a non-negative int
                return Case.error(s, "BAD_FRAME", "number " + v);
            }
            default -> { // unknown fields on a frame that stays valid: the same outcome as without them
                String t = pickFresh(r);
                ObjectNode g = base(t);
                g.put("zz", "\u0000\u0001控制\u001f");
                g.set("extra", N.objectNode().set("n", nested(r, 50)));
                g.put("big", 1e308);
                g.put("neg", -1);
                g.put("huge", new java.math.BigInteger("9223372036854775808"));
                String text = r.nextBoolean() ? g.toString()
                        : g.toString().substring(0, g.toString().length() - 1) + ",\"deep\":" + nested(400) + "}";
                String code = FRESH_OUTCOME.get(t);
                return code == null ? new Case(text, null, null, "versions", "versions + unknown fields")
                        : Case.error(text, code, t + " + unknown fields");
            }
        }
    }

    private static JsonNode nested(Random r, int depth) {
        JsonNode n = N.numberNode(r.nextInt());
        for (int i = 0; i < depth; i++) n = N.arrayNode().add(n);
        return n;
    }

    private static String pickFresh(Random r) {
        var types = new ArrayList<>(FRESH_OUTCOME.keySet());
        return types.get(r.nextInt(types.size()));
    }

    /** A say that stays valid however it is dressed: unknown fields, escaped control characters, near-cap text. */
    static Case validSay(Random r, int n) {
        ObjectNode say = base("say").put("id", "v-" + n);
        switch (r.nextInt(4)) {
            case 0 -> say.put("text", "全年开展研讨交流" + n + "次。\u0001\u0007");
            case 1 -> say.put("text", "学".repeat(2600)); // ~7.8 KB: under the cap
            case 2 -> say.put("x-unknown", "ignored").set("nested", nested(r, 100));
            default -> say.put("text", "举办政治轮训班" + (n % 9 + 1) + "期\uD83D\uDE00");
        }
        String text = say.toString();
        assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(8192);
        return new Case(text, null, null, "user_message", "valid say");
    }

    // ---- the run ------------------------------------------------------------------------------------------------

    @Test
    void tenThousandMutatedFrames_eachAnsweredOnce_noDrops_noStateChange() throws Exception {
        var clients = new ArrayList<WsClient>();
        var ids = new ArrayList<String>();
        var before = new HashMap<String, String>();
        var plans = new ArrayList<List<Case>>();
        int perSession = (FRAMES - VALID_FRAMES) / SESSIONS;
        try {
            for (int s = 0; s < SESSIONS + VALID_SESSIONS; s++) {
                var c = connect();
                clients.add(c);
                String id = newSession(c);
                ids.add(id);
                before.put(id, storedState(id));
                var r = new Random(1000 + s);
                var plan = new ArrayList<Case>();
                if (s < SESSIONS) {
                    for (int i = 0; i < perSession; i++) plan.add(mutate(r));
                } else {
                    for (int i = 0; i < VALID_FRAMES / VALID_SESSIONS; i++) plan.add(validSay(r, i));
                }
                plans.add(plan);
            }
            int total = plans.stream().mapToInt(List::size).sum();
            assertThat(total).isEqualTo(FRAMES);

            long t0 = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            var sent = new ArrayList<Future<?>>();
            for (int s = 0; s < clients.size(); s++) {
                var c = clients.get(s);
                var plan = plans.get(s);
                sent.add(pool.submit(() -> {
                    for (Case k : plan) {
                        if (k.binary() != null) c.sendBinary(k.binary());
                        else c.send(k.text());
                    }
                }));
            }
            for (var f : sent) f.get();
            pool.shutdown();

            // Await every answer: per connection, as many frames of each kind as the plan says (one deadline for all).
            var failures = new ArrayList<String>();
            long deadline = System.nanoTime() + 60_000_000_000L;
            for (int s = 0; s < clients.size(); s++) {
                var c = clients.get(s);
                var plan = plans.get(s);
                int expectedErrors = (int) plan.stream().filter(k -> k.code() != null).count();
                int expectedAnswers = plan.size() - expectedErrors;
                while (true) {
                    var frames = c.all();
                    long errors = frames.stream().filter(x -> type(x).equals("error")).count();
                    long answers = s < SESSIONS ? frames.stream().filter(x -> type(x).equals("versions")).count()
                            : frames.stream().filter(x -> type(x).equals("assistant_end")).count() - 1;
                    if (errors >= expectedErrors && answers >= expectedAnswers) break;
                    if (System.nanoTime() > deadline || !c.isOpen()) {
                        var got = histogram(frames.stream().filter(x -> type(x).equals("error"))
                                .map(x -> x.path("code").asString()).toList());
                        var want = histogram(plan.stream().map(Case::code).filter(java.util.Objects::nonNull).toList());
                        failures.add("session " + s + (c.isOpen() ? "" : " (closed)") + ": " + errors + "/"
                                + expectedErrors + " errors, " + answers + "/" + expectedAnswers
                                + " answers; codes got " + got + " want " + want);
                        break;
                    }
                    Thread.sleep(20);
                }
            }
            long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
            assertThat(failures).as("every frame answered").isEmpty();

            // Nothing more arrives (no frame answered twice).
            Thread.sleep(300);
            for (int s = 0; s < clients.size(); s++) {
                var c = clients.get(s);
                var plan = plans.get(s);
                var frames = c.all();
                var gotCodes = frames.stream().filter(x -> type(x).equals("error")).map(x -> x.path("code").asString())
                        .sorted().toList();
                var wantCodes = plan.stream().map(Case::code).filter(java.util.Objects::nonNull).sorted().toList();
                assertThat(gotCodes).as("session %d: error codes (multiset)", s).allMatch(KNOWN_CODES::contains);
                if (!gotCodes.equals(wantCodes)) {
                    assertThat(histogram(gotCodes)).as("session %d error codes", s).isEqualTo(histogram(wantCodes));
                }
                assertThat(c.isOpen()).as("session %d still connected", s).isTrue();
                if (s < SESSIONS) {
                    long versions = frames.stream().filter(x -> type(x).equals("versions")).count();
                    assertThat(versions).isEqualTo(plan.stream().filter(k -> "versions".equals(k.answer())).count());
                    assertThat(storedState(ids.get(s))).as("session %d stored state unchanged", s)
                            .isEqualTo(before.get(ids.get(s)));
                } else {
                    var echoed = frames.stream().filter(x -> type(x).equals("user_message"))
                            .map(x -> x.path("id").asString()).toList();
                    assertThat(echoed).doesNotHaveDuplicates().hasSize(plan.size());
                }
            }
            var labels = plans.stream().flatMap(List::stream)
                    .collect(Collectors.groupingBy(Case::label, java.util.TreeMap::new, Collectors.counting()));
            System.out.println("FuzzTest: " + FRAMES + " frames answered in " + elapsedMs + " ms; mutations " + labels);
        } finally {
            clients.forEach(WsClient::close);
        }
    }

    /** shuzhi.chat.transport-limit-chars, the default. */
    private static final int LIMIT = new io.shuzhi.chat.ChatProperties(null, null, null, null, null, null, null, null,
            null, null, null, null, null).transportLimitChars();

    @Test
    void overTheTransportLimit_closesWith1009_atTheLimit_isTooLarge() {
        try (var c = connect()) {
            String id = newSession(c);
            String before = storedState(id);
            // At the limit exactly: the container takes it, the app refuses it, the socket stays open.
            c.send(undoOfSize(LIMIT, false));
            assertThat(c.await("error").path("code").asString()).isEqualTo("TOO_LARGE");
            assertThat(c.isOpen()).isTrue();
            c.send(undoOfSize(LIMIT + 1, false));
            assertThat(c.awaitClose()).isEqualTo(1009);
            assertThat(storedState(id)).isEqualTo(before);
        }
        try (var c = connect()) {
            byte[] big = new byte[70_000];
            new Random(7).nextBytes(big);
            c.sendBinary(big);
            assertThat(c.awaitClose()).isEqualTo(1009);
        }
        try (var c = connect()) {
            c.send("{\"type\":\"say\",\"id\":\"m\",\"text\":\"" + "学".repeat(70_000) + "\"}");
            assertThat(c.awaitClose()).isEqualTo(1009);
        }
    }

    @Test
    void helloWithUnknownKind_onAnOpenSession_leavesTheTabOnItsSession() {
        try (var c = connect()) {
            String id = newSession(c);
            String before = storedState(id);
            c.send("{\"type\":\"hello\",\"kind\":\"no-such-kind\"}");
            assertThat(c.await("error").path("code").asString()).isEqualTo("UNKNOWN_KIND");
            // A refused frame changes nothing: the tab is still on its session.
            c.say("m-after", "全年组织集中学习研讨交流24次。");
            JsonNode next = c.await(x -> true);
            assertThat(type(next) + " " + next.path("code").asString()).isEqualTo("user_message ");
            assertThat(storedState(id)).isNotEqualTo(before).contains("m-after");
        }
    }

    private static Map<String, Long> histogram(List<String> codes) {
        return codes.stream().collect(Collectors.groupingBy(x -> x, java.util.TreeMap::new, Collectors.counting()));
    }

    private static String type(JsonNode f) {
        return f.path("type").asString();
    }
}
