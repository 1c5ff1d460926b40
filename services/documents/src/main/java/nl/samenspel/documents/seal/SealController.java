package nl.samenspel.documents.seal;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import nl.samenspel.documents.HttpEndpoints;

/**
 * {@code POST /seal} and {@code POST /verify}: PDF bytes in, a sealed PDF or a {@link SealReport} out;
 * {@code GET /seal/certificate}: the sealing certificate.
 */
@Requires(property = HttpEndpoints.ENABLED, value = "true")
@Controller
public class SealController {

    private static final String APPLICATION_PDF = "application/pdf";

    private final Sealer sealer;
    private final SealVerifier verifier;

    public SealController(Sealer sealer, SealVerifier verifier) {
        this.sealer = sealer;
        this.verifier = verifier;
    }

    @Post(
            uri = "/seal",
            consumes = {APPLICATION_PDF, MediaType.APPLICATION_OCTET_STREAM},
            produces = APPLICATION_PDF)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<byte[]> seal(@Body @Nullable byte[] pdf) {
        return HttpResponse.ok(sealer.seal(pdf)).contentType(APPLICATION_PDF);
    }

    /** The certificate this service seals with, so a caller can tell its seals from others by the fingerprint. */
    @Get(uri = "/seal/certificate", produces = MediaType.APPLICATION_JSON)
    public SealReport.CertificateInfo certificate() {
        return sealer.certificate();
    }

    @Post(
            uri = "/verify",
            consumes = {APPLICATION_PDF, MediaType.APPLICATION_OCTET_STREAM},
            produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public SealReport verify(@Body @Nullable byte[] pdf) {
        return verifier.verify(pdf);
    }
}
