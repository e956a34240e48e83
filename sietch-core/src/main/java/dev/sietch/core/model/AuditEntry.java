package dev.sietch.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A row of the audit log: an event type and flat data (strings, numbers, booleans or null).
 * Amounts are carried as decimal wei strings, never as floating point.
 */
public record AuditEntry(String type, Map<String, Object> data) {

    public AuditEntry {
        Objects.requireNonNull(type, "type");
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
        for (Object value : data.values()) {
            if (!(value == null || value instanceof String || value instanceof Number || value instanceof Boolean)) {
                throw new IllegalArgumentException("audit data must be flat: " + value.getClass());
            }
        }
    }
}
