package dev.sietch.store.internal;

import dev.sietch.core.model.QueuedAlert;
import org.jdbi.v3.core.Handle;

/** Queues an alert for the bot to deliver: an alert_history row not delivered and without an error. */
final class AlertRows {

    private AlertRows() {}

    /** Queues the alert; one answering a waitlist registration is linked to it. Returns the alert's id. */
    static long queue(Handle h, QueuedAlert alert, String at) {
        long id = h.createUpdate("""
                        INSERT INTO alert_history (recipient_id, recipient_type, alert_type, alert_data, delivered, sent_at)
                        VALUES (:recipient, :kind, :type, :data, 0, :at)""")
                .bind("recipient", alert.recipientId()).bind("kind", alert.member() ? "member" : "waitlist")
                .bind("type", alert.type().wireName())
                .bind("data", AuditJson.object(alert.data())).bind("at", at)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        if (alert.waitlistRegistration().isPresent()) {
            h.createUpdate("UPDATE waitlist_registration SET alert_id = :alert WHERE id = :id")
                    .bind("alert", id).bind("id", alert.waitlistRegistration().getAsLong()).execute();
        }
        return id;
    }
}
