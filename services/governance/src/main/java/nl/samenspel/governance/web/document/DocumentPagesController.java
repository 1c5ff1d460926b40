package nl.samenspel.governance.web.document;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.governance.document.DocumentService;
import nl.samenspel.governance.document.GeneratedDocuments;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.statute.StatuteService;
import nl.samenspel.governance.tenancy.CoalitionAccess;
import nl.samenspel.governance.web.Forms;
import nl.samenspel.governance.web.MultipartCsrf;
import nl.samenspel.governance.web.Pages;

/** The coalition's documents to sign: a list for everyone, an upload form for the secretary. */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/c/{coalition}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class DocumentPagesController {

    private static final Function<String, String> MESSAGES = Forms.knownCodes(Set.of(
            "document.empty",
            "document.encrypted",
            "document.malformed",
            "document.missing",
            "document.name-invalid",
            "document.not-pdf",
            "document.title-invalid",
            "document.too-large-to-sign",
            "document.truncated",
            "document.no-decisions",
            "document.statute-empty",
            "document.statute-unknown"));

    private final DocumentService documents;
    private final GeneratedDocuments generator;
    private final StatuteService statutes;
    private final MultipartCsrf csrf;

    DocumentPagesController(
            DocumentService documents, GeneratedDocuments generator, StatuteService statutes, MultipartCsrf csrf) {
        this.documents = documents;
        this.generator = generator;
        this.statutes = statutes;
        this.csrf = csrf;
    }

    /** The generate form: {@code source} is "DECISION_LIST" or the id of a statute version. */
    @Serdeable
    record GenerateForm(@Nullable String source, @Nullable String csrfToken) {}

    @Post(value = "/documents/generated", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> generate(CoalitionAccess access, @Body GenerateForm form) {
        access.require(CoalitionRole.SECRETARY);
        String source = form.source() == null ? "" : form.source().strip();
        GeneratedDocuments.Request request;
        if (source.equals(GeneratedDocuments.Kind.DECISION_LIST.name())) {
            request = new GeneratedDocuments.Request(GeneratedDocuments.Kind.DECISION_LIST, null, null);
        } else {
            try {
                request = new GeneratedDocuments.Request(
                        GeneratedDocuments.Kind.STATUTE_VERSION, java.util.UUID.fromString(source), null);
            } catch (IllegalArgumentException e) {
                return page(
                        HttpStatus.UNPROCESSABLE_ENTITY, access, Map.of("source", "error.document.source"), null, null);
            }
        }
        try {
            generator.generate(access, request);
        } catch (ProblemException e) {
            Forms.Refusal r = Forms.refusal(e, field -> "source", MESSAGES);
            return page(
                    r.status(), access, r.errors().isEmpty() ? Map.of("source", r.general()) : r.errors(), null, null);
        }
        return Pages.seeOther("/c/" + access.slug() + "/documents?done=generated");
    }

    @Get("/documents")
    HttpResponse<?> list(CoalitionAccess access, @Nullable @QueryValue String done) {
        String notice = "uploaded".equals(done)
                ? "documents.done.uploaded"
                : "generated".equals(done) ? "documents.done.generated" : null;
        return page(HttpStatus.OK, access, Map.of(), null, notice);
    }

    @Post(value = "/documents", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> upload(
            HttpRequest<?> request,
            CoalitionAccess access,
            @Part("file") @Nullable CompletedFileUpload file,
            @Part("title") @Nullable String title,
            @Part("csrfToken") @Nullable String csrfToken)
            throws IOException {
        csrf.requireForCookieSession(request, csrfToken);
        access.require(CoalitionRole.SECRETARY);
        if (file == null || file.getFilename() == null || file.getFilename().isBlank()) {
            return page(HttpStatus.UNPROCESSABLE_ENTITY, access, Map.of("file", "error.document.missing"), title, null);
        }
        try {
            documents.upload(access, title, file.getFilename(), file.getBytes());
        } catch (ProblemException e) {
            Forms.Refusal r = Forms.refusal(e, field -> field, MESSAGES);
            return page(r.status(), access, r.errors(), title, null);
        }
        return Pages.seeOther("/c/" + access.slug() + "/documents?done=uploaded");
    }

    private HttpResponse<?> page(
            HttpStatus status, CoalitionAccess access, Map<String, String> errors, String title, String notice) {
        return Pages.page(
                status,
                "documents",
                Pages.model(
                        "access",
                        access,
                        "documents",
                        documents.list(access),
                        "isSecretary",
                        access.has(CoalitionRole.SECRETARY),
                        "statutes",
                        access.has(CoalitionRole.SECRETARY) ? statutes.list(access) : java.util.List.of(),
                        "errors",
                        errors,
                        "title",
                        title == null ? "" : title,
                        "notice",
                        notice,
                        "section",
                        "documents"));
    }
}
