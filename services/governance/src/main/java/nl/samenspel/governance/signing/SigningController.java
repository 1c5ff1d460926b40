package nl.samenspel.governance.signing;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import nl.samenspel.governance.meeting.AgendaDocuments;
import nl.samenspel.governance.tenancy.CoalitionAccess;

/**
 * Signature requests. The secretary asks members to sign a document and may cancel; a representative
 * with may-sign signs (password again, consent) or declines for its member; everyone with a role reads
 * them, the document, and the sealed final once everyone has signed.
 */
@Controller("/api/v1/coalitions/{coalition}/signature-requests")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class SigningController {

    private final SigningService service;

    SigningController(SigningService service) {
        this.service = service;
    }

    @Get
    List<SignatureRequest> list(@Parameter(hidden = true) CoalitionAccess access) {
        return service.list(access);
    }

    @Post
    HttpResponse<SignatureRequest> create(
            @Parameter(hidden = true) CoalitionAccess access, @Valid @Body SigningRequests.Create request) {
        return HttpResponse.created(service.create(access, request));
    }

    @Get("/{id}")
    SignatureRequest get(@Parameter(hidden = true) CoalitionAccess access, UUID id) {
        return service.get(access, id);
    }

    /** The document as it is to be signed. */
    @Get("/{id}/document")
    HttpResponse<byte[]> document(@Parameter(hidden = true) CoalitionAccess access, UUID id) {
        return pdf(service.original(access, id));
    }

    /** The sealed final (original pages and certificate of completion); 409 until everyone has signed. */
    @Get("/{id}/signed.pdf")
    HttpResponse<byte[]> signed(@Parameter(hidden = true) CoalitionAccess access, UUID id) {
        return pdf(service.signedPdf(access, id));
    }

    @Post("/{id}/signatures")
    HttpResponse<SignatureRequest> sign(
            @Parameter(hidden = true) CoalitionAccess access,
            UUID id,
            @Valid @Body SigningRequests.Sign request,
            HttpRequest<?> http) {
        return HttpResponse.created(service.sign(access, id, request, origin(http)));
    }

    @Post("/{id}/declining")
    SignatureRequest decline(
            @Parameter(hidden = true) CoalitionAccess access, UUID id, @Valid @Body SigningRequests.Decline request) {
        return service.decline(access, id, request);
    }

    @Post("/{id}/cancellation")
    SignatureRequest cancel(
            @Parameter(hidden = true) CoalitionAccess access, UUID id, @Valid @Body SigningRequests.Cancel request) {
        return service.cancel(access, id, request);
    }

    /** See {@link RequestOrigin#of}. */
    static SigningService.Origin origin(HttpRequest<?> http) {
        return RequestOrigin.of(http);
    }

    static HttpResponse<byte[]> pdf(AgendaDocuments.Download download) {
        return HttpResponse.ok(download.content())
                .contentType(download.contentType())
                .header("Content-Disposition", AgendaDocuments.attachment(download.filename()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox");
    }
}
