package nl.samenspel.governance.audit;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import nl.samenspel.core.audit.Verification;
import nl.samenspel.governance.tenancy.CoalitionAccess;

/** The coalition's audit trail and its hash-chain verification, for secretaries and accountants. */
@Controller("/api/v1/coalitions/{coalition}/audit")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    /** Newest first; pass {@code nextBefore} as {@code before} for the next page. */
    @Get
    AuditTrail.Page list(
            @Parameter(hidden = true) CoalitionAccess access,
            @QueryValue(defaultValue = "9223372036854775807") @Min(1) long before,
            @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size) {
        return trail.page(access, before, size);
    }

    @Get("/verification")
    Verification verify(@Parameter(hidden = true) CoalitionAccess access) {
        return trail.verify(access);
    }
}
