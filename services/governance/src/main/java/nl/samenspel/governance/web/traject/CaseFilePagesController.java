package nl.samenspel.governance.web.traject;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.meeting.AgendaDocuments;
import nl.samenspel.governance.tenancy.CoalitionAccess;
import nl.samenspel.governance.traject.CaseFile;
import nl.samenspel.governance.traject.CaseFileService;
import nl.samenspel.governance.web.Forms;
import nl.samenspel.governance.web.Pages;

/**
 * A traject's case file (dossier) as a page: its entries by date with the download of the whole file
 * as a ZIP; the secretary adds the coalition's documents, decisions, meetings and reports and withdraws
 * entries.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/c/{coalition}/trajecten/{id}/dossier")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class CaseFilePagesController {

    private static final Function<String, String> MESSAGES =
            Forms.knownCodes(Set.of("traject.case-item-unknown", "traject.case-entry-duplicate"));

    static final List<String> FIELDS = List.of("caseItem", "classification", "retentionYears");

    private final CaseFileService caseFiles;

    CaseFilePagesController(CaseFileService caseFiles) {
        this.caseFiles = caseFiles;
    }

    /** {@code caseItem} is the kind and id of the item, as "DECISION:uuid". */
    @Serdeable
    record EntryForm(@Nullable String caseItem, @Nullable String classification, @Nullable String retentionYears) {

        static EntryForm empty() {
            return new EntryForm("", "INTERN", "10");
        }
    }

    @Get
    HttpResponse<?> page(CoalitionAccess access, UUID id, @Nullable @QueryValue String done) {
        String notice = "added".equals(done)
                ? "casefile.done.added"
                : "withdrawn".equals(done) ? "casefile.done.withdrawn" : null;
        return page(HttpStatus.OK, access, id, EntryForm.empty(), Map.of(), null, notice);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> add(CoalitionAccess access, UUID id, @Body EntryForm form) {
        access.require(CoalitionRole.SECRETARY);
        Map<String, String> errors = new LinkedHashMap<>();
        CaseFile.Kind kind = null;
        UUID ref = null;
        String item = form.caseItem() == null ? "" : form.caseItem().strip();
        int colon = item.indexOf(':');
        try {
            kind = CaseFile.Kind.valueOf(item.substring(0, Math.max(colon, 0)));
            ref = UUID.fromString(item.substring(colon + 1));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            errors.put("caseItem", "casefile.choose-item");
        }
        CaseFile.Classification classification = null;
        try {
            classification = CaseFile.Classification.valueOf(String.valueOf(form.classification()));
        } catch (IllegalArgumentException e) {
            errors.put("classification", "error.invalid");
        }
        Integer years = null;
        String retention =
                form.retentionYears() == null ? "" : form.retentionYears().strip();
        if (!retention.isEmpty()) {
            years = Forms.whole(retention, "retentionYears", errors);
            if (years != null && (years < 1 || years > 100)) {
                errors.put("retentionYears", "casefile.retention-range");
            }
        }
        if (!errors.isEmpty()) {
            return page(HttpStatus.UNPROCESSABLE_ENTITY, access, id, form, Forms.ordered(errors, FIELDS), null, null);
        }
        try {
            caseFiles.add(access, id, new CaseFile.EntryRequest(kind, ref, classification, years));
        } catch (ProblemException e) {
            Forms.Refusal r = Forms.refusal(e, f -> "refId".equals(f) ? "caseItem" : f, MESSAGES);
            return page(r.status(), access, id, form, r.errors(), r.general(), null);
        }
        return Pages.seeOther("/c/" + access.slug() + "/trajecten/" + id + "/dossier?done=added");
    }

    @Post(value = "/{entryId}/intrekken", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> withdraw(CoalitionAccess access, UUID id, UUID entryId) {
        caseFiles.withdraw(access, id, entryId);
        return Pages.seeOther("/c/" + access.slug() + "/trajecten/" + id + "/dossier?done=withdrawn");
    }

    @Get("/zip")
    HttpResponse<byte[]> zip(CoalitionAccess access, UUID id) {
        AgendaDocuments.Download d = caseFiles.export(access, id);
        return HttpResponse.ok(d.content())
                .contentType(d.contentType())
                .header("Content-Disposition", AgendaDocuments.attachment(d.filename()))
                .header("X-Content-Type-Options", "nosniff");
    }

    private HttpResponse<?> page(
            HttpStatus status,
            CoalitionAccess access,
            UUID id,
            EntryForm form,
            Map<String, String> errors,
            String general,
            String notice) {
        boolean secretary = access.has(CoalitionRole.SECRETARY);
        return Pages.page(
                status,
                "traject-dossier",
                Pages.model(
                        "access",
                        access,
                        "caseFile",
                        caseFiles.list(access, id),
                        "candidates",
                        secretary ? caseFiles.candidates(access, id) : List.of(),
                        "isSecretary",
                        secretary,
                        "form",
                        form,
                        "errors",
                        errors,
                        "general",
                        general,
                        "notice",
                        notice,
                        "section",
                        "trajects"));
    }
}
