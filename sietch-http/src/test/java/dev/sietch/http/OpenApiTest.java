package dev.sietch.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /openapi.json} describes exactly the routes the router answers. */
final class OpenApiTest {

    @RegisterExtension
    final TestApi api = new TestApi();

    @Test
    void documentListsTheSameRoutesAsTheRouter() throws Exception {
        var response = api.get("/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = new ObjectMapper().readTree(response.body());

        assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(document.path("info").path("version").asText()).isEqualTo("test");
        List<String> described = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(
                operation -> described.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
        assertThat(described).containsExactlyInAnyOrderElementsOf(api.api.routes());
        assertThat(api.api.routes()).contains("GET /eligibility/{address}", "POST /admin/override", "GET /openapi.json");
    }

    @Test
    void everyOperationDeclaresItsPathParametersSecurityAndResponses() throws Exception {
        JsonNode document = new ObjectMapper().readTree(api.get("/openapi.json").body());
        Pattern parameter = Pattern.compile("\\{([^}]+)}");

        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            JsonNode operation = entry.getValue();
            String where = entry.getKey() + " " + path.getKey();
            assertThat(operation.path("summary").asText()).as(where).isNotBlank();
            assertThat(operation.path("operationId").asText()).as(where).isNotBlank();
            assertThat(operation.path("responses").size()).as(where).isGreaterThanOrEqualTo(2);
            Matcher names = parameter.matcher(path.getKey());
            while (names.find()) {
                String name = names.group(1);
                boolean declared = false;
                for (JsonNode p : operation.path("parameters")) {
                    declared |= p.path("in").asText().equals("path") && p.path("name").asText().equals(name)
                            && p.path("required").asBoolean();
                }
                assertThat(declared).as(where + " declares " + name).isTrue();
            }
            if (path.getKey().startsWith("/admin/")) {
                assertThat(operation.path("security").toString()).as(where).contains("adminKey");
                assertThat(operation.path("responses").has("401")).as(where).isTrue();
            }
        }));
        assertThat(document.path("components").path("securitySchemes").path("adminKey").path("name").asText())
                .isEqualTo("X-API-Key");
    }
}
