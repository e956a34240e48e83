package dev.sietch.store.internal;

import java.util.Map;

/** Writes an audit entry's flat data as a JSON object (strings, numbers, booleans, null). */
final class AuditJson {

    private AuditJson() {}

    static String object(Map<String, Object> data) {
        var json = new StringBuilder(64).append('{');
        boolean first = true;
        for (var entry : data.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            string(json, entry.getKey());
            json.append(':');
            Object value = entry.getValue();
            if (value == null) {
                json.append("null");
            } else if (value instanceof String text) {
                string(json, text);
            } else {
                json.append(value); // Number or Boolean
            }
        }
        return json.append('}').toString();
    }

    private static void string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
