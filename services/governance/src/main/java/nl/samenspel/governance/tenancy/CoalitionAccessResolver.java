package nl.samenspel.governance.tenancy;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import nl.samenspel.governance.coalition.Coalition;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.identity.CurrentAccount;
import nl.samenspel.governance.identity.LoginService.SessionCheck;
import nl.samenspel.governance.identity.RoleGrants;
import nl.samenspel.governance.identity.SessionCheckPostponement;
import nl.samenspel.governance.member.RepresentativeService;

/**
 * The roles an account holds in a coalition right now: its grants, where a representative counts only
 * while its mandate for a current member runs. No role, no access.
 */
@Singleton
public class CoalitionAccessResolver {

    private final RoleGrants grants;
    private final RepresentativeService mandates;

    CoalitionAccessResolver(RoleGrants grants, RepresentativeService mandates) {
        this.grants = grants;
        this.mandates = mandates;
    }

    /**
     * The caller's access to the coalition's content. An account that holds only the staff role has
     * none: it reads publications through {@link #resolveForPublications}, and nothing else.
     */
    public Optional<CoalitionAccess> resolve(Coalition coalition, CurrentAccount account) {
        return resolveForPublications(coalition, account).filter(access -> !access.staffOnly());
    }

    /**
     * The caller's access to the coalition at {@code slug}: the coalition and the caller's grants in one
     * statement (both platform tables, no tenant transaction), then, only for a representative, its
     * mandate (a tenant table). Empty for a slug that names no coalition and for a caller without a role
     * there, alike. {@code staffReadable} admits a staff-only caller ({@link StaffReadable}). A login
     * session whose check was postponed ({@link SessionCheckPostponement}) is checked in the same
     * statement: 401 when it has ended.
     */
    public Optional<CoalitionAccess> resolveBySlug(
            String slug, CurrentAccount account, boolean staffReadable, @Nullable SessionCheck postponedSession) {
        return grants.coalitionBySlugWithRolesOf(slug, account.id(), postponedSession)
                .flatMap(found -> withMandate(found.coalition(), account, found.roles()))
                .filter(access -> staffReadable || !access.staffOnly());
    }

    /** Also a staff-only caller; only for what {@link StaffReadable} marks. */
    public Optional<CoalitionAccess> resolveForPublications(Coalition coalition, CurrentAccount account) {
        return withMandate(coalition, account, grants.rolesOf(account.id(), coalition.id()));
    }

    /** A representative counts only while its mandate for a current member runs. */
    private Optional<CoalitionAccess> withMandate(
            Coalition coalition, CurrentAccount account, Set<CoalitionRole> granted) {
        Set<CoalitionRole> roles = EnumSet.noneOf(CoalitionRole.class);
        roles.addAll(granted);
        if (roles.contains(CoalitionRole.REPRESENTATIVE)
                && !mandates.hasCurrentMandate(coalition.coalitionId(), account.id())) {
            roles.remove(CoalitionRole.REPRESENTATIVE);
        }
        return roles.isEmpty() ? Optional.empty() : Optional.of(new CoalitionAccess(coalition, account, roles));
    }
}
