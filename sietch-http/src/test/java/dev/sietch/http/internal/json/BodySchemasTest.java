package dev.sietch.http.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** How record components become JSON Schema, and the bodies it refuses to describe. */
final class BodySchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    record SampleBody(
            @JsonProperty("name") String name,
            @JsonProperty("note") Optional<String> note,
            @JsonProperty("count") long count,
            @JsonProperty("amount") BigDecimal amount,
            @JsonProperty("tags") List<String> tags,
            @JsonProperty("totals") Map<String, Integer> totals,
            @JsonProperty("child") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Child child) {}

    record Child(@JsonProperty("on") boolean on, @JsonProperty("children") List<Child> children) {}

    record Unnamed(String name) {}

    record Unsupported(@JsonProperty("set") Set<java.time.Instant> set) {}

    @Test
    void describesEachComponentByItsTypeAndInclusion_recordsByReference() throws Exception {
        var schemas = new BodySchemas();

        Schema body = schemas.of(SampleBody.class);

        assertThat(JSON.writeValueAsString(body)).isEqualTo("{\"$ref\":\"#/components/schemas/Sample\"}");
        assertThat(schemas.components().keySet()).containsExactly("Sample", "Child");
        assertThat(JSON.writeValueAsString(schemas.components().get("Sample"))).isEqualTo("{\"type\":\"object\","
                + "\"required\":[\"name\",\"note\",\"count\",\"amount\",\"tags\",\"totals\"],\"properties\":{"
                + "\"name\":{\"type\":\"string\"},\"note\":{\"type\":[\"string\",\"null\"]},\"count\":{\"type\":\"integer\"},"
                + "\"amount\":{\"type\":\"number\"},\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},"
                + "\"totals\":{\"type\":\"object\",\"additionalProperties\":{\"type\":\"integer\"}},"
                + "\"child\":{\"$ref\":\"#/components/schemas/Child\"}},\"additionalProperties\":false}");
        assertThat(JSON.writeValueAsString(schemas.components().get("Child"))).contains(
                "\"children\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/Child\"}}");
    }

    @Test
    void refusesComponentsWithoutAnExplicitKeyOrOfATypeItCannotDescribe() {
        assertThatThrownBy(() -> new BodySchemas().of(Unnamed.class)).hasMessageContaining("has no @JsonProperty name");
        assertThatThrownBy(() -> new BodySchemas().of(Unsupported.class)).hasMessageContaining("java.time.Instant");
    }
}
