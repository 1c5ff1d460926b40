package nl.samenspel.governance.traject;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import nl.samenspel.core.audit.AuditLog;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.core.tenancy.TenantTransactions;
import nl.samenspel.governance.accountability.AccountabilityService;
import nl.samenspel.governance.accountability.Figures;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.meeting.MeetingTime;
import nl.samenspel.governance.tenancy.CoalitionAccess;

/**
 * Trajects with their phases and linked milestones. The secretary keeps them; everyone with a role in
 * the coalition reads them. A linked milestone is an accountability figure, so it shows only to whoever
 * may read that member's figures under its subsidy.
 */
@Singleton
public class TrajectService {

    private final TrajectRepository repository;
    private final AccountabilityService accountability;
    private final TenantTransactions tx;
    private final AuditLog audit;
    private final Clock clock;

    TrajectService(
            TrajectRepository repository,
            AccountabilityService accountability,
            TenantTransactions tx,
            AuditLog audit,
            Clock clock) {
        this.repository = repository;
        this.accountability = accountability;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Traject> list(CoalitionAccess access) {
        return tx.read(access.id(), () -> {
            List<TrajectRepository.TrajectRow> rows =
                    repository.trajects(access.id().value());
            Map<UUID, AccountabilityService.Reach> reaches = rows.isEmpty() ? null : reaches(access);
            return rows.stream().map(row -> view(access, row, reaches)).toList();
        });
    }

    public Traject get(CoalitionAccess access, UUID id) {
        return tx.read(access.id(), () -> view(access, row(access, id), null));
    }

    public Traject create(CoalitionAccess access, Traject.Request request) {
        access.require(CoalitionRole.SECRETARY);
        if (request.version() != null) {
            throw ProblemException.invalidField(
                    "version", "request.version-unexpected", "a new traject has no version; change one with PUT");
        }
        List<Traject.PhaseRequest> phases = request.phases() == null ? List.of() : request.phases();
        for (int i = 0; i < phases.size(); i++) {
            check("phases[" + i + "].", phases.get(i));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < phases.size(); i++) {
            if (!names.add(phases.get(i).name().strip().toLowerCase(java.util.Locale.ROOT))) {
                throw nameTaken("phases[" + i + "].name");
            }
        }
        UUID id = UUID.randomUUID();
        Instant now = now();
        return guarded(() -> tx.write(access.id(), () -> {
            checkTraject(access, null, request);
            UUID c = access.id().value();
            repository.insert(c, id, request, now, access.actor());
            audit.append(access.id(), access.actor(), "traject.created", "traject", id, null, state(request));
            for (int i = 0; i < phases.size(); i++) {
                UUID phaseId = UUID.randomUUID();
                repository.insertPhase(c, id, phaseId, i, phases.get(i), now, access.actor());
                audit.append(
                        access.id(),
                        access.actor(),
                        "traject.phase-added",
                        "traject_phase",
                        phaseId,
                        null,
                        phaseState(id, phases.get(i)));
            }
            return view(access, repository.traject(c, id).orElseThrow(), null);
        }));
    }

    public Traject update(CoalitionAccess access, UUID id, Traject.Request request) {
        access.require(CoalitionRole.SECRETARY);
        if (request.version() == null) {
            throw ProblemException.invalidField("version", "request.version-missing", "send the version you changed");
        }
        if (request.phases() != null) {
            throw ProblemException.invalidField(
                    "phases", "traject.phases-separately", "change phases through …/phases, not with the traject");
        }
        return guarded(() -> tx.write(access.id(), () -> {
            TrajectRepository.TrajectRow before = row(access, id);
            checkTraject(access, id, request);
            if (repository.update(access.id().value(), id, request) != 1) {
                throw versionConflict();
            }
            Map<String, Object> was = new LinkedHashMap<>();
            was.put("title", before.title());
            was.put("ownerBodyId", before.ownerBodyId().toString());
            was.put("version", before.version());
            audit.append(access.id(), access.actor(), "traject.changed", "traject", id, was, state(request));
            return view(access, row(access, id), null);
        }));
    }

    public Traject addPhase(CoalitionAccess access, UUID id, Traject.PhaseRequest request) {
        access.require(CoalitionRole.SECRETARY);
        if (request.version() != null) {
            throw ProblemException.invalidField(
                    "version", "request.version-unexpected", "a new phase has no version; change one with PUT");
        }
        check("", request);
        return guarded(() -> tx.write(access.id(), () -> {
            row(access, id);
            UUID c = access.id().value();
            List<TrajectRepository.PhaseRow> phases = repository.phases(c, id);
            requireFreeName(phases, request.name(), null);
            UUID phaseId = UUID.randomUUID();
            int position = phases.isEmpty() ? 0 : phases.get(phases.size() - 1).position() + 1;
            repository.insertPhase(c, id, phaseId, position, request, now(), access.actor());
            audit.append(
                    access.id(),
                    access.actor(),
                    "traject.phase-added",
                    "traject_phase",
                    phaseId,
                    null,
                    phaseState(id, request));
            return view(access, row(access, id), null);
        }));
    }

    public Traject updatePhase(CoalitionAccess access, UUID id, UUID phaseId, Traject.PhaseRequest request) {
        access.require(CoalitionRole.SECRETARY);
        if (request.version() == null) {
            throw ProblemException.invalidField("version", "request.version-missing", "send the version you changed");
        }
        check("", request);
        return guarded(() -> tx.write(access.id(), () -> {
            row(access, id);
            UUID c = access.id().value();
            List<TrajectRepository.PhaseRow> phases = repository.phases(c, id);
            TrajectRepository.PhaseRow before = phases.stream()
                    .filter(p -> p.id().equals(phaseId))
                    .findFirst()
                    .orElseThrow(TrajectService::phaseNotFound);
            requireFreeName(phases, request.name(), phaseId);
            if (repository.updatePhase(c, id, phaseId, request, now(), access.actor()) != 1) {
                throw versionConflict();
            }
            Map<String, Object> was = new LinkedHashMap<>();
            was.put("name", before.name());
            was.put("plannedStart", before.plannedStart().toString());
            was.put("plannedEnd", before.plannedEnd().toString());
            was.put("actualStart", String.valueOf(before.actualStart()));
            was.put("actualEnd", String.valueOf(before.actualEnd()));
            was.put("version", before.version());
            audit.append(
                    access.id(),
                    access.actor(),
                    "traject.phase-changed",
                    "traject_phase",
                    phaseId,
                    was,
                    phaseState(id, request));
            return view(access, row(access, id), null);
        }));
    }

    /** The new order names every phase of the traject exactly once. */
    public Traject reorderPhases(CoalitionAccess access, UUID id, Traject.PhaseOrderRequest request) {
        access.require(CoalitionRole.SECRETARY);
        return guarded(() -> tx.write(access.id(), () -> {
            row(access, id);
            UUID c = access.id().value();
            List<UUID> current = repository.phases(c, id).stream()
                    .map(TrajectRepository.PhaseRow::id)
                    .toList();
            List<UUID> order = request.phaseIds();
            if (order.size() != current.size() || !new HashSet<>(order).equals(new HashSet<>(current))) {
                throw ProblemException.invalidField(
                        "phaseIds", "traject.phase-order", "name every phase of this traject exactly once");
            }
            repository.reorder(c, id, order, now(), access.actor());
            audit.append(
                    access.id(),
                    access.actor(),
                    "traject.phases-reordered",
                    "traject",
                    id,
                    Map.of("phaseIds", current.stream().map(UUID::toString).toList()),
                    Map.of("phaseIds", order.stream().map(UUID::toString).toList()));
            return view(access, row(access, id), null);
        }));
    }

    /** Links an accountability milestone to the traject, or moves it to another of its phases. */
    public Traject linkMilestone(CoalitionAccess access, UUID id, Traject.MilestoneLinkRequest request) {
        access.require(CoalitionRole.SECRETARY);
        return guarded(() -> tx.write(access.id(), () -> {
            row(access, id);
            UUID c = access.id().value();
            if (repository.milestoneSubsidy(c, request.milestoneId()).isEmpty()) {
                throw ProblemException.invalidField(
                        "milestoneId", "traject.milestone-unknown", "there is no such milestone in this coalition");
            }
            if (request.phaseId() != null
                    && repository.phases(c, id).stream().noneMatch(p -> p.id().equals(request.phaseId()))) {
                throw ProblemException.invalidField(
                        "phaseId", "traject.phase-unknown", "this traject has no such phase");
            }
            Optional<UUID> linked = repository.linkedTraject(c, request.milestoneId());
            if (linked.isPresent() && !linked.get().equals(id)) {
                throw ProblemException.conflict(
                        "traject.milestone-linked", "This milestone belongs to another traject already.");
            }
            repository.link(c, id, request.milestoneId(), request.phaseId(), now(), access.actor());
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("trajectId", id.toString());
            after.put("phaseId", String.valueOf(request.phaseId()));
            audit.append(
                    access.id(),
                    access.actor(),
                    "traject.milestone-linked",
                    "milestone",
                    request.milestoneId(),
                    null,
                    after);
            return view(access, row(access, id), null);
        }));
    }

    /**
     * Adds a milestone to the figures (through the accountability rules: the member must be one in the
     * subsidy's period) and links it, in one transaction: a refused link leaves no figure behind.
     */
    public Traject addMilestone(CoalitionAccess access, UUID id, Traject.NewMilestoneRequest request) {
        access.require(CoalitionRole.SECRETARY);
        UUID milestone = UUID.randomUUID();
        return guarded(() -> tx.write(access.id(), () -> {
            row(access, id);
            if (request.phaseId() != null
                    && repository.phases(access.id().value(), id).stream()
                            .noneMatch(p -> p.id().equals(request.phaseId()))) {
                throw ProblemException.invalidField(
                        "phaseId", "traject.phase-unknown", "this traject has no such phase");
            }
            try {
                accountability.addMilestone(
                        access,
                        request.subsidyId(),
                        milestone,
                        new Figures.MilestoneRequest(
                                request.memberId(),
                                request.title(),
                                request.dueOn(),
                                Figures.MilestoneStatus.PLANNED,
                                null,
                                null,
                                null));
            } catch (ProblemException e) {
                if ("subsidy.not-found".equals(e.code())) {
                    throw ProblemException.invalidField(
                            "subsidyId", "traject.subsidy-unknown", "there is no such subsidy in this coalition");
                }
                throw e;
            }
            return linkMilestone(access, id, new Traject.MilestoneLinkRequest(milestone, request.phaseId()));
        }));
    }

    // ------------------------------------------------------------------ rules

    private void checkTraject(CoalitionAccess access, UUID self, Traject.Request r) {
        UUID c = access.id().value();
        if (!repository.bodyExists(c, r.ownerBodyId())) {
            throw ProblemException.invalidField(
                    "ownerBodyId", "traject.body-unknown", "there is no such body in this coalition");
        }
        if (repository.titleTaken(c, r.title(), self)) {
            throw ProblemException.invalidField(
                    "title", "traject.title-taken", "this coalition has a traject by this title already");
        }
        control("description", r.description());
    }

    private static void check(String prefix, Traject.PhaseRequest r) {
        if (r.plannedEnd().isBefore(r.plannedStart())) {
            throw ProblemException.invalidField(
                    prefix + "plannedEnd", "traject.phase-planned-end", "must not be before plannedStart");
        }
        if (r.actualEnd() != null && r.actualStart() == null) {
            throw ProblemException.invalidField(
                    prefix + "actualStart", "traject.phase-actual-start", "a phase that ended has started");
        }
        if (r.actualEnd() != null && r.actualEnd().isBefore(r.actualStart())) {
            throw ProblemException.invalidField(
                    prefix + "actualEnd", "traject.phase-actual-end", "must not be before actualStart");
        }
        control(prefix + "description", r.description());
    }

    private static void requireFreeName(List<TrajectRepository.PhaseRow> phases, String name, UUID self) {
        String wanted = name.strip();
        if (phases.stream().anyMatch(p -> !p.id().equals(self) && p.name().equalsIgnoreCase(wanted))) {
            throw nameTaken("name");
        }
    }

    private static ProblemException nameTaken(String field) {
        return ProblemException.invalidField(
                field, "traject.phase-name-taken", "this traject has a phase by this name");
    }

    static void control(String field, String text) {
        if (text != null && text.chars().anyMatch(ch -> ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t')) {
            throw ProblemException.invalidField(field, "request.control-characters", "remove control characters");
        }
    }

    // ------------------------------------------------------------------ views

    /** {@code reaches}: from {@link #reaches} once per request, or null to work them out when needed. */
    private Traject view(
            CoalitionAccess access, TrajectRepository.TrajectRow t, Map<UUID, AccountabilityService.Reach> reaches) {
        UUID c = access.id().value();
        LocalDate today = MeetingTime.day(clock.instant());
        List<Traject.Milestone> milestones = new ArrayList<>();
        for (TrajectRepository.MilestoneRow m : repository.milestones(c, t.id())) {
            if (reaches == null) {
                reaches = reaches(access);
            }
            AccountabilityService.Reach reach = reaches.get(m.subsidyId());
            if (reach != null && reach.reads(m.memberId())) {
                milestones.add(new Traject.Milestone(
                        m.milestoneId(),
                        m.phaseId(),
                        m.subsidyId(),
                        m.memberId(),
                        m.memberName(),
                        m.title(),
                        m.dueOn(),
                        m.status(),
                        m.doneOn(),
                        TrajectStatus.milestone(m.status(), m.dueOn(), today)));
            }
        }
        List<Traject.Phase> phases = new ArrayList<>();
        UUID current = null;
        int done = 0;
        int late = 0;
        int overdue = 0;
        for (TrajectRepository.PhaseRow p : repository.phases(c, t.id())) {
            TrajectStatus.PhaseStanding s = TrajectStatus.phase(p.plannedEnd(), p.actualStart(), p.actualEnd(), today);
            done += s.state() == TrajectStatus.PhaseState.DONE ? 1 : 0;
            late += s.timeliness() == TrajectStatus.Timeliness.LATE ? 1 : 0;
            overdue += s.timeliness() == TrajectStatus.Timeliness.OVERDUE ? 1 : 0;
            if (current == null && s.state() == TrajectStatus.PhaseState.IN_PROGRESS) {
                current = p.id();
            }
            phases.add(new Traject.Phase(
                    p.id(),
                    p.position(),
                    p.name(),
                    p.description(),
                    p.plannedStart(),
                    p.plannedEnd(),
                    p.actualStart(),
                    p.actualEnd(),
                    s.state(),
                    s.timeliness(),
                    s.daysLate(),
                    counts(milestones.stream()
                            .filter(m -> p.id().equals(m.phaseId()))
                            .toList()),
                    p.version()));
        }
        return new Traject(
                t.id(),
                t.title(),
                t.description(),
                t.ownerBodyId(),
                t.ownerBodyName(),
                t.createdAt(),
                t.createdBy(),
                t.version(),
                phases,
                milestones,
                new Traject.Status(today, done, phases.size(), current, late, overdue, counts(milestones)));
    }

    /**
     * Whose figures the caller reads under each subsidy it may see; a subsidy it may not see (an
     * accountant's other year) maps to null. The subsidies are asked for first, so that no refusal is
     * thrown inside this transaction (which would mark it rollback-only).
     */
    private Map<UUID, AccountabilityService.Reach> reaches(CoalitionAccess access) {
        Map<UUID, AccountabilityService.Reach> reaches = new HashMap<>();
        for (var subsidy : accountability.list(access)) {
            AccountabilityService.Reach reach = accountability.reach(access, subsidy.id());
            reaches.put(subsidy.id(), reach.none() ? null : reach);
        }
        return reaches;
    }

    private static Traject.Counts counts(List<Traject.Milestone> milestones) {
        int[] n = new int[TrajectStatus.MilestoneState.values().length];
        milestones.forEach(m -> n[m.state().ordinal()]++);
        return new Traject.Counts(
                n[TrajectStatus.MilestoneState.DONE.ordinal()],
                n[TrajectStatus.MilestoneState.OPEN.ordinal()],
                n[TrajectStatus.MilestoneState.OVERDUE.ordinal()],
                n[TrajectStatus.MilestoneState.DROPPED.ordinal()]);
    }

    private TrajectRepository.TrajectRow row(CoalitionAccess access, UUID id) {
        return repository
                .traject(access.id().value(), id)
                .orElseThrow(() ->
                        ProblemException.notFound("traject.not-found", "There is no such traject in this coalition."));
    }

    private static Map<String, Object> state(Traject.Request r) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("title", r.title().strip());
        state.put("ownerBodyId", r.ownerBodyId().toString());
        return state;
    }

    private static Map<String, Object> phaseState(UUID traject, Traject.PhaseRequest r) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("trajectId", traject.toString());
        state.put("name", r.name().strip());
        state.put("plannedStart", r.plannedStart().toString());
        state.put("plannedEnd", r.plannedEnd().toString());
        state.put("actualStart", String.valueOf(r.actualStart()));
        state.put("actualEnd", String.valueOf(r.actualEnd()));
        return state;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static ProblemException phaseNotFound() {
        return ProblemException.notFound("traject.phase-not-found", "This traject has no such phase.");
    }

    static ProblemException versionConflict() {
        return ProblemException.conflict(
                "conflict.version", "Someone else changed this in the meantime; reload and try again.");
    }

    private static <T> T guarded(Supplier<T> work) {
        return Duplicates.asConflict(
                "traject.duplicate", "This title or phase name was just taken; reload and try again.", work);
    }
}
