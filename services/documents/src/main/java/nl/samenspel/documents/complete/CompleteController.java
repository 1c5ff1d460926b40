package nl.samenspel.documents.complete;

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
import java.util.Base64;
import nl.samenspel.documents.DocumentRejectedException;
import nl.samenspel.documents.HttpEndpoints;
import nl.samenspel.documents.JsonBody;
import nl.samenspel.documents.model.CompletionCertificate;
import nl.samenspel.documents.model.CompletionRequest;

/**
 * {@code POST /complete}: a {@link CompletionRequest} in JSON, the sealed final (original pages, then the
 * certificate of completion) out as {@code application/pdf}.
 */
@Requires(property = HttpEndpoints.ENABLED, value = "true")
@Controller("/complete")
public class CompleteController {

    private final Completer completer;
    private final JsonMapper json;

    public CompleteController(Completer completer, JsonMapper json) {
        this.completer = completer;
        this.json = json;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = "application/pdf")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<byte[]> complete(@Body @Nullable byte[] body) {
        JsonNode node = JsonBody.object(json, body);
        byte[] original = original(node.get("original"));
        return HttpResponse.ok(completer.complete(original, certificate(node.get("certificate"))))
                .contentType("application/pdf");
    }

    private static byte[] original(JsonNode original) {
        if (original == null || original.isNull()) {
            throw new DocumentRejectedException("pdf.missing", "original", "original is required (the PDF, base64).");
        }
        if (!original.isString()) {
            throw new DocumentRejectedException(
                    "request.unreadable", "original", "original must be a string (the PDF, base64).");
        }
        try {
            return Base64.getDecoder().decode(original.getStringValue());
        } catch (IllegalArgumentException e) {
            throw new DocumentRejectedException(
                    "request.unreadable", "original", "original is not base64 (RFC 4648, no line breaks).");
        }
    }

    private CompletionCertificate certificate(JsonNode certificate) {
        if (certificate == null || certificate.isNull()) {
            return null; // the completer names the missing field
        }
        if (!certificate.isObject()) {
            throw new DocumentRejectedException(
                    "document.invalid", "certificate", "certificate must be a JSON object.");
        }
        try {
            return json.readValueFromTree(certificate, Argument.of(CompletionCertificate.class));
        } catch (IOException | RuntimeException e) {
            throw new DocumentRejectedException("document.invalid", "certificate", JsonBody.WRONG_TYPE);
        }
    }
}
