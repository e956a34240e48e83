package dev.sietch.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * An alert decided by a rule, for the store to queue (undelivered) and the bot to deliver.
 *
 * @param member whether {@code recipientId} is a member id (else a Discord user id on the waitlist)
 * @param data flat values for the DM (amounts as exact wei strings), in the order they are stored
 * @param waitlistRegistration the registration this alert answers, linked to it when queued
 */
public record QueuedAlert(String recipientId, boolean member, AlertType type, Map<String, Object> data,
        OptionalLong waitlistRegistration) {

    public QueuedAlert {
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(type, "type");
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
        Objects.requireNonNull(waitlistRegistration, "waitlistRegistration");
    }

    public static QueuedAlert toMember(String memberId, AlertType type, Map<String, Object> data) {
        return new QueuedAlert(memberId, true, type, data, OptionalLong.empty());
    }

    /** An insertion-ordered map from alternating keys and values that, unlike {@code Map.of}, keeps nulls. */
    public static Map<String, Object> data(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
