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

    /** Calls {@code onCommit(sessionId, lastSeq)} for every commit of the session, from any instance. */
    public void listen(String sessionId, BiConsumer<String, Long> onCommit) {
        listening.computeIfAbsent(sessionId, id -> {
            MessageListener l = (Message message, byte[] pattern) -> {
                try {
                    onCommit.accept(id, Long.parseLong(new String(message.getBody(), StandardCharsets.UTF_8)));
                } catch (RuntimeException e) {
                    log.debug("notify for {} ignored: {}", SessionKeys.logId(id), e.getMessage());
                }
            };
            container.addMessageListener(l, new ChannelTopic(SessionKeys.notify(id)));
            return l;
        });
    }

    public void stopListening(String sessionId) {
        MessageListener l = listening.remove(sessionId);
        if (l != null) container.removeMessageListener(l, new ChannelTopic(SessionKeys.notify(sessionId)));
    }

    @Override
    public void close() throws Exception {
        container.stop();
        container.destroy();
    }
}
