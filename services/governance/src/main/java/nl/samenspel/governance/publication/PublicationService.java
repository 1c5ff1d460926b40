package nl.samenspel.governance.publication;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.samenspel.core.audit.AuditLog;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.core.tenancy.TenantTransactions;
import nl.samenspel.governance.document.DocumentService;
import nl.samenspel.governance.identity.Account;
import nl.samenspel.governance.identity.AccountRepository;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.identity.RoleGrants;
import nl.samenspel.governance.meeting.AgendaDocuments;
import nl.samenspel.governance.tenancy.CoalitionAccess;

/**
 * Publications for the staff of the members. The secretary publishes and withdraws; everyone with a
 * role reads what is published. A withdrawn publication is gone for readers (404); only the secretary
 * still lists it. The staff role is granted by a member's representative (for that member) or by the
 * secretary, to an existing account.
 */
@Singleton
public class PublicationService {

    private final PublicationRepository repository;
    private final DocumentService documents;
    private final RoleGrants grants;
    private final AccountRepository accounts;
    private final TenantTransactions tx;
    private final AuditLog audit;
    private final Clock clock;

    PublicationService(
            PublicationRepository repository,
            DocumentService documents,
            RoleGrants grants,
            AccountRepository accounts,
            TenantTransactions tx,
            AuditLog audit,
            Clock clock) {
        this.repository = repository;
        this.documents = documents;
        this.grants = grants;
        this.accounts = accounts;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    /** What is published, newest first; the secretary also sees what was withdrawn. */
    public List<Publication> list(CoalitionAccess access) {
        return tx.read(
                access.id(), () -> repository.publications(access.id().value(), access.has(CoalitionRole.SECRETARY)));
    }

    /** A published publication; a withdrawn one only for the secretary. */
    public Publication get(CoalitionAccess access, UUID id) {
        return tx.read(access.id(), () -> readable(access, id));
    }

    public Publication publish(CoalitionAccess access, Publication.Request request) {
        access.require(CoalitionRole.SECRETARY);
        String body = request.body() == null ? "" : request.body().strip();
        if (request.kind() == Publication.Kind.DOCUMENT && request.documentId() == null) {
            throw ProblemException.invalidField(
                    "documentId", "publication.document-required", "name the document to publish");
        }
        if (request.kind() != Publication.Kind.DOCUMENT && request.documentId() != null) {
            throw ProblemException.invalidField(
                    "documentId", "publication.document-for-document", "only a document publication names a document");
        }
        if (request.kind() != Publication.Kind.DOCUMENT && body.isEmpty()) {
            throw ProblemException.invalidField("body", "publication.body-required", "write the text to publish");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        return tx.write(access.id(), () -> {
            UUID c = access.id().value();
            if (request.trajectId() != null && !repository.trajectExists(c, request.trajectId())) {
                throw ProblemException.invalidField(
                        "trajectId", "publication.traject-unknown", "this coalition has no such traject");
            }
            if (request.documentId() != null && !repository.documentExists(c, request.documentId())) {
                throw ProblemException.invalidField(
                        "documentId", "publication.document-unknown", "this coalition has no such document");
            }
            repository.insert(c, id, request, now, access.actor());
            Publication created = repository.publication(c, id).orElseThrow();
            audit.append(access.id(), access.actor(), "publication.published", "publication", id, null, state(created));
            return created;
        });
    }

    public Publication withdraw(CoalitionAccess access, UUID id) {
        access.require(CoalitionRole.SECRETARY);
        Instant now = clock.instant();
        return tx.write(access.id(), () -> {
            UUID c = access.id().value();
            Publication before = repository.publication(c, id).orElseThrow(PublicationService::notFound);
            if (repository.withdraw(c, id, now, access.actor()) != 1) {
                throw ProblemException.conflict("publication.withdrawn", "This publication was already withdrawn.");
            }
            Publication after = repository.publication(c, id).orElseThrow();
            audit.append(
                    access.id(),
                    access.actor(),
                    "publication.withdrawn",
                    "publication",
                    id,
                    state(before),
                    state(after));
            return after;
        });
    }

    /** The document of a live document publication: how staff download it. */
    public AgendaDocuments.Download document(CoalitionAccess access, UUID id) {
        Publication p = get(access, id);
        if (p.documentId() == null || p.withdrawn()) {
            throw notFound();
        }
        return documents.content(access, p.documentId());
    }

    public List<Staff> staff(CoalitionAccess access) {
        access.require(CoalitionRole.SECRETARY, CoalitionRole.REPRESENTATIVE);
        return tx.read(access.id(), () -> repository.staff(access.id().value(), null).stream()
                .filter(s -> access.has(CoalitionRole.SECRETARY) || represents(access, s.memberId()))
                .toList());
    }

    public Staff grantStaff(CoalitionAccess access, Staff.Request request) {
        access.require(CoalitionRole.SECRETARY, CoalitionRole.REPRESENTATIVE);
        Account account = accounts.findByEmail(Account.normalizeEmail(request.email()))
                .orElseThrow(() -> ProblemException.invalidField(
                        "email", "account.unknown", "no account has this e-mail address yet"));
        Instant now = clock.instant();
        return tx.write(access.id(), () -> {
            UUID c = access.id().value();
            if (!repository.memberExists(c, request.memberId())) {
                throw ProblemException.invalidField(
                        "memberId", "member.not-found", "there is no such member in this coalition");
            }
            if (!access.has(CoalitionRole.SECRETARY) && !represents(access, request.memberId())) {
                throw ProblemException.forbidden(
                        "staff.not-your-member", "Only a representative of this member grants its staff access.");
            }
            grants.grantUntil(c, account.id(), CoalitionRole.STAFF, null);
            repository.grantStaff(c, account.id(), request.memberId(), now, access.actor());
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("role", CoalitionRole.STAFF.name());
            after.put("memberId", request.memberId().toString());
            audit.append(access.id(), access.actor(), "role.granted", "account", account.id(), null, after);
            return repository.staff(c, request.memberId()).stream()
                    .filter(s -> s.accountId().equals(account.id()))
                    .findFirst()
                    .orElseThrow();
        });
    }

    public void revokeStaff(CoalitionAccess access, Staff.RevokeRequest request) {
        access.require(CoalitionRole.SECRETARY, CoalitionRole.REPRESENTATIVE);
        tx.write(access.id(), () -> {
            UUID c = access.id().value();
            UUID member = repository
                    .staffMember(c, request.accountId())
                    .filter(m -> access.has(CoalitionRole.SECRETARY) || represents(access, m))
                    .orElseThrow(() -> ProblemException.notFound(
                            "staff.not-found", "This person has no staff access granted by your organisation."));
            grants.revoke(c, request.accountId(), CoalitionRole.STAFF);
            repository.removeStaff(c, request.accountId());
            audit.append(
                    access.id(),
                    access.actor(),
                    "role.revoked",
                    "account",
                    request.accountId(),
                    Map.of("role", CoalitionRole.STAFF.name(), "memberId", member.toString()),
                    null);
            return null;
        });
    }

    private boolean represents(CoalitionAccess access, UUID member) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Amsterdam")));
        return access.has(CoalitionRole.REPRESENTATIVE)
                && repository.represents(access.id().value(), access.account().id(), member, today);
    }

    private Publication readable(CoalitionAccess access, UUID id) {
        return repository
                .publication(access.id().value(), id)
                .filter(p -> !p.withdrawn() || access.has(CoalitionRole.SECRETARY))
                .orElseThrow(PublicationService::notFound);
    }

    private static Map<String, Object> state(Publication p) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("kind", p.kind().name());
        s.put("title", p.title());
        s.put("body", p.body());
        s.put("trajectId", p.trajectId() == null ? null : p.trajectId().toString());
        s.put("documentId", p.documentId() == null ? null : p.documentId().toString());
        s.put("withdrawnAt", p.withdrawnAt() == null ? null : p.withdrawnAt().toString());
        return s;
    }

    static ProblemException notFound() {
        return ProblemException.notFound("publication.not-found", "There is no such publication in this coalition.");
    }
}
