package dev.sietch.http.internal;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One endpoint: method, path template ({@code /admin/override/{id}}), who may call it, and a short
 * description (the OpenAPI document is generated from the route table, so the two cannot drift).
 *
 * @param query the query parameters it reads, for the OpenAPI document
 * @param body whether it reads a JSON request body
 * @param status its success status (200, or 201 for a creation)
 * @param nonBlocking it answers from memory without blocking, so it runs on the I/O thread (no hand-off)
 */
public record Route(String method, String template, Access access, String summary, List<String> query,
        boolean body, int status, boolean nonBlocking, Handler handler) {

    /** Who may call a route. */
    public enum Access {
        /** Anyone (rate limited). */
        PUBLIC,
        /** A member, proven by a signed member token ({@code Authorization: Bearer …}). */
        MEMBER,
        /** An administrator ({@code X-API-Key}); every {@code /admin} path is checked before routing. */
        ADMIN
    }

    @FunctionalInterface
    public interface Handler {
        void handle(Call call) throws Exception;
    }

    public Route {
        method = method.toUpperCase(Locale.ROOT);
        Objects.requireNonNull(template, "template");
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("a template starts with /: " + template);
        }
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(summary, "summary");
        query = List.copyOf(query);
        Objects.requireNonNull(handler, "handler");
    }

    public static Route get(String template, Access access, String summary, Handler handler) {
        return new Route("GET", template, access, summary, List.of(), false, 200, false, handler);
    }

    public Route withQuery(String... names) {
        return new Route(method, template, access, summary, List.of(names), body, status, nonBlocking, handler);
    }

    /** The route answers 201 Created on success. */
    public Route created() {
        return new Route(method, template, access, summary, query, body, 201, nonBlocking, handler);
    }

    /** The route answers from memory and never blocks, so it runs on the I/O thread. */
    public Route inline() {
        if (body) {
            throw new IllegalStateException("a route that reads a body is not run inline");
        }
        return new Route(method, template, access, summary, query, body, status, true, handler);
    }

    public static Route post(String template, Access access, String summary, Handler handler) {
        return new Route("POST", template, access, summary, List.of(), true, 200, false, handler);
    }

    public static Route put(String template, Access access, String summary, Handler handler) {
        return new Route("PUT", template, access, summary, List.of(), true, 200, false, handler);
    }

    public static Route delete(String template, Access access, String summary, Handler handler) {
        return new Route("DELETE", template, access, summary, List.of(), false, 200, false, handler);
    }

    /** The template's segments, e.g. {@code ["admin", "override", "{id}"]}. */
    List<String> segments() {
        return List.copyOf(Router.split(template));
    }

    /** Names of the template's parameters, in order. */
    public List<String> parameters() {
        return segments().stream().filter(Router::isParameter).map(s -> s.substring(1, s.length() - 1)).toList();
    }
}
