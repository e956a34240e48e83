package dev.sietch.discord;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Running totals of what the bot delivered from the outbox, for metrics. One instance can outlive
 * several bot sessions (pass the same one to each), so the totals only grow.
 */
public final class DeliveryStats {

    private final AtomicLong posts = new AtomicLong();
    private final AtomicLong directMessages = new AtomicLong();
    private final AtomicLong fallbacks = new AtomicLong();
    private final AtomicLong censusUpdates = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    /** Announcements posted to #the-door. */
    public long posts() {
        return posts.get();
    }

    /** Direct messages sent to members. */
    public long directMessages() {
        return directMessages.get();
    }

    /** Notices posted in the fallback channel for members who do not accept direct messages. */
    public long fallbacks() {
        return fallbacks.get();
    }

    /** Census messages posted or edited. */
    public long censusUpdates() {
        return censusUpdates.get();
    }

    /** Delivery attempts that failed and will be retried. */
    public long failures() {
        return failures.get();
    }

    /** Counts for the delivery code. */
    public enum Kind { POST, DIRECT_MESSAGE, FALLBACK, CENSUS, FAILURE }

    /** Counts one delivery of {@code kind}. */
    public void count(Kind kind) {
        (switch (kind) {
            case POST -> posts;
            case DIRECT_MESSAGE -> directMessages;
            case FALLBACK -> fallbacks;
            case CENSUS -> censusUpdates;
            case FAILURE -> failures;
        }).incrementAndGet();
    }
}
