package nl.samenspel.governance.meeting;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.samenspel.governance.body.Body;
import nl.samenspel.governance.body.BodyRepository;
import nl.samenspel.governance.member.Member;
import nl.samenspel.governance.member.MemberRepository;
import nl.samenspel.governance.statute.rules.DecisionType;
import nl.samenspel.governance.statute.rules.Quorum;
import nl.samenspel.governance.tenancy.CoalitionAccess;

/** Builds what clients see of meetings, inside the caller's transaction; the live quorum among it. */
@Singleton
public class MeetingViews {

    private final MeetingRepository meetings;
    private final BodyRepository bodies;
    private final MemberRepository members;
    private final MeetingContext context;

    MeetingViews(MeetingRepository meetings, BodyRepository bodies, MemberRepository members, MeetingContext context) {
        this.meetings = meetings;
        this.bodies = bodies;
        this.members = members;
        this.context = context;
    }

    public List<MeetingResponse> summaries(UUID coalition, List<Meeting> list) {
        Map<UUID, String> bodyNames = new HashMap<>();
        for (Body b : bodies.findAllOfCoalition(coalition)) {
            bodyNames.put(b.id(), b.name());
        }
        return list.stream()
                .map(m -> response(
                        m,
                        bodyNames.get(m.bodyId()),
                        !decisionTypes(meetings.agenda(coalition, m.id())).isEmpty(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null))
                .toList();
    }

    public MeetingResponse detail(CoalitionAccess access, Meeting m) {
        UUID coalition = access.id().value();
        Body body = bodies.findByCoalitionIdAndId(coalition, m.bodyId()).orElseThrow();
        List<AgendaItem> agenda = meetings.agenda(coalition, m.id());
        Map<UUID, List<MeetingResponse.Document>> documents = new HashMap<>();
        for (AgendaDocument d : meetings.documents(coalition, m.id())) {
            documents
                    .computeIfAbsent(d.agendaItemId(), k -> new ArrayList<>())
                    .add(new MeetingResponse.Document(
                            d.id(), d.filename(), d.contentType(), d.sizeBytes(), d.sha256()));
        }
        List<MeetingResponse.Item> items = agenda.stream()
                .map(i -> new MeetingResponse.Item(
                        i.id(),
                        i.position(),
                        i.title(),
                        i.description(),
                        i.kind(),
                        i.decisionType(),
                        i.version(),
                        documents.getOrDefault(i.id(), List.of())))
                .toList();
        Attendees attendees = attendees(access, m);
        List<MeetingResponse.QuorumResult> results = new ArrayList<>();
        MeetingContext.RulesInForce rules = context.rules(access, MeetingTime.day(m.startsAt()));
        Set<DecisionType> types = decisionTypes(agenda);
        if (types.isEmpty()) {
            types = Set.of(DecisionType.ORDINARY);
        }
        for (DecisionType type : types) {
            Quorum.Result r = quorum(rules, type, attendees);
            results.add(new MeetingResponse.QuorumResult(
                    type, r.met(), r.present(), r.base(), r.required(), r.explanation()));
        }
        MeetingResponse.MinutesResponse minutes = meetings.minutes(coalition, m.id())
                .map(n -> new MeetingResponse.MinutesResponse(
                        n.text(), n.status(), n.approvedInMeetingId(), n.approvedAt(), n.version()))
                .orElse(null);
        List<MeetingResponse.MinutesToApprove> toApprove = new ArrayList<>();
        for (UUID earlier : meetings.draftMinutesBefore(coalition, m.bodyId(), m.startsAt())) {
            Meeting e = meetings.find(coalition, earlier).orElseThrow();
            toApprove.add(new MeetingResponse.MinutesToApprove(
                    e.id(),
                    e.title(),
                    MeetingTime.local(e.startsAt()),
                    meetings.minutes(coalition, e.id()).orElseThrow().version()));
        }
        return response(
                m,
                body.name(),
                !decisionTypes(agenda).isEmpty(),
                items,
                attendees.present(),
                new MeetingResponse.QuorumResponse(rules.source(), rules.statuteNumber(), results),
                minutes,
                decisions(coalition, meetings.decisionsOfMeeting(coalition, m.id())),
                meetings.actionsOfMeeting(coalition, m.id()).stream()
                        .map(MeetingViews::action)
                        .toList(),
                toApprove);
    }

    /** The quorum for one type of decision, from the attendance as recorded now. */
    public Quorum.Result quorum(CoalitionAccess access, Meeting m, DecisionType type) {
        MeetingContext.RulesInForce rules = context.rules(access, MeetingTime.day(m.startsAt()));
        return quorum(rules, type, attendees(access, m));
    }

    public List<MeetingResponse.DecisionResponse> decisions(UUID coalition, List<Decision> list) {
        Map<UUID, String> titles = new HashMap<>();
        return list.stream()
                .map(d -> new MeetingResponse.DecisionResponse(
                        d.id(),
                        d.number(),
                        d.meetingId(),
                        titles.computeIfAbsent(d.meetingId(), id -> meetings.find(coalition, id)
                                .map(Meeting::title)
                                .orElse("")),
                        d.agendaItemId(),
                        d.decisionType(),
                        d.text(),
                        d.outcome(),
                        d.decidedAt()))
                .toList();
    }

    static MeetingResponse.ActionResponse action(ActionItem a) {
        return new MeetingResponse.ActionResponse(
                a.id(),
                a.meetingId(),
                a.description(),
                a.ownerName(),
                a.ownerMemberId(),
                a.dueOn(),
                a.status(),
                a.closedAt(),
                a.version());
    }

    /** The voting members and how each attended, keyed for the quorum rules by name. */
    record Attendees(
            List<MeetingResponse.Present> present,
            List<Quorum.Voter> voters,
            Map<String, Quorum.Attendance> attendance,
            Map<String, String> proxyHolder) {}

    Attendees attendees(CoalitionAccess access, Meeting m) {
        UUID coalition = access.id().value();
        LocalDate day = MeetingTime.day(m.startsAt());
        List<Member> voters = context.voters(coalition, m.bodyId(), day);
        Map<UUID, Attendance> recorded = new LinkedHashMap<>();
        for (Attendance a : meetings.attendance(coalition, m.id())) {
            recorded.put(a.memberId(), a);
        }
        Map<UUID, String> names = new HashMap<>();
        for (Member member : voters) {
            names.put(member.id(), member.name());
        }
        List<MeetingResponse.Present> present = new ArrayList<>();
        List<Quorum.Voter> quorumVoters = new ArrayList<>();
        Map<String, Quorum.Attendance> attendance = new HashMap<>();
        Map<String, String> proxyHolder = new HashMap<>();
        Set<UUID> shown = new LinkedHashSet<>();
        for (Member member : voters) {
            quorumVoters.add(new Quorum.Voter(member.name(), member.votingWeight()));
            shown.add(member.id());
        }
        for (Attendance a : recorded.values()) {
            shown.add(a.memberId());
        }
        for (UUID memberId : shown) {
            String name = names.computeIfAbsent(memberId, id -> members.findByCoalitionIdAndId(coalition, id)
                    .map(Member::name)
                    .orElse("?"));
            Attendance a = recorded.get(memberId);
            String holderName = a == null || a.proxyHolderId() == null
                    ? null
                    : names.computeIfAbsent(a.proxyHolderId(), id -> members.findByCoalitionIdAndId(coalition, id)
                            .map(Member::name)
                            .orElse("?"));
            int weight = voters.stream()
                    .filter(v -> v.id().equals(memberId))
                    .mapToInt(Member::votingWeight)
                    .findFirst()
                    .orElse(0);
            present.add(new MeetingResponse.Present(
                    memberId,
                    name,
                    weight,
                    a == null ? null : a.status(),
                    a == null ? null : a.proxyHolderId(),
                    holderName,
                    a == null ? "" : a.personName()));
            if (a != null) {
                attendance.put(name, a.status());
                if (holderName != null) {
                    proxyHolder.put(name, holderName);
                }
            }
        }
        return new Attendees(present, quorumVoters, attendance, proxyHolder);
    }

    private static Quorum.Result quorum(MeetingContext.RulesInForce rules, DecisionType type, Attendees a) {
        return Quorum.of(rules.rules(), type, a.voters(), a.attendance(), a.proxyHolder(), Set.of(), Set.of());
    }

    static Set<DecisionType> decisionTypes(List<AgendaItem> agenda) {
        Set<DecisionType> types = new LinkedHashSet<>();
        for (AgendaItem item : agenda) {
            if (item.decisionType() != null) {
                types.add(item.decisionType());
            }
        }
        return types;
    }

    private static MeetingResponse response(
            Meeting m,
            String bodyName,
            boolean takesDecisions,
            List<MeetingResponse.Item> agenda,
            List<MeetingResponse.Present> attendance,
            MeetingResponse.QuorumResponse quorum,
            MeetingResponse.MinutesResponse minutes,
            List<MeetingResponse.DecisionResponse> decisions,
            List<MeetingResponse.ActionResponse> actions,
            List<MeetingResponse.MinutesToApprove> toApprove) {
        return new MeetingResponse(
                m.id(),
                m.bodyId(),
                bodyName,
                m.title(),
                MeetingTime.local(m.startsAt()),
                MeetingTime.local(m.endsAt()),
                m.location(),
                m.onlineUrl(),
                m.status(),
                m.convenedAt(),
                takesDecisions,
                m.version(),
                agenda,
                attendance,
                quorum,
                minutes,
                decisions,
                actions,
                toApprove);
    }
}
