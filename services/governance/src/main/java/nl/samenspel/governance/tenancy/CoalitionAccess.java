package nl.samenspel.governance.tenancy;

import java.util.Arrays;
import java.util.Set;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.core.tenancy.CoalitionId;
import nl.samenspel.governance.coalition.Coalition;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.identity.CurrentAccount;

/**
 * The caller inside one coalition: resolved from the route's slug and the verified token, never from
 * a client-supplied header. A caller without a role in the coalition never gets one of these (404).
 */
public record CoalitionAccess(Coalition coalition, CurrentAccount account, Set<CoalitionRole> roles) {

    public CoalitionId id() {
        return coalition.coalitionId();
    }

    public String slug() {
        return coalition.slug();
    }

    public boolean has(CoalitionRole... any) {
        return Arrays.stream(any).anyMatch(roles::contains);
    }

    /** Throws a 403 unless the caller holds one of the roles. */
    public CoalitionAccess require(CoalitionRole... any) {
        if (!has(any)) {
            throw ProblemException.forbidden("auth.role-required", "Your role in this coalition does not allow this.");
        }
        return this;
    }

    /** Whether the caller holds only the staff role: it reads publications and nothing else. */
    public boolean staffOnly() {
        return roles.equals(Set.of(CoalitionRole.STAFF));
    }

    public String actor() {
        return account.actor();
    }
}
