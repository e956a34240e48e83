package dev.sietch.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The response-schema check finds each kind of mismatch it is relied on for. */
final class SchemaValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOCUMENT = """
            {"components": {"schemas": {
              "Page": {"type": "object", "required": ["items", "total"], "additionalProperties": false,
                       "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}},
                                      "total": {"type": "integer"},
                                      "counts": {"type": "object", "additionalProperties": {"type": "integer"}}}},
              "Item": {"type": "object", "required": ["name", "note"], "additionalProperties": false,
                       "properties": {"name": {"type": "string"}, "note": {"type": ["string", "null"]},
                                      "amount": {"type": "number"}, "data": {}}}}}}
            """;

    private final SchemaValidator validator = new SchemaValidator(json(DOCUMENT));
    private final JsonNode page = json("{\"$ref\": \"#/components/schemas/Page\"}");

    @Test
    void acceptsAConformingValue_nullWhereAllowed_anyJsonWhereAnythingGoes() {
        assertThat(validator.violations(page, json("""
                {"items": [{"name": "a", "note": null, "amount": 1.5, "data": [1, {"x": true}]},
                           {"name": "b", "note": "n", "amount": 2}],
                 "total": 2, "counts": {"a": 1}}"""))).isEmpty();
    }

    @Test
    void reportsMissingAndUndocumentedKeys_wrongTypes_andWhereTheyAre() {
        assertThat(validator.violations(page, json("""
                {"items": [{"name": 1, "note": null}, {"note": "n", "extra": 0}, {"name": "c", "note": false}],
                 "total": 2.5, "counts": {"a": "1"}, "more": []}""")))
                .containsExactlyInAnyOrder(
                        "$.items[0].name: integer 1 where \"string\" is documented",
                        "$.items[1]: required key name is missing",
                        "$.items[1].extra: the key is not documented",
                        "$.items[2].note: boolean where [\"string\",\"null\"] is documented",
                        "$.total: number 2.5 where \"integer\" is documented",
                        "$.counts.a: string where \"integer\" is documented",
                        "$.more: the key is not documented");
        assertThat(validator.violations(page, json("null"))).containsExactly("$: null where \"object\" is documented");
    }

    @Test
    void refusesSchemasItCannotCheck() {
        assertThatThrownBy(() -> validator.violations(json("{\"type\": \"string\", \"pattern\": \"x\"}"), json("\"x\"")))
                .hasMessageContaining("unsupported keyword pattern");
        assertThatThrownBy(() -> validator.violations(json("{\"$ref\": \"#/components/schemas/Nope\"}"), json("1")))
                .hasMessageContaining("unresolved reference");
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
