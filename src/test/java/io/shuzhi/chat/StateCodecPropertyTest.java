package io.shuzhi.chat;

import static io.shuzhi.support.Tables.LEXICON;
import static io.shuzhi.support.Tables.NUMBERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shuzhi.draft.Draft;
import io.shuzhi.draft.Section;
import io.shuzhi.interview.Fact;
import io.shuzhi.interview.InterviewState;
import io.shuzhi.interview.NumberParser;
import io.shuzhi.interview.Quantity;
import io.shuzhi.support.IntegrationTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Property: every state a turn may store decodes, with the mapper the store uses, to an equal state. Random facts
 * (texts in every script, huge and odd numbers read by the parser, quantities at the edge of what is a figure),
 * versions, drafts; 500 cases from fixed seeds, so a failure names its seed.
 */
class StateCodecPropertyTest extends IntegrationTest {
    private static final String[] PIECES = {"发展党员", "开展研讨", "次", "名", "万元", "亿", "%", "余", "近", "至", "，",
            "。", "“", "”", "\\", "\"", "\n", "\t", "\u0000", "\u2028", "😀", "𠀀", "ａｂｃ", "１２３", "<script>", "{}", "[]",
            "十二", "三千五百万", "百分之八十", "0.", ".5", "1,200", "翻一番", "\uD800", "e308", "-1"};

    @Autowired
    FrameCodec codec;

    @Autowired
    StoredState layout;

    @Test
    void everyStorableStateReadsBackEqual() {
        for (long seed = 1; seed <= 500; seed++) {
            var random = new Random(seed);
            SessionState state = randomState(random);
            String json = codec.toJson(state);
            SessionState back = codec.fromJson(json, SessionState.class);
            assertThat(back).as("seed %d", seed).isEqualTo(state);
            // As stored: the state apart from its facts, each fact in a field of its own.
            StoredState.Encoded stored = layout.encode(state, null, 0);
            String ids = codec.toJson(stored.idChanges().added());
            SessionState loaded = layout.decode("s", 1, stored.data(), stored.changes().set(), ids, true).state();
            assertThat(loaded).as("seed %d, stored apart", seed).isEqualTo(state);
            // And the check every commit makes accepts it, unless a text is over its cap.
            boolean longText = state.interview().facts().stream()
                    .anyMatch(f -> f.text().length() > StateLimits.MAX_TEXT_CHARS)
                    || state.interview().unit() != null
                    && state.interview().unit().length() > StateLimits.MAX_PROFILE_CHARS;
            try {
                StateLimits.check(state, stored, layout, Integer.MAX_VALUE);
                assertThat(longText).as("seed %d", seed).isFalse();
            } catch (ShuzhiException e) {
                assertThat(longText).as("seed %d: %s", seed, e.getMessage()).isTrue();
            }
            Draft draft = randomDraft(random);
            assertThat(codec.fromJson(codec.toJson(draft), Draft.class)).as("draft, seed %d", seed).isEqualTo(draft);
        }
    }

    @Test
    void aStateStoredBeforeEstimatedTokensWereCounted_readsWithNoneEstimated() {
        SessionState state = SessionState.start("s-old", "party-branch-secretary", 1L).withTokens(1200, 80, 0);
        String json = codec.toJson(state);
        assertThat(json).contains("\"tokensEstimated\":0");
        String older = json.replace(",\"tokensEstimated\":0", "");
        assertThat(older).doesNotContain("tokensEstimated");
        SessionState back = codec.fromJson(older, SessionState.class);
        assertThat(back.tokensIn()).isEqualTo(1200);
        assertThat(back.tokensEstimated()).isZero();
        assertThat(back).isEqualTo(state);
    }

    @Test
    void aQuantityTheParserFindsIsAlwaysAFigure() {
        for (long seed = 1; seed <= 2000; seed++) {
            String text = randomText(new Random(seed), 60);
            for (Quantity q : NUMBERS.findAll(text)) {
                assertThat(NumberParser.isFigure(q.value())).as("seed %d: %s", seed, q).isTrue();
                String json = codec.toJson(q);
                assertThat(codec.fromJson(json, Quantity.class)).as("seed %d", seed).isEqualTo(q);
            }
        }
    }

