package io.shuzhi.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.shuzhi.session.SessionKeys;
import io.shuzhi.session.SessionStore;
import io.shuzhi.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The state a turn keeps for the session's next turn: Redis sends only the revision when the caller's copy is the
 * stored one (same revision, same data), and the whole state when anything else wrote it — a commit elsewhere or a
 * hand edit of the data.
 */
class StateCacheTest extends IntegrationTest {
    @Autowired
    SessionStore store;

    @Test
    void aLoadAtTheStoredRevisionAndDataSendsOnlyTheRevision() {
        try (var tab = connect()) {
            String id = newSession(tab);
            tab.say("m-1", "我是机关第一党支部书记，写的是2025年度的述职。");
            tab.reply();
            var whole = store.load(id).orElseThrow();
            assertThat(whole.unchanged()).isFalse();
            assertThat(whole.data()).isNotBlank();

            var same = store.load(id, whole.rev(), SessionStore.sha1(whole.data())).orElseThrow();
            assertThat(same.unchanged()).isTrue();
            assertThat(same.rev()).isEqualTo(whole.rev());
            assertThat(same.facts()).isEmpty();

            // Another revision, or other data at the same revision: the whole state comes back.
            var older = store.load(id, whole.rev() - 1, SessionStore.sha1(whole.data())).orElseThrow();
            assertThat(older.unchanged()).isFalse();
            assertThat(older.data()).isEqualTo(whole.data());
            redis.opsForHash().put(SessionKeys.state(id), "data", whole.data().replace("2025", "2024"));
            var edited = store.load(id, whole.rev(), SessionStore.sha1(whole.data())).orElseThrow();
            assertThat(edited.unchanged()).isFalse();
            assertThat(edited.data()).contains("2024");

            assertThat(store.load("no-such-session", 3, SessionStore.sha1("{}"))).isEmpty();
        }
    }

    @Test
    void sha1IsWhatRedisComputesOfTheStoredUtf8() {
        String KEY = "shuzhi-test:sha1:" + java.util.UUID.randomUUID();
        String data = "{\"unit\":\"清河县第一中学党支部\",\"emoji\":\"🙂\"}";
        redis.opsForValue().set(KEY, data);
        Object inRedis = redis.execute(new org.springframework.data.redis.core.script.DefaultRedisScript<>(
                "return redis.sha1hex(redis.call('GET', KEYS[1]))", String.class), java.util.List.of(KEY));
        redis.delete(KEY);
        assertThat(SessionStore.sha1(data)).isEqualTo(inRedis);
    }

    @Test
    void theCacheKeepsTheMostRecentlyUsedSessionsUpToItsSize() {
        var cache = new StateCache(2);
        var entry = new StateCache.Entry(1, "x", null, null);
        cache.put("a", entry);
        cache.put("b", entry);
        assertThat(cache.get("a")).isSameAs(entry);
        cache.put("c", entry);
        assertThat(cache.get("b")).isNull();
        assertThat(cache.get("a")).isSameAs(entry);
        assertThat(cache.count()).isEqualTo(2);

        var off = new StateCache(0);
        off.put("a", entry);
        assertThat(off.get("a")).isNull();
    }
}
