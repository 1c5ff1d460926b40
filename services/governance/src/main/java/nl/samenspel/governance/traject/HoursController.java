package nl.samenspel.governance.traject;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.UUID;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.governance.tenancy.CoalitionAccess;
import nl.samenspel.governance.web.MultipartCsrf;

/** Hours invested in a traject: the entries with totals and fte, one entry at a time, or a CSV import. */
@Controller("/api/v1/coalitions/{coalition}/trajects/{traject}/hours")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class HoursController {

    private final HoursService service;
    private final MultipartCsrf csrf;

    HoursController(HoursService service, MultipartCsrf csrf) {
        this.service = service;
        this.csrf = csrf;
    }

    @Get
    Hours list(@Parameter(hidden = true) CoalitionAccess access, UUID traject) {
        return service.list(access, traject);
    }

    @Post
    HttpResponse<Hours.Entry> add(
            @Parameter(hidden = true) CoalitionAccess access, UUID traject, @Valid @Body Hours.EntryRequest r) {
        return HttpResponse.created(service.add(access, traject, r));
    }

    @Put("/{entryId}")
    Hours.Entry update(
            @Parameter(hidden = true) CoalitionAccess access,
            UUID traject,
            UUID entryId,
            @Valid @Body Hours.EntryUpdate r) {
        return service.update(access, traject, entryId, r);
    }

    /** The file as the body; {@code mode} all-or-nothing (the default) or good-rows. */
    @Post(value = "/import", consumes = "text/csv")
    Hours.ImportReport importText(
            @Parameter(hidden = true) CoalitionAccess access,
            UUID traject,
            @Nullable @QueryValue String mode,
            @Body byte[] file,
            HttpRequest<?> request) {
        csrf.requireForCookieSession(request, null);
        return service.importCsv(access, traject, file, mode);
    }

    /** Multipart: the file in {@code file}; {@code mode} as a query value or a part. */
    @Post(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA)
    Hours.ImportReport importFile(
            @Parameter(hidden = true) CoalitionAccess access,
            UUID traject,
            @Nullable @QueryValue("mode") String queryMode,
            @Part("file") @Nullable CompletedFileUpload file,
            @Part("mode") @Nullable String partMode,
            HttpRequest<?> request)
            throws IOException {
        csrf.requireForCookieSession(request, null);
        if (file == null) {
            throw ProblemException.invalidField(
                    "file", "hours.csv-missing", "voeg het CSV-bestand toe in het veld 'file'");
        }
        return service.importCsv(access, traject, file.getBytes(), queryMode != null ? queryMode : partMode);
    }
}
