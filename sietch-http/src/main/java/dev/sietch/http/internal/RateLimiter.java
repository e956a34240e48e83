package dev.sietch.http.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed-window request counting per client key (express-rate-limit's semantics: a
 * key's window starts at its first request and lasts {@code window}). In memory, per process.
 * Expired windows are swept at most once per window, so the map holds only recently active keys.
 */
final class RateLimiter {

    /** One decision; {@code resetSeconds} is how long until the key's window ends (at least 1). */
    record Decision(boolean allowed, int limit, int remaining, long resetSeconds) {}

    private static final class Window {
        final long start;
        int count;

        Window(long start) {
            this.start = start;
        }
    }

    /** The most keys tracked at once; beyond this the table is emptied (bounded memory under a flood). */
    static final int MAX_KEYS = 100_000;

    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private volatile long lastSweep;
    private final String policy;

    RateLimiter(int limit, Duration window, Clock clock) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
        this.lastSweep = clock.millis();
        this.policy = limit + ";w=" + windowMillis / 1000;
    }

    int limit() {
        return limit;
    }

    long windowSeconds() {
        return windowMillis / 1000;
    }

    /** The {@code RateLimit-Policy} header value, e.g. {@code 100;w=60}. */
    String policy() {
        return policy;
    }

    Decision acquire(String key) {
        long now = clock.millis();
        sweep(now);
        int[] seen = new int[1];
        Window window = windows.compute(key, (k, current) -> {
            // a window that has run out, or that "starts" in the future (the clock stepped back), starts again
            Window next = current == null || now - current.start >= windowMillis || now < current.start
                    ? new Window(now)
                    : current;
            seen[0] = ++next.count; // compute runs atomically per key
            return next;
        });
        int count = seen[0];
        long reset = Math.max(1, (window.start + windowMillis - now + 999) / 1000);
        return new Decision(count <= limit, limit, Math.max(0, limit - count), reset);
    }

    private void sweep(long now) {
        boolean due = now - lastSweep >= windowMillis || now < lastSweep;
        if (!due && windows.size() < MAX_KEYS) {
            return;
        }
        lastSweep = now;
        windows.values().removeIf(window -> now - window.start >= windowMillis || now < window.start);
        if (windows.size() >= MAX_KEYS) {
            // more live clients than the table holds (an address-spraying flood): start afresh rather than grow
            windows.clear();
        }
    }

    /** Keys with a live window (for tests of the sweep). */
    int trackedKeys() {
        return windows.size();
    }
}
