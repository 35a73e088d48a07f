package io.shuzhi.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The turn's rules: state changes only through update, and a rebase replays exactly the changes since the commit. */
class TurnTest {

    /** A committer that accepts every commit and records the state it was given. */
    private static final class Recorder implements Turn.Committer {
        final List<SessionState> committed = new ArrayList<>();
        long rev = 1;

        @Override
        public long commit(Turn turn) {
            SessionState next = turn.state().advanced(turn.frames().size(), 0);
            committed.add(next);
            turn.committed(++rev, next);
            return rev;
        }
    }

    @Test
    void rebaseReplaysTheChangesMadeSinceTheLastCommitOntoTheNewerState() {
        var recorder = new Recorder();
        var turn = new Turn("s", null, 1, SessionState.start("s", "kind-a", 0), recorder);
        turn.update(s -> s.withSayId("m1"));
        turn.assistant("first", List.of());
        turn.flush();
        assertThat(turn.frames()).isEmpty();

        // After the commit: one more change; meanwhile another writer stored a state that saw a message m9.
        turn.update(s -> s.withSayId("m2"));
        SessionState newer = recorder.committed.get(0).withSayId("m9");

        assertThat(turn.rebase(7, newer)).isTrue();
        assertThat(turn.rev()).isEqualTo(7);
        assertThat(turn.state().seen("m9")).as("the other writer's change is kept").isTrue();
        assertThat(turn.state().seen("m2")).as("this turn's change since its commit is replayed").isTrue();
        assertThat(turn.state().seen("m1")).as("from the committed part").isTrue();
    }

    @Test
    void aTurnThatHasNotCommittedCannotRebase() {
        var turn = new Turn("s", null, 1, SessionState.start("s", "kind-a", 0), new Recorder());
        turn.update(s -> s.withSayId("m1"));
        assertThat(turn.rebase(2, SessionState.start("s", "kind-a", 0))).isFalse();
        assertThat(turn.state().seen("m1")).isTrue();
        assertThat(turn.rev()).isEqualTo(1);
    }

    @Test
    void whatTheCommitterReadsCannotBeChangedFromOutside() {
        var turn = new Turn("s", null, 1, SessionState.start("s", "kind-a", 0), new Recorder());
        turn.assistant("hi", List.of("a"));
        assertThat(turn.frames()).hasSize(3);
        assertThat(turn.chat()).hasSize(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> turn.frames().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
