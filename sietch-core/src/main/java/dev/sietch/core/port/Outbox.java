package dev.sietch.core.port;

import dev.sietch.core.model.EligibilityChange;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Announcements queued by a sync's transaction, for delivery after commit. Implemented by the store. */
public interface Outbox {

    /** Undelivered messages, oldest first. */
    List<Message> pending(int limit);

    void markDelivered(long id, Instant at);

    /** Counts a failed delivery attempt; the message stays pending. */
    void markFailed(long id, Instant at, String error);

    record Message(long id, long syncId, EligibilityChange change, Instant createdAt, int attempts) {
        public Message {
            Objects.requireNonNull(change, "change");
            Objects.requireNonNull(createdAt, "createdAt");
        }
    }
}
