package nl.samenspel.documents.render;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import nl.samenspel.documents.DocumentRejectedException;
import nl.samenspel.documents.HttpEndpoints;
import nl.samenspel.documents.model.DocumentModel;
import nl.samenspel.documents.seal.Sealer;

/** {@code POST /render}: a document model in JSON, a sealed PDF/A-2b out. */
@Requires(property = HttpEndpoints.ENABLED, value = "true")
@Controller("/render")
public class RenderController {

    static final String APPLICATION_PDF = "application/pdf";

    private final DocumentRenderer renderer;
    private final Sealer sealer;
    private final JsonMapper json;

    public RenderController(DocumentRenderer renderer, Sealer sealer, JsonMapper json) {
        this.renderer = renderer;
        this.sealer = sealer;
        this.json = json;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = APPLICATION_PDF)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<byte[]> render(@Body @Nullable byte[] body) {
        DocumentModel model = read(body);
        return HttpResponse.ok(sealer.seal(renderer.render(model))).contentType(APPLICATION_PDF);
    }

    /** Reads the model in two steps so a caller learns whether the JSON, the kind or a field is wrong. */
    DocumentModel read(byte[] body) {
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
        JsonNode kind = node.get("kind");
        if (kind == null || !kind.isString() || !DocumentModel.KINDS.contains(kind.getStringValue())) {
            throw new DocumentRejectedException(
                    "document.unknown-kind",
                    "kind",
                    "kind must be one of " + String.join(", ", DocumentModel.KINDS) + ".");
        }
        try {
            return json.readValueFromTree(node, Argument.of(DocumentModel.class));
        } catch (IOException | RuntimeException e) {
            throw new DocumentRejectedException(
                    "document.invalid",
                    "A field has a value of the wrong type or format (numbers as numbers, dates as 2026-01-31,"
                            + " moments as 2026-01-31T14:00:00Z).");
        }
    }
}
