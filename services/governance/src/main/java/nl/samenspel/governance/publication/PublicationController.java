package nl.samenspel.governance.publication;

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
import java.util.Map;
import java.util.UUID;
import nl.samenspel.governance.meeting.AgendaDocuments;
import nl.samenspel.governance.tenancy.CoalitionAccess;
import nl.samenspel.governance.tenancy.StaffReadable;

/** Publications: the secretary publishes and withdraws, everyone with a role (staff too) reads. */
@StaffReadable
@Controller("/api/v1/coalitions/{coalition}/publications")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class PublicationController {

    private final PublicationService service;
    private final PublicationFeedService feeds;

    PublicationController(PublicationService service, PublicationFeedService feeds) {
        this.service = service;
        this.feeds = feeds;
    }

    @Get
    List<Publication> list(@Parameter(hidden = true) CoalitionAccess access) {
        return service.list(access);
    }

    @Post
    HttpResponse<Publication> publish(
            @Parameter(hidden = true) CoalitionAccess access, @Valid @Body Publication.Request request) {
        return HttpResponse.created(service.publish(access, request));
    }

    @Get("/{id}")
    Publication get(@Parameter(hidden = true) CoalitionAccess access, UUID id) {
        return service.get(access, id);
    }

    @Post("/{id}/withdraw")
    Publication withdraw(@Parameter(hidden = true) CoalitionAccess access, UUID id) {
        return service.withdraw(access, id);
    }

    /** The document of a document publication: staff download it here, never through the documents. */
    @Get("/{id}/document")
    HttpResponse<byte[]> document(@Parameter(hidden = true) CoalitionAccess access, UUID id) {
        AgendaDocuments.Download download = service.document(access, id);
        return HttpResponse.ok(download.content())
                .contentType(download.contentType())
                .header("Content-Disposition", AgendaDocuments.attachment(download.filename()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox");
    }

    /** A personal Atom feed link; it replaces the caller's earlier one. */
    @Post("/feed-link")
    HttpResponse<Map<String, String>> feedLink(@Parameter(hidden = true) CoalitionAccess access) {
        return HttpResponse.created(Map.of("url", feeds.newLink(access)));
    }
}
