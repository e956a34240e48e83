package dev.sietch.http.internal;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One endpoint: method, path template ({@code /admin/override/{id}}), who may call it, a short
 * description and what it answers (the OpenAPI document is generated from the route table, so the
 * two cannot drift).
 *
 * @param reply what it answers on success
 * @param query the query parameters it reads, for the OpenAPI document
 * @param body whether it reads a JSON request body
 * @param status its success status (200, or 201 for a creation)
 * @param nonBlocking it answers from memory without blocking, so it runs on the I/O thread (no hand-off)
 */
public record Route(String method, String template, Access access, String summary, Reply reply, List<String> query,
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

    /** A success body: JSON of a response record, or text or bytes of other media types. */
    public sealed interface Reply {

        /** @param body the record the handler sends ({@code internal.json}) */
        record Json(Class<? extends Record> body) implements Reply {
            public Json {
                Objects.requireNonNull(body, "body");
            }
        }

        /** @param types the media types it may answer with, without parameters ({@code text/plain}) */
        record Media(List<String> types) implements Reply {
            public Media {
                types = List.copyOf(types);
                if (types.isEmpty()) {
                    throw new IllegalArgumentException("a media reply names its types");
                }
            }
        }

        static Reply media(String... types) {
            return new Media(List.of(types));
        }
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
        Objects.requireNonNull(reply, "reply");
        query = List.copyOf(query);
        Objects.requireNonNull(handler, "handler");
    }

    public static Route get(String template, Access access, String summary, Class<? extends Record> body,
            Handler handler) {
        return get(template, access, summary, new Reply.Json(body), handler);
    }

    public static Route get(String template, Access access, String summary, Reply reply, Handler handler) {
        return new Route("GET", template, access, summary, reply, List.of(), false, 200, false, handler);
    }

    public Route withQuery(String... names) {
        return new Route(method, template, access, summary, reply, List.of(names), body, status, nonBlocking, handler);
    }

    /** The route answers 201 Created on success. */
    public Route created() {
        return new Route(method, template, access, summary, reply, query, body, 201, nonBlocking, handler);
    }

    /** The route answers from memory and never blocks, so it runs on the I/O thread. */
    public Route inline() {
        if (body) {
            throw new IllegalStateException("a route that reads a body is not run inline");
        }
        return new Route(method, template, access, summary, reply, query, body, status, true, handler);
    }

    public static Route post(String template, Access access, String summary, Class<? extends Record> body,
            Handler handler) {
        return new Route("POST", template, access, summary, new Reply.Json(body), List.of(), true, 200, false, handler);
    }

    public static Route put(String template, Access access, String summary, Class<? extends Record> body,
            Handler handler) {
        return new Route("PUT", template, access, summary, new Reply.Json(body), List.of(), true, 200, false, handler);
    }

    public static Route delete(String template, Access access, String summary, Class<? extends Record> body,
            Handler handler) {
        return new Route("DELETE", template, access, summary, new Reply.Json(body), List.of(), false, 200, false,
                handler);
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
