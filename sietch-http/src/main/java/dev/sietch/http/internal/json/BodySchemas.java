package dev.sietch.http.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON Schemas of the response records, derived from their components (once, when the OpenAPI
 * document is built), by the rules Jackson follows when it writes them:
 * <ul>
 *   <li>a record is an object with exactly its components' keys, each named by its
 *       {@code @JsonProperty} (required here, so a key is never inferred), in declaration order;
 *       it becomes a component schema named by its simple name without a trailing {@code Body};
 *   <li>a key is required unless {@code @JsonInclude(NON_NULL | NON_ABSENT | NON_EMPTY)} on the
 *       component or the record leaves it out when empty;
 *   <li>{@code String} is a string, {@code boolean} a boolean, {@code int}/{@code long}/{@code BigInteger}
 *       an integer, {@code BigDecimal}/{@code double}/{@code Number} a number (amounts are
 *       {@code BigDecimal}: exact, written plain);
 *   <li>{@code Optional<T>} is T or {@code null} (the key is always there), {@code List<T>} an array
 *       of T, {@code Map<String, V>} an object of V, and {@code JsonNode} or {@code Object} any JSON.
 * </ul>
 * Anything else fails at start-up, so a body the document cannot describe does not ship.
 */
public final class BodySchemas {

    private static final Set<Class<?>> INTEGERS = Set.of(int.class, long.class, short.class, Integer.class, Long.class,
            Short.class, BigInteger.class);
    private static final Set<Class<?>> NUMBERS = Set.of(double.class, float.class, Double.class, Float.class,
            BigDecimal.class, Number.class);
    private static final Set<JsonInclude.Include> OMITTED_WHEN_EMPTY = Set.of(JsonInclude.Include.NON_NULL,
            JsonInclude.Include.NON_ABSENT, JsonInclude.Include.NON_EMPTY);

    private final Map<String, Schema> components = new LinkedHashMap<>();
    private final Map<Class<?>, String> names = new HashMap<>();

    /** The schema of a body: a reference to its record's component, which is registered with those it holds. */
    public Schema of(Class<? extends Record> body) {
        return schema(body);
    }

    /** Every record schema registered so far, by component name, in the order first met. */
    public Map<String, Schema> components() {
        return Collections.unmodifiableMap(components);
    }

    private Schema schema(Type type) {
        if (type instanceof Class<?> simple) {
            return simple(simple);
        }
        if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw) {
            Type[] arguments = generic.getActualTypeArguments();
            if (raw == Optional.class) {
                return schema(arguments[0]).orNull();
            }
            if (Collection.class.isAssignableFrom(raw)) {
                return Schema.array(schema(arguments[0]));
            }
            if (Map.class.isAssignableFrom(raw) && arguments[0] == String.class) {
                return Schema.map(schema(arguments[1]));
            }
        }
        throw new IllegalArgumentException("no JSON schema for " + type.getTypeName());
    }

    private Schema simple(Class<?> type) {
        if (type == String.class) {
            return Schema.of("string");
        }
        if (type == boolean.class || type == Boolean.class) {
            return Schema.of("boolean");
        }
        if (INTEGERS.contains(type)) {
            return Schema.of("integer");
        }
        if (NUMBERS.contains(type)) {
            return Schema.of("number");
        }
        if (type.isRecord()) {
            return Schema.ref(record(type));
        }
        if (type == Object.class || JsonNode.class.isAssignableFrom(type)) {
            return Schema.ANY;
        }
        throw new IllegalArgumentException("no JSON schema for " + type.getName());
    }

    private String record(Class<?> type) {
        String known = names.get(type);
        if (known != null) {
            return known;
        }
        String name = type.getSimpleName().endsWith("Body") && !type.getSimpleName().equals("Body")
                ? type.getSimpleName().substring(0, type.getSimpleName().length() - "Body".length())
                : type.getSimpleName();
        if (components.containsKey(name)) {
            throw new IllegalStateException("two response records are named " + name + ": " + type.getName());
        }
        names.put(type, name);
        components.put(name, Schema.ANY); // taken before its components are read: a record may hold itself
        var required = new ArrayList<String>();
        var properties = new LinkedHashMap<String, Schema>();
        for (RecordComponent component : type.getRecordComponents()) {
            JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
            if (property == null || property.value().isEmpty()) {
                throw new IllegalStateException(type.getName() + "." + component.getName()
                        + " has no @JsonProperty name");
            }
            properties.put(property.value(), schema(component.getGenericType()));
            if (!omittedWhenEmpty(type, component)) {
                required.add(property.value());
            }
        }
        components.put(name, Schema.closed(required, properties));
        return name;
    }

    private static boolean omittedWhenEmpty(Class<?> type, RecordComponent component) {
        JsonInclude include = component.getAccessor().getAnnotation(JsonInclude.class);
        if (include == null) {
            include = type.getAnnotation(JsonInclude.class);
        }
        if (include == null || include.value() == JsonInclude.Include.ALWAYS
                || include.value() == JsonInclude.Include.USE_DEFAULTS) {
            return false;
        }
        if (OMITTED_WHEN_EMPTY.contains(include.value())) {
            return true;
        }
        throw new IllegalStateException(type.getName() + "." + component.getName() + ": @JsonInclude("
                + include.value() + ") is not described");
    }
}
