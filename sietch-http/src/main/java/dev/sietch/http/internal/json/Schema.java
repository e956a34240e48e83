package dev.sietch.http.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One JSON Schema (2020-12, as OpenAPI 3.1 uses it), limited to what {@link BodySchemas} emits: a
 * reference, a type (or a type and {@code "null"}), an object's properties, an array's items.
 * Absent parts are left out; {@code {}} (every part absent) accepts any JSON.
 *
 * @param type a type name, or a list of them (a nullable value: {@code ["string", "null"]})
 * @param additionalProperties {@code false} (a closed object), or the schema of a map's values
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Schema(
        @JsonProperty("$ref") @Nullable String ref,
        @JsonProperty("type") @Nullable Object type,
        @JsonProperty("required") @Nullable List<String> required,
        @JsonProperty("properties") @Nullable Map<String, Schema> properties,
        @JsonProperty("additionalProperties") @Nullable Object additionalProperties,
        @JsonProperty("items") @Nullable Schema items) {

    public static final Schema ANY = new Schema(null, null, null, null, null, null);

    public static Schema ref(String component) {
        return new Schema("#/components/schemas/" + component, null, null, null, null, null);
    }

    public static Schema of(String type) {
        return new Schema(null, type, null, null, null, null);
    }

    /** An object with exactly these properties, of which {@code required} must be present. */
    public static Schema closed(List<String> required, Map<String, Schema> properties) {
        return new Schema(null, "object", List.copyOf(required), properties, false, null);
    }

    /** An object whose every value has the schema {@code values}. */
    public static Schema map(Schema values) {
        return new Schema(null, "object", null, null, values, null);
    }

    public static Schema array(Schema items) {
        return new Schema(null, "array", null, null, null, items);
    }

    /** The same schema, also accepting {@code null}. */
    public Schema orNull() {
        if (!(type instanceof String name)) {
            throw new IllegalStateException("only a schema of one type can be made nullable: " + this);
        }
        return new Schema(ref, List.of(name, "null"), required, properties, additionalProperties, items);
    }
}
