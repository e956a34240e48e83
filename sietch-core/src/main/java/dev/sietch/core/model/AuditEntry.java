package dev.sietch.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A row of the audit log: an event type and flat data (strings, numbers, booleans or null).
 * Amounts are carried as decimal wei strings, never as floating point.
 */
public record AuditEntry(String type, Map<String, Object> data) {

    /**
     * Every event type the service writes, in the order the admin API lists them; the
     * audit-log filter accepts each, so every type that is written can be asked for.
     */
    public static final List<String> TYPES = List.of(
            "eligibility_update", "admin_override", "member_removed", "member_added", "naib_promotion",
            "naib_demotion", "grace_period_entered", "grace_period_exited",
            "admin_badge_award", "admin_badge_revoke", "admin_test_alert", "admin_reset_alert_counters",
            "alert_sent", "naib_seats_evaluated", "weekly_reset", "waitlist_registration", "waitlist_unregistration",
            "waitlist_eligible", "role_assigned", "role_removed", "migration_prompt_sent", "wallet_linked",
            "badge_awarded", "legacy_import");

    public AuditEntry {
        Objects.requireNonNull(type, "type");
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
        for (Object value : data.values()) {
            if (!(value == null || value instanceof String || value instanceof Number || value instanceof Boolean)) {
                throw new IllegalArgumentException("audit data must be flat: " + value.getClass());
            }
        }
    }

    /**
     * Flat data (as audit rows and alerts carry it) from alternating keys and values, in that order;
     * unlike {@code Map.of}, it keeps null values.
     */
    public static Map<String, Object> data(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
