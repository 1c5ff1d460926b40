package nl.samenspel.governance.coalition;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.samenspel.core.audit.AuditLog;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.core.tenancy.CoalitionId;
import nl.samenspel.core.tenancy.TenantTransactions;
import nl.samenspel.governance.identity.Account;
import nl.samenspel.governance.identity.AccountRepository;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.identity.CurrentAccount;
import nl.samenspel.governance.identity.RoleGrants;
import nl.samenspel.governance.tenancy.CoalitionAccess;

@Singleton
public class CoalitionService {

    private final CoalitionRepository coalitions;
    private final CoalitionBodyRepository bodies;
    private final AccountRepository accounts;
    private final RoleGrants grants;
    private final TenantTransactions tx;
    private final AuditLog audit;
    private final Clock clock;

    CoalitionService(
            CoalitionRepository coalitions,
            CoalitionBodyRepository bodies,
            AccountRepository accounts,
            RoleGrants grants,
            TenantTransactions tx,
            AuditLog audit,
            Clock clock) {
        this.coalitions = coalitions;
        this.bodies = bodies;
        this.accounts = accounts;
        this.grants = grants;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Founds a coalition from its template: the directory entry, the template's bodies, the founder's
     * role and the first audit events, all in one transaction.
     */
    public CoalitionResponse create(CurrentAccount caller, CreateCoalitionRequest request) {
        boolean opdrachtgever = grants.isOpdrachtgeverAnywhere(caller.id());
        if (!caller.platformAdmin() && !opdrachtgever) {
            throw ProblemException.forbidden(
                    "coalition.create-forbidden",
                    "Only a platform administrator or a municipality officer can create a coalition.");
        }
        Account secretary = request.secretaryEmail() == null
                ? null
                : accounts.findByEmail(Account.normalizeEmail(request.secretaryEmail()))
                        .orElseThrow(() -> ProblemException.invalidField(
                                "secretaryEmail",
                                "account.unknown",
                                "No account has this e-mail address; invite the secretary instead."));
        CoalitionId id = CoalitionId.random();
        return tx.write(id, () -> {
            if (coalitions.existsBySlug(request.slug())) {
                throw new ProblemException(
                        io.micronaut.http.HttpStatus.CONFLICT,
                        "coalition.slug-taken",
                        "Another coalition already uses this address.",
                        List.of(new nl.samenspel.core.problem.FieldError(
                                "slug", "coalition.slug-taken", "already in use")));
            }
            Coalition coalition = coalitions.save(new Coalition(
                    id.value(),
                    request.slug(),
                    request.name().trim(),
                    request.legalForm(),
                    request.kvkNumber(),
                    request.opdrachtgever().trim(),
                    CoalitionStatus.DRAFT,
                    clock.instant(),
                    0));
            audit.append(id, caller.actor(), "coalition.created", "coalition", id, null, coalition.auditState());
            int position = 0;
            for (LegalForm.BodyTemplate template : request.legalForm().bodies()) {
                CoalitionBody body = bodies.save(new CoalitionBody(
                        id.value(),
                        UUID.randomUUID(),
                        template.kind(),
                        template.name(),
                        position++,
                        template.formal(),
                        0));
                audit.append(
                        id,
                        caller.actor(),
                        "body.created",
                        "body",
                        body.id(),
                        null,
                        Map.of("kind", body.kind().name(), "name", body.name(), "formal", body.formal()));
            }
            Set<CoalitionRole> callerRoles = EnumSet.noneOf(CoalitionRole.class);
            if (opdrachtgever) {
                grant(id, caller, caller.id(), CoalitionRole.OPDRACHTGEVER);
                callerRoles.add(CoalitionRole.OPDRACHTGEVER);
            }
            if (secretary != null) {
                grant(id, caller, secretary.id(), CoalitionRole.SECRETARY);
                if (secretary.id().equals(caller.id())) {
                    callerRoles.add(CoalitionRole.SECRETARY);
                }
            }
            return CoalitionResponse.of(coalition, callerRoles, bodies.findByCoalitionIdOrderByPosition(id.value()));
        });
    }

    private void grant(CoalitionId id, CurrentAccount caller, UUID account, CoalitionRole role) {
        if (grants.grant(id.value(), account, role)) {
            audit.append(id, caller.actor(), "role.granted", "account", account, null, Map.of("role", role.name()));
        }
    }

    public CoalitionResponse get(CoalitionAccess access) {
        return tx.read(
                access.id(),
                () -> CoalitionResponse.of(
                        access.coalition(),
                        access.roles(),
                        bodies.findByCoalitionIdOrderByPosition(access.id().value())));
    }

    public CoalitionResponse changeStatus(CoalitionAccess access, ChangeStatusRequest request) {
        access.require(CoalitionRole.OPDRACHTGEVER, CoalitionRole.SECRETARY);
        return tx.write(access.id(), () -> {
            Coalition current = coalitions.findById(access.id().value()).orElseThrow();
            if (current.version() != request.version()) {
                throw ProblemException.conflict(
                        "coalition.version-conflict",
                        "The coalition was changed by someone else; reload and try again.");
            }
            if (!current.status().mayBecome(request.status())) {
                throw ProblemException.invalidField(
                        "status",
                        "coalition.status-transition",
                        "A coalition goes from draft to onboarding to active to dissolved; " + current.status()
                                + " cannot become " + request.status() + ".");
            }
            Coalition updated = coalitions.update(current.withStatus(request.status()));
            audit.append(
                    access.id(),
                    access.actor(),
                    "coalition.status-changed",
                    "coalition",
                    current.id(),
                    Map.of("status", current.status().name()),
                    Map.of("status", updated.status().name()));
            return CoalitionResponse.of(
                    updated,
                    access.roles(),
                    bodies.findByCoalitionIdOrderByPosition(access.id().value()));
        });
    }
}
