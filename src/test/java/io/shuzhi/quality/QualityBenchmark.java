package io.shuzhi.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.quality.QualityCorpus.Conversation;
import io.shuzhi.quality.QualityCorpus.KindText;
import io.shuzhi.quality.QualityCorpus.Point;
import io.shuzhi.quality.QualityCorpus.Turn;
import io.shuzhi.quality.QualityMetrics.Campaign;
import io.shuzhi.quality.QualityMetrics.ChatHit;
import io.shuzhi.quality.QualityMetrics.ChatWord;
import io.shuzhi.quality.QualityMetrics.SpokenHit;
import io.shuzhi.quality.QualityMetrics.NumberHit;
import io.shuzhi.quality.QualityMetrics.Placement;
import io.shuzhi.quality.QualityMetrics.PointResult;
import io.shuzhi.support.IntegrationTest;
import io.shuzhi.support.WsClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The quality benchmark: plays every conversation of src/test/resources/quality through the real WebSocket (the
 * whole app, real Redis) and measures the drafts. A benchmark, not a test of the figures: it fails only when the
 * harness is broken (the corpus does not load, the app does not start, a conversation could not be played at all).
 *
 * <p>Run: {@code mvn -B test -Dtest=QualityBenchmark}. Writes target/quality/report.md (the tables), the drafts
 * (target/quality/drafts/&lt;id&gt;.txt) and the transcripts (target/quality/transcripts/&lt;id&gt;.txt); the
 * tables are also printed (target/surefire-reports/io.shuzhi.quality.QualityBenchmark-output.txt when run with -Dtest;
 * target/failsafe-reports/ inside mvn verify).
 */
