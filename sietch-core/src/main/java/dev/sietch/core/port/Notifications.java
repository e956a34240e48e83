package dev.sietch.core.port;

import dev.sietch.core.model.AlertFrequency;
import dev.sietch.core.model.AlertType;
import dev.sietch.core.model.MemberId;
import dev.sietch.core.model.QueuedAlert;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Members' alert preferences and the alert history. Implemented by the store. */
public interface Notifications {

    /** The member's preferences, created with the defaults if they have none. */
    Preferences preferences(MemberId memberId, Instant now);

    /** Applies the given fields (absent ones stay) and returns the result. */
    Preferences update(MemberId memberId, Change change, Instant now);

    /** Newest first. */
    List<Alert> history(String recipientId, int limit, Optional<String> type);

    /** @param weekStart the start of the current week (Monday 00:00 UTC) */
    Stats stats(Instant weekStart);

    /** Sets every member's weekly count to 0 and writes {@code admin_reset_alert_counters}; returns how many rows. */
    int resetCounters(String triggeredBy, Instant at);

    /** Records an alert (and, when delivered, counts it against the member's week). */
    Alert record(NewAlert alert, Instant at);

    long sentCount();

    /**
     * Starts the alert week at {@code weekStart} (Monday 00:00 UTC): every member's weekly count back
     * to 0 and a {@code weekly_reset} audit row, once per week; nothing else (sync health included)
     * is touched. Returns how many members were reset, or empty when this week was reset already.
     */
    Optional<Integer> resetWeek(Instant weekStart, Instant at);

    /** Queued alerts whose delivery is due (not delivered, not given up, retry time passed), oldest first. */
    List<Pending> due(Instant now, int limit);

    /**
     * The alert reached its recipient: counted against the member's week (the {@link #CRITICAL}
     * types are not) and audited as {@code alert_sent}.
     */
    void markDelivered(long alertId, Instant at);

    /** A failed attempt: tried again at {@code retryAt}, or (empty) given up with {@code error}. */
    void markFailed(long alertId, String error, Optional<Instant> retryAt, Instant at);

    /** A queued alert, to a member or (a waitlist alert) to a Discord user on the waitlist. */
    record Pending(long id, QueuedAlert.Recipient recipient, String type, String dataJson, int attempts) {
        public Pending {
            Objects.requireNonNull(recipient, "recipient");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(dataJson, "dataJson");
        }
    }

    /** Alerts sent whatever the preferences and the weekly cap ({@link AlertType#critical()}). */
    java.util.Set<String> CRITICAL = java.util.Arrays.stream(AlertType.values()).filter(AlertType::critical)
            .map(AlertType::wireName).collect(java.util.stream.Collectors.toUnmodifiableSet());

    record Preferences(boolean positionUpdates, boolean atRiskWarnings, boolean naibAlerts, AlertFrequency frequency,
            int alertsSentThisWeek) {}

    record Change(Optional<Boolean> positionUpdates, Optional<Boolean> atRiskWarnings, Optional<Boolean> naibAlerts,
            Optional<AlertFrequency> frequency) {}

    record Alert(long id, String recipientId, String type, boolean delivered, Optional<String> deliveryError,
            Instant sentAt, String dataJson) {}

    /**
     * @param dataJson the alert's data, a JSON object
     * @param testBy the administrator who asked for it, for a test alert (audited as {@code admin_test_alert})
     */
    record NewAlert(QueuedAlert.Recipient recipient, String type, String dataJson, boolean delivered,
            Optional<String> deliveryError, Optional<String> testBy) {
        public NewAlert {
            Objects.requireNonNull(recipient, "recipient");
            if (!TYPES.contains(type)) {
                throw new IllegalArgumentException("unknown alert type " + type);
            }
            Objects.requireNonNull(dataJson, "dataJson");
            Objects.requireNonNull(deliveryError, "deliveryError");
            Objects.requireNonNull(testBy, "testBy");
        }

        /** The recipient's id as stored. */
        public String recipientId() {
            return recipient.wire();
        }

        public boolean member() {
            return recipient instanceof QueuedAlert.ToMember;
        }
    }

    List<String> TYPES = AlertType.wireNames();

    record Stats(long total, long thisWeek, Map<String, Long> byType, long delivered, long preferences,
            long positionUpdatesDisabled, long atRiskWarningsDisabled) {
        public Stats {
            byType = Map.copyOf(byType);
        }
    }
}
