package nl.samenspel.governance.proposal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.governance.tenancy.CoalitionAccess;

/** The decision register: JSON for the UI, CSV for an accountant's spreadsheet. */
@Controller("/api/v1/coalitions/{coalition}/decision-register")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class DecisionRegisterController {

    private final DecisionRegister register;

    DecisionRegisterController(DecisionRegister register) {
        this.register = register;
    }

    @Get
    List<DecisionRegister.Entry> list(
            @Parameter(hidden = true) CoalitionAccess access,
            @QueryValue @Nullable String q,
            @QueryValue @Nullable Proposal.Outcome outcome) {
        return register.entries(access, check(q), outcome);
    }

    /** The same entries as CSV (semicolon-separated, UTF-8 with BOM so spreadsheets read the accents). */
    @Get("/export.csv")
    HttpResponse<byte[]> csv(
            @Parameter(hidden = true) CoalitionAccess access,
            @QueryValue @Nullable String q,
            @QueryValue @Nullable Proposal.Outcome outcome) {
        String csv = "\uFEFF" + register.csv(register.entries(access, check(q), outcome));
        return HttpResponse.ok(csv.getBytes(StandardCharsets.UTF_8))
                .contentType("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"besluitenlijst-" + access.slug() + ".csv\"");
    }

    private static String check(String q) {
        if (q != null && q.length() > 200) {
            throw ProblemException.invalidField("q", "search.too-long", "search with at most 200 characters");
        }
        return q;
    }
}
