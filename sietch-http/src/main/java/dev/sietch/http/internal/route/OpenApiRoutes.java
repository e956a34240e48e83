package dev.sietch.http.internal.route;

import dev.sietch.http.internal.Call;
import dev.sietch.http.internal.Route;
import dev.sietch.http.internal.json.Wire;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /openapi.json}: an OpenAPI 3.1 description generated from the route table itself, so
 * the document lists exactly the routes the server answers.
 */
public final class OpenApiRoutes {

    private final Supplier<List<Route>> routes;
    private final String version;

    public OpenApiRoutes(Supplier<List<Route>> routes, String version) {
        this.routes = routes;
        this.version = version;
    }

    public List<Route> routes() {
        return List.of(Route.get("/openapi.json", Route.Access.PUBLIC, "This API's OpenAPI 3.1 description",
                call -> call.ok(document())));
    }

    /** The document, as a JSON-ready tree. */
    public Map<String, Object> document() {
        var paths = new LinkedHashMap<String, Object>();
        for (Route route : routes.get()) {
            @SuppressWarnings("unchecked")
            var operations = (Map<String, Object>) paths.computeIfAbsent(route.template(), t -> new LinkedHashMap<>());
            operations.put(route.method().toLowerCase(Locale.ROOT), operation(route));
        }
        return Wire.object(
                "openapi", "3.1.0",
                "info", Wire.object("title", "Sietch API", "version", version,
                        "description", "Eligibility for Collab.Land, administration, and the member, Naib and "
                                + "threshold routes. Errors are {\"error\": message}. Every response carries "
                                + "X-Request-ID; limited routes carry RateLimit-* headers and, on 429, Retry-After."),
                "paths", paths,
                "components", Wire.object(
                        "securitySchemes", Wire.object(
                                "adminKey", Wire.object("type", "apiKey", "in", "header", "name", "X-API-Key"),
                                "memberToken", Wire.object("type", "http", "scheme", "bearer",
                                        "description", "A signed member token (sietch1.<discord id>.<expiry>.<signature>)")),
                        "schemas", Wire.object("Error", Wire.object(
                                "type", "object", "required", List.of("error"),
                                "properties", Wire.object("error", Wire.object("type", "string")),
                                "additionalProperties", false))));
    }

    private static Map<String, Object> operation(Route route) {
        var operation = new LinkedHashMap<String, Object>();
        operation.put("operationId", operationId(route));
        operation.put("summary", route.summary());
        var parameters = new java.util.ArrayList<Object>();
        for (String name : route.parameters()) {
            parameters.add(Wire.object("name", name, "in", "path", "required", true,
                    "schema", Wire.object("type", "string")));
        }
        for (String name : route.query()) {
            parameters.add(Wire.object("name", name, "in", "query", "required", false,
                    "schema", Wire.object("type", "string")));
        }
        if (!parameters.isEmpty()) {
            operation.put("parameters", parameters);
        }
        if (route.body()) {
            operation.put("requestBody", Wire.object("required", false, "content", Wire.object(
                    "application/json", Wire.object("schema", Wire.object("type", "object")))));
        }
        switch (route.access()) {
            case ADMIN -> operation.put("security", List.of(Wire.object("adminKey", List.of())));
            case MEMBER -> operation.put("security", List.of(Wire.object("memberToken", List.of())));
            case PUBLIC -> operation.put("security", List.of());
        }
        var responses = new LinkedHashMap<String, Object>();
        responses.put(Integer.toString(route.status()), Wire.object("description", "Success",
                "content", Wire.object(route.template().equals("/metrics") ? "text/plain" : "application/json",
                        Wire.object("schema", Wire.object("type", route.template().equals("/metrics") ? "string" : "object")))));
        boolean validates = !route.parameters().isEmpty() || !route.query().isEmpty() || route.body();
        if (validates) {
            responses.put("400", error("Invalid input"));
        }
        if (route.access() == Route.Access.ADMIN) {
            responses.put("401", error("API key required"));
            responses.put("403", error("Invalid API key"));
        }
        if (route.access() == Route.Access.MEMBER) {
            responses.put("401", error("Authentication required"));
        }
        if (route.body()) {
            responses.put("413", error("Request body too large"));
        }
        responses.put("429", error("Too many requests"));
        operation.put("responses", responses);
        return operation;
    }

    private static Map<String, Object> error(String description) {
        return Wire.object("description", description, "content", Wire.object("application/json",
                Wire.object("schema", Wire.object("$ref", "#/components/schemas/Error"))));
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
