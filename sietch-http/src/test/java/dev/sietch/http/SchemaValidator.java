package dev.sietch.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks JSON values against the subset of JSON Schema 2020-12 that {@code /openapi.json} emits:
 * {@code $ref} (to {@code #/components/schemas/…}), {@code type} (a name or a list of names),
 * {@code required}, {@code properties}, {@code additionalProperties} ({@code false} or a schema) and
 * {@code items}. Any other keyword is an error, so the document cannot outgrow what is checked.
 */
final class SchemaValidator {

    private static final Set<String> KEYWORDS = Set.of("$ref", "type", "required", "properties",
            "additionalProperties", "items");
    private static final String REF_PREFIX = "#/components/schemas/";

    private final JsonNode components;

    /** @param document an OpenAPI document, whose {@code components.schemas} references resolve to */
    SchemaValidator(JsonNode document) {
        this.components = document.path("components").path("schemas");
    }

    /** Where {@code value} breaks {@code schema}, one message each ({@code $.a[0].b: …}); empty when it conforms. */
    List<String> violations(JsonNode schema, JsonNode value) {
        var found = new ArrayList<String>();
        check(schema, value, "$", found);
        return found;
    }

    private void check(JsonNode schema, JsonNode value, String at, List<String> found) {
        if (!schema.isObject()) {
            throw new IllegalArgumentException(at + ": a schema is an object: " + schema);
        }
        schema.fieldNames().forEachRemaining(keyword -> {
            if (!KEYWORDS.contains(keyword)) {
                throw new IllegalArgumentException(at + ": unsupported keyword " + keyword);
            }
        });
        if (schema.has("$ref")) {
            if (schema.size() != 1) {
                throw new IllegalArgumentException(at + ": $ref stands alone: " + schema);
            }
            check(resolve(schema.get("$ref").asText()), value, at, found);
            return;
        }
        if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
            found.add(at + ": " + kind(value) + " where " + schema.get("type") + " is documented");
            return;
        }
        if (value.isObject()) {
            object(schema, value, at, found);
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), at + "[" + i + "]", found);
            }
        }
    }

    private void object(JsonNode schema, JsonNode value, String at, List<String> found) {
        for (JsonNode key : schema.path("required")) {
            if (!value.has(key.asText())) {
                found.add(at + ": required key " + key.asText() + " is missing");
            }
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        value.properties().forEach(entry -> {
            String where = at + "." + entry.getKey();
            if (properties.has(entry.getKey())) {
                check(properties.get(entry.getKey()), entry.getValue(), where, found);
            } else if (additional.isBoolean() && !additional.asBoolean()) {
                found.add(where + ": the key is not documented");
            } else if (additional.isObject()) {
                check(additional, entry.getValue(), where, found);
            }
        });
    }

    private JsonNode resolve(String ref) {
        if (!ref.startsWith(REF_PREFIX) || !components.has(ref.substring(REF_PREFIX.length()))) {
            throw new IllegalArgumentException("unresolved reference " + ref);
        }
        return components.get(ref.substring(REF_PREFIX.length()));
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isTextual()) {
            return is(type.asText(), value);
        }
        for (JsonNode name : type) {
            if (is(name.asText(), value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean is(String type, JsonNode value) {
        return switch (type) {
            case "null" -> value.isNull();
            case "boolean" -> value.isBoolean();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "string" -> value.isTextual();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    private static String kind(JsonNode value) {
        return value.isIntegralNumber() ? "integer " + value : value.isNumber() ? "number " + value
                : value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
