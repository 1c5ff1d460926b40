package nl.samenspel.governance.web.audit;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.List;
import nl.samenspel.core.audit.AuditLog;
import nl.samenspel.core.audit.AuditRecord;
import nl.samenspel.core.audit.Verification;
import nl.samenspel.core.tenancy.TenantTransactions;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.tenancy.CoalitionAccess;
import nl.samenspel.governance.web.Pages;

/** The audit trail, newest first, with the hash-chain check on top. */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/c/{coalition}/audit")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditPageController {

    static final int PAGE_SIZE = 50;
    static final CoalitionRole[] READERS = {
        CoalitionRole.SECRETARY, CoalitionRole.ACCOUNTANT, CoalitionRole.OPDRACHTGEVER
    };

    private final AuditLog audit;
    private final TenantTransactions tx;

    AuditPageController(AuditLog audit, TenantTransactions tx) {
        this.audit = audit;
        this.tx = tx;
    }

    @Get
    HttpResponse<?> trail(CoalitionAccess access, @QueryValue(defaultValue = "9223372036854775807") long before) {
        access.require(READERS);
        record Read(List<AuditRecord> events, Verification verification) {}
        Read read = tx.read(
                access.id(),
                () -> new Read(audit.latest(access.id(), Math.max(1, before), PAGE_SIZE), audit.verify(access.id())));
        Long next = read.events().size() == PAGE_SIZE
                ? read.events().get(read.events().size() - 1).seq()
                : null;
        return Pages.page(
                "audit",
                Pages.model(
                        "access",
                        access,
                        "events",
                        read.events(),
                        "verification",
                        read.verification(),
                        "next",
                        next,
                        "first",
                        before == Long.MAX_VALUE,
                        "section",
                        "audit"));
    }
}
