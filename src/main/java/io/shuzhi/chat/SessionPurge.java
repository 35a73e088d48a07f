package io.shuzhi.chat;

import io.shuzhi.session.SessionProperties;
import io.shuzhi.session.SessionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The operator's purge ({@code shuzhi.session.purge-older-than}, e.g. {@code 7d}): every session whose last activity
 * is older is deleted — at startup, then every {@code shuzhi.session.purge-every} — like a writer's delete (every key,
 * open tabs told and closed). Sessions stored under a longer TTL do not wait for it to run out. Several instances may
 * all run it: a delete of a session already gone does nothing.
 */
@Component
class SessionPurge implements ApplicationListener<ApplicationReadyEvent> {
    private static final Logger log = LoggerFactory.getLogger(SessionPurge.class);
    private final SessionStore store;
    private final TurnRunner turns;
    private final SessionProperties props;
    private final Clock clock = Clock.systemUTC();
    private ScheduledExecutorService timer;

    SessionPurge(SessionStore store, TurnRunner turns, SessionProperties props) {
        this.store = store;
        this.turns = turns;
        this.props = props;
    }

    @Override
    public synchronized void onApplicationEvent(ApplicationReadyEvent event) {
        if (props.purgeOlderThan() == null || timer != null) return;
        log.info("retention purge on: sessions idle longer than {} are deleted now and every {}",
                props.purgeOlderThan(), props.purgeEvery());
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "session-purge");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::runQuietly, 0, props.purgeEvery().toSeconds(), TimeUnit.SECONDS);
    }

    private void runQuietly() {
        try {
            purge(props.purgeOlderThan());
        } catch (RuntimeException e) {
            // Redis away: the next run tries again; the TTL keeps working meanwhile.
            log.warn("retention purge failed, next try in {}: {}", props.purgeEvery(), e.getMessage());
        }
    }

    /** Deletes every session idle longer than {@code olderThan}; returns how many were deleted. */
    int purge(Duration olderThan) {
        Instant now = clock.instant();
        List<String> old = store.idleSince(now.minus(olderThan), now);
        int deleted = 0;
        for (String id : old) {
            try {
                if (turns.delete(id, "deleted by the retention purge (idle longer than " + olderThan + ")")
                        .get(30, TimeUnit.SECONDS)) {
                    deleted++;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                log.warn("retention purge: a session could not be deleted now ({}); next run tries again",
                        e.getMessage());
            }
        }
        if (!old.isEmpty() || log.isDebugEnabled()) {
            log.info("retention purge: {} sessions idle longer than {} deleted", deleted, olderThan);
        }
        return deleted;
    }

    @PreDestroy
    synchronized void stop() {
        if (timer != null) timer.shutdownNow();
    }
}
