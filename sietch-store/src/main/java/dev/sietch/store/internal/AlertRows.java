package dev.sietch.store.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** Queues an alert for the bot to deliver: an alert_history row not delivered and without an error. */
final class AlertRows {

    private AlertRows() {}

    /** @param member whether {@code recipient} is a member id (else a Discord id on the waitlist) */
    static long queue(Handle h, String recipient, boolean member, String type, Map<String, Object> data, String at) {
        return h.createUpdate("""
                        INSERT INTO alert_history (recipient_id, recipient_type, alert_type, alert_data, delivered, sent_at)
                        VALUES (:recipient, :kind, :type, :data, 0, :at)""")
                .bind("recipient", recipient).bind("kind", member ? "member" : "waitlist").bind("type", type)
                .bind("data", AuditJson.object(data)).bind("at", at)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** An insertion-ordered map from alternating keys and values (values may be null). */
    static Map<String, Object> data(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
