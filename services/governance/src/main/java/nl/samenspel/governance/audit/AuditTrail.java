package nl.samenspel.governance.audit;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.List;
import nl.samenspel.core.audit.AuditLog;
import nl.samenspel.core.audit.AuditRecord;
import nl.samenspel.core.audit.Verification;
import nl.samenspel.core.tenancy.TenantTransactions;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.tenancy.CoalitionAccess;

/** Reading a coalition's audit trail: who may, pages newest first, and the chain check. */
@Singleton
public class AuditTrail {

    static final CoalitionRole[] READERS = {
        CoalitionRole.SECRETARY, CoalitionRole.ACCOUNTANT, CoalitionRole.OPDRACHTGEVER
    };

    private final AuditLog audit;
    private final TenantTransactions tx;

    AuditTrail(AuditLog audit, TenantTransactions tx) {
        this.audit = audit;
        this.tx = tx;
    }

    /** Newest first; {@code nextBefore} is the seq to pass as {@code before} for the next page. */
    @Serdeable
    public record Page(List<AuditRecord> items, Long nextBefore) {}

    public Page page(CoalitionAccess access, long before, int size) {
        access.require(READERS);
        List<AuditRecord> items = tx.read(access.id(), () -> audit.latest(access.id(), Math.max(1, before), size));
        Long next = items.size() == size ? items.get(items.size() - 1).seq() : null;
        return new Page(items, next);
    }

    public Verification verify(CoalitionAccess access) {
        access.require(READERS);
        return tx.read(access.id(), () -> audit.verify(access.id()));
    }
}
