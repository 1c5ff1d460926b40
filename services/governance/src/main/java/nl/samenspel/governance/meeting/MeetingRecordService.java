package nl.samenspel.governance.meeting;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.samenspel.core.audit.AuditLog;
import nl.samenspel.core.problem.FieldError;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.core.tenancy.TenantTransactions;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.member.Member;
import nl.samenspel.governance.member.MemberRepository;
import nl.samenspel.governance.statute.rules.Quorum;
import nl.samenspel.governance.tenancy.CoalitionAccess;

/**
 * What happens in and after a meeting: attendance (with proxies within the statutes' cap), the minutes
 * and their approval in a later meeting, the decision list and the action items.
 */
@Singleton
public class MeetingRecordService {

    private final MeetingRepository meetings;
    private final MeetingService planning;
    private final MeetingViews views;
    private final MeetingContext context;
    private final MemberRepository members;
    private final TenantTransactions tx;
    private final AuditLog audit;
    private final Clock clock;

    MeetingRecordService(
            MeetingRepository meetings,
            MeetingService planning,
            MeetingViews views,
            MeetingContext context,
            MemberRepository members,
            TenantTransactions tx,
            AuditLog audit,
            Clock clock) {
        this.meetings = meetings;
        this.planning = planning;
        this.views = views;
        this.context = context;
        this.members = members;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    /** This service reading the time from {@code clock}; see {@link MeetingService#at}. */
    public MeetingRecordService at(Clock clock) {
        return new MeetingRecordService(meetings, planning, views, context, members, tx, audit, clock);
    }

    /** Replaces the attendance list; a member not named has not been recorded (and counts as absent). */
    public MeetingResponse recordAttendance(
            CoalitionAccess access, UUID meetingId, MeetingRequests.AttendanceList request) {
        access.require(CoalitionRole.SECRETARY);
        UUID coalition = access.id().value();
        return tx.write(access.id(), () -> {
            Meeting meeting = planning.lockOpen(coalition, meetingId);
            if (!meetings.decisionsOfMeeting(coalition, meetingId).isEmpty()) {
                throw ProblemException.conflict(
                        "meeting.attendance-final",
                        "Decisions were taken on this attendance; it can no longer change.");
            }
            List<Member> voters = context.voters(coalition, meeting.bodyId(), MeetingTime.day(meeting.startsAt()));
            Set<UUID> voterIds = new HashSet<>();
            voters.forEach(v -> voterIds.add(v.id()));
            Map<UUID, Quorum.Attendance> status = new HashMap<>();
            List<MeetingRequests.Entry> entries = request.entries();
            for (int i = 0; i < entries.size(); i++) {
                MeetingRequests.Entry e = entries.get(i);
                if (!voterIds.contains(e.memberId())) {
                    throw ProblemException.invalidField(
                            "entries[" + i + "].memberId",
                            "meeting.not-a-voter",
                            "is not a voting member of this body on the day of the meeting");
                }
                if (status.put(e.memberId(), e.status()) != null) {
                    throw ProblemException.invalidField(
                            "entries[" + i + "].memberId", "meeting.attendance-twice", "is named twice");
                }
            }
            int cap = context.rules(access, MeetingTime.day(meeting.startsAt()))
                    .rules()
                    .proxyCapPerHolder();
            Map<UUID, Integer> held = new HashMap<>();
            for (int i = 0; i < entries.size(); i++) {
                MeetingRequests.Entry e = entries.get(i);
                String field = "entries[" + i + "].proxyHolderId";
                if (e.status() != Quorum.Attendance.REPRESENTED) {
                    if (e.proxyHolderId() != null) {
                        throw ProblemException.invalidField(
                                field, "meeting.proxy-unexpected", "only a represented member names a proxy holder");
                    }
                    continue;
                }
                if (e.proxyHolderId() == null) {
                    throw ProblemException.invalidField(
                            field, "meeting.proxy-holder-required", "name the member holding the proxy");
                }
                if (status.get(e.proxyHolderId()) != Quorum.Attendance.PRESENT) {
                    throw ProblemException.invalidField(
                            field, "meeting.proxy-holder-absent", "the proxy holder must be a member present");
                }
                if (held.merge(e.proxyHolderId(), 1, Integer::sum) > cap) {
                    throw ProblemException.invalidField(
                            field,
                            "meeting.proxy-cap",
                            "the statutes allow at most " + cap + " prox" + (cap == 1 ? "y" : "ies") + " per member");
                }
            }
            List<Attendance> before = meetings.attendance(coalition, meetingId);
            List<Attendance> after = entries.stream()
                    .map(e -> new Attendance(
                            e.memberId(),
                            e.status(),
                            e.proxyHolderId(),
                            e.personName() == null ? "" : e.personName().trim()))
                    .toList();
            meetings.replaceAttendance(coalition, meetingId, after, clock.instant());
            audit.append(
                    access.id(),
                    access.actor(),
                    "meeting.attendance-recorded",
                    "meeting",
                    meetingId,
                    attendanceState(before),
                    attendanceState(after));
            return views.detail(access, meeting);
        });
    }

    public MeetingResponse saveMinutes(CoalitionAccess access, UUID meetingId, MeetingRequests.MinutesDraft request) {
        access.require(CoalitionRole.SECRETARY);
        UUID coalition = access.id().value();
        return tx.write(access.id(), () -> {
            Meeting meeting = planning.lockOpen(coalition, meetingId);
            requireHeld(meeting);
            Instant now = clock.instant();
            var existing = meetings.minutes(coalition, meetingId);
            if (existing.isEmpty()) {
                meetings.insertMinutes(coalition, meetingId, request.text(), now);
            } else {
                Minutes current = existing.get();
                if (current.status() == Minutes.Status.APPROVED) {
                    throw ProblemException.conflict(
                            "minutes.approved", "These minutes have been approved and can no longer change.");
                }
                if (request.version() == null || request.version() != current.version()) {
                    throw MeetingService.stale();
                }
                if (meetings.updateMinutes(coalition, meetingId, current.version(), request.text(), now) != 1) {
                    throw MeetingService.stale();
                }
            }
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("length", request.text().length());
            audit.append(access.id(), access.actor(), "meeting.minutes-saved", "meeting", meetingId, null, state);
            return views.detail(access, meeting);
        });
    }

    /** Approves the minutes of {@code meetingId} in a later meeting of the same body that has begun. */
    public MeetingResponse approveMinutes(
            CoalitionAccess access, UUID meetingId, MeetingRequests.ApproveMinutes request) {
        access.require(CoalitionRole.SECRETARY);
        UUID coalition = access.id().value();
        return tx.write(access.id(), () -> {
            Meeting meeting = planning.lockOpen(coalition, meetingId);
            Minutes minutes = meetings.minutes(coalition, meetingId)
                    .orElseThrow(() -> ProblemException.conflict(
                            "minutes.none", "This meeting has no minutes yet; write a draft first."));
            if (minutes.status() == Minutes.Status.APPROVED) {
                throw ProblemException.conflict("minutes.approved", "These minutes have already been approved.");
            }
            if (minutes.version() != request.version()) {
                throw MeetingService.stale();
            }
            Meeting later = meetings.find(coalition, request.inMeetingId())
                    .orElseThrow(() -> ProblemException.invalidField(
                            "inMeetingId", "meeting.not-found", "there is no such meeting in this coalition"));
            if (!later.bodyId().equals(meeting.bodyId())) {
                throw ProblemException.invalidField(
                        "inMeetingId", "minutes.other-body", "minutes are approved by a meeting of the same body");
            }
            if (!later.startsAt().isAfter(meeting.startsAt())) {
                throw ProblemException.invalidField(
                        "inMeetingId", "minutes.not-later", "minutes are approved in a later meeting");
            }
            if (later.cancelled()) {
                throw ProblemException.invalidField(
                        "inMeetingId", "meeting.cancelled", "that meeting has been cancelled");
            }
            Instant now = clock.instant();
            if (!later.hasStartedBy(now)) {
                throw ProblemException.invalidField(
                        "inMeetingId", "minutes.meeting-not-begun", "minutes are approved once that meeting has begun");
            }
            if (meetings.approveMinutes(coalition, meetingId, minutes.version(), later.id(), now) != 1) {
                throw MeetingService.stale();
            }
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("status", "APPROVED");
            state.put("approvedInMeetingId", later.id().toString());
            audit.append(access.id(), access.actor(), "meeting.minutes-approved", "meeting", meetingId, null, state);
            return views.detail(access, meeting);
        });
    }

    public MeetingResponse recordDecision(
            CoalitionAccess access, UUID meetingId, MeetingRequests.RecordDecision request) {
        access.require(CoalitionRole.SECRETARY);
        UUID coalition = access.id().value();
        return tx.write(access.id(), () -> {
            Meeting meeting = planning.lockOpen(coalition, meetingId);
            requireHeld(meeting);
            if (meeting.status() != Meeting.Status.CONVENED) {
                throw ProblemException.conflict(
                        "meeting.not-convened",
                        "This meeting was never called; it cannot take decisions. Record them in a meeting that was.");
            }
            AgendaItem item = meetings.agenda(coalition, meetingId).stream()
                    .filter(i -> i.id().equals(request.agendaItemId()))
                    .findFirst()
                    .orElseThrow(() -> ProblemException.invalidField(
                            "agendaItemId", "meeting.item-not-found", "is not an item on this meeting's agenda"));
            if (!item.decides()) {
                throw ProblemException.invalidField(
                        "agendaItemId", "meeting.item-not-a-decision", "decisions are taken on decision items only");
            }
            Quorum.Result quorum = views.quorum(access, meeting, item.decisionType());
            if (!quorum.met()) {
                throw new ProblemException(
                        HttpStatus.UNPROCESSABLE_ENTITY,
                        "meeting.no-quorum",
                        "The meeting lacks the quorum for this decision: " + String.join(" ", quorum.explanation()),
                        List.of(new FieldError(
                                "agendaItemId",
                                "meeting.no-quorum",
                                quorum.present() + " of " + quorum.base() + " present; " + quorum.required()
                                        + " needed")));
            }
            Decision decision = new Decision(
                    UUID.randomUUID(),
                    nextDecisionNumber(coalition),
                    meetingId,
                    item.id(),
                    item.decisionType(),
                    request.text().strip(),
                    request.outcome(),
                    clock.instant(),
                    access.actor());
            meetings.insertDecision(coalition, decision);
            audit.append(
                    access.id(),
                    access.actor(),
                    "meeting.decision-recorded",
                    "decision",
                    decision.id(),
                    null,
                    decision.auditState());
            return views.detail(access, meeting);
        });
    }

    public MeetingResponse addAction(CoalitionAccess access, UUID meetingId, MeetingRequests.NewAction request) {
        access.require(CoalitionRole.SECRETARY);
        UUID coalition = access.id().value();
        return tx.write(access.id(), () -> {
            Meeting meeting = planning.lockOpen(coalition, meetingId);
            if (request.ownerMemberId() != null
                    && members.findByCoalitionIdAndId(coalition, request.ownerMemberId())
                            .isEmpty()) {
                throw ProblemException.invalidField(
                        "ownerMemberId", "member.not-found", "no such member in this coalition");
            }
            ActionItem action = new ActionItem(
                    UUID.randomUUID(),
                    meetingId,
                    request.description().strip(),
                    request.ownerName().strip(),
                    request.ownerMemberId(),
                    request.dueOn(),
                    ActionItem.Status.OPEN,
                    clock.instant(),
                    null,
                    0);
            meetings.insertAction(coalition, action);
            audit.append(
                    access.id(),
                    access.actor(),
                    "meeting.action-added",
                    "action_item",
                    action.id(),
                    null,
                    action.auditState());
            return views.detail(access, meeting);
        });
    }

    public MeetingResponse.ActionResponse setActionStatus(
            CoalitionAccess access, UUID actionId, MeetingRequests.ActionStatus request) {
        access.require(CoalitionRole.SECRETARY);
        UUID coalition = access.id().value();
        return tx.write(access.id(), () -> {
            ActionItem current = meetings.action(coalition, actionId)
                    .orElseThrow(() -> ProblemException.notFound(
                            "meeting.action-not-found", "There is no such action item in this coalition."));
            if (current.version() != request.version()) {
                throw MeetingService.stale();
            }
            Instant closedAt = request.status() == ActionItem.Status.OPEN ? null : clock.instant();
            if (meetings.setActionStatus(coalition, actionId, current.version(), request.status(), closedAt) != 1) {
                throw MeetingService.stale();
            }
            ActionItem updated = meetings.action(coalition, actionId).orElseThrow();
            audit.append(
                    access.id(),
                    access.actor(),
                    "meeting.action-status",
                    "action_item",
                    actionId,
                    current.auditState(),
                    updated.auditState());
            return MeetingViews.action(updated);
        });
    }

    public List<MeetingResponse.DecisionResponse> decisions(CoalitionAccess access) {
        UUID coalition = access.id().value();
        return tx.read(access.id(), () -> views.decisions(coalition, meetings.decisions(coalition)));
    }

    public List<MeetingResponse.ActionResponse> actions(CoalitionAccess access, boolean openOnly) {
        UUID coalition = access.id().value();
        return tx.read(access.id(), () -> meetings.actions(coalition, openOnly).stream()
                .map(MeetingViews::action)
                .toList());
    }

    /** Decisions are numbered per coalition: one numbering at a time, whichever meeting decides. */
    private int nextDecisionNumber(UUID coalition) {
        meetings.lockCoalition(coalition, "decision-number");
        return meetings.nextDecisionNumber(coalition);
    }

    private void requireHeld(Meeting meeting) {
        if (!meeting.hasStartedBy(clock.instant())) {
            throw ProblemException.conflict(
                    "meeting.not-yet-held", "This meeting has not started yet; record it once it has begun.");
        }
    }

    private static Map<String, Object> attendanceState(List<Attendance> list) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put(
                "attendance",
                list.stream()
                        .map(a -> {
                            Map<String, Object> entry = new LinkedHashMap<>();
                            entry.put("memberId", a.memberId().toString());
                            entry.put("status", a.status().name());
                            entry.put(
                                    "proxyHolderId",
                                    a.proxyHolderId() == null
                                            ? null
                                            : a.proxyHolderId().toString());
                            return entry;
                        })
                        .toList());
        return state;
    }
}
