package dev.sietch.core.port;

import dev.sietch.core.model.EligibilityChange;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Announcements queued by a sync's transaction, for delivery after commit. A message is delivered
 * in two steps, each recorded as it completes so that a restart repeats neither: the direct message
 * to the member it concerns (or why there was none), then the channel post. Implemented by the store.
 */
public interface Outbox {

    /** Undelivered messages, oldest first, whether or not a retry is due. */
    List<Message> pending(int limit);

    /** Undelivered messages whose next attempt is due at {@code now}, oldest first. */
    List<Message> due(Instant now, int limit);

    /** How many messages are undelivered. */
    long pendingCount();

    /** Records the direct-message step as done (the message itself stays pending until posted). */
    void markDirectMessage(long id, DirectMessage outcome, Instant at);

    void markDelivered(long id, Instant at);

    /** Counts a failed delivery attempt; the message stays pending and is not due again before {@code retryAt}. */
    void markFailed(long id, Instant at, String error, Instant retryAt);

    /** What became of the direct message to the member a change concerns. */
    enum DirectMessage {
        /** Sent to the member. */
        SENT("sent"),
        /** The member does not accept direct messages; a short notice mentioned them in the fallback channel. */
        FALLBACK("fallback"),
        /** The member does not accept direct messages and no fallback channel is configured. */
        CLOSED("closed"),
        /** The member turned these messages off. */
        OPTED_OUT("opted_out"),
        /** No Discord account is linked to the wallet (or it is not in the guild). */
        NO_RECIPIENT("no_recipient"),
        /** The change is not one members are messaged about. */
        NOT_NEEDED("not_needed");

        private final String wireName;

        DirectMessage(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static DirectMessage fromWireName(String wireName) {
            for (DirectMessage value : values()) {
                if (value.wireName.equals(wireName)) {
                    return value;
                }
            }
            throw new IllegalArgumentException("unknown direct message outcome " + wireName);
        }
    }

    /** @param directMessage the direct-message step's outcome, empty until it is done */
    record Message(long id, long syncId, EligibilityChange change, Instant createdAt, int attempts,
            Optional<DirectMessage> directMessage) {
        public Message {
            Objects.requireNonNull(change, "change");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(directMessage, "directMessage");
        }
    }
}
