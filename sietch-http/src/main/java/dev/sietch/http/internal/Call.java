package dev.sietch.http.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sietch.core.model.DiscordUserId;
import dev.sietch.http.internal.json.Json;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.time.Instant;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;

/**
 * A request as a route sees it: path parameters, query, the parsed JSON body (an empty object when
 * none was sent, or when it was not {@code application/json}), who is calling, and the reply.
 */
public final class Call {

    private final HttpServerExchange exchange;
    private final Map<String, String> parameters;
    private final ObjectNode body;
    private final Optional<String> admin;
    private final Optional<String> member;
    private final Instant now;

    Call(HttpServerExchange exchange, Map<String, String> parameters, ObjectNode body, Optional<String> admin,
            Optional<String> member, Instant now) {
        this.exchange = exchange;
        this.parameters = parameters;
        this.body = body;
        this.admin = admin;
        this.member = member;
        this.now = now;
    }

    public String parameter(String name) {
        String value = parameters.get(name);
        if (value == null) {
            throw new IllegalStateException("route has no parameter " + name);
        }
        return value;
    }

    /** The first value of a query parameter, if present (an empty value is present and empty). */
    public Optional<String> query(String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
    }

    public ObjectNode body() {
        return body;
    }

    /** The administrator's name, on admin routes. */
    public String admin() {
        return admin.orElseThrow(() -> new IllegalStateException("not an admin route"));
    }

    /** The calling member's Discord user id, on member routes. */
    public DiscordUserId member() {
        return member.map(DiscordUserId::of).orElseThrow(() -> new IllegalStateException("not a member route"));
    }

    /** The time the request arrived (from the injected clock). */
    public Instant now() {
        return now;
    }

    public Call responseHeader(String name, String value) {
        exchange.getResponseHeaders().put(new HttpString(name), value);
        return this;
    }

    public void send(int status, Record body) {
        Json.send(exchange, status, body);
    }

    public void sendText(int status, String contentType, String text) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(io.undertow.util.Headers.CONTENT_TYPE, contentType);
        exchange.getResponseSender().send(text);
    }

    public void sendBytes(int status, String contentType, byte[] body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(io.undertow.util.Headers.CONTENT_TYPE, contentType);
        exchange.getResponseSender().send(java.nio.ByteBuffer.wrap(body));
    }

    public void ok(Record body) {
        send(200, body);
    }
}
