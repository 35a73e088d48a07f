package io.shuzhi.session;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Cross-instance fan-out: every commit publishes its last seq on {@code shuzhi:{id}:notify}; an instance listens
 * on the channels of the sessions it has tabs for, and fetches from the event stream what its tabs miss.
 */
@Component
public class SessionEvents implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SessionEvents.class);
    private final RedisMessageListenerContainer container;
    private final Map<String, MessageListener> listening = new ConcurrentHashMap<>();

    public SessionEvents(RedisConnectionFactory factory) {
        this.container = new RedisMessageListenerContainer();
        container.setConnectionFactory(factory);
        // Keep retrying in the background while Redis is away; never fail startup over it.
        container.setRecoveryInterval(2000L);
        container.afterPropertiesSet();
        container.start();
    }

    /**
     * Calls {@code onCommit(sessionId, lastSeq)} for every commit of the session, from any instance, and
     * {@code onCommit(sessionId, -1)} when the session was deleted. Normally the
     * subscription is in place when this returns, so a resuming tab misses no notice; when Redis pub/sub is broken it
     * never fails the caller: fan-out is best effort (a tab that misses a notice is caught up by the next one, or when
     * it resumes), and the next tab that attaches tries again.
     */
    public void listen(String sessionId, BiConsumer<String, Long> onCommit) {
        MessageListener l = (Message message, byte[] pattern) -> {
            try {
                String body = new String(message.getBody(), StandardCharsets.UTF_8);
                // A deleted session: the commit listener hears it as seq -1.
                onCommit.accept(sessionId, SessionKeys.DELETED.equals(body) ? -1L : Long.parseLong(body));
            } catch (RuntimeException e) {
                log.debug("notify for {} ignored: {}", SessionKeys.logId(sessionId), e.getMessage());
            }
        };
        if (listening.putIfAbsent(sessionId, l) != null) return;
        try {
            container.addMessageListener(l, new ChannelTopic(SessionKeys.notify(sessionId)));
        } catch (RuntimeException e) {
            listening.remove(sessionId, l);
            log.warn("session {}: no cross-instance notices for now: {}", SessionKeys.logId(sessionId), e.getMessage());
        }
    }

    public void stopListening(String sessionId) {
        MessageListener l = listening.remove(sessionId);
        if (l == null) return;
        try {
            container.removeMessageListener(l, new ChannelTopic(SessionKeys.notify(sessionId)));
        } catch (RuntimeException e) {
            log.debug("session {}: unsubscribe failed: {}", SessionKeys.logId(sessionId), e.getMessage());
        }
    }

    @Override
    public void close() throws Exception {
        container.stop();
        container.destroy();
    }
}
