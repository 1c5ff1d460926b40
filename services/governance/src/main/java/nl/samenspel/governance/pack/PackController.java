package nl.samenspel.governance.pack;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import java.util.UUID;
import nl.samenspel.governance.meeting.AgendaDocuments;
import nl.samenspel.governance.tenancy.CoalitionAccess;

/** Verantwoordingspakketten of a subsidy year: ask for one (202, made by a job), follow it, download it. */
@Controller("/api/v1/coalitions/{coalition}/subsidies/{id}/packs")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class PackController {

    private final PackService service;

    PackController(PackService service) {
        this.service = service;
    }

    @Get
    List<Pack> list(@Parameter(hidden = true) CoalitionAccess access, UUID id) {
        return service.list(access, id);
    }

    @Post
    HttpResponse<Pack> request(@Parameter(hidden = true) CoalitionAccess access, UUID id) {
        return HttpResponse.accepted().body(service.request(access, id));
    }

    @Get("/{packId}")
    Pack get(@Parameter(hidden = true) CoalitionAccess access, UUID id, UUID packId) {
        return service.get(access, id, packId);
    }

    @Get("/{packId}/pack.pdf")
    HttpResponse<byte[]> pdf(@Parameter(hidden = true) CoalitionAccess access, UUID id, UUID packId) {
        return download(service.download(access, id, packId, false));
    }

    @Get("/{packId}/pack.zip")
    HttpResponse<byte[]> zip(@Parameter(hidden = true) CoalitionAccess access, UUID id, UUID packId) {
        return download(service.download(access, id, packId, true));
    }

    /** The download log of a pack, for the secretary. */
    @Get("/{packId}/downloads")
    List<PackService.Download> downloads(@Parameter(hidden = true) CoalitionAccess access, UUID id, UUID packId) {
        return service.downloads(access, id, packId);
    }

    private static HttpResponse<byte[]> download(AgendaDocuments.Download d) {
        return HttpResponse.ok(d.content())
                .contentType(d.contentType())
                .header("Content-Disposition", AgendaDocuments.attachment(d.filename()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox");
    }
}
