package dev.sietch.http.internal.route;

import dev.sietch.http.internal.Call;
import dev.sietch.http.internal.Route;
import dev.sietch.http.internal.json.BodySchemas;
import dev.sietch.http.internal.json.ErrorBody;
import dev.sietch.http.internal.json.OpenApiDocument;
import dev.sietch.http.internal.json.OpenApiDocument.MediaType;
import dev.sietch.http.internal.json.OpenApiDocument.Operation;
import dev.sietch.http.internal.json.OpenApiDocument.Parameter;
import dev.sietch.http.internal.json.OpenApiDocument.Response;
import dev.sietch.http.internal.json.OpenApiDocument.SecurityScheme;
import dev.sietch.http.internal.json.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /openapi.json}: an OpenAPI 3.1 description generated from the route table itself, so
 * the document lists exactly the routes the server answers, each success body with the schema of
 * the record its handler sends. Built once, when the server starts.
 */
public final class OpenApiRoutes {

    private static final String JSON = "application/json";
    private static final String DESCRIPTION = "Eligibility for Collab.Land, administration, and the member, Naib "
            + "and threshold routes. Errors are {\"error\": message}. Every response carries X-Request-ID; limited "
            + "routes carry RateLimit-* headers and, on 429, Retry-After.";

    private final Route route;
    private final OpenApiDocument document;

    /** @param routes every other route the server answers */
    public OpenApiRoutes(List<Route> routes, String version) {
        route = Route.get("/openapi.json", Route.Access.PUBLIC, "This API's OpenAPI 3.1 description",
                OpenApiDocument.class, this::serve);
        var described = new ArrayList<>(routes);
        described.add(route);
        document = document(described, version);
    }

    public List<Route> routes() {
        return List.of(route);
    }

    public OpenApiDocument document() {
        return document;
    }

    private void serve(Call call) {
        call.ok(document);
    }

    private static OpenApiDocument document(List<Route> routes, String version) {
        var schemas = new BodySchemas();
        Schema error = schemas.of(ErrorBody.class);
        var paths = new LinkedHashMap<String, Map<String, Operation>>();
        for (Route route : routes) {
            paths.computeIfAbsent(route.template(), t -> new LinkedHashMap<>())
                    .put(route.method().toLowerCase(Locale.ROOT), operation(route, schemas, error));
        }
        var securitySchemes = new LinkedHashMap<String, SecurityScheme>();
        securitySchemes.put("adminKey", new SecurityScheme("apiKey", "header", "X-API-Key", null, null));
        securitySchemes.put("memberToken", new SecurityScheme("http", null, null, "bearer",
                "A signed member token (sietch1.<discord id>.<expiry>.<signature>)"));
        return new OpenApiDocument("3.1.0", new OpenApiDocument.Info("Sietch API", version, DESCRIPTION), paths,
                new OpenApiDocument.Components(securitySchemes, new LinkedHashMap<>(schemas.components())));
    }

    private static Operation operation(Route route, BodySchemas schemas, Schema error) {
        var parameters = new ArrayList<Parameter>();
        for (String name : route.parameters()) {
            parameters.add(new Parameter(name, "path", true, Schema.of("string")));
        }
        for (String name : route.query()) {
            parameters.add(new Parameter(name, "query", false, Schema.of("string")));
        }
        var requestBody = route.body()
                ? new OpenApiDocument.RequestBodyObject(false, Map.of(JSON, new MediaType(Schema.of("object")))) : null;
        List<Map<String, List<String>>> security = switch (route.access()) {
            case ADMIN -> List.of(Map.of("adminKey", List.of()));
            case MEMBER -> List.of(Map.of("memberToken", List.of()));
            case PUBLIC -> List.of();
        };
        var responses = new LinkedHashMap<String, Response>();
        responses.put(Integer.toString(route.status()), new Response("Success", success(route.reply(), schemas)));
        boolean validates = !route.parameters().isEmpty() || !route.query().isEmpty() || route.body();
        if (validates) {
            responses.put("400", error("Invalid input", error));
        }
        if (route.access() == Route.Access.ADMIN) {
            responses.put("401", error("API key required", error));
            responses.put("403", error("Invalid API key", error));
        }
        if (route.access() == Route.Access.MEMBER) {
            responses.put("401", error("Authentication required", error));
        }
        if (route.body()) {
            responses.put("413", error("Request body too large", error));
        }
        responses.put("429", error("Too many requests", error));
        responses.put("default", error("Any other refusal or failure (not found, conflict, server error)", error));
        return new Operation(operationId(route), route.summary(), parameters, requestBody, security, responses);
    }

    private static Map<String, MediaType> success(Route.Reply reply, BodySchemas schemas) {
        var content = new LinkedHashMap<String, MediaType>();
        switch (reply) {
            case Route.Reply.Json json -> content.put(JSON, new MediaType(schemas.of(json.body())));
            case Route.Reply.Media media -> media.types().forEach(
                    type -> content.put(type, new MediaType(Schema.of("string"))));
        }
        return content;
    }

    private static Response error(String description, Schema error) {
        return new Response(description, Map.of(JSON, new MediaType(error)));
    }

    private static String operationId(Route route) {
        var id = new StringBuilder(route.method().toLowerCase(Locale.ROOT));
        for (String part : route.template().split("[/{}.-]")) {
            if (!part.isEmpty()) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return id.toString();
    }
}
