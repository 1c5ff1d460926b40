package nl.samenspel.documents;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;

/** A request body that must be one JSON object, refused as {@code request.unreadable} (400) otherwise. */
public final class JsonBody {

    /** What a caller is told when a field of the model has the wrong type or format. */
    public static final String WRONG_TYPE = "A field has a value of the wrong type or format (numbers as numbers,"
            + " dates as 2026-01-31, moments as 2026-01-31T14:00:00Z).";

    private JsonBody() {}

    public static JsonNode object(JsonMapper json, byte[] body) {
        if (body == null || body.length == 0) {
            throw new DocumentRejectedException("request.unreadable", "The request has no JSON body.");
        }
        JsonNode node;
        try {
            node = json.readValue(body, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            throw new DocumentRejectedException("request.unreadable", "The body is not valid JSON.");
        }
        if (node == null || !node.isObject()) {
            throw new DocumentRejectedException("request.unreadable", "The body must be a JSON object.");
        }
        return node;
    }
}