    @Test
    void overALimitNothingIsStored() {
        var facts = new ArrayList<Fact>();
        for (int i = 1; i <= StateLimits.MAX_FACTS + 1; i++) facts.add(new Fact("f-" + i, "study", "学习" + i, List.of(), "m", null));
        SessionState tooMany = SessionState.start("s", "party-branch-secretary", 1)
                .withInterview(InterviewState.start().withFacts(facts, facts.size() + 1), LEXICON.yearOnYear());
        assertThatThrownBy(() -> StateLimits.check(tooMany, layout.encode(tooMany, null, 0), layout, Integer.MAX_VALUE))
                .isInstanceOfSatisfying(ShuzhiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SESSION_LIMIT);
                    assertThat(e.getMessage()).contains("上限").contains("没有保存");
                });
        SessionState fine = SessionState.start("s", "party-branch-secretary", 1);
        assertThatThrownBy(() -> StateLimits.check(fine, layout.encode(fine, null, 0), layout, 10))
                .isInstanceOf(ShuzhiException.class);
        // A state that does not decode to itself is refused, whatever made it.
        StoredState.Encoded good = layout.encode(fine, null, 0);
        var altered = new StoredState.Encoded(good.data().replace("\"seq\":0", "\"seq\":1"), good.order(),
                good.fields(), good.changes(), good.ids(), good.idChanges());
        assertThatThrownBy(() -> StateLimits.check(fine, altered, layout, Integer.MAX_VALUE))
                .isInstanceOf(ShuzhiException.class);
    }

    private static SessionState randomState(Random r) {
        var iv = InterviewState.start();
        int facts = r.nextInt(40);
        var list = new ArrayList<Fact>();
        for (int i = 0; i < facts; i++) {
            String text = randomText(r, 1 + r.nextInt(r.nextInt(10) == 0 ? 3000 : 80));
            List<Quantity> qs = new ArrayList<>(NUMBERS.findAll(text));
            if (r.nextBoolean()) qs.add(randomQuantity(r));
            list.add(new Fact("f-" + (i + 1), "topic-" + r.nextInt(20), text, qs, r.nextBoolean() ? null : "m-" + i,
                    r.nextBoolean() ? Fact.Origin.WRITER : Fact.Origin.LAST_YEAR));
        }
        iv = iv.withFacts(list, facts + 1).withProfile(r.nextBoolean() ? null : randomText(r, 30),
                r.nextBoolean() ? null : Integer.toString(1990 + r.nextInt(50)));
        Set<String> skipped = new LinkedHashSet<>();
        for (int i = r.nextInt(5); i > 0; i--) iv = iv.withSkipped("topic-" + r.nextInt(20));
        for (int i = r.nextInt(5); i > 0; i--) iv = iv.withPreference(randomText(r, 20));
        for (int i = r.nextInt(3); i > 0; i--) iv = iv.withDeferred("topic-" + r.nextInt(20));
        iv = iv.withCurrentTopic(r.nextBoolean() ? null : "topic-" + r.nextInt(20));
        var state = SessionState.start(randomText(r, 22), r.nextBoolean() ? "party-branch-secretary" : "personal-annual",
                r.nextLong() & Long.MAX_VALUE).withInterview(iv, LEXICON.yearOnYear());
        for (int v = 1, n = r.nextInt(6); v <= n; v++) {
            state = state.withNewVersion(new VersionInfo(v, "refine", r.nextBoolean() ? null : randomText(r, 40),
                    "offline", r.nextLong(), v - 1));
        }
        if (state.latestVersion() > 1 && r.nextBoolean()) state = state.showing(1, List.of(state.latestVersion()));
        for (int i = r.nextInt(10); i > 0; i--) state = state.withSayId(randomText(r, 1 + r.nextInt(99)));
        return state.withTokens(r.nextInt(1_000_000), r.nextInt(1_000_000), r.nextInt(1_000))
                .withGenerating(r.nextBoolean() ? 0 : r.nextLong() & Long.MAX_VALUE)
                .advanced(r.nextInt(5000), r.nextLong());
    }

    private static Quantity randomQuantity(Random r) {
        BigDecimal value;
        do {
            value = new BigDecimal(r.nextLong() % 1_000_000_000_000_000L).movePointLeft(r.nextInt(16));
        } while (!NumberParser.isFigure(value));
        BigDecimal upper = r.nextBoolean() ? null : value.abs().add(BigDecimal.ONE);
        return new Quantity(value.toPlainString() + "次", value, r.nextBoolean() ? "次" : null, r.nextBoolean(),
                upper != null && NumberParser.isFigure(upper) ? upper : null);
    }

    private static Draft randomDraft(Random r) {
        var sections = new ArrayList<Section>();
        sections.add(new Section("title", 0, randomText(r, 30), ""));
        for (int i = 1, n = r.nextInt(8); i <= n; i++) {
            sections.add(new Section(Integer.toString(i), 1 + r.nextInt(2), randomText(r, 20), randomText(r, 400)));
        }
        return new Draft("party-branch-secretary", 1 + r.nextInt(300), sections);
    }

    /** Text made of report words, digits (sometimes a run of a thousand), unicode and characters JSON escapes. */
    private static String randomText(Random r, int pieces) {
        var out = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            switch (r.nextInt(6)) {
                case 0 -> {
                    int digits = r.nextInt(20) == 0 ? 1001 : 1 + r.nextInt(r.nextBoolean() ? 5 : 25);
                    for (int d = 0; d < digits; d++) out.append((char) ('0' + r.nextInt(10)));
                    if (r.nextInt(4) == 0) out.append('.').append(r.nextInt(1000));
                }
                case 1 -> out.appendCodePoint(0x4E00 + r.nextInt(0x9FA5 - 0x4E00));
                case 2 -> out.appendCodePoint(r.nextInt(0x10FFFF));
                default -> out.append(PIECES[r.nextInt(PIECES.length)]);
            }
        }
        String s = out.toString();
        return s.isEmpty() ? "空" : s;
    }
}
