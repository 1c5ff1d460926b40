package nl.samenspel.governance.traject;

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

/** A traject's case file: its entries by date, what may be added, adding and withdrawing, and the ZIP export. */
@Controller("/api/v1/coalitions/{coalition}/trajects/{traject}/case-file")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class CaseFileController {

    private final CaseFileService service;

    CaseFileController(CaseFileService service) {
        this.service = service;
    }

    @Get
    CaseFile list(@Parameter(hidden = true) CoalitionAccess access, UUID traject) {
        return service.list(access, traject);
    }

    @Get("/candidates")
    List<CaseFile.Candidate> candidates(@Parameter(hidden = true) CoalitionAccess access, UUID traject) {
        return service.candidates(access, traject);
    }

    @Post
    HttpResponse<CaseFile.Entry> add(
            @Parameter(hidden = true) CoalitionAccess access, UUID traject, @Valid @Body CaseFile.EntryRequest r) {
        return HttpResponse.created(service.add(access, traject, r));
    }

    @Post("/{entryId}/withdrawal")
    CaseFile withdraw(@Parameter(hidden = true) CoalitionAccess access, UUID traject, UUID entryId) {
        return service.withdraw(access, traject, entryId);
    }

    @Get("/export")
    HttpResponse<byte[]> export(@Parameter(hidden = true) CoalitionAccess access, UUID traject) {
        AgendaDocuments.Download d = service.export(access, traject);
        return HttpResponse.ok(d.content())
                .contentType(d.contentType())
                .header("Content-Disposition", AgendaDocuments.attachment(d.filename()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox");
    }
}