class QualityBenchmark extends IntegrationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path CORPUS = Path.of("src/test/resources/quality");
    private static final Path KINDS = Path.of("prompts/kinds");
    private static final Path OUT = Path.of("target/quality");
    private static final List<String> KIND_ORDER = List.of("party-branch-secretary", "personal-annual",
            "annual-work-summary", "accountability-integrity");
    private static final Map<String, String> SHORT = Map.of("party-branch-secretary", "党建述职",
            "personal-annual", "个人述职", "annual-work-summary", "工作总结", "accountability-integrity", "述责述廉");

    // ------------------------------------------------------------------ what a played conversation leaves

    record TurnLog(Turn turn, String writer, String reply, String error, int factsBefore, int factsAfter,
                   List<String> factsAfterTexts) {}

    record Section(String ref, int level, String heading, String body) {}

    record Played(Conversation conv, String greeting, List<TurnLog> turns, String title, String draftText,
                  List<Section> sections, List<String> facts, List<String> failures, long millis) {
        boolean drafted() { return draftText != null; }
    }

    /** Mutable state while a conversation plays: the latest facts and draft frames seen. */
    private static final class Seen {
        List<String> facts = List.of();
        JsonNode draft;
    }

    @Test
    void corpus_playedThroughTheRealWebSocket_figuresReported() throws IOException {
        List<Conversation> corpus = new ArrayList<>(QualityCorpus.load(CORPUS));
        corpus.sort(java.util.Comparator.comparingInt((Conversation c) -> KIND_ORDER.indexOf(c.kind()))
                .thenComparing(Conversation::id));
        List<ChatWord> chatWords = QualityCorpus.chatWords(CORPUS.resolve("chat-words.txt"));
        List<Campaign> campaigns = QualityCorpus.campaigns(CORPUS.resolve("campaigns-by-year.tsv"));
        Set<String> fixedTerms = QualityCorpus.fixedTerms(Path.of("prompts/fixed-terms.txt"),
                CORPUS.resolve("fixed-terms.txt"));
        Map<String, KindText> kinds = new LinkedHashMap<>();
        for (String k : KIND_ORDER) kinds.put(k, QualityCorpus.kindText(KINDS, k));
        assertThat(corpus).as("conversations in the corpus").hasSizeGreaterThanOrEqualTo(24);
        assertThat(corpus).allSatisfy(c -> assertThat(kinds).as(c.id() + " kind").containsKey(c.kind()));

        long start = System.nanoTime();
        List<Played> played = new ArrayList<>();
        for (Conversation c : corpus) played.add(play(c));
        long playMillis = (System.nanoTime() - start) / 1_000_000;

        List<Score> scores = new ArrayList<>();
        for (Played p : played) scores.add(score(p, kinds.get(p.conv().kind()), chatWords, campaigns, fixedTerms));

        writeFiles(played);
        String report = report(scores, warnings(corpus, kinds), playMillis);
        Files.writeString(OUT.resolve("report.md"), report, StandardCharsets.UTF_8);
        System.out.println(report);

        // The harness ran: every conversation was played to its end and produced a draft to measure.
        assertThat(played).hasSize(corpus.size());
        assertThat(played).as("conversations that produced no draft at all")
                .allSatisfy(p -> assertThat(p.drafted()).as(p.conv().id() + " " + p.failures()).isTrue());
    }

    // ------------------------------------------------------------------ playing

    private Played play(Conversation c) {
        long t0 = System.nanoTime();
        var seen = new Seen();
        List<TurnLog> logs = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        String greeting;
        try (WsClient ws = WsClient.connect(port)) {
            ws.send(JSON.createObjectNode().put("type", "hello").put("kind", c.kind()).toString());
            JsonNode session = ws.await("session");
            if (!c.kind().equals(session.path("kind").asString())) failures.add("session kind " + session.path("kind"));
            seen.facts = factTexts(session.path("facts"));
            JsonNode g = awaitEnd(ws, seen, f -> is(f, "assistant_end"));
            greeting = g == null ? "" : g.path("text").asString();
            int n = 0;
            for (Turn turn : c.turns()) {
                n++;
                int before = seen.facts.size();
                String id = c.id() + "-" + n;
                JsonNode end = null;
                for (int attempt = 0; attempt < 5; attempt++) {
                    ws.send(turn.generate() ? "{\"type\":\"generate\"}"
                            : JSON.createObjectNode().put("type", "say").put("id", id).put("text", turn.text()).toString());
                    end = awaitEnd(ws, seen, turn.generate() ? f -> is(f, "draft") : f -> is(f, "assistant_end"));
                    // The harness types faster than a person: a rate limit is ours, not the writer's. Wait, send again.
                    if (end != null && is(end, "error") && "RATE_LIMITED".equals(end.path("code").asString())) {
                        sleep(1100);
                        continue;
                    }
                    break;
                }
                String reply = "";
                String error = null;
                if (end == null) error = "no reply within the wait";
                else if (is(end, "error")) error = end.path("code").asString() + ": " + end.path("message").asString();
                else if (is(end, "assistant_end")) reply = end.path("text").asString();
                else if (is(end, "draft")) reply = "［草稿 第" + end.path("version").asInt() + "版］";
                if (error != null) failures.add("turn " + n + " (" + (turn.generate() ? "generate" : turn.text()) + "): " + error);
                logs.add(new TurnLog(turn, turn.generate() ? "［生成草稿］" : turn.text(), reply, error, before,
                        seen.facts.size(), seen.facts));
            }
        }
        JsonNode d = seen.draft;
        List<Section> sections = new ArrayList<>();
        if (d != null) {
            for (JsonNode s : d.path("sections")) {
                sections.add(new Section(s.path("ref").asString(), s.path("level").asInt(), s.path("heading").asString(),
                        s.path("body").asString()));
            }
        }
        return new Played(c, greeting, logs, d == null ? null : d.path("title").asString(),
                d == null ? null : d.path("text").asString(), sections, seen.facts, failures,
                (System.nanoTime() - t0) / 1_000_000);
    }

    /** The frame that ends a turn ({@code end}) or an error; null when none came within WsClient's wait. */
    private static JsonNode awaitEnd(WsClient ws, Seen seen, Predicate<JsonNode> end) {
        try {
            return ws.await(f -> {
                if (is(f, "facts")) seen.facts = factTexts(f.path("facts"));
                if (is(f, "draft")) seen.draft = f;
                return is(f, "error") || end.test(f);
            });
        } catch (AssertionError timeout) {
            return null;
        }
    }

    private static boolean is(JsonNode f, String type) {
        return type.equals(f.path("type").asString());
    }

    private static List<String> factTexts(JsonNode facts) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : facts) out.add(f.path("text").asString());
        return out;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ scoring

    record PointOutcome(Point point, PointResult result, String role) {}

    record ReplyOutcome(String expected, String writer, String reply, boolean ok) {}

    record Score(Played played, boolean unitInTitle, int figures, List<String> missingFigures, List<String> staleFigures,
                 List<NumberHit> invented, List<PointOutcome> points, List<ChatHit> chat, List<String> noise,
                 List<String> quotes, List<String> fixedAltered, List<String> otherYear, int placeholders, int length,
                 List<ReplyOutcome> replies, List<SpokenHit> spoken) {
        long spoken(String k) { return spoken.stream().filter(h -> h.kind().equals(k)).count(); }
        String kind() { return played.conv().kind(); }
        long pointsIn(Placement p) { return points.stream().filter(o -> o.result().placement() == p).count(); }
        long sectionsAsked() { return points.stream().filter(o -> o.result().sectionRight() != null).count(); }
        long sectionsRight() { return points.stream().filter(o -> Boolean.TRUE.equals(o.result().sectionRight())).count(); }
        long role(String r) { return points.stream().filter(o -> o.role().equals(r)).count(); }
        long roleRight(String r) {
            return points.stream().filter(o -> o.role().equals(r) && o.result().placement() == Placement.RIGHT).count();
        }
        long replies(String expected) { return replies.stream().filter(r -> r.expected().equals(expected)).count(); }
        long repliesOk(String expected) {
            return replies.stream().filter(r -> r.expected().equals(expected) && r.ok()).count();
        }
    }

    private static Score score(Played p, KindText kind, List<ChatWord> chatWords, List<Campaign> campaigns,
                               Set<String> fixedTerms) {
        Conversation c = p.conv();
        String draft = p.drafted() ? p.draftText() : "";
        String title = p.title() == null ? "" : p.title();
        List<String> writer = p.turns().stream().filter(t -> !t.turn().generate()).map(TurnLog::writer).toList();
        String writerAll = String.join("\n", writer);

        boolean unit = QualityMetrics.hasAll(title, List.of(c.expect().unit()))
                && (c.expect().post() == null || QualityMetrics.hasAll(title, List.of(c.expect().post())));
        List<String> missing = c.expect().figures().stream().filter(f -> !QualityMetrics.containsFigure(draft, f)).toList();
        List<String> stale = c.expect().absent().stream().filter(f -> QualityMetrics.containsFigure(draft, f)).toList();
        List<NumberHit> invented = QualityMetrics.inventedNumbers(draft, writer, c.year(), fixedTerms);

        Map<Integer, String> parts = new TreeMap<>();
        Map<String, String> sections = new LinkedHashMap<>();
        Pattern ref = Pattern.compile("^(\\d+)(?:\\.(\\d+))?$");
        for (Section s : p.sections()) {
            Matcher m = ref.matcher(s.ref());
            if (!m.matches()) continue;
            int part = Integer.parseInt(m.group(1));
            String text = s.heading() + "\n" + s.body() + "\n";
            parts.merge(part, text, String::concat);
            if (m.group(2) != null) sections.merge(s.ref(), text, String::concat);
        }
        List<PointOutcome> points = new ArrayList<>();
        for (Point pt : c.expect().points()) {
            String role = pt.part() == kind.problemsPart() ? "problem" : pt.part() == kind.plansPart() ? "plan" : "work";
            points.add(new PointOutcome(pt, QualityMetrics.placePoint(parts, sections, pt.words(), pt.part(),
                    pt.section()), role));
        }

        List<String> allNoise = new ArrayList<>();
        for (TurnLog t : p.turns()) allNoise.addAll(t.turn().noise());
        List<String> noise = QualityMetrics.noiseFound(allNoise, String.join("\n", p.facts()) + "\n" + draft);

        List<ReplyOutcome> replies = new ArrayList<>();
        for (TurnLog t : p.turns()) {
            String expected = t.turn().replyShould();
            if (expected == null) continue;
            boolean ok;
            if (expected.equals("not-store")) {
                ok = t.error() == null && t.factsAfter() <= t.factsBefore()
                        && QualityMetrics.noiseFound(t.turn().noise(), String.join("\n", t.factsAfterTexts())).isEmpty();
            } else {
                String rest = t.writer();
                for (String n : t.turn().noise()) rest = rest.replace(n, "");
                boolean pure = rest.replaceAll("[\\p{P}\\p{S}\\s]", "").length() < 2;
                ok = t.error() == null && QualityMetrics.answered(t.reply(), t.turn().answerWords(), t.turn().noise(), pure);
            }
            replies.add(new ReplyOutcome(expected, t.writer(), t.reply(), ok));
        }

        return new Score(p, unit, c.expect().figures().size(), missing, stale, invented, points,
                QualityMetrics.chatWords(draft, chatWords, c.kind()), noise, QualityMetrics.unbalancedQuotes(draft),
                QualityMetrics.fixedTermsAltered(draft, writerAll, fixedTerms),
                QualityMetrics.otherYearTerms(draft, c.year(), campaigns), QualityMetrics.placeholders(draft),
                QualityMetrics.length(draft), replies, QualityMetrics.spokenPhrasing(draft));
    }

    /** Point words that the kind writes by itself: such a point would be "found" even if the writer's fact was lost. */
    private static List<String> warnings(List<Conversation> corpus, Map<String, KindText> kinds) {
        List<String> out = new ArrayList<>();
        for (Conversation c : corpus) {
            KindText k = kinds.get(c.kind());
            for (Point p : c.expect().points()) {
                if (p.part() < 1 || p.part() > k.partKeys().size()) out.add(c.id() + ": part " + p.part() + " does not exist");
                // A point can be "found" without the writer's fact only when every one of its words is in the kind's text.
                boolean allInScaffold = p.words().stream()
                        .allMatch(w -> java.util.Arrays.stream(w.split("\\|")).anyMatch(k.scaffold()::contains));
                if (allInScaffold) out.add(c.id() + ": point " + p.words() + " is all in the kind's own wording");
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ output

    private static void writeFiles(List<Played> played) throws IOException {
        Files.createDirectories(OUT.resolve("drafts"));
        Files.createDirectories(OUT.resolve("transcripts"));
        for (Played p : played) {
            String id = p.conv().id();
            Files.writeString(OUT.resolve("drafts/" + id + ".txt"),
                    p.drafted() ? p.draftText() : "（没有草稿）" + p.failures(), StandardCharsets.UTF_8);
            var t = new StringBuilder();
            t.append("# ").append(id).append(" · ").append(p.conv().kind()).append(" · ").append(p.conv().year())
                    .append('\n').append("# ").append(p.conv().note()).append("\n\n");
            t.append("助手：").append(p.greeting()).append("\n\n");
            for (TurnLog l : p.turns()) {
                t.append("写作者：").append(l.writer()).append('\n');
                if (l.error() != null) t.append("错误：").append(l.error()).append('\n');
                t.append("助手：").append(l.reply()).append('\n');
                t.append("（事实 ").append(l.factsBefore()).append(" → ").append(l.factsAfter()).append("）\n\n");
            }
            t.append("## 最终事实\n");
            for (String f : p.facts()) t.append("- ").append(f).append('\n');
            Files.writeString(OUT.resolve("transcripts/" + id + ".txt"), t.toString(), StandardCharsets.UTF_8);
        }
    }

    private static String report(List<Score> scores, List<String> warnings, long playMillis) {
        var r = new StringBuilder();
        r.append("# Quality benchmark\n\n");
        r.append(scores.size()).append(" conversations played in ").append(playMillis / 1000.0).append(" s, ")
                .append(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 16))
                .append(". Drafts: target/quality/drafts/, transcripts: target/quality/transcripts/.\n\n");

        Map<String, List<Score>> byKind = new LinkedHashMap<>();
        for (String k : KIND_ORDER) byKind.put(k, new ArrayList<>());
        for (Score s : scores) byKind.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(s);
        List<String> cols = new ArrayList<>(byKind.keySet());
        List<List<Score>> groups = new ArrayList<>(byKind.values());
        groups.add(scores);

        r.append("## Per kind and in total\n\n| figure |");
        for (String k : cols) r.append(' ').append(SHORT.getOrDefault(k, k)).append(" |");
        r.append(" total |\n|---|");
        for (int i = 0; i <= cols.size(); i++) r.append("---|");
        r.append('\n');
        row(r, "conversations", groups, g -> String.valueOf(g.size()));
        row(r, "failed turns (error or no reply)", groups, g -> sum(g, s -> s.played().failures().size()));
        row(r, "unit (and post) in the title", groups, g -> ratio(count(g, Score::unitInTitle), g.size()));
        row(r, "figures kept", groups, g -> ratio(sumL(g, s -> s.figures() - s.missingFigures().size()),
                sumL(g, Score::figures)));
        row(r, "corrected figures still in the draft", groups, g -> sum(g, s -> s.staleFigures().size()));
        row(r, "numbers invented", groups, g -> sum(g, s -> s.invented().size()));
        row(r, "points in the right part", groups, g -> ratio(sumL(g, s -> (int) s.pointsIn(Placement.RIGHT)),
                sumL(g, s -> s.points().size())));
        row(r, "points only in a wrong part", groups, g -> sum(g, s -> (int) s.pointsIn(Placement.WRONG_PART)));
        row(r, "points found nowhere", groups, g -> sum(g, s -> (int) s.pointsIn(Placement.NOWHERE)));
        row(r, "points in the right section (where one is expected)", groups,
                g -> ratio(sumL(g, s -> (int) s.sectionsRight()), sumL(g, s -> (int) s.sectionsAsked())));
        row(r, "writer's problems in the problems part", groups,
                g -> ratio(sumL(g, s -> (int) s.roleRight("problem")), sumL(g, s -> (int) s.role("problem"))));
        row(r, "writer's plans in the plans part", groups,
                g -> ratio(sumL(g, s -> (int) s.roleRight("plan")), sumL(g, s -> (int) s.role("plan"))));
        row(r, "chat words in the draft", groups, g -> sum(g, s -> s.chat().size()));
        row(r, "noise stored (in facts or draft)", groups, g -> sum(g, s -> s.noise().size()));
        row(r, "paragraphs with unbalanced quotes", groups, g -> sum(g, s -> s.quotes().size()));
        row(r, "fixed terms altered", groups, g -> sum(g, s -> s.fixedAltered().size()));
        row(r, "提法 of another year", groups, g -> sum(g, s -> s.otherYear().size()));
        row(r, "spoken phrasing (all kinds below)", groups, g -> sum(g, s -> s.spoken().size()));
        for (String k : QualityMetrics.SPOKEN_KINDS) {
            row(r, "— " + k, groups, g -> sum(g, s -> (int) s.spoken(k)));
        }
        row(r, "placeholders 【待补充】", groups, g -> sum(g, Score::placeholders));
        row(r, "length min / median / max (chars)", groups, QualityBenchmark::lengths);
        row(r, "questions answered", groups, g -> ratio(sumL(g, s -> (int) s.repliesOk("answer-question")),
                sumL(g, s -> (int) s.replies("answer-question"))));
        row(r, "wishes acknowledged", groups, g -> ratio(sumL(g, s -> (int) s.repliesOk("acknowledge-wish")),
                sumL(g, s -> (int) s.replies("acknowledge-wish"))));
        row(r, "asides not stored", groups, g -> ratio(sumL(g, s -> (int) s.repliesOk("not-store")),
                sumL(g, s -> (int) s.replies("not-store"))));

        r.append("\n## Per conversation\n\n");
        r.append("| id | failed | title | figures | invented | right / wrong / nowhere | problems | plans | chat | spoken | noise | quotes | fixed | 提法 | 待补充 | chars | replies |\n");
        r.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Score s : scores) {
            r.append("| ").append(s.played().conv().id())
                    .append(" | ").append(s.played().failures().size())
                    .append(" | ").append(s.unitInTitle() ? "ok" : "**no**")
                    .append(" | ").append(s.figures() - s.missingFigures().size()).append('/').append(s.figures())
                    .append(" | ").append(s.invented().size())
                    .append(" | ").append(s.pointsIn(Placement.RIGHT)).append(" / ").append(s.pointsIn(Placement.WRONG_PART))
                    .append(" / ").append(s.pointsIn(Placement.NOWHERE))
                    .append(" | ").append(s.roleRight("problem")).append('/').append(s.role("problem"))
                    .append(" | ").append(s.roleRight("plan")).append('/').append(s.role("plan"))
                    .append(" | ").append(s.chat().size())
                    .append(" | ").append(s.spoken().size())
                    .append(" | ").append(s.noise().size())
                    .append(" | ").append(s.quotes().size())
                    .append(" | ").append(s.fixedAltered().size())
                    .append(" | ").append(s.otherYear().size())
                    .append(" | ").append(s.placeholders())
                    .append(" | ").append(s.length())
                    .append(" | ").append(s.replies().stream().filter(ReplyOutcome::ok).count()).append('/')
                    .append(s.replies().size()).append(" |\n");
        }

        r.append("\n## How each figure is measured\n\n");
        r.append("""
                * **figures kept**: an expected figure (or one of its `|` alternatives) is in the draft, after full-width \
                digits and thousands separators are normalised, at a number boundary (`2次` is not in `12次`).
                * **numbers invented**: Arabic numbers, and Chinese numerals followed by a measure word, in the draft \
                (placeholders removed) whose value is in no writer message and is not the report year; numerals of fixed \
                terms (prompts/fixed-terms.txt + quality/fixed-terms.txt) and ordinals (第一, 一是, （一）) are not numbers. \
                Values are compared loosely (3.68亿元 = 3亿6800万元, 90% = 九成).
                * **points**: all words of a point are in the text of the expected part (placeholders removed) = right; \
                all in another part only = wrong part; else nowhere. Problems and plans are the points the writer gave \
                for the problems part and the plans part.
                * **chat words**: whole-word hits of quality/chat-words.txt after HanLP segmentation of each sentence.
                * **spoken phrasing**: patterns of speech the chat words do not see, counted per kind (headings and \
                placeholders not read): a bare label (a clause of only one or two HanLP nouns, no figure, followed by \
                another clause: "产业，引进…", "监督方面，…"); a thousands separator in Chinese text; people counted with 个 \
                ("发展党员2个", "11个人"); 那场/那次/那个/这个 + word; 没有一个; 就是 between two content words; 要 + verb ending \
                a clause ("制度要建成") or 要搞/要弄; a clause ending in a bare 的 ("有走过场的"); 是个 + word; a discourse \
                opener ("这几块"); a numeral inside a word ("警示2次片"); 均 read with the word before ("家里人均在…", \
                均不太); 本人 after someone else's 觉得/认为; a spoken verb (搞上去, 建个, 去1次, …的事, 管起来…); a clause \
                ending in 了; a verb said again after its object ("谈心谈20多次", "跑项目跑了10趟"); a topic marked with 上 \
                and a copula ("学习上主要是…"); a clause after a comma that opens with 是 ("食品安全，是重点"); a clause \
                ending in a one-character verb ("进度拖", "天天盯", "按要求来"); a spoken adverb or phrase (天天, 那段时间, \
                按要求来, "学的多", 挺); a spoken noun (大项目, 大头, 科室的人).
                * **noise stored**: a question, wish or aside of the writer (any six consecutive characters of it, \
                punctuation ignored) in the final facts or the draft.
                * **questions answered / wishes acknowledged**: the reply holds one of the turn's `answer_words` (after \
                removing an echo of the writer's words), and a turn that was only the question is not answered with an \
                acknowledgement opening (记下/已记录/收到…). **asides not stored**: the turn added no fact and the aside is \
                in no fact. These are approximations: read the transcripts.
                """);

        r.append("\n## Details\n");
        for (Score s : scores) {
            Played p = s.played();
            r.append("\n### ").append(p.conv().id()).append("\n\n");
            if (!s.unitInTitle()) r.append("* title: ").append(p.title()).append(" (expected ")
                    .append(p.conv().expect().unit()).append(p.conv().expect().post() == null ? "" : " + " + p.conv().expect().post())
                    .append(")\n");
            for (String f : p.failures()) r.append("* failed: ").append(f).append('\n');
            if (!s.missingFigures().isEmpty()) r.append("* figures missing: ").append(String.join("、", s.missingFigures())).append('\n');
            if (!s.staleFigures().isEmpty()) r.append("* corrected figures still there: ").append(String.join("、", s.staleFigures())).append('\n');
            for (NumberHit h : s.invented()) r.append("* invented number ").append(h.number()).append(": ").append(h.sentence()).append('\n');
            for (PointOutcome o : s.points()) {
                if (o.result().placement() == Placement.RIGHT) {
                    if (Boolean.FALSE.equals(o.result().sectionRight())) {
                        r.append("* point ").append(o.point().words()).append(" (part ").append(o.point().part())
                                .append(", section ").append(o.point().section()).append("): right part, other section\n");
                    }
                    continue;
                }
                r.append("* point ").append(o.point().words()).append(" (part ").append(o.point().part()).append(", ")
                        .append(o.role()).append("): ")
                        .append(o.result().placement() == Placement.NOWHERE ? "nowhere" : "in part " + o.result().partsFound())
                        .append('\n');
            }
            for (ChatHit h : s.chat()) r.append("* chat word 「").append(h.word()).append("」: ").append(shorten(h.sentence())).append('\n');
            for (SpokenHit h : s.spoken()) {
                r.append("* spoken (").append(h.kind()).append(") 「").append(h.text()).append("」: ")
                        .append(shorten(h.sentence())).append('\n');
            }
            for (String n : s.noise()) r.append("* noise stored: ").append(n).append('\n');
            for (String q : s.quotes()) r.append("* unbalanced quotes: ").append(q).append('\n');
            for (String f : s.fixedAltered()) r.append("* fixed term altered: ").append(f).append('\n');
            for (String y : s.otherYear()) r.append("* 提法 of another year: ").append(y).append('\n');
            for (ReplyOutcome o : s.replies()) {
                if (o.ok()) continue;
                r.append("* reply should ").append(o.expected()).append(": 「").append(shorten(o.writer())).append("」 → 「")
                        .append(shorten(o.reply())).append("」\n");
            }
        }
        if (!warnings.isEmpty()) {
            r.append("\n## Corpus warnings\n\n");
            for (String w : warnings) r.append("* ").append(w).append('\n');
        }
        return r.toString();
    }

    private static String shorten(String s) {
        String one = s.replace('\n', ' ');
        return one.length() > 100 ? one.substring(0, 100) + "…" : one;
    }

    private static void row(StringBuilder r, String name, List<List<Score>> groups,
                            java.util.function.Function<List<Score>, String> f) {
        r.append("| ").append(name).append(" |");
        for (List<Score> g : groups) r.append(' ').append(g.isEmpty() ? "–" : f.apply(g)).append(" |");
        r.append('\n');
    }

    private static String sum(Collection<Score> g, java.util.function.ToIntFunction<Score> f) {
        return String.valueOf(g.stream().mapToInt(f).sum());
    }

    private static int sumL(Collection<Score> g, java.util.function.ToIntFunction<Score> f) {
        return g.stream().mapToInt(f).sum();
    }

    private static int count(Collection<Score> g, Predicate<Score> f) {
        return (int) g.stream().filter(f).count();
    }

    private static String ratio(int k, int n) {
        return n == 0 ? "–" : k + "/" + n + " (" + Math.round(100.0 * k / n) + "%)";
    }

    private static String lengths(List<Score> g) {
        List<Integer> l = g.stream().map(Score::length).sorted().toList();
        int median = l.size() % 2 == 1 ? l.get(l.size() / 2) : (l.get(l.size() / 2 - 1) + l.get(l.size() / 2)) / 2;
        return l.get(0) + " / " + median + " / " + l.get(l.size() - 1);
    }
}
