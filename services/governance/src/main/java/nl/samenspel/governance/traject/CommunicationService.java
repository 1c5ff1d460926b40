package nl.samenspel.governance.traject;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import nl.samenspel.core.audit.AuditLog;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.core.tenancy.TenantTransactions;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.meeting.MeetingTime;
import nl.samenspel.governance.tenancy.CoalitionAccess;

/**
 * The communication calendar: the coalition's krachtenveld (stakeholders) and the communication moments
 * of its trajects. The secretary keeps both; everyone with a role in the coalition reads them, as they
 * read the trajects.
 */
@Singleton
public class CommunicationService {

    private final CommunicationRepository repository;
    private final TrajectRepository trajects;
    private final TenantTransactions tx;
    private final AuditLog audit;
    private final Clock clock;

    CommunicationService(
            CommunicationRepository repository,
            TrajectRepository trajects,
            TenantTransactions tx,
            AuditLog audit,
            Clock clock) {
        this.repository = repository;
        this.trajects = trajects;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ stakeholders

    public List<Stakeholder> stakeholders(CoalitionAccess access) {
        return tx.read(access.id(), () -> repository.stakeholders(access.id().value()).stream()
                .map(CommunicationService::view)
                .toList());
    }

    public Stakeholder stakeholder(CoalitionAccess access, UUID id) {
        return tx.read(access.id(), () -> view(stakeholderRow(access, id)));
    }

    public Stakeholder createStakeholder(CoalitionAccess access, Stakeholder.Request r) {
        access.require(CoalitionRole.SECRETARY);
        if (r.version() != null) {
            throw ProblemException.invalidField(
                    "version", "request.version-unexpected", "a new stakeholder has no version; change one with PUT");
        }
        TrajectService.control("description", r.description());
        TrajectService.control("interest", r.interest());
        UUID id = UUID.randomUUID();
        return guarded(() -> tx.write(access.id(), () -> {
            UUID c = access.id().value();
            requireFreeName(c, r.name(), null);
            repository.insertStakeholder(c, id, r, now(), access.actor());
            audit.append(access.id(), access.actor(), "stakeholder.added", "stakeholder", id, null, state(r));
            return view(repository.stakeholder(c, id).orElseThrow());
        }));
    }

    public Stakeholder updateStakeholder(CoalitionAccess access, UUID id, Stakeholder.Request r) {
        access.require(CoalitionRole.SECRETARY);
        if (r.version() == null) {
            throw ProblemException.invalidField("version", "request.version-missing", "send the version you changed");
        }
        TrajectService.control("description", r.description());
        TrajectService.control("interest", r.interest());
        return guarded(() -> tx.write(access.id(), () -> {
            UUID c = access.id().value();
            CommunicationRepository.StakeholderRow before = stakeholderRow(access, id);
            requireFreeName(c, r.name(), id);
            if (repository.updateStakeholder(c, id, r, now(), access.actor()) != 1) {
                throw TrajectService.versionConflict();
            }
            audit.append(
                    access.id(), access.actor(), "stakeholder.changed", "stakeholder", id, state(before), state(r));
            return view(repository.stakeholder(c, id).orElseThrow());
        }));
    }

    /** A stakeholder that no moment names may go; one that is in an audience stays (409). */
    public void deleteStakeholder(CoalitionAccess access, UUID id) {
        access.require(CoalitionRole.SECRETARY);
        guarded(() -> tx.write(access.id(), () -> {
            UUID c = access.id().value();
            CommunicationRepository.StakeholderRow before = stakeholderRow(access, id);
            if (repository.stakeholderInUse(c, id)) {
                throw ProblemException.conflict(
                        "stakeholder.in-use", "This stakeholder is in the audience of a communication moment.");
            }
            repository.deleteStakeholder(c, id);
            audit.append(access.id(), access.actor(), "stakeholder.removed", "stakeholder", id, state(before), null);
            return null;
        }));
    }

    // ------------------------------------------------------------------ moments

    public List<CommunicationMoment> moments(CoalitionAccess access, UUID traject) {
        return tx.read(access.id(), () -> {
            requireTraject(access, traject);
            UUID c = access.id().value();
            Map<UUID, List<CommunicationMoment.Audience>> audience = audience(c, traject);
            LocalDate today = today();
            return repository.moments(c, traject).stream()
                    .map(m -> view(m, audience, today))
                    .toList();
        });
    }

    public CommunicationMoment moment(CoalitionAccess access, UUID traject, UUID id) {
        return tx.read(access.id(), () -> momentView(access, traject, id));
    }

    public CommunicationMoment createMoment(CoalitionAccess access, UUID traject, CommunicationMoment.Request r) {
        access.require(CoalitionRole.SECRETARY);
        if (r.version() != null) {
            throw ProblemException.invalidField(
                    "version", "request.version-unexpected", "a new moment has no version; change one with PUT");
        }
        UUID id = UUID.randomUUID();
        return guarded(() -> tx.write(access.id(), () -> {
            requireTraject(access, traject);
            UUID c = access.id().value();
            Checked checked = checkMoment(c, traject, r);
            repository.insertMoment(c, traject, id, checked, now(), access.actor());
            repository.replaceAudience(c, id, checked.audience());
            audit.append(
                    access.id(),
                    access.actor(),
                    "communication.planned",
                    "communication_moment",
                    id,
                    null,
                    state(traject, checked));
            return momentView(access, traject, id);
        }));
    }

    public CommunicationMoment updateMoment(
            CoalitionAccess access, UUID traject, UUID id, CommunicationMoment.Request r) {
        access.require(CoalitionRole.SECRETARY);
        if (r.version() == null) {
            throw ProblemException.invalidField("version", "request.version-missing", "send the version you changed");
        }
        return guarded(() -> tx.write(access.id(), () -> {
            requireTraject(access, traject);
            UUID c = access.id().value();
            CommunicationMoment before = momentView(access, traject, id);
            Checked checked = checkMoment(c, traject, r);
            if (repository.updateMoment(c, traject, id, checked, r.version(), now(), access.actor()) != 1) {
                throw TrajectService.versionConflict();
            }
            repository.replaceAudience(c, id, checked.audience());
            Map<String, Object> was = new LinkedHashMap<>();
            was.put("message", before.message());
            was.put("channel", before.channel().name());
            was.put("plannedOn", before.plannedOn().toString());
            was.put("version", before.version());
            audit.append(
                    access.id(),
                    access.actor(),
                    "communication.changed",
                    "communication_moment",
                    id,
                    was,
                    state(traject, checked));
            return momentView(access, traject, id);
        }));
    }

    /** Records that the moment took place, on the day given (not after today) or today. */
    public CommunicationMoment markDone(
            CoalitionAccess access, UUID traject, UUID id, CommunicationMoment.DoneRequest r) {
        access.require(CoalitionRole.SECRETARY);
        LocalDate today = today();
        LocalDate doneOn = r.doneOn() == null ? today : r.doneOn();
        if (doneOn.isAfter(today)) {
            throw ProblemException.invalidField(
                    "doneOn", "communication.done-future", "a moment cannot be done after today");
        }
        return guarded(() -> tx.write(access.id(), () -> {
            requireTraject(access, traject);
            UUID c = access.id().value();
            CommunicationMoment before = momentView(access, traject, id);
            if (repository.markDone(c, traject, id, doneOn, r.version(), now(), access.actor()) != 1) {
                throw TrajectService.versionConflict();
            }
            audit.append(
                    access.id(),
                    access.actor(),
                    "communication.done",
                    "communication_moment",
                    id,
                    Map.of("doneOn", String.valueOf(before.doneOn())),
                    Map.of("doneOn", doneOn.toString()));
            return momentView(access, traject, id);
        }));
    }

    /**
     * The coalition's moments planned in [from, until] as the calendar feed shows them; called inside the
     * feed's transaction.
     */
    public List<CommunicationMoment.CalendarEntry> calendar(CoalitionAccess access, LocalDate from, LocalDate until) {
        return tx.read(access.id(), () -> {
            UUID c = access.id().value();
            Map<UUID, List<CommunicationMoment.Audience>> audience = audience(c, null);
            List<CommunicationMoment.CalendarEntry> entries = new ArrayList<>();
            for (CommunicationRepository.MomentRow m : repository.momentsBetween(c, from, until)) {
                entries.add(new CommunicationMoment.CalendarEntry(
                        m.id(),
                        m.trajectId(),
                        m.trajectTitle(),
                        m.plannedOn(),
                        m.message(),
                        m.channel(),
                        audience.getOrDefault(m.id(), List.of()).stream()
                                .map(CommunicationMoment.Audience::name)
                                .collect(Collectors.joining(", ")),
                        m.responsible(),
                        m.doneOn()));
            }
            return entries;
        });
    }

    // ------------------------------------------------------------------ rules

    /** A moment's request as read and checked. */
    record Checked(
            List<UUID> audience,
            UUID milestoneId,
            String message,
            CommunicationMoment.Channel channel,
            LocalDate plannedOn,
            String responsible) {}

    /** The audience without repeats, every one a stakeholder of this coalition; the milestone one of this traject. */
    private Checked checkMoment(UUID c, UUID traject, CommunicationMoment.Request r) {
        LocalDate plannedOn;
        try {
            plannedOn = LocalDate.parse(r.plannedOn());
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalidField("plannedOn", "request.date", "not a day of the calendar (yyyy-mm-dd)");
        }
        Set<UUID> known = repository.stakeholders(c).stream()
                .map(CommunicationRepository.StakeholderRow::id)
                .collect(Collectors.toSet());
        List<UUID> audience = new ArrayList<>(new LinkedHashSet<>(r.stakeholderIds()));
        for (UUID stakeholder : audience) {
            if (!known.contains(stakeholder)) {
                throw ProblemException.invalidField(
                        "stakeholderIds",
                        "communication.stakeholder-unknown",
                        "there is no such stakeholder in this coalition");
            }
        }
        if (r.milestoneId() != null && !repository.milestoneOfTraject(c, traject, r.milestoneId())) {
            throw ProblemException.invalidField(
                    "milestoneId", "communication.milestone-unknown", "this traject has no such milestone");
        }
        return new Checked(
                audience,
                r.milestoneId(),
                r.message().strip(),
                CommunicationMoment.Channel.valueOf(r.channel()),
                plannedOn,
                r.responsible().strip());
    }

    private void requireFreeName(UUID c, String name, UUID self) {
        if (repository.stakeholderNameTaken(c, name, self)) {
            throw ProblemException.invalidField(
                    "name", "stakeholder.name-taken", "this coalition has a stakeholder by this name already");
        }
    }

    private void requireTraject(CoalitionAccess access, UUID traject) {
        if (trajects.traject(access.id().value(), traject).isEmpty()) {
            throw ProblemException.notFound("traject.not-found", "There is no such traject in this coalition.");
        }
    }

    // ------------------------------------------------------------------ views

    private CommunicationRepository.StakeholderRow stakeholderRow(CoalitionAccess access, UUID id) {
        return repository
                .stakeholder(access.id().value(), id)
                .orElseThrow(() -> ProblemException.notFound(
                        "stakeholder.not-found", "There is no such stakeholder in this coalition."));
    }

    private CommunicationMoment momentView(CoalitionAccess access, UUID traject, UUID id) {
        UUID c = access.id().value();
        CommunicationRepository.MomentRow m = repository
                .moment(c, traject, id)
                .orElseThrow(() -> ProblemException.notFound(
                        "communication.not-found", "This traject has no such communication moment."));
        return view(m, audience(c, traject), today());
    }

    private Map<UUID, List<CommunicationMoment.Audience>> audience(UUID c, UUID traject) {
        return repository.audience(c, traject).stream()
                .collect(Collectors.groupingBy(
                        CommunicationRepository.AudienceRow::momentId,
                        Collectors.mapping(
                                a -> new CommunicationMoment.Audience(a.stakeholderId(), a.name()),
                                Collectors.toList())));
    }

    private static CommunicationMoment view(
            CommunicationRepository.MomentRow m,
            Map<UUID, List<CommunicationMoment.Audience>> audience,
            LocalDate today) {
        return new CommunicationMoment(
                m.id(),
                m.trajectId(),
                m.milestoneId(),
                audience.getOrDefault(m.id(), List.of()),
                m.message(),
                m.channel(),
                m.plannedOn(),
                m.doneOn(),
                m.responsible(),
                CommunicationMoment.overdue(m.plannedOn(), m.doneOn(), today),
                m.version());
    }

    private static Stakeholder view(CommunicationRepository.StakeholderRow s) {
        return new Stakeholder(
                s.id(),
                s.name(),
                s.description(),
                s.interest(),
                s.influence(),
                s.interestLevel(),
                Stakeholder.Quadrant.of(s.influence(), s.interestLevel()),
                s.updatedAt(),
                s.updatedBy(),
                s.version());
    }

    private static Map<String, Object> state(Stakeholder.Request r) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", r.name().strip());
        state.put("influence", r.influence());
        state.put("interestLevel", r.interestLevel());
        return state;
    }

    private static Map<String, Object> state(CommunicationRepository.StakeholderRow s) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", s.name());
        state.put("influence", s.influence().name());
        state.put("interestLevel", s.interestLevel().name());
        state.put("version", s.version());
        return state;
    }

    private static Map<String, Object> state(UUID traject, Checked r) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("trajectId", traject.toString());
        state.put("milestoneId", String.valueOf(r.milestoneId()));
        state.put("stakeholderIds", r.audience().stream().map(UUID::toString).toList());
        state.put("message", r.message());
        state.put("channel", r.channel().name());
        state.put("plannedOn", r.plannedOn().toString());
        state.put("responsible", r.responsible());
        return state;
    }

    private LocalDate today() {
        return MeetingTime.day(clock.instant());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static <T> T guarded(Supplier<T> work) {
        return Duplicates.asConflict("stakeholder.duplicate", "This name was just taken; reload and try again.", work);
    }
}
