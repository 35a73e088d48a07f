package io.shuzhi.chat;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the turns of one session in order and different sessions in parallel, off the WebSocket threads: each
 * session has a tail future and a new turn is chained after it on a shared pool.
 */
final class SessionLanes implements AutoCloseable {
    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();
    private final ExecutorService pool;

    SessionLanes(int threads) {
        var counter = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "turn-" + counter.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    void submit(String sessionId, Runnable turn) {
        CompletableFuture<Void> next = tails.compute(sessionId, (k, tail) -> {
            CompletableFuture<Void> start = tail == null ? CompletableFuture.completedFuture(null) : tail;
            return start.thenRunAsync(turn, pool).exceptionally(e -> null);
        });
        // Outside compute: a turn that already finished would otherwise update the map from inside its own update.
        next.whenComplete((v, e) -> tails.remove(sessionId, next));
    }

    /** Runs work that needs no ordering with the session's turns (a resume: it only reads). */
    void runNow(Runnable work) {
        pool.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                // the task reports its own errors; never let one kill a pool thread silently
            }
        });
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
