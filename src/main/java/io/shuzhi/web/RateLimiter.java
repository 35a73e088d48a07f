package io.shuzhi.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets by key (a connection, an address): {@code burst} frames at once, refilled at {@code perSecond}.
 * Buckets idle long enough to be full again are dropped, so the map stays as small as the set of active keys.
 */
final class RateLimiter {
    private final double burst;
    private final double perSecond;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private long lastSweep = System.nanoTime();

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    RateLimiter(double burst, double perSecond) {
        this.burst = burst;
        this.perSecond = perSecond;
    }

    /** Takes one token for {@code key}; false when the key is over its rate. */
    boolean tryAcquire(String key) {
        long now = System.nanoTime();
        sweep(now);
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + (now - b.at) / 1e9 * perSecond);
            b.at = now;
            if (b.tokens < 1) return false;
            b.tokens -= 1;
            return true;
        }
    }

    void forget(String key) {
        buckets.remove(key);
    }

    private void sweep(long now) {
        if (now - lastSweep < 60_000_000_000L) return;
        lastSweep = now;
        double refillNanos = burst / perSecond * 1e9;
        buckets.entrySet().removeIf(e -> now - e.getValue().at > refillNanos);
    }
}
