package nl.samenspel.governance.statute;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.samenspel.core.audit.AuditLog;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.core.tenancy.CoalitionId;
import nl.samenspel.core.tenancy.TenantTransactions;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.statute.rules.StatuteRules;
import nl.samenspel.governance.tenancy.CoalitionAccess;

/**
 * Statute versions: drafts change, adopted versions never do (also enforced by triggers), and the
 * version in force on a day is the newest adopted one effective then — for a coöperatie only once the
 * notarial deed is recorded.
 */
@Singleton
public class StatuteService {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final StatuteRepository statutes;
    private final TenantTransactions tx;
    private final AuditLog audit;
    private final Clock clock;

    StatuteService(StatuteRepository statutes, TenantTransactions tx, AuditLog audit, Clock clock) {
        this.statutes = statutes;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    public List<StatuteResponse> list(CoalitionAccess access) {
        return tx.read(access.id(), () -> {
            List<StatuteVersion> all = statutes.all(access.id().value());
            Optional<UUID> inForce = inForceId(access, all);
            return all.stream()
                    .map(v ->
                            StatuteResponse.of(v, inForce.filter(v.id()::equals).isPresent()))
                    .toList();
        });
    }

    public StatuteResponse get(CoalitionAccess access, UUID id) {
        return tx.read(access.id(), () -> {
            StatuteVersion v = find(access, id);
            Optional<UUID> inForce = inForceId(access, statutes.all(access.id().value()));
            return StatuteResponse.of(v, inForce.filter(v.id()::equals).isPresent());
        });
    }

    /** The version in force on a day, if any. */
    public Optional<StatuteVersion> inForce(CoalitionId coalition, boolean cooperatie, LocalDate day) {
        return tx.read(coalition, () -> statutes.all(coalition.value()).stream()
                .filter(v -> v.inForceOn(day, cooperatie))
                .findFirst());
    }

    public StatuteResponse createDraft(CoalitionAccess access, StatuteRequests.NewDraft request) {
        access.require(CoalitionRole.SECRETARY);
        UUID coalition = access.id().value();
        return tx.write(access.id(), () -> {
            StatuteVersion base = request.basedOn() == null ? null : find(access, request.basedOn());
            StatuteRules rules = base != null
                    ? base.rules()
                    : access.coalition().legalForm() == LegalForm.COOPERATIE_UA
                            ? StatuteRules.cooperatie()
                            : StatuteRules.samenwerkingsverband();
            UUID id = UUID.randomUUID();
            int number = statutes.nextNumber(coalition);
            statutes.insertDraft(coalition, id, number, request.title().trim(), rules);
            if (base != null) {
                statutes.replaceArticles(coalition, id, base.articles());
            }
            audit.append(
                    access.id(),
                    access.actor(),
                    "statute.drafted",
                    "statute_version",
                    id,
                    null,
                    Map.of("number", number, "basedOn", base == null ? "template" : String.valueOf(base.number())));
            return StatuteResponse.of(find(access, id), false);
        });
    }

    public StatuteResponse updateDraft(CoalitionAccess access, UUID id, StatuteRequests.Draft request) {
        access.require(CoalitionRole.SECRETARY);
        Set<String> numbers = new HashSet<>();
        for (Article a : request.articles()) {
            if (!numbers.add(a.number())) {
                throw ProblemException.invalidField(
                        "articles", "statute.duplicate-article", "article " + a.number() + " appears twice");
            }
        }
        StatuteRules rules;
        try {
            rules = request.rules() == null ? null : StatuteRepository.rulesFrom(request.rules());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(
                    "rules", "statute.rules-invalid", "the rule set is not complete or not valid");
        }
        UUID coalition = access.id().value();
        return tx.write(access.id(), () -> {
            StatuteVersion current = find(access, id);
            refuseIfAdopted(current);
            if (current.version() != request.version()) {
                throw ProblemException.conflict(
                        "statute.version-conflict", "The draft was changed by someone else; reload it.");
            }
            StatuteRules kept = rules == null
                    ? current.rules()
                    : request.rules().containsKey("sources")
                            ? rules
                            : rules.withSources(current.rules().sources());
            statutes.updateDraft(
                    coalition, id, current.version(), request.title().trim(), kept);
            statutes.replaceArticles(coalition, id, request.articles());
            StatuteVersion after = find(access, id);
            audit.append(
                    access.id(),
                    access.actor(),
                    "statute.draft-changed",
                    "statute_version",
                    id,
                    Map.of(
                            "title",
                            current.title(),
                            "articles",
                            current.articles().size()),
                    Map.of("title", after.title(), "articles", after.articles().size()));
            return StatuteResponse.of(after, false);
        });
    }

    public StatuteResponse adopt(CoalitionAccess access, UUID id, StatuteRequests.Adopt request) {
        access.require(CoalitionRole.SECRETARY);
        return tx.write(access.id(), () -> {
            StatuteVersion current = find(access, id);
            refuseIfAdopted(current);
            if (current.articles().isEmpty()) {
                throw ProblemException.conflict(
                        "statute.empty", "A statute version without articles cannot be adopted.");
            }
            if (statutes.adopt(access.id().value(), id, request.version(), request.effectiveFrom(), clock.instant())
                    != 1) {
                throw ProblemException.conflict(
                        "statute.version-conflict", "The draft was changed by someone else; reload it.");
            }
            audit.append(
                    access.id(),
                    access.actor(),
                    "statute.adopted",
                    "statute_version",
                    id,
                    Map.of("status", "DRAFT"),
                    Map.of(
                            "status",
                            "ADOPTED",
                            "effectiveFrom",
                            request.effectiveFrom().toString()));
            return get(access, id);
        });
    }

    /** A coöperatie's amendment takes effect only by notarial deed; record its date once. */
    public StatuteResponse recordDeed(CoalitionAccess access, UUID id, StatuteRequests.Deed request) {
        access.require(CoalitionRole.SECRETARY);
        if (access.coalition().legalForm() != LegalForm.COOPERATIE_UA) {
            throw ProblemException.conflict(
                    "statute.no-deed", "Only a coöperatie's statutes are passed by notarial deed.");
        }
        return tx.write(access.id(), () -> {
            StatuteVersion current = find(access, id);
            if (current.status() != StatuteVersion.Status.ADOPTED) {
                throw ProblemException.conflict(
                        "statute.not-adopted", "Adopt the amendment before recording its deed.");
            }
            if (request.notarialDeedDate()
                    .isBefore(current.adoptedAt().atZone(AMSTERDAM).toLocalDate())) {
                throw ProblemException.invalidField(
                        "notarialDeedDate",
                        "statute.deed-before-adoption",
                        "must not be before the amendment was adopted");
            }
            if (statutes.recordDeed(access.id().value(), id, request.notarialDeedDate()) != 1) {
                throw ProblemException.conflict(
                        "statute.deed-recorded", "The deed of this version is already recorded.");
            }
            audit.append(
                    access.id(),
                    access.actor(),
                    "statute.deed-recorded",
                    "statute_version",
                    id,
                    null,
                    Map.of("notarialDeedDate", request.notarialDeedDate().toString()));
            return get(access, id);
        });
    }

    public StatuteResponse.DiffResponse diff(CoalitionAccess access, UUID from, UUID to) {
        return tx.read(access.id(), () -> {
            StatuteVersion older = find(access, from);
            StatuteVersion newer = find(access, to);
            return new StatuteResponse.DiffResponse(
                    older.number(), newer.number(), ArticleDiff.between(older.articles(), newer.articles()));
        });
    }

    /** Of all versions (newest first), the one in force today: the first that is in force then. */
    private Optional<UUID> inForceId(CoalitionAccess access, List<StatuteVersion> all) {
        boolean cooperatie = access.coalition().legalForm() == LegalForm.COOPERATIE_UA;
        LocalDate day = today();
        return all.stream()
                .filter(v -> v.inForceOn(day, cooperatie))
                .map(StatuteVersion::id)
                .findFirst();
    }

    private static void refuseIfAdopted(StatuteVersion v) {
        if (v.status() == StatuteVersion.Status.ADOPTED) {
            throw ProblemException.conflict(
                    "statute.adopted", "Version " + v.number() + " is adopted and cannot change; draft a new version.");
        }
    }

    private StatuteVersion find(CoalitionAccess access, UUID id) {
        return statutes.find(access.id().value(), id)
                .orElseThrow(
                        () -> ProblemException.notFound("statute.not-found", "There is no such statute version here."));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(AMSTERDAM));
    }
}
