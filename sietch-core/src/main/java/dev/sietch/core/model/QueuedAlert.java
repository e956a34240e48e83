package dev.sietch.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * An alert decided by a rule, for the store to queue (undelivered) and the bot to deliver.
 *
 * @param recipient a member, or (for a waitlist alert) a Discord user on the waitlist
 * @param data flat values for the DM (amounts as exact wei strings), in the order they are stored
 * @param waitlistRegistration the registration this alert answers, linked to it when queued
 */
public record QueuedAlert(Recipient recipient, AlertType type, Map<String, Object> data,
        OptionalLong waitlistRegistration) {

    /** Who an alert goes to. */
    public sealed interface Recipient {
        /** The id as stored with the alert. */
        String wire();
    }

    public record ToMember(MemberId memberId) implements Recipient {
        public ToMember {
            Objects.requireNonNull(memberId, "memberId");
        }

        @Override
        public String wire() {
            return memberId.value();
        }
    }

    public record ToWaitlisted(DiscordUserId discordUserId) implements Recipient {
        public ToWaitlisted {
            Objects.requireNonNull(discordUserId, "discordUserId");
        }

        @Override
        public String wire() {
            return discordUserId.wire();
        }
    }

    public QueuedAlert {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(type, "type");
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
        Objects.requireNonNull(waitlistRegistration, "waitlistRegistration");
    }

    public static QueuedAlert toMember(MemberId memberId, AlertType type, Map<String, Object> data) {
        return new QueuedAlert(new ToMember(memberId), type, data, OptionalLong.empty());
    }

    /** The alert that a waitlist registration's wallet reached the member ranks. */
    public static QueuedAlert toWaitlisted(DiscordUserId discordUserId, AlertType type, Map<String, Object> data,
            long registration) {
        return new QueuedAlert(new ToWaitlisted(discordUserId), type, data, OptionalLong.of(registration));
    }

    /** The recipient's id as stored: a member id, or a Discord user id. */
    public String recipientId() {
        return recipient.wire();
    }

    /** Whether the recipient is a member (else a Discord user on the waitlist). */
    public boolean member() {
        return recipient instanceof ToMember;
    }
}
