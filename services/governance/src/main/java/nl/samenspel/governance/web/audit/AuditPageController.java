package nl.samenspel.governance.web.audit;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import nl.samenspel.core.audit.Verification;
import nl.samenspel.governance.audit.AuditTrail;
import nl.samenspel.governance.tenancy.CoalitionAccess;
import nl.samenspel.governance.web.Pages;

/** The audit trail, newest first, with the hash-chain check on top. */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/c/{coalition}/audit")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditPageController {

    static final int PAGE_SIZE = 50;
    private final AuditTrail trail;

    AuditPageController(AuditTrail trail) {
        this.trail = trail;
    }

    @Get
    HttpResponse<?> trail(CoalitionAccess access, @QueryValue(defaultValue = "9223372036854775807") long before) {
        AuditTrail.Page page = trail.page(access, before, PAGE_SIZE);
        Verification verification = trail.verify(access);
        return Pages.page(
                "audit",
                Pages.model(
                        "access",
                        access,
                        "events",
                        page.items(),
                        "verification",
                        verification,
                        "next",
                        page.nextBefore(),
                        "first",
                        before == Long.MAX_VALUE,
                        "section",
                        "audit"));
    }
}
