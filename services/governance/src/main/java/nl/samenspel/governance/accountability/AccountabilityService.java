package nl.samenspel.governance.accountability;

import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import nl.samenspel.core.audit.AuditLog;
import nl.samenspel.core.db.Sql;
import nl.samenspel.core.problem.DatabaseConflicts;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.core.tenancy.TenantTransactions;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.meeting.MeetingTime;
import nl.samenspel.governance.tenancy.CoalitionAccess;

/**
 * Subsidies and the figures entered against them. The secretary or the opdrachtgever records a
 * subsidy; everyone with a role reads it. Figures: a representative enters and reads only its own
 * member's; the secretary enters and reads every member's; the opdrachtgever, the accountant and the
 * representatives of the subsidy's current penvoerder read every member's. A realisation that differs
 * from its budget by more than the subsidy's threshold needs an explanation.
 */
@Singleton
public class AccountabilityService {

    private final AccountabilityRepository repository;
    private final nl.samenspel.governance.identity.RoleGrants grants;
    private final TenantTransactions tx;
    private final AuditLog audit;
    private final Clock clock;

    AccountabilityService(
            AccountabilityRepository repository,
            nl.samenspel.governance.identity.RoleGrants grants,
            TenantTransactions tx,
            AuditLog audit,
            Clock clock) {
        this.repository = repository;
        this.grants = grants;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    /** Which members' figures the caller may read and write under one subsidy. */
    public record Reach(boolean readAll, boolean writeAll, Set<UUID> own) {

        public boolean reads(UUID member) {
            return readAll || own.contains(member);
        }

        public boolean writes(UUID member) {
            return writeAll || own.contains(member);
        }

        /** Whether the caller enters figures for any member at all. */
        public boolean writesAny() {
            return writeAll || !own.isEmpty();
        }

        public boolean none() {
            return !readAll && own.isEmpty();
        }
    }

    // ------------------------------------------------------------------ subsidies

    public List<Subsidy> list(CoalitionAccess access) {
        return tx.read(access.id(), () -> {
            Set<Integer> years = accountantYears(access);
            return repository.subsidies(access.id().value()).stream()
                    .filter(row -> years == null || years.contains(row.year()))
                    .map(row -> view(access, row))
                    .toList();
        });
    }

    public Subsidy get(CoalitionAccess access, UUID id) {
        return tx.read(access.id(), () -> view(access, subsidyRow(access, id)));
    }

    public Subsidy create(CoalitionAccess access, Subsidy.Request request) {
        access.require(CoalitionRole.SECRETARY, CoalitionRole.OPDRACHTGEVER);
        check(request);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return guarded(() -> tx.write(access.id(), () -> {
            repository.insertSubsidy(access.id().value(), id, request, now, access.actor());
            audit.append(access.id(), access.actor(), "subsidy.recorded", "subsidy", id, null, state(request));
            return view(access, repository.subsidy(access.id().value(), id).orElseThrow());
        }));
    }

    public Subsidy update(CoalitionAccess access, UUID id, Subsidy.Request request) {
        access.require(CoalitionRole.SECRETARY, CoalitionRole.OPDRACHTGEVER);
        check(request);
        if (request.version() == null) {
            throw ProblemException.invalidField("version", "request.version-missing", "send the version you changed");
        }
        return guarded(() -> tx.write(access.id(), () -> {
            AccountabilityRepository.SubsidyRow before = subsidyRow(access, id);
            if (repository.updateSubsidy(access.id().value(), id, request) != 1) {
                throw versionConflict();
            }
            audit.append(
                    access.id(), access.actor(), "subsidy.changed", "subsidy", id, rowState(before), state(request));
            return view(access, repository.subsidy(access.id().value(), id).orElseThrow());
        }));
    }

    private static void check(Subsidy.Request r) {
        if (r.periodUntil().isBefore(r.periodFrom())) {
            throw ProblemException.invalidField(
                    "periodUntil", "subsidy.period-invalid", "must not be before periodFrom");
        }
        if (r.verantwoordingDue().isBefore(r.periodFrom())) {
            throw ProblemException.invalidField(
                    "verantwoordingDue", "subsidy.due-invalid", "must not be before the period begins");
        }
        if (r.periodFrom().getYear() > r.year() || r.periodUntil().getYear() < r.year()) {
            throw ProblemException.invalidField(
                    "year", "subsidy.year-outside-period", "the period must include the year");
        }
        if (r.conditions() != null
                && r.conditions().chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            throw ProblemException.invalidField(
                    "conditions", "request.control-characters", "remove control characters");
        }
    }

    // ------------------------------------------------------------------ figures

    /** The figures the caller may see; {@code memberId} narrows them to one member (403 if not the caller's to see). */
    public Figures figures(CoalitionAccess access, UUID subsidyId, UUID memberId) {
        return tx.read(access.id(), () -> {
            AccountabilityRepository.SubsidyRow s = subsidyRow(access, subsidyId);
            Reach reach = reach(access, s);
            if (reach.none()) {
                throw ProblemException.forbidden(
                        "figures.not-allowed", "Your role in this coalition does not show members' figures.");
            }
            if (memberId != null && !reach.reads(memberId)) {
                throw notYourMember();
            }
            Set<UUID> members = memberId != null ? Set.of(memberId) : reach.readAll() ? null : reach.own();
            UUID c = access.id().value();
            List<Figures.BudgetLine> budget = repository.budgetLines(c, subsidyId, members, s.varianceThresholdPct());
            List<Figures.FteLine> fte = repository.fteLines(c, subsidyId, members);
            return new Figures(
                    subsidyId,
                    s.year(),
                    members == null,
                    totals(budget, fte),
                    budget,
                    fte,
                    repository.indicators(c, subsidyId, members),
                    repository.milestones(c, subsidyId, members),
                    repository.risks(c, subsidyId, members));
        });
    }

    /** Whose figures the caller may read and write under the subsidy: the pages offer their forms by it. */
    public Reach reach(CoalitionAccess access, UUID subsidyId) {
        return tx.read(access.id(), () -> reach(access, subsidyRow(access, subsidyId)));
    }

    /** The members that may have figures under the subsidy: members at some time in its period. */
    public List<UUID> membersDuring(CoalitionAccess access, UUID subsidyId) {
        return tx.read(access.id(), () -> {
            AccountabilityRepository.SubsidyRow s = subsidyRow(access, subsidyId);
            return repository.membersDuring(access.id().value(), s.periodFrom(), s.periodUntil());
        });
    }

    /** Per member, then one line for all of them (no member id). */
    static List<Figures.MemberTotals> totals(List<Figures.BudgetLine> budget, List<Figures.FteLine> fte) {
        Map<UUID, String> names = new LinkedHashMap<>();
        budget.forEach(b -> names.putIfAbsent(b.memberId(), b.memberName()));
        fte.forEach(f -> names.putIfAbsent(f.memberId(), f.memberName()));
        List<Figures.MemberTotals> totals = new ArrayList<>();
        for (Map.Entry<UUID, String> member : names.entrySet()) {
            totals.add(total(
                    member.getKey(),
                    member.getValue(),
                    budget.stream()
                            .filter(b -> b.memberId().equals(member.getKey()))
                            .toList(),
                    fte.stream()
                            .filter(f -> f.memberId().equals(member.getKey()))
                            .toList()));
        }
        if (names.size() > 1) {
            totals.add(total(null, "Totaal", budget, fte));
        }
        return totals;
    }

    /**
     * A line without a realisation yet counts in the budget but not in the variance: the variance is that
     * of the realised lines only, so a partner that has not reported does not show as −100 %.
     */
    private static Figures.MemberTotals total(
            UUID member, String name, List<Figures.BudgetLine> budget, List<Figures.FteLine> fte) {
        long planned =
                budget.stream().mapToLong(Figures.BudgetLine::budgetCents).sum();
        long realisedBudget = budget.stream()
                .filter(b -> b.realisedCents() != null)
                .mapToLong(Figures.BudgetLine::budgetCents)
                .sum();
        long realised = budget.stream()
                .filter(b -> b.realisedCents() != null)
                .mapToLong(Figures.BudgetLine::realisedCents)
                .sum();
        return new Figures.MemberTotals(
                member,
                name,
                planned,
                realised,
                realised - realisedBudget,
                Variance.pct(realisedBudget, realised),
                fte.stream().map(Figures.FteLine::planned).reduce(BigDecimal.ZERO, BigDecimal::add),
                fte.stream()
                        .map(f -> f.realised() == null ? BigDecimal.ZERO : f.realised())
                        .reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    public Figures saveBudgetLine(CoalitionAccess access, UUID subsidyId, UUID lineId, Figures.BudgetLineRequest r) {
        return save(
                access,
                subsidyId,
                lineId,
                r.memberId(),
                r.version(),
                FigureKind.BUDGET_LINE,
                (s, id, now) -> {
                    if (r.realisedCents() != null
                            && Variance.needsExplanation(r.budgetCents(), r.realisedCents(), s.varianceThresholdPct())
                            && (r.explanation() == null || r.explanation().isBlank())) {
                        throw ProblemException.invalidField(
                                "explanation",
                                "figures.explanation-required",
                                "the realisation differs from the budget by more than "
                                        + s.varianceThresholdPct()
                                                .stripTrailingZeros()
                                                .toPlainString() + "%; explain the difference");
                    }
                    multiline("explanation", r.explanation());
                    return repository.saveBudgetLine(access.id().value(), subsidyId, id, r, now, access.actor());
                },
                () -> Map.of(
                        "category",
                        r.category(),
                        "budgetCents",
                        r.budgetCents(),
                        "realisedCents",
                        String.valueOf(r.realisedCents())));
    }

    public Figures saveFteLine(CoalitionAccess access, UUID subsidyId, UUID lineId, Figures.FteLineRequest r) {
        return save(
                access,
                subsidyId,
                lineId,
                r.memberId(),
                r.version(),
                FigureKind.FTE_LINE,
                (s, id, now) -> repository.saveFteLine(access.id().value(), subsidyId, id, r, now, access.actor()),
                () -> Map.of(
                        "function",
                        r.function(),
                        "planned",
                        r.planned().toPlainString(),
                        "realised",
                        String.valueOf(r.realised())));
    }

    public Figures saveIndicator(CoalitionAccess access, UUID subsidyId, UUID id, Figures.IndicatorRequest r) {
        return save(
                access,
                subsidyId,
                id,
                r.memberId(),
                r.version(),
                FigureKind.INDICATOR,
                (s, key, now) -> {
                    multiline("pdcaNote", r.pdcaNote());
                    return repository.saveIndicator(access.id().value(), subsidyId, key, r, now, access.actor());
                },
                () -> Map.of(
                        "group",
                        r.group(),
                        "name",
                        r.name(),
                        "target",
                        r.target().toPlainString()));
    }

    public Figures saveMilestone(CoalitionAccess access, UUID subsidyId, UUID id, Figures.MilestoneRequest r) {
        return milestone(access, subsidyId, id, null, r);
    }

    /** A new milestone under the id the caller chose, so that it can link it next (a traject's page does). */
    public Figures addMilestone(CoalitionAccess access, UUID subsidyId, UUID newId, Figures.MilestoneRequest r) {
        return milestone(access, subsidyId, null, newId, r);
    }

    private Figures milestone(CoalitionAccess access, UUID subsidyId, UUID id, UUID newId, Figures.MilestoneRequest r) {
        return save(
                access,
                subsidyId,
                id,
                newId,
                r.memberId(),
                r.version(),
                FigureKind.MILESTONE,
                (s, key, now) -> {
                    if ((r.status() == Figures.MilestoneStatus.DONE) != (r.doneOn() != null)) {
                        throw ProblemException.invalidField(
                                "doneOn",
                                "figures.done-on",
                                "give the day it was done exactly when the status is DONE");
                    }
                    multiline("note", r.note());
                    return repository.saveMilestone(access.id().value(), subsidyId, key, r, now, access.actor());
                },
                () -> Map.of(
                        "title",
                        r.title(),
                        "dueOn",
                        r.dueOn().toString(),
                        "status",
                        r.status().name()));
    }

    public Figures saveRisk(CoalitionAccess access, UUID subsidyId, UUID id, Figures.RiskRequest r) {
        return save(
                access,
                subsidyId,
                id,
                r.memberId(),
                r.version(),
                FigureKind.RISK,
                (s, key, now) -> {
                    multiline("risk", r.risk());
                    multiline("cause", r.cause());
                    multiline("mitigation", r.mitigation());
                    return repository.saveRisk(access.id().value(), subsidyId, key, r, now, access.actor());
                },
                () -> Map.of("risk", r.risk(), "status", r.status().name()));
    }

    public Figures delete(CoalitionAccess access, UUID subsidyId, FigureKind table, UUID id) {
        return guarded(() -> {
            tx.run(access.id(), () -> {
                AccountabilityRepository.SubsidyRow s = subsidyRow(access, subsidyId);
                UUID member = repository
                        .memberOf(table, access.id().value(), subsidyId, id)
                        .orElseThrow(AccountabilityService::figureNotFound);
                Reach reach = reach(access, s);
                if (!reach.writes(member)) {
                    throw reach.reads(member) || !reach.none() ? notYourMember() : notAllowed();
                }
                repository.delete(table, access.id().value(), subsidyId, id);
                audit.append(
                        access.id(),
                        access.actor(),
                        "figures.removed",
                        table.table,
                        id,
                        Map.of("memberId", member.toString()),
                        null);
            });
            return figures(access, subsidyId, null);
        });
    }

    interface Write {
        int apply(AccountabilityRepository.SubsidyRow subsidy, UUID id, Instant now);
    }

    private Figures save(
            CoalitionAccess access,
            UUID subsidyId,
            UUID existingId,
            UUID memberId,
            Integer version,
            FigureKind table,
            Write write,
            Supplier<Map<String, ?>> auditState) {
        return save(access, subsidyId, existingId, null, memberId, version, table, write, auditState);
    }

    /** {@code newId}: the id of a new figure when the caller chose it, else null. */
    private Figures save(
            CoalitionAccess access,
            UUID subsidyId,
            UUID existingId,
            UUID newId,
            UUID memberId,
            Integer version,
            FigureKind table,
            Write write,
            Supplier<Map<String, ?>> auditState) {
        if (existingId != null && version == null) {
            throw ProblemException.invalidField("version", "request.version-missing", "send the version you changed");
        }
        return guarded(() -> {
            tx.run(access.id(), () -> {
                AccountabilityRepository.SubsidyRow s = subsidyRow(access, subsidyId);
                Reach reach = reach(access, s);
                if (reach.none() || (!reach.writeAll() && reach.own().isEmpty())) {
                    throw notAllowed();
                }
                if (existingId != null) {
                    UUID current = repository
                            .memberOf(table, access.id().value(), subsidyId, existingId)
                            .orElseThrow(AccountabilityService::figureNotFound);
                    if (!reach.writes(current)) {
                        throw notYourMember();
                    }
                }
                if (!reach.writes(memberId)) {
                    throw notYourMember();
                }
                if (!repository
                        .membersDuring(access.id().value(), s.periodFrom(), s.periodUntil())
                        .contains(memberId)) {
                    throw ProblemException.invalidField(
                            "memberId",
                            "figures.member-unknown",
                            "there is no member of this coalition in the subsidy's period");
                }
                UUID id = existingId != null ? existingId : newId != null ? newId : UUID.randomUUID();
                Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                if (write.apply(s, id, now) != 1) {
                    throw versionConflict();
                }
                Map<String, Object> state = new LinkedHashMap<>(auditState.get());
                state.put("memberId", memberId.toString());
                audit.append(
                        access.id(),
                        access.actor(),
                        existingId == null ? "figures.added" : "figures.changed",
                        table.table,
                        id,
                        null,
                        state);
            });
            return figures(access, subsidyId, null);
        });
    }

    private Reach reach(CoalitionAccess access, AccountabilityRepository.SubsidyRow s) {
        boolean writeAll = access.has(CoalitionRole.SECRETARY);
        boolean readAll = writeAll || access.has(CoalitionRole.OPDRACHTGEVER, CoalitionRole.ACCOUNTANT);
        Set<UUID> own = Set.of();
        if (access.has(CoalitionRole.REPRESENTATIVE)) {
            LocalDate today = MeetingTime.day(clock.instant());
            own = Sql.on(tx.connection())
                    .list(
                            """
                            SELECT r.member_id FROM representative r
                             WHERE r.coalition_id = ? AND r.account_id = ? AND r.valid_from <= ?
                               AND (r.valid_until IS NULL OR r.valid_until > ?)""",
                            rs -> Sql.uuid(rs, "member_id"),
                            access.id().value(),
                            access.account().id(),
                            today,
                            today)
                    .stream()
                    .collect(Collectors.toSet());
            Optional<UUID[]> penvoerder = repository.penvoerder(access.id().value(), s.scope(), today);
            if (penvoerder.isPresent() && own.contains(penvoerder.get()[0])) {
                readAll = true;
            }
        }
        return new Reach(readAll, writeAll, own);
    }

    private Subsidy view(CoalitionAccess access, AccountabilityRepository.SubsidyRow s) {
        LocalDate today = MeetingTime.day(clock.instant());
        Optional<UUID[]> penvoerder = repository.penvoerder(access.id().value(), s.scope(), today);
        UUID member = penvoerder.map(p -> p[0]).orElse(null);
        return new Subsidy(
                s.id(),
                s.year(),
                s.title(),
                s.scope(),
                s.grantor(),
                s.reference(),
                s.amountCents(),
                s.periodFrom(),
                s.periodUntil(),
                s.conditions(),
                s.verantwoordingDue(),
                s.accountantThresholdCents(),
                s.varianceThresholdPct(),
                s.amountCents() > s.accountantThresholdCents(),
                member,
                member == null ? null : repository.memberName(access.id().value(), member),
                s.createdAt(),
                s.createdBy(),
                s.version());
    }

    /**
     * A subsidy the caller may see: an accountant (with no other role than that) sees only the years it
     * was granted; any other year is as absent as another coalition's.
     */
    private AccountabilityRepository.SubsidyRow subsidyRow(CoalitionAccess access, UUID id) {
        Set<Integer> years = accountantYears(access);
        return repository
                .subsidy(access.id().value(), id)
                .filter(row -> years == null || years.contains(row.year()))
                .orElseThrow(() ->
                        ProblemException.notFound("subsidy.not-found", "There is no such subsidy in this coalition."));
    }

    /** The years an accountant-only caller may see; null for everyone else. */
    private Set<Integer> accountantYears(CoalitionAccess access) {
        boolean accountantOnly = access.has(CoalitionRole.ACCOUNTANT)
                && !access.has(CoalitionRole.SECRETARY, CoalitionRole.OPDRACHTGEVER, CoalitionRole.REPRESENTATIVE);
        return accountantOnly
                ? grants.accountantYears(access.id().value(), access.account().id())
                : null;
    }

    private static Map<String, Object> state(Subsidy.Request r) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("year", r.year());
        state.put("title", r.title());
        state.put("scope", r.scope());
        state.put("amountCents", r.amountCents());
        state.put("periodFrom", r.periodFrom().toString());
        state.put("periodUntil", r.periodUntil().toString());
        state.put("verantwoordingDue", r.verantwoordingDue().toString());
        state.put("accountantThresholdCents", r.accountantThresholdCents());
        state.put("varianceThresholdPct", r.varianceThresholdPct().toPlainString());
        return state;
    }

    private static Map<String, Object> rowState(AccountabilityRepository.SubsidyRow s) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("year", s.year());
        state.put("title", s.title());
        state.put("amountCents", s.amountCents());
        state.put("version", s.version());
        return state;
    }

    /** The database's refusals (a duplicate category, a race) as the problem a client can act on. */
    private static <T> T guarded(Supplier<T> work) {
        try {
            return work.get();
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            Optional<ProblemException> problem = DatabaseConflicts.problemFor(e);
            if (problem.isPresent()) {
                if ("23505".equals(DatabaseConflicts.sqlState(e).orElse(null))) {
                    throw ProblemException.conflict(
                            "figures.duplicate",
                            "This already exists for this member and year; change that one instead.");
                }
                throw problem.get();
            }
            throw e;
        }
    }

    private static void multiline(String field, String text) {
        if (text != null && text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            throw ProblemException.invalidField(field, "request.control-characters", "remove control characters");
        }
    }

    private static ProblemException notYourMember() {
        return ProblemException.forbidden(
                "figures.other-member", "You enter and read the figures of your own member organisation only.");
    }

    private static ProblemException notAllowed() {
        return ProblemException.forbidden("figures.not-allowed", "Your role in this coalition does not enter figures.");
    }

    private static ProblemException figureNotFound() {
        return ProblemException.notFound("figures.not-found", "There is no such figure under this subsidy.");
    }

    private static ProblemException versionConflict() {
        return ProblemException.conflict(
                "conflict.version", "Someone else changed this in the meantime; reload and try again.");
    }
}
