package dev.sietch.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every route, called on a populated store with its caller's credentials, answers a body that the
 * schema {@code /openapi.json} documents for that status and media type accepts: required keys
 * present, no key the schema does not list, and each value of its documented type.
 */
final class ResponseSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final TestApi api = TestApi.withWalletLinking();

    @Test
    void everyResponseBodyMatchesTheSchemaDocumentedForIt() throws Exception {
        // GIVEN a community with something in every table, and the document describing the API
        var samples = new ApiSamples(api);
        var requests = samples.populate();
        JsonNode document = JSON.readTree(api.get("/openapi.json").body());
        var validator = new SchemaValidator(document);
        Set<String> succeeded = new TreeSet<>();

        for (ApiSamples.Sample sample : requests) {
            // WHEN
            var response = samples.send(sample);

            // THEN
            String where = sample.method() + " " + sample.path() + " -> " + response.statusCode();
            JsonNode responses = document.path("paths").path(sample.template())
                    .path(sample.method().toLowerCase(Locale.ROOT)).path("responses");
            assertThat(responses.isObject()).as(where + " is documented").isTrue();
            String status = Integer.toString(response.statusCode());
            JsonNode documented = responses.has(status) ? responses.get(status) : responses.path("default");
            String mediaType = response.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
            JsonNode content = documented.path("content").path(mediaType);
            assertThat(content.isObject()).as(where + " documents " + mediaType).isTrue();
            if (mediaType.equals("application/json")) {
                assertThat(validator.violations(content.path("schema"), JSON.readTree(response.body())))
                        .as(where + ": " + response.body()).isEmpty();
            } else {
                assertThat(content.path("schema").path("type").asText()).as(where).isEqualTo("string");
            }
            if (response.statusCode() / 100 == 2) {
                succeeded.add(sample.method() + " " + sample.template());
            }
        }

        Set<String> operations = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(
                method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        assertThat(succeeded).as("operations that answered a success body").isEqualTo(operations);
    }

    @Test
    void schemasAreTheRecordsComponents_nullableWhereOptional_closedToOtherKeys() throws Exception {
        JsonNode schemas = JSON.readTree(api.get("/openapi.json").body()).path("components").path("schemas");

        assertThat(schemas.path("Error").toString()).isEqualTo("{\"type\":\"object\",\"required\":[\"error\"],"
                + "\"properties\":{\"error\":{\"type\":\"string\"}},\"additionalProperties\":false}");
        assertThat(schemas.path("Standing").toString()).isEqualTo("{\"type\":\"object\",\"required\":[\"address\","
                + "\"eligible\",\"rank\",\"role\",\"bgt_held\"],\"properties\":{\"address\":{\"type\":\"string\"},"
                + "\"eligible\":{\"type\":\"boolean\"},\"rank\":{\"type\":[\"integer\",\"null\"]},"
                + "\"role\":{\"type\":\"string\"},\"bgt_held\":{\"type\":[\"number\",\"null\"]}},"
                + "\"additionalProperties\":false}");
        assertThat(schemas.path("MemberList").path("properties").path("top_69").toString())
                .isEqualTo("{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/EligibleWallet\"}}");
        assertThat(schemas.path("AlertStats").path("properties").path("by_type").toString())
                .isEqualTo("{\"type\":\"object\",\"additionalProperties\":{\"type\":\"integer\"}}");
        assertThat(schemas.path("Operation").path("required").toString()) // parameters and requestBody may be left out
                .isEqualTo("[\"operationId\",\"summary\",\"security\",\"responses\"]");
    }
}
