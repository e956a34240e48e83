package dev.sietch.http.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code GET /openapi.json}: the parts of an OpenAPI 3.1 document this API uses. */
public record OpenApiDocument(
        @JsonProperty("openapi") String openapi,
        @JsonProperty("info") Info info,
        @JsonProperty("paths") Map<String, Map<String, Operation>> paths,
        @JsonProperty("components") Components components) {

    public record Info(
            @JsonProperty("title") String title,
            @JsonProperty("version") String version,
            @JsonProperty("description") String description) {}

    public record Components(
            @JsonProperty("securitySchemes") Map<String, SecurityScheme> securitySchemes,
            @JsonProperty("schemas") Map<String, Schema> schemas) {}

    /** An API key in a header ({@code in}, {@code name}) or HTTP authentication ({@code scheme}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SecurityScheme(
            @JsonProperty("type") String type,
            @JsonProperty("in") @Nullable String in,
            @JsonProperty("name") @Nullable String name,
            @JsonProperty("scheme") @Nullable String scheme,
            @JsonProperty("description") @Nullable String description) {}

    /**
     * @param parameters left out when there are none
     * @param requestBody left out when the operation reads none
     * @param security the schemes any one of which authorises the call (empty: public)
     * @param responses by status code
     */
    public record Operation(
            @JsonProperty("operationId") String operationId,
            @JsonProperty("summary") String summary,
            @JsonProperty("parameters") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Parameter> parameters,
            @JsonProperty("requestBody") @JsonInclude(JsonInclude.Include.NON_NULL)
                    @Nullable RequestBodyObject requestBody,
            @JsonProperty("security") List<Map<String, List<String>>> security,
            @JsonProperty("responses") Map<String, Response> responses) {}

    public record Parameter(
            @JsonProperty("name") String name,
            @JsonProperty("in") String in,
            @JsonProperty("required") boolean required,
            @JsonProperty("schema") Schema schema) {}

    public record RequestBodyObject(
            @JsonProperty("required") boolean required,
            @JsonProperty("content") Map<String, MediaType> content) {}

    public record Response(
            @JsonProperty("description") String description,
            @JsonProperty("content") Map<String, MediaType> content) {}

    public record MediaType(@JsonProperty("schema") Schema schema) {}
}
