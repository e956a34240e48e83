package dev.sietch.http.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Matches a request to a route as an Express router does, which clients rely on: literal segments compare
 * case-insensitively ({@code /HEALTH} is {@code /health}), a trailing slash is ignored, {@code HEAD}
 * is answered by the {@code GET} route, and a known path with the wrong method is not a match
 * (404, not 405). Parameters match one non-empty segment and keep their case.
 */
public final class Router {

    /** A matched route and its path parameters. */
    public record Match(Route route, Map<String, String> parameters) {}

    private final List<Route> routes;
    /** Each route's template segments, split once. */
    private final List<List<String>> templates;

    public Router(List<Route> routes) {
        var seen = new HashMap<String, Route>();
        for (Route route : routes) {
            String key = route.method() + " " + shape(route);
            if (seen.putIfAbsent(key, route) != null) {
                throw new IllegalArgumentException("two routes for " + route.method() + " " + route.template());
            }
        }
        this.routes = List.copyOf(routes);
        this.templates = this.routes.stream().map(Route::segments).toList();
    }

    public List<Route> routes() {
        return routes;
    }

    public Optional<Match> match(String method, String path) {
        String wanted = method.equals("HEAD") ? "GET" : method;
        List<String> segments = split(path);
        for (int i = 0; i < routes.size(); i++) {
            Route route = routes.get(i);
            if (!route.method().equals(wanted)) {
                continue;
            }
            Map<String, String> parameters = bind(templates.get(i), segments);
            if (parameters != null) {
                return Optional.of(new Match(route, parameters));
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> bind(List<String> template, List<String> path) {
        if (template.size() != path.size()) {
            return null;
        }
        Map<String, String> parameters = Map.of();
        for (int i = 0; i < template.size(); i++) {
            String expected = template.get(i);
            String actual = path.get(i);
            if (isParameter(expected)) {
                if (actual.isEmpty()) {
                    return null;
                }
                if (parameters.isEmpty()) {
                    parameters = new HashMap<>(4);
                }
                parameters.put(expected.substring(1, expected.length() - 1), actual);
            } else if (!expected.equalsIgnoreCase(actual)) {
                return null;
            }
        }
        return parameters.isEmpty() ? Map.of() : Collections.unmodifiableMap(parameters);
    }

    static boolean isParameter(String segment) {
        return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
    }

    /** {@code /a/b/} → {@code [a, b]}; {@code /} → {@code []}. Inner empty segments are kept (they match nothing). */
    static List<String> split(String path) {
        var segments = new ArrayList<String>(6);
        int start = path.startsWith("/") ? 1 : 0;
        int end = path.length();
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        if (end <= start) {
            return segments;
        }
        int from = start;
        for (int i = start; i <= end; i++) {
            if (i == end || path.charAt(i) == '/') {
                segments.add(path.substring(from, i));
                from = i + 1;
            }
        }
        return segments;
    }

    private static String shape(Route route) {
        return String.join("/", route.segments().stream()
                .map(s -> isParameter(s) ? "{}" : s.toLowerCase(Locale.ROOT)).toList());
    }
}
