package nl.samenspel.governance.document;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
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

/**
 * Documents for signing: the secretary uploads PDFs (at most 25 MB, not encrypted) or has statutes or the
 * decision list generated; everyone reads.
 */
@Controller("/api/v1/coalitions/{coalition}/documents")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class DocumentController {

    private final DocumentService service;
    private final GeneratedDocuments generator;
    private final MultipartCsrf csrf;

    DocumentController(DocumentService service, GeneratedDocuments generator, MultipartCsrf csrf) {
        this.service = service;
        this.generator = generator;
        this.csrf = csrf;
    }

    /** A PDF/A of a statute version or of the decision list, made here, ready to be signed. */
    @Post("/generated")
    HttpResponse<Document> generate(
            @Parameter(hidden = true) CoalitionAccess access, @Valid @Body GeneratedDocuments.Request request) {
        return HttpResponse.created(generator.generate(access, request));
    }

    @Get
    List<Document> list(@Parameter(hidden = true) CoalitionAccess access) {
        return service.list(access);
    }

    /** Multipart: the PDF in {@code file}, optionally a {@code title} (else the file name). */
    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<Document> upload(
            @Parameter(hidden = true) CoalitionAccess access,
            @Part("file") @Nullable CompletedFileUpload file,
            @Part("title") @Nullable String title,
            HttpRequest<?> request)
            throws IOException {
        csrf.requireForCookieSession(request, null);
        if (file == null) {
            throw ProblemException.invalidField("file", "document.missing", "attach a PDF in the field 'file'");
        }
        return HttpResponse.created(service.upload(access, title, file.getFilename(), file.getBytes()));
    }

    @Get("/{id}")
    Document get(@Parameter(hidden = true) CoalitionAccess access, UUID id) {
        return service.get(access, id);
    }

    @Get("/{id}/content")
    HttpResponse<byte[]> content(@Parameter(hidden = true) CoalitionAccess access, UUID id) {
        AgendaDocuments.Download download = service.content(access, id);
        return HttpResponse.ok(download.content())
                .contentType(download.contentType())
                .header("Content-Disposition", AgendaDocuments.attachment(download.filename()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox");
    }
}
