package dev.sietch.http.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.util.Optional;

/**
 * JSON responses: one shared mapper, {@code application/json; charset=utf-8}. Bodies are the
 * records of this package (see {@link BodySchemas} for how their components map to JSON).
 */
public final class Json {

    static final String CONTENT_TYPE = "application/json; charset=utf-8";

    /**
     * BigDecimal amounts are written as plain numbers ({@code 1000}, never {@code 1E+3}); an
     * {@link Optional} component is its value, or {@code null} when empty.
     */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .registerModule(new SimpleModule("optional-as-null").addSerializer(new OptionalAsNull()));

    private Json() {}

    public static void send(HttpServerExchange exchange, int status, Record body) {
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response body is not serialisable: " + body.getClass(), e);
        }
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, CONTENT_TYPE);
        exchange.getResponseSender().send(java.nio.ByteBuffer.wrap(bytes));
    }

    /** Parses JSON text the service itself wrote (e.g. an audit row's data). */
    public static com.fasterxml.jackson.databind.JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not valid", e);
        }
    }

    /** The error body every route uses: exactly one key, {@code error}. */
    public static void error(HttpServerExchange exchange, int status, String message) {
        send(exchange, status, new ErrorBody(message));
    }

    /**
     * Without jackson-datatype-jdk8 (one module less in the image), Jackson refuses
     * {@code Optional}; the bodies need only "value or null".
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final class OptionalAsNull extends StdSerializer<Optional> {

        OptionalAsNull() {
            super(Optional.class);
        }

        @Override
        public void serialize(Optional value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            if (value.isPresent()) {
                provider.defaultSerializeValue(value.get(), generator);
            } else {
                generator.writeNull();
            }
        }
    }
}
