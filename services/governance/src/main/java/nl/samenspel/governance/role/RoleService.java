package nl.samenspel.governance.role;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.samenspel.core.audit.AuditLog;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.core.tenancy.TenantTransactions;
import nl.samenspel.governance.identity.Account;
import nl.samenspel.governance.identity.AccountRepository;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.identity.RoleGrants;
import nl.samenspel.governance.tenancy.CoalitionAccess;

/**
 * Who holds which role in a coalition, managed by its secretary or opdrachtgever. Representatives
 * come only through invitations (their mandate matters), and an accountant's access always ends.
 */
@Singleton
public class RoleService {

    private final RoleGrants grants;
    private final AccountRepository accounts;
    private final TenantTransactions tx;
    private final AuditLog audit;
    private final Clock clock;

    RoleService(RoleGrants grants, AccountRepository accounts, TenantTransactions tx, AuditLog audit, Clock clock) {
        this.grants = grants;
        this.accounts = accounts;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    public List<RoleGrants.Grant> list(CoalitionAccess access) {
        access.require(CoalitionRole.SECRETARY, CoalitionRole.OPDRACHTGEVER);
        return tx.read(access.id(), () -> grants.grantsOf(access.id().value()));
    }

    public List<RoleGrants.Grant> grant(CoalitionAccess access, GrantRoleRequest request) {
        requireManager(access, request.role());
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Amsterdam")));
        if (request.role() == CoalitionRole.ACCOUNTANT && request.validUntil() == null) {
            throw ProblemException.invalidField(
                    "validUntil", "role.accountant-time-boxed", "an accountant's access needs a last day");
        }
        if (request.role() == CoalitionRole.ACCOUNTANT
                && (request.years() == null || request.years().isEmpty())) {
            throw ProblemException.invalidField(
                    "years", "role.accountant-years", "name the subsidy years the accountant may see");
        }
        if (request.role() != CoalitionRole.ACCOUNTANT && request.years() != null) {
            throw ProblemException.invalidField(
                    "years", "role.years-for-accountant", "only an accountant is given years");
        }
        if (request.validUntil() != null && request.validUntil().isBefore(today)) {
            throw ProblemException.invalidField("validUntil", "role.until-past", "must be today or later");
        }
        Account account = accounts.findByEmail(Account.normalizeEmail(request.email()))
                .orElseThrow(() -> ProblemException.invalidField(
                        "email", "account.unknown", "no account has this e-mail address yet"));
        return tx.write(access.id(), () -> {
            grants.grantUntil(access.id().value(), account.id(), request.role(), request.validUntil());
            Map<String, Object> after = new LinkedHashMap<>();
            if (request.role() == CoalitionRole.ACCOUNTANT) {
                java.util.List<Integer> years =
                        request.years().stream().distinct().sorted().toList();
                grants.setAccountantYears(access.id().value(), account.id(), years);
                after.put("years", years);
            }
            after.put("role", request.role().name());
            after.put(
                    "validUntil",
                    request.validUntil() == null ? null : request.validUntil().toString());
            audit.append(access.id(), access.actor(), "role.granted", "account", account.id(), null, after);
            return grants.grantsOf(access.id().value());
        });
    }

    public List<RoleGrants.Grant> revoke(CoalitionAccess access, RevokeRoleRequest request) {
        requireManager(access, request.role());
        return tx.write(access.id(), () -> {
            if (request.role() == CoalitionRole.SECRETARY
                    && grants.grantsOf(access.id().value()).stream()
                                    .filter(g -> g.role() == CoalitionRole.SECRETARY)
                                    .count()
                            <= 1) {
                throw ProblemException.conflict(
                        "role.last-secretary", "A coalition keeps at least one secretary; appoint another one first.");
            }
            if (!grants.revoke(access.id().value(), request.accountId(), request.role())) {
                throw ProblemException.notFound("role.not-found", "This person does not hold this role here.");
            }
            audit.append(
                    access.id(),
                    access.actor(),
                    "role.revoked",
                    "account",
                    request.accountId(),
                    Map.of("role", request.role().name()),
                    null);
            return grants.grantsOf(access.id().value());
        });
    }

    private static void requireManager(CoalitionAccess access, CoalitionRole role) {
        access.require(CoalitionRole.SECRETARY, CoalitionRole.OPDRACHTGEVER);
        if (role == CoalitionRole.REPRESENTATIVE) {
            throw ProblemException.invalidField(
                    "role", "role.by-invitation", "representatives are invited for a member organisation");
        }
        if (role == CoalitionRole.STAFF) {
            throw ProblemException.invalidField(
                    "role", "role.staff-by-member", "staff access is granted for a member organisation, under …/staff");
        }
        if (role == CoalitionRole.OPDRACHTGEVER && !access.has(CoalitionRole.OPDRACHTGEVER)) {
            throw new ProblemException(
                    HttpStatus.FORBIDDEN, "auth.role-required", "Only the opdrachtgever names other opdrachtgevers.");
        }
    }
}
