package nl.samenspel.governance.tenancy;

import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;
import nl.samenspel.core.tenancy.TenantTransactions;
import nl.samenspel.governance.coalition.Coalition;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.identity.CurrentAccount;
import nl.samenspel.governance.identity.RoleGrants;
import nl.samenspel.governance.member.RepresentativeService;

/**
 * The roles an account holds in a coalition right now: its grants, where a representative counts only
 * while its mandate for a current member runs. No role, no access.
 */
@Singleton
public class CoalitionAccessResolver {

    private final RoleGrants grants;
    private final RepresentativeService mandates;
    private final TenantTransactions tx;

    CoalitionAccessResolver(RoleGrants grants, RepresentativeService mandates, TenantTransactions tx) {
        this.grants = grants;
        this.mandates = mandates;
        this.tx = tx;
    }

    /**
     * The caller's access to the coalition's content. An account that holds only the staff role has
     * none: it reads publications through {@link #resolveForPublications}, and nothing else.
     */
    public Optional<CoalitionAccess> resolve(Coalition coalition, CurrentAccount account) {
        return resolveForPublications(coalition, account).filter(access -> !access.staffOnly());
    }

    /** Also a staff-only caller; only for what {@link StaffReadable} marks. */
    public Optional<CoalitionAccess> resolveForPublications(Coalition coalition, CurrentAccount account) {
        Set<CoalitionRole> roles = tx.read(coalition.coalitionId(), () -> {
            Set<CoalitionRole> held = grants.rolesOf(account.id(), coalition.id());
            if (held.contains(CoalitionRole.REPRESENTATIVE)
                    && !mandates.hasCurrentMandate(coalition.coalitionId(), account.id())) {
                held.remove(CoalitionRole.REPRESENTATIVE);
            }
            return held;
        });
        return roles.isEmpty() ? Optional.empty() : Optional.of(new CoalitionAccess(coalition, account, roles));
    }
}
