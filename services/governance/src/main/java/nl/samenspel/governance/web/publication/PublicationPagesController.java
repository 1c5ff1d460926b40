package nl.samenspel.governance.web.publication;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.governance.document.DocumentService;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.meeting.AgendaDocuments;
import nl.samenspel.governance.publication.Publication;
import nl.samenspel.governance.publication.PublicationFeedService;
import nl.samenspel.governance.publication.PublicationService;
import nl.samenspel.governance.tenancy.CoalitionAccess;
import nl.samenspel.governance.tenancy.StaffReadable;
import nl.samenspel.governance.traject.TrajectService;
import nl.samenspel.governance.web.Forms;
import nl.samenspel.governance.web.Pages;

/**
 * The publications as the staff of the members read them, with a personal feed link; the secretary
 * publishes (a progress report, a decision, the plan, a document) and withdraws here.
 */
@io.swagger.v3.oas.annotations.Hidden
@StaffReadable
@Controller("/c/{coalition}/publicaties")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class PublicationPagesController {

    private static final Function<String, String> MESSAGES = Forms.knownCodes(Set.of(
            "publication.document-required",
            "publication.document-for-document",
            "publication.body-required",
            "publication.traject-unknown",
            "publication.document-unknown",
            "publication.withdrawn",
            "request.control-characters"));

    static final List<String> FIELDS =
            List.of("publicationKind", "publicationTitle", "publicationBody", "trajectId", "documentId");

    private final PublicationService publications;
    private final PublicationFeedService feeds;
    private final TrajectService trajects;
    private final DocumentService documents;
    private final Validator validator;

    PublicationPagesController(
            PublicationService publications,
            PublicationFeedService feeds,
            TrajectService trajects,
            DocumentService documents,
            Validator validator) {
        this.publications = publications;
        this.feeds = feeds;
        this.trajects = trajects;
        this.documents = documents;
        this.validator = validator;
    }

    @Serdeable
    record PublicationForm(
            @Nullable String publicationKind,
            @Nullable String publicationTitle,
            @Nullable String publicationBody,
            @Nullable String trajectId,
            @Nullable String documentId,
            @Nullable String back) {

        static PublicationForm empty() {
            return new PublicationForm("REPORT", "", "", "", "", null);
        }
    }

    @Get
    HttpResponse<?> list(CoalitionAccess access, @Nullable @QueryValue String done) {
        String notice = "withdrawn".equals(done) ? "publications.done.withdrawn" : null;
        return listPage(HttpStatus.OK, access, PublicationForm.empty(), Map.of(), null, notice, null);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> publish(CoalitionAccess access, @Body PublicationForm form) {
        access.require(CoalitionRole.SECRETARY);
        Map<String, String> errors = new LinkedHashMap<>();
        Publication.Kind kind = Forms.choice(Publication.Kind.class, form.publicationKind(), "publicationKind", errors);
        UUID traject = Forms.uuid(form.trajectId(), "trajectId", errors);
        UUID document = Forms.uuid(form.documentId(), "documentId", errors);
        Publication.Request request = new Publication.Request(
                kind, Forms.trimmed(form.publicationTitle()), form.publicationBody(), traject, document);
        Forms.validate(validator, request, PublicationPagesController::field, errors);
        Publication created = null;
        Forms.Refusal refusal = null;
        if (errors.isEmpty()) {
            try {
                created = publications.publish(access, request);
            } catch (ProblemException e) {
                refusal = Forms.refusal(e, PublicationPagesController::field, MESSAGES);
            }
        }
        if (created == null) {
            HttpStatus status = refusal == null ? HttpStatus.UNPROCESSABLE_ENTITY : refusal.status();
            Map<String, String> shown = refusal == null ? Forms.ordered(errors, FIELDS) : refusal.errors();
            return listPage(status, access, form, shown, refusal == null ? null : refusal.general(), null, null);
        }
        return Pages.seeOther("/c/" + access.slug() + "/publicaties/" + created.id() + "?done=published");
    }

    @Get("/{id}")
    HttpResponse<?> detail(CoalitionAccess access, UUID id, @Nullable @QueryValue String done) {
        return Pages.page(
                "publication",
                Pages.model(
                        "access",
                        access,
                        "publication",
                        publications.get(access, id),
                        "notice",
                        "published".equals(done) ? "publications.done.published" : null,
                        "section",
                        "publications"));
    }

    @Post(value = "/{id}/withdraw", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> withdraw(CoalitionAccess access, UUID id) {
        publications.withdraw(access, id);
        return Pages.seeOther("/c/" + access.slug() + "/publicaties?done=withdrawn");
    }

    @Get("/{id}/document")
    HttpResponse<byte[]> document(CoalitionAccess access, UUID id) {
        AgendaDocuments.Download download = publications.document(access, id);
        return HttpResponse.ok(download.content())
                .contentType(download.contentType())
                .header("Content-Disposition", AgendaDocuments.attachment(download.filename()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox");
    }

    @Post(value = "/feed-link", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> feedLink(CoalitionAccess access) {
        return listPage(HttpStatus.OK, access, PublicationForm.empty(), Map.of(), null, null, feeds.newLink(access));
    }

    private static String field(String property) {
        return switch (property) {
            case "kind" -> "publicationKind";
            case "title" -> "publicationTitle";
            case "body" -> "publicationBody";
            default -> property;
        };
    }

    private HttpResponse<?> listPage(
            HttpStatus status,
            CoalitionAccess access,
            PublicationForm form,
            Map<String, String> errors,
            String general,
            String notice,
            String feedUrl) {
        boolean secretary = access.has(CoalitionRole.SECRETARY);
        return Pages.page(
                status,
                "publications",
                Pages.model(
                        "access", access,
                        "publications", publications.list(access),
                        "trajects", secretary ? trajects.list(access) : List.of(),
                        "documents", secretary ? documents.list(access) : List.of(),
                        "kinds", Publication.Kind.values(),
                        "form", form,
                        "errors", errors,
                        "general", general,
                        "notice", notice,
                        "feedUrl", feedUrl,
                        "section", "publications"));
    }
}
