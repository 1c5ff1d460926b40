package nl.samenspel.governance.proposal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.governance.meeting.AgendaDocuments;
import nl.samenspel.governance.tenancy.CoalitionAccess;
import nl.samenspel.governance.web.MultipartCsrf;

/** Proposals and voting. Everyone with a role reads; the secretary drafts and opens; voters vote. */
@Controller("/api/v1/coalitions/{coalition}/proposals")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ProposalController {

    private final ProposalService service;
    private final ProposalClosing closing;
    private final ProposalConsequences consequences;
    private final MultipartCsrf csrf;

    ProposalController(
            ProposalService service, ProposalClosing closing, ProposalConsequences consequences, MultipartCsrf csrf) {
        this.service = service;
        this.closing = closing;
        this.consequences = consequences;
        this.csrf = csrf;
    }

    @Get
    List<ProposalResponse> list(@Parameter(hidden = true) CoalitionAccess access) {
        return service.list(access);
    }

    @Post
    HttpResponse<ProposalResponse> draft(
            @Parameter(hidden = true) CoalitionAccess access, @Valid @Body ProposalRequests.Draft request) {
        return HttpResponse.created(service.draft(access, request));
    }

    @Get("/{id}")
    ProposalResponse get(@Parameter(hidden = true) CoalitionAccess access, UUID id) {
        return service.get(access, id);
    }

    @Put("/{id}")
    ProposalResponse update(
            @Parameter(hidden = true) CoalitionAccess access, UUID id, @Valid @Body ProposalRequests.Draft request) {
        return service.updateDraft(access, id, request);
    }

    /** Attaches a file (multipart field {@code file}) while the proposal is a draft. */
    @Post(value = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<ProposalResponse> attach(
            @Parameter(hidden = true) CoalitionAccess access,
            UUID id,
            @Part("file") @Nullable CompletedFileUpload file,
            HttpRequest<?> request)
            throws IOException {
        csrf.requireForCookieSession(request, null);
        if (file == null) {
            throw ProblemException.invalidField("file", "document.missing", "attach a file in the field 'file'");
        }
        String contentType = file.getContentType().map(MediaType::toString).orElse("");
        return HttpResponse.created(service.attach(access, id, file.getFilename(), contentType, file.getBytes()));
    }

    @Get("/{id}/attachments/{attachmentId}")
    HttpResponse<byte[]> attachment(@Parameter(hidden = true) CoalitionAccess access, UUID id, UUID attachmentId) {
        AgendaDocuments.Download download = service.attachmentContent(access, id, attachmentId);
        return HttpResponse.ok(download.content())
                .contentType(download.contentType())
                .header("Content-Disposition", AgendaDocuments.attachment(download.filename()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox");
    }

    @Delete("/{id}/attachments/{attachmentId}")
    ProposalResponse removeAttachment(@Parameter(hidden = true) CoalitionAccess access, UUID id, UUID attachmentId) {
        return service.removeAttachment(access, id, attachmentId);
    }

    @Post("/{id}/opening")
    ProposalResponse open(
            @Parameter(hidden = true) CoalitionAccess access, UUID id, @Valid @Body ProposalRequests.Open request) {
        return service.open(access, id, request);
    }

    /** What adoption brings about, for an admission or a penvoerder appointment (while a draft). */
    @Put("/{id}/consequence")
    ProposalResponse consequence(
            @Parameter(hidden = true) CoalitionAccess access, UUID id, @Valid @Body ConsequenceRequest request) {
        consequences.set(access, id, request);
        return service.get(access, id);
    }

    /** Closes voting now: the engine decides and the proposal keeps its validity record. */
    @Post("/{id}/closing")
    ProposalResponse close(@Parameter(hidden = true) CoalitionAccess access, UUID id) {
        closing.close(access, id);
        return service.get(access, id);
    }

    /**
     * Casts the vote of the member the caller represents. Send an {@code Idempotency-Key} to make a
     * retry safe: the same key returns the vote it cast.
     */
    @Post("/{id}/votes")
    HttpResponse<ProposalResponse.CastVote> vote(
            @Parameter(hidden = true) CoalitionAccess access,
            UUID id,
            @Header("Idempotency-Key") @Nullable String idempotencyKey,
            @Valid @Body ProposalRequests.Cast request) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw ProblemException.invalidField(
                    "Idempotency-Key", "idempotency.key-invalid", "use 1 to 200 characters, e.g. a UUID");
        }
        return HttpResponse.created(service.cast(access, id, request.choice(), idempotencyKey));
    }

    @Post("/{id}/proxies")
    ProposalResponse proxy(
            @Parameter(hidden = true) CoalitionAccess access,
            UUID id,
            @Valid @Body ProposalRequests.GrantProxy request) {
        return service.grantProxy(access, id, request);
    }

    @Post("/{id}/conflicts")
    ProposalResponse conflict(
            @Parameter(hidden = true) CoalitionAccess access,
            UUID id,
            @Valid @Body ProposalRequests.DeclareConflict request) {
        return service.declareConflict(access, id, request);
    }
}
