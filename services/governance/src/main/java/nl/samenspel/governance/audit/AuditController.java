package nl.samenspel.governance.audit;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import nl.samenspel.core.audit.AuditLog;
import nl.samenspel.core.audit.AuditRecord;
import nl.samenspel.core.audit.Verification;
import nl.samenspel.core.tenancy.TenantTransactions;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.tenancy.CoalitionAccess;

/** The coalition's audit trail and its hash-chain verification, for secretaries and accountants. */
@Controller("/api/v1/coalitions/{coalition}/audit")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditController {

    static final CoalitionRole[] READERS = {
        CoalitionRole.SECRETARY, CoalitionRole.ACCOUNTANT, CoalitionRole.OPDRACHTGEVER
    };

    private final AuditLog audit;
    private final TenantTransactions tx;

    AuditController(AuditLog audit, TenantTransactions tx) {
        this.audit = audit;
        this.tx = tx;
    }

    /** Newest first; pass the last {@code seq} you saw as {@code before} for the next page. */
    @Serdeable
    record AuditPage(List<AuditRecord> items, Long nextBefore) {}

    @Get
    AuditPage list(
            @Parameter(hidden = true) CoalitionAccess access,
            @QueryValue(defaultValue = "9223372036854775807") @Min(1) long before,
            @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size) {
        access.require(READERS);
        List<AuditRecord> items = tx.read(access.id(), () -> audit.latest(access.id(), before, size));
        Long next = items.size() == size ? items.get(items.size() - 1).seq() : null;
        return new AuditPage(items, next);
    }

    @Get("/verification")
    Verification verify(@Parameter(hidden = true) CoalitionAccess access) {
        access.require(READERS);
        return tx.read(access.id(), () -> audit.verify(access.id()));
    }
}
