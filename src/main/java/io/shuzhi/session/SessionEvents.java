package io.shuzhi.session;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.PatternTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Cross-instance fan-out: every commit publishes its last seq on {@code shuzhi:{id}:notify}; each instance holds ONE
 * pattern subscription to every session's channel, made at startup and renewed by the listener container when Redis
 * comes back, and hands each notice to the hub, which drops those of sessions it has no tab for. No subscription per
 * session: attaching a tab costs no Redis command, and there is nothing per tab that can be silently missing.
 *
 * <p>Whether notices really arrive is checked, not assumed: every {@code shuzhi.session.fanout-check} this instance
 * publishes a probe on a channel of the same pattern and expects to hear it back before the next one. A probe not
 * heard counts in {@code shuzhi.fanout.lost}, sets the gauge {@code shuzhi.fanout.up} to 0 and logs once; two probes
 * published and not heard running subscribe again on a new connection; the next probe heard sets it back and logs
 * that too. While notices are lost, tabs still catch up on their next resume or
 * turn: nothing is lost in the log.
 */
@Component
public class SessionEvents implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SessionEvents.class);
    /** Not a session id (those are base64url): the probe's own channel under the same pattern. */
    static final String PROBE = "~probe";
    private static final String PATTERN = SessionKeys.PREFIX + "{*}:notify";

    private final RedisMessageListenerContainer container;
    private final StringRedisTemplate redis;
    private final ScheduledExecutorService probes;
    private final java.util.concurrent.ExecutorService subscriber;
    private final java.util.concurrent.ExecutorService notices;
    private final java.util.concurrent.atomic.AtomicBoolean subscribing = new java.util.concurrent.atomic.AtomicBoolean();
    private final String instance = UUID.randomUUID().toString();
    private final AtomicLong probeSent = new AtomicLong();
    private final AtomicLong probeHeard = new AtomicLong();
    private final Counter lost;
    private volatile boolean up = true;
    private volatile boolean lastPublished;
    private volatile int silentLosses;
    private volatile BiConsumer<String, Long> onCommit = (id, seq) -> { };

    SessionEvents(RedisConnectionFactory factory, MeterRegistry registry, SessionProperties props) {
        this.redis = new StringRedisTemplate(factory);
        this.lost = Counter.builder("shuzhi.fanout.lost")
                .description("fan-out probes this instance published and did not hear back").register(registry);
        Gauge.builder("shuzhi.fanout.up", this, e -> e.up ? 1 : 0)
                .description("1 while this instance hears cross-instance notices").register(registry);
        this.container = new RedisMessageListenerContainer();
        container.setConnectionFactory(factory);
        // Keep retrying in the background while Redis is away; never fail startup over it.
        container.setRecoveryInterval(2000L);
        // Notices are handed to the hub by two long-lived threads: the container's default starts a thread for every
        // message it receives (one per commit of any session, on every instance).
        this.notices = Executors.newFixedThreadPool(2, daemon("shuzhi-fanout-notice"));
        container.setTaskExecutor(notices);
        container.addMessageListener(this::heard, new PatternTopic(PATTERN));
        container.afterPropertiesSet();
        this.subscriber = Executors.newSingleThreadExecutor(daemon("shuzhi-fanout-subscribe"));
        this.probes = Executors.newSingleThreadScheduledExecutor(daemon("shuzhi-fanout-probe"));
        // Subscribing retries until Redis answers, on its own thread: startup never waits for Redis longer than this.
        try {
            subscribe(false).get(3, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            log.warn("cross-instance notices not subscribed yet (Redis does not answer); going on in the background");
        } catch (java.util.concurrent.ExecutionException e) {
            log.warn("cross-instance notices not subscribed yet: {}", e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long every = props.fanoutCheck().toMillis();
        if (every > 0) probes.scheduleWithFixedDelay(this::probe, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Calls {@code onCommit(sessionId, lastSeq)} for every commit of any session, from any instance, and
     * {@code onCommit(sessionId, -1)} when a session was deleted. One receiver (the hub).
     */
    public void onCommit(BiConsumer<String, Long> receiver) {
        this.onCommit = receiver;
    }

    private void heard(Message message, byte[] pattern) {
        String channel = new String(message.getChannel(), StandardCharsets.UTF_8);
        int open = channel.indexOf('{');
        int close = channel.lastIndexOf('}');
        if (open < 0 || close < open) return;
        String sessionId = channel.substring(open + 1, close);
        String body = new String(message.getBody(), StandardCharsets.UTF_8);
        if (PROBE.equals(sessionId)) {
            probeFrom(body);
            return;
        }
        try {
            // A deleted session: the commit listener hears it as seq -1.
            onCommit.accept(sessionId, SessionKeys.DELETED.equals(body) ? -1L : Long.parseLong(body));
        } catch (RuntimeException e) {
            log.debug("notify for {} ignored: {}", SessionKeys.logId(sessionId), e.getMessage());
        }
    }

    private void probeFrom(String body) {
        int colon = body.lastIndexOf(':');
        if (colon < 0 || !body.substring(0, colon).equals(instance)) return;
        try {
            probeHeard.accumulateAndGet(Long.parseLong(body.substring(colon + 1)), Math::max);
        } catch (NumberFormatException e) {
            // not ours
        }
    }

    /** Checks the last probe came back, then sends the next one. */
    void probe() {
        long sent = probeSent.get();
        boolean heardLast = sent == 0 || probeHeard.get() >= sent;
        if (!heardLast) {
            lost.increment();
            if (up) log.warn("cross-instance notices are not arriving (probe {} not heard back); tabs catch up on"
                    + " their next turn or resume meanwhile", sent);
            up = false;
            // Published, yet not heard, twice running: Redis answers but the subscription is gone without the client
            // knowing. A new one on a new connection. (While Redis is away, the client reconnects by itself.)
            if (lastPublished && ++silentLosses >= 2) {
                silentLosses = 0;
                log.warn("subscribing again for cross-instance notices");
                resubscribe();
            }
        } else {
            silentLosses = 0;
            if (!up) {
                log.info("cross-instance notices arrive again");
                up = true;
            }
        }
        long next = probeSent.incrementAndGet();
        try {
            redis.convertAndSend(SessionKeys.notify(PROBE), instance + ":" + next);
            lastPublished = true;
        } catch (RuntimeException e) {
            lastPublished = false;
            silentLosses = 0;
            log.debug("fan-out probe not sent: {}", e.getMessage());
        }
    }

    /** A new subscription on a new connection: the old one may look alive to the client and hear nothing. */
    private void resubscribe() {
        subscribe(true);
    }

    /**
     * Starts (or restarts) the subscription on the subscriber thread; the container retries there until Redis answers.
     * One at a time: while one is under way, another request is dropped.
     */
    private java.util.concurrent.Future<?> subscribe(boolean restart) {
        if (!subscribing.compareAndSet(false, true)) return java.util.concurrent.CompletableFuture.completedFuture(null);
        return subscriber.submit(() -> {
            try {
                if (restart) container.stop();
                container.start();
            } catch (RuntimeException e) {
                log.debug("subscribing failed, tried again at the next probe: {}", e.getMessage());
            } finally {
                subscribing.set(false);
            }
        });
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Whether the last probe was heard back (for tests and health). */
    boolean up() {
        return up;
    }

    @Override
    public void close() throws Exception {
        probes.shutdownNow();
        subscriber.shutdownNow();
        container.stop();
        container.destroy();
        notices.shutdownNow();
    }
}
