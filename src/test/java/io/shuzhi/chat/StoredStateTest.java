package io.shuzhi.chat;

import static io.shuzhi.support.Tables.LEXICON;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shuzhi.interview.Fact;
import io.shuzhi.interview.InterviewState;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/** The layout a state is stored in: what a commit sends is what its turn changed, and everything reads back. */
class StoredStateTest {
    private final JsonMapper json = JsonMapper.builder().build();
    private final StoredState layout = new StoredState(json, new FrameCodec(json), new SimpleMeterRegistry());

    private static Fact fact(int n, String text) {
        return new Fact("f-" + n, "study", text, List.of(), "m-" + n, null);
    }

    private static SessionState withFacts(List<Fact> facts, List<String> sayIds) {
        var s = SessionState.start("s", "party-branch-secretary", 1)
                .withInterview(InterviewState.start().withFacts(facts, facts.size() + 1), LEXICON.yearOnYear());
        for (String id : sayIds) s = s.withSayId(id);
        return s;
    }

    @Test
    void aCommitAfterALoadSendsOnlyTheFactsItsTurnChanged() {
        var facts = new ArrayList<Fact>();
        for (int i = 1; i <= 200; i++) facts.add(fact(i, "学习" + i + "次"));
        var ids = IntStream.rangeClosed(1, 200).mapToObj(i -> "m-" + i).toList();
        SessionState loaded = withFacts(facts, ids);
        StoredState.Encoded first = layout.encode(loaded, null, 7);
        assertThat(first.changes().replace()).isTrue();
        assertThat(first.changes().set()).hasSize(200);
        StoredState.Base base = first.base(8);

        // The next turn adds one fact, changes one, removes one and processes one more message.
        var next = new ArrayList<>(facts);
        next.set(10, fact(11, "学习十一次"));
        next.remove(20);
        next.add(fact(201, "新的一条"));
        SessionState changed = withFacts(next, ids).withSayId("m-201");
        StoredState.Encoded second = layout.encode(changed, base, 8);
        assertThat(second.changes().replace()).isFalse();
        assertThat(second.changes().set()).containsOnlyKeys("f-11", "f-201");
        assertThat(second.changes().removed()).containsExactly("f-21");
        assertThat(second.idChanges().replace()).isFalse();
        assertThat(second.idChanges().added()).containsExactly("m-201");
        // The fact order is a few runs, not a field a fact.
        assertThat(second.data().length()).isLessThan(first.data().length() + 50);
        assertThat(second.data()).doesNotContain("学习");
        assertThat(layout.readBack(second)).isEqualTo(changed);

        // At another revision than the one it was read at, the commit rewrites the facts whole.
        assertThat(layout.encode(changed, base, 9).changes().replace()).isTrue();
    }

    @Test
    void whatIsStoredLoadsBackEqual() {
        var facts = List.of(fact(3, "甲"), fact(1, "乙"), fact(2, "丙"), fact(4, "丁"), fact(5, "戊"), fact(6, "己"),
                new Fact("f-6", "study", "同号的第二条", List.of(), "m", null), new Fact("x-007", "study", "零开头", List.of(), "m", null));
        SessionState state = withFacts(facts, List.of("a", "b"));
        StoredState.Encoded stored = layout.encode(state, null, 0);
        var hash = new java.util.HashMap<>(stored.changes().set());
        assertThat(hash).containsKeys("f-6", "f-6#2", "x-007");
        StoredState.Decoded back = layout.decode("s", 1, stored.data(), hash, json.writeValueAsString(stored.ids()), true);
        assertThat(back.state()).isEqualTo(state);
        assertThat(back.base().fields()).containsOnlyKeys(hash.keySet());
    }

    @Test
    void runsOfNumberedFieldsAreListedAsRanges() {
        var names = List.of("f-1", "f-2", "f-3", "f-9", "f-4", "f-5", "f-6", "f-7", "g-01", "g-02", "g-03", "f-8");
        ArrayNode out = json.createArrayNode();
        StoredState.compress(names, out);
        assertThat(out.toString()).isEqualTo("[[\"f-\",1,3],\"f-9\",[\"f-\",4,7],\"g-01\",\"g-02\",\"g-03\",\"f-8\"]");
        assertThat(StoredState.expand(out)).isEqualTo(names);
    }

    @Test
    void theSayIdsToAppendAreFoundOrTheListIsReplaced() {
        var full = IntStream.rangeClosed(1, SessionState.REMEMBERED_SAY_IDS).mapToObj(i -> "m-" + i).toList();
        var shifted = new ArrayList<>(full.subList(1, full.size()));
        shifted.add("m-new");
        assertThat(StoredState.idChanges(full, shifted).added()).containsExactly("m-new");
        assertThat(StoredState.idChanges(List.of("a"), List.of("a", "b", "c")).added()).containsExactly("b", "c");
        assertThat(StoredState.idChanges(List.of("a", "b"), List.of("a", "b")).added()).isEmpty();
        // Not made by appending: replaced whole.
        var replaced = StoredState.idChanges(List.of("a", "b"), List.of("b", "c"));
        assertThat(replaced.replace()).isTrue();
        assertThat(replaced.added()).containsExactly("b", "c");
        assertThat(StoredState.idChanges(null, List.of("x")).replace()).isTrue();
    }
}
