package dev.sietch.http.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** Request bodies: a JSON object, or 400 (malformed JSON, a primitive, an array, duplicate keys). */
final class JsonBodies {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build());
        MAPPER.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    private JsonBodies() {}

    static ObjectNode empty() {
        return JsonNodeFactory.instance.objectNode();
    }

    static ObjectNode parse(byte[] bytes) {
        if (bytes.length == 0 || new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return empty();
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw HttpError.badRequest("Invalid JSON body");
        } catch (IOException e) {
            throw HttpError.badRequest("Invalid JSON body");
        }
        if (node == null || node.isMissingNode()) {
            return empty();
        }
        if (!node.isObject()) {
            throw HttpError.badRequest("Request body must be a JSON object");
        }
        return (ObjectNode) node;
    }
}
