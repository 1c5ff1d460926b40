package nl.samenspel.documents.render;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import nl.samenspel.documents.DocumentRejectedException;
import nl.samenspel.documents.HttpEndpoints;
import nl.samenspel.documents.JsonBody;
import nl.samenspel.documents.model.DocumentModel;
import nl.samenspel.documents.seal.Sealer;

/**
 * {@code POST /render}: a document model in JSON, a sealed PDF/A-2b out; {@code ?sealed=false} leaves
 * the seal off, for a document that is to be signed and sealed as a whole later.
 */
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
    public HttpResponse<byte[]> render(@Body @Nullable byte[] body, @QueryValue(defaultValue = "true") boolean sealed) {
        DocumentModel model = read(body);
        byte[] pdf = renderer.render(model);
        return HttpResponse.ok(sealed ? sealer.seal(pdf) : pdf).contentType(APPLICATION_PDF);
    }

    /** Reads the model in two steps so a caller learns whether the JSON, the kind or a field is wrong. */
    DocumentModel read(byte[] body) {
        JsonNode node = JsonBody.object(json, body);
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
            throw new DocumentRejectedException("document.invalid", JsonBody.WRONG_TYPE);
        }
    }
}
