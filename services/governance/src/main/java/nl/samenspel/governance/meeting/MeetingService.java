package nl.samenspel.governance.meeting;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.samenspel.core.audit.AuditLog;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.core.tenancy.TenantTransactions;
import nl.samenspel.governance.body.Body;
import nl.samenspel.governance.body.BodyRepository;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.mail.MailOutbox;
import nl.samenspel.governance.member.Member;
import nl.samenspel.governance.member.RepresentativeRepository;
import nl.samenspel.governance.statute.rules.DecisionType;
import nl.samenspel.governance.tenancy.CoalitionAccess;

/**
 * Plans meetings: time and place, the agenda and its documents, and the convocation with its iCalendar
 * invitation. A meeting that takes decisions is never called closer than the statutes' notice period;
 * the answer then names the rule and the earliest day that would do.
 */
@Singleton
public class MeetingService {

    static final Duration DEFAULT_LENGTH = Duration.ofHours(2);
    private static final DateTimeFormatter DUTCH_DAY =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'om' HH:mm", Locale.forLanguageTag("nl-NL"));

    private final MeetingRepository meetings;
    private final BodyRepository bodies;
    private final RepresentativeRepository representatives;
    private final MeetingContext context;
    private final MeetingViews views;
    private final MeetingCalendar calendar;
    private final MailOutbox outbox;
    private final TenantTransactions tx;
    private final AuditLog audit;
    private final Clock clock;
    private final String publicUrl;

    MeetingService(
            MeetingRepository meetings,
            BodyRepository bodies,
            RepresentativeRepository representatives,
            MeetingContext context,
            MeetingViews views,
            MeetingCalendar calendar,
            MailOutbox outbox,
            TenantTransactions tx,
            AuditLog audit,
            Clock clock,
            @Value("${samenspel.public-url:`http://localhost:8080`}") String publicUrl) {
        this.meetings = meetings;
        this.bodies = bodies;
        this.representatives = representatives;
        this.context = context;
        this.views = views;
        this.calendar = calendar;
        this.outbox = outbox;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /**
     * This service reading the time from {@code clock} and queueing its e-mail in {@code outbox}, for
     * entering meetings that were held before they were recorded here (the demo's history): every rule,
     * the notice period among them, is then checked as on the day itself. Requests never use it.
     */
    public MeetingService at(Clock clock, MailOutbox outbox) {
        return new MeetingService(
                meetings, bodies, representatives, context, views, calendar, outbox, tx, audit, clock, publicUrl);
    }

    public List<MeetingResponse> list(CoalitionAccess access, Instant from, Instant until) {
        UUID coalition = access.id().value();
        return tx.read(access.id(), () -> views.summaries(coalition, meetings.between(coalition, from, until)));
    }

    public MeetingResponse get(CoalitionAccess access, UUID id) {
        UUID coalition = access.id().value();
        return tx.read(access.id(), () -> views.detail(access, find(coalition, id)));
    }

    public MeetingResponse schedule(CoalitionAccess access, MeetingRequests.Schedule request) {
        access.require(CoalitionRole.SECRETARY);
        Instant startsAt = request.startsAt().toInstant();
        Instant endsAt = endOf(startsAt, request.endsAt());
        String location = blankToEmpty(request.location());
        String onlineUrl = blankToNull(request.onlineUrl());
        requirePlace(location, onlineUrl);
        List<MeetingRequests.Item> agenda = request.agenda() == null ? List.of() : request.agenda();
        for (int i = 0; i < agenda.size(); i++) {
            checkItemShape(
                    "agenda[" + i + "].decisionType",
                    agenda.get(i).kind(),
                    agenda.get(i).decisionType());
        }
        UUID coalition = access.id().value();
        return tx.write(access.id(), () -> {
            Body body = bodies.findByCoalitionIdAndId(coalition, request.bodyId())
                    .orElseThrow(() -> ProblemException.invalidField(
                            "bodyId", "body.not-found", "there is no such body in this coalition"));
            Set<DecisionType> types = new HashSet<>();
            for (int i = 0; i < agenda.size(); i++) {
                DecisionType type = agenda.get(i).decisionType();
                if (type != null) {
                    checkBodyDecides(body, type, "agenda[" + i + "].decisionType");
                    types.add(type);
                }
            }
            checkNotice(access, types, startsAt, "startsAt");
            UUID id = UUID.randomUUID();
            Meeting meeting = new Meeting(
                    coalition,
                    id,
                    body.id(),
                    request.title().trim(),
                    startsAt,
                    endsAt,
                    location,
                    onlineUrl,
                    Meeting.Status.SCHEDULED,
                    null,
                    null,
                    0,
                    0);
            meetings.insert(meeting);
            for (int i = 0; i < agenda.size(); i++) {
                meetings.insertItem(coalition, newItem(id, i, agenda.get(i)));
            }
            audit.append(access.id(), access.actor(), "meeting.scheduled", "meeting", id, null, meeting.auditState());
            return views.detail(access, find(coalition, id));
        });
    }

    public MeetingResponse reschedule(CoalitionAccess access, UUID id, MeetingRequests.Reschedule request) {
        access.require(CoalitionRole.SECRETARY);
        Instant startsAt = request.startsAt().toInstant();
        Instant endsAt = endOf(startsAt, request.endsAt());
        String location = blankToEmpty(request.location());
        String onlineUrl = blankToNull(request.onlineUrl());
        requirePlace(location, onlineUrl);
        UUID coalition = access.id().value();
        return tx.write(access.id(), () -> {
            Meeting current = lockOpen(coalition, id);
            if (current.version() != request.version()) {
                throw stale();
            }
            if (current.hasStartedBy(clock.instant())) {
                throw ProblemException.conflict(
                        "meeting.already-started", "This meeting has already begun; its time and place are history.");
            }
            boolean moved = !current.startsAt().equals(startsAt);
            if (moved) {
                checkNotice(access, decisionTypes(coalition, id), startsAt, "startsAt");
            }
            boolean changedForInvitees = moved
                    || !current.endsAt().equals(endsAt)
                    || !current.location().equals(location)
                    || !java.util.Objects.equals(current.onlineUrl(), onlineUrl)
                    || !current.title().equals(request.title().trim());
            boolean convened = current.status() == Meeting.Status.CONVENED;
            if (meetings.update(
                            coalition,
                            id,
                            request.version(),
                            request.title().trim(),
                            startsAt,
                            endsAt,
                            location,
                            onlineUrl,
                            convened && changedForInvitees)
                    != 1) {
                throw stale();
            }
            Meeting updated = find(coalition, id);
            if (convened && changedForInvitees) {
                sendConvocation(access, updated, "Gewijzigd: ");
            }
            audit.append(
                    access.id(),
                    access.actor(),
                    "meeting.rescheduled",
                    "meeting",
                    id,
                    current.auditState(),
                    updated.auditState());
            return views.detail(access, updated);
        });
    }

    /** Sends the convocation with its iCalendar invitation to the representatives of the voting members. */
    public MeetingResponse convene(CoalitionAccess access, UUID id) {
        access.require(CoalitionRole.SECRETARY);
        UUID coalition = access.id().value();
        return tx.write(access.id(), () -> {
            Meeting meeting = lockOpen(coalition, id);
            if (meeting.status() == Meeting.Status.CONVENED) {
                throw ProblemException.conflict(
                        "meeting.already-convened",
                        "The convocation has already gone out; a change of time or place is sent as an update.");
            }
            if (meeting.hasStartedBy(clock.instant())) {
                throw ProblemException.conflict(
                        "meeting.already-started", "This meeting has already started; it can no longer be called.");
            }
            checkNotice(access, decisionTypes(coalition, id), meeting.startsAt(), "startsAt");
            Instant now = clock.instant();
            meetings.markConvened(coalition, id, now);
            Meeting convened = find(coalition, id);
            int sent = sendConvocation(access, convened, "");
            if (sent == 0) {
                throw new ProblemException(
                        HttpStatus.UNPROCESSABLE_ENTITY,
                        "meeting.nobody-to-call",
                        "No voting member of this body has a representative with an account to send the"
                                + " convocation to; invite representatives first.");
            }
            Map<String, Object> after = convened.auditState();
            after.put("recipients", sent);
            audit.append(access.id(), access.actor(), "meeting.convened", "meeting", id, meeting.auditState(), after);
            return views.detail(access, convened);
        });
    }

    public MeetingResponse cancel(CoalitionAccess access, UUID id) {
        access.require(CoalitionRole.SECRETARY);
        UUID coalition = access.id().value();
        return tx.write(access.id(), () -> {
            Meeting meeting = lockOpen(coalition, id);
            if (meeting.hasStartedBy(clock.instant())) {
                throw ProblemException.conflict(
                        "meeting.already-started", "This meeting has already begun; it can no longer be cancelled.");
            }
            if (!meetings.decisionsOfMeeting(coalition, id).isEmpty()) {
                throw ProblemException.conflict(
                        "meeting.has-decisions", "This meeting has taken decisions; it cannot be cancelled.");
            }
            meetings.markCancelled(coalition, id, clock.instant());
            Meeting cancelled = find(coalition, id);
            if (meeting.status() == Meeting.Status.CONVENED) {
                sendConvocation(access, cancelled, "Afgelast: ");
            }
            audit.append(
                    access.id(),
                    access.actor(),
                    "meeting.cancelled",
                    "meeting",
                    id,
                    meeting.auditState(),
                    cancelled.auditState());
            return views.detail(access, cancelled);
        });
    }

    public MeetingResponse addItem(CoalitionAccess access, UUID meetingId, MeetingRequests.Item request) {
        access.require(CoalitionRole.SECRETARY);
        checkItemShape("decisionType", request.kind(), request.decisionType());
        UUID coalition = access.id().value();
        return tx.write(access.id(), () -> {
            Meeting meeting = lockOpen(coalition, meetingId);
            List<AgendaItem> agenda = meetings.agenda(coalition, meetingId);
            if (agenda.size() >= 100) {
                throw ProblemException.invalidField("title", "meeting.agenda-full", "an agenda has at most 100 items");
            }
            if (request.decisionType() != null) {
                checkBodyDecides(body(coalition, meeting), request.decisionType(), "decisionType");
                checkNotice(access, Set.of(request.decisionType()), meeting.startsAt(), "decisionType");
            }
            int position = agenda.stream().mapToInt(AgendaItem::position).max().orElse(-1) + 1;
            AgendaItem item = newItem(meetingId, position, request);
            meetings.insertItem(coalition, item);
            audit.append(
                    access.id(),
                    access.actor(),
                    "meeting.agenda-item-added",
                    "agenda_item",
                    item.id(),
                    null,
                    item.auditState());
            return views.detail(access, meeting);
        });
    }

    public MeetingResponse updateItem(
            CoalitionAccess access, UUID meetingId, UUID itemId, MeetingRequests.ItemUpdate request) {
        access.require(CoalitionRole.SECRETARY);
        checkItemShape("decisionType", request.kind(), request.decisionType());
        UUID coalition = access.id().value();
        return tx.write(access.id(), () -> {
            Meeting meeting = lockOpen(coalition, meetingId);
            AgendaItem current = item(coalition, meetingId, itemId);
            if (current.version() != request.version()) {
                throw stale();
            }
            if (meetings.itemHasDecision(coalition, itemId)) {
                throw ProblemException.conflict(
                        "meeting.item-decided", "A decision has been recorded on this item; it can no longer change.");
            }
            if (request.decisionType() != null && request.decisionType() != current.decisionType()) {
                checkBodyDecides(body(coalition, meeting), request.decisionType(), "decisionType");
                checkNotice(access, Set.of(request.decisionType()), meeting.startsAt(), "decisionType");
            }
            AgendaItem updated = new AgendaItem(
                    itemId,
                    meetingId,
                    current.position(),
                    request.title().trim(),
                    request.description() == null ? "" : request.description(),
                    request.kind(),
                    request.decisionType(),
                    request.version());
            if (meetings.updateItem(coalition, updated) != 1) {
                throw stale();
            }
            audit.append(
                    access.id(),
                    access.actor(),
                    "meeting.agenda-item-updated",
                    "agenda_item",
                    itemId,
                    current.auditState(),
                    updated.auditState());
            return views.detail(access, meeting);
        });
    }

    public MeetingResponse removeItem(CoalitionAccess access, UUID meetingId, UUID itemId) {
        access.require(CoalitionRole.SECRETARY);
        UUID coalition = access.id().value();
        return tx.write(access.id(), () -> {
            Meeting meeting = lockOpen(coalition, meetingId);
            AgendaItem current = item(coalition, meetingId, itemId);
            if (meetings.itemHasDecision(coalition, itemId)) {
                throw ProblemException.conflict(
                        "meeting.item-decided", "A decision has been recorded on this item; it stays on the agenda.");
            }
            meetings.deleteItem(coalition, itemId);
            renumber(
                    coalition,
                    meetings.agenda(coalition, meetingId).stream()
                            .map(AgendaItem::id)
                            .toList());
            audit.append(
                    access.id(),
                    access.actor(),
                    "meeting.agenda-item-removed",
                    "agenda_item",
                    itemId,
                    current.auditState(),
                    null);
            return views.detail(access, meeting);
        });
    }

    public MeetingResponse reorder(CoalitionAccess access, UUID meetingId, MeetingRequests.Order request) {
        access.require(CoalitionRole.SECRETARY);
        UUID coalition = access.id().value();
        return tx.write(access.id(), () -> {
            Meeting meeting = lockOpen(coalition, meetingId);
            List<UUID> existing = meetings.agenda(coalition, meetingId).stream()
                    .map(AgendaItem::id)
                    .toList();
            if (request.itemIds().size() != existing.size()
                    || !new HashSet<>(request.itemIds()).equals(new HashSet<>(existing))) {
                throw ProblemException.invalidField(
                        "itemIds", "meeting.order-incomplete", "name every agenda item of this meeting exactly once");
            }
            renumber(coalition, request.itemIds());
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("order", existing.stream().map(UUID::toString).toList());
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("order", request.itemIds().stream().map(UUID::toString).toList());
            audit.append(access.id(), access.actor(), "meeting.agenda-reordered", "meeting", meetingId, before, after);
            return views.detail(access, meeting);
        });
    }

    public MeetingResponse attach(
            CoalitionAccess access, UUID meetingId, UUID itemId, String filename, String contentType, byte[] content) {
        access.require(CoalitionRole.SECRETARY);
        String name = AgendaDocuments.safeFilename(filename);
        String type = AgendaDocuments.checkType(name, contentType, content);
        UUID coalition = access.id().value();
        return tx.write(access.id(), () -> {
            Meeting meeting = lockOpen(coalition, meetingId);
            item(coalition, meetingId, itemId);
            UUID id = UUID.randomUUID();
            String sha256 = AgendaDocuments.sha256(content);
            meetings.insertDocument(
                    coalition, id, itemId, name, type, content, sha256, clock.instant(), access.actor());
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("agendaItemId", itemId.toString());
            state.put("filename", name);
            state.put("sha256", sha256);
            state.put("sizeBytes", content.length);
            audit.append(access.id(), access.actor(), "meeting.document-attached", "agenda_document", id, null, state);
            return views.detail(access, meeting);
        });
    }

    /** The document's bytes with its name and type, for download. */
    public AgendaDocuments.Download document(CoalitionAccess access, UUID meetingId, UUID documentId) {
        UUID coalition = access.id().value();
        return tx.read(access.id(), () -> {
            find(coalition, meetingId);
            AgendaDocument doc = meetings.documents(coalition, meetingId).stream()
                    .filter(d -> d.id().equals(documentId))
                    .findFirst()
                    .orElseThrow(() -> ProblemException.notFound(
                            "meeting.document-not-found", "There is no such document in this meeting."));
            byte[] content =
                    meetings.documentContent(coalition, meetingId, documentId).orElseThrow();
            return new AgendaDocuments.Download(doc.filename(), doc.contentType(), content);
        });
    }

    // --- convocation

    private int sendConvocation(CoalitionAccess access, Meeting meeting, String subjectPrefix) {
        UUID coalition = access.id().value();
        LocalDate today = MeetingTime.day(clock.instant());
        Body body = body(coalition, meeting);
        Map<String, MeetingCalendar.Invitee> invitees = new LinkedHashMap<>();
        for (Member member : context.voters(coalition, meeting.bodyId(), MeetingTime.day(meeting.startsAt()))) {
            for (RepresentativeRepository.Listed r :
                    representatives.findByCoalitionIdAndMemberId(coalition, member.id())) {
                if (r.representative().currentOn(today)) {
                    invitees.putIfAbsent(
                            r.email(),
                            new MeetingCalendar.Invitee(r.email(), r.displayName() + " (" + member.name() + ")"));
                }
            }
        }
        List<AgendaItem> agenda = meetings.agenda(coalition, meeting.id());
        String url = pageUrl(access, meeting);
        String text = convocationText(access, body, meeting, agenda, url);
        MeetingCalendar.Event event = new MeetingCalendar.Event(meeting, body.name(), text, url);
        String ical = calendar.convocation(event, new ArrayList<>(invitees.values()));
        String subject = subjectPrefix + (meeting.cancelled() ? "" : "Oproeping: ") + body.name() + ", "
                + DUTCH_DAY.format(MeetingTime.local(meeting.startsAt())) + " — " + meeting.title();
        for (MeetingCalendar.Invitee invitee : invitees.values()) {
            outbox.enqueue(access.id(), invitee.email(), subject, text, null, ical);
        }
        return invitees.size();
    }

    private String convocationText(
            CoalitionAccess access, Body body, Meeting meeting, List<AgendaItem> agenda, String url) {
        StringBuilder text = new StringBuilder();
        OffsetDateTime start = MeetingTime.local(meeting.startsAt());
        if (meeting.cancelled()) {
            text.append("De vergadering van ")
                    .append(body.name())
                    .append(" van ")
                    .append(access.coalition().name())
                    .append(" op ")
                    .append(DUTCH_DAY.format(start))
                    .append(" (")
                    .append(meeting.title())
                    .append(") gaat niet door.\n");
            return text.toString();
        }
        text.append("U wordt opgeroepen voor de vergadering van ")
                .append(body.name())
                .append(" van ")
                .append(access.coalition().name())
                .append(".\n\n");
        text.append("Wanneer: ")
                .append(DUTCH_DAY.format(start))
                .append(" tot ")
                .append(DateTimeFormatter.ofPattern("HH:mm").format(MeetingTime.local(meeting.endsAt())))
                .append('\n');
        if (!meeting.location().isBlank()) {
            text.append("Waar: ").append(meeting.location()).append('\n');
        }
        if (meeting.onlineUrl() != null) {
            text.append("Online: ").append(meeting.onlineUrl()).append('\n');
        }
        text.append("\nAgenda\n");
        for (AgendaItem item : agenda) {
            text.append(item.position() + 1).append(". ").append(item.title());
            if (item.decides()) {
                text.append(" (besluit)");
            }
            text.append('\n');
        }
        text.append("\nStukken en agenda: ").append(url).append('\n');
        return text.toString();
    }

    private String pageUrl(CoalitionAccess access, Meeting meeting) {
        return publicUrl + "/c/" + access.slug() + "/meetings/" + meeting.id();
    }

    // --- rules

    /**
     * Refuses a decision-taking meeting inside the statutes' notice period, counted from today: that is
     * when the convocation, or the new decision item, reaches the members.
     */
    private void checkNotice(CoalitionAccess access, Set<DecisionType> types, Instant startsAt, String field) {
        LocalDate meetingDay = MeetingTime.day(startsAt);
        MeetingContext.RulesInForce rules = context.rules(access, meetingDay);
        NoticePeriod.of(rules.rules(), types).ifPresent(requirement -> {
            LocalDate today = MeetingTime.day(clock.instant());
            if (!requirement.allows(today, meetingDay)) {
                String what = requirement.amendmentText()
                        ? "a meeting that decides on the statutes or dissolution needs the text available at least "
                        : "a meeting that takes decisions must be called at least ";
                throw new NoticePeriodViolation(
                        field,
                        requirement.days(),
                        requirement.earliestMeetingDay(today),
                        rules.statuteNumber(),
                        rules.source(),
                        what);
            }
        });
    }

    private static void checkItemShape(String field, AgendaItem.Kind kind, DecisionType type) {
        if (kind == AgendaItem.Kind.DECISION && type == null) {
            throw ProblemException.invalidField(
                    field, "meeting.decision-type-required", "a decision item names its type of decision");
        }
        if (kind != AgendaItem.Kind.DECISION && type != null) {
            throw ProblemException.invalidField(
                    field, "meeting.decision-type-unexpected", "only a decision item has a type of decision");
        }
    }

    private static void checkBodyDecides(Body body, DecisionType type, String field) {
        if (!body.decisionTypeSet().contains(type)) {
            throw ProblemException.invalidField(
                    field, "meeting.body-may-not-decide", body.name() + " may not take this type of decision");
        }
    }

    private static void requirePlace(String location, String onlineUrl) {
        if (location.isEmpty() && onlineUrl == null) {
            throw ProblemException.invalidField(
                    "location", "meeting.place-required", "give a place, an online link, or both");
        }
    }

    private static Instant endOf(Instant startsAt, OffsetDateTime endsAt) {
        Instant end = endsAt == null ? startsAt.plus(DEFAULT_LENGTH) : endsAt.toInstant();
        if (!end.isAfter(startsAt)) {
            throw ProblemException.invalidField("endsAt", "meeting.ends-before-start", "must be after the start");
        }
        if (end.isAfter(startsAt.plus(Duration.ofHours(24)))) {
            throw ProblemException.invalidField("endsAt", "meeting.too-long", "a meeting lasts at most 24 hours");
        }
        return end;
    }

    // --- helpers

    private AgendaItem newItem(UUID meetingId, int position, MeetingRequests.Item request) {
        return new AgendaItem(
                UUID.randomUUID(),
                meetingId,
                position,
                request.title().trim(),
                request.description() == null ? "" : request.description(),
                request.kind(),
                request.decisionType(),
                0);
    }

    private void renumber(UUID coalition, List<UUID> order) {
        for (int i = 0; i < order.size(); i++) {
            meetings.moveItem(coalition, order.get(i), i);
        }
    }

    private Set<DecisionType> decisionTypes(UUID coalition, UUID meetingId) {
        Set<DecisionType> types = new HashSet<>();
        for (AgendaItem item : meetings.agenda(coalition, meetingId)) {
            if (item.decisionType() != null) {
                types.add(item.decisionType());
            }
        }
        return types;
    }

    private Body body(UUID coalition, Meeting meeting) {
        return bodies.findByCoalitionIdAndId(coalition, meeting.bodyId()).orElseThrow();
    }

    private AgendaItem item(UUID coalition, UUID meetingId, UUID itemId) {
        return meetings.agenda(coalition, meetingId).stream()
                .filter(i -> i.id().equals(itemId))
                .findFirst()
                .orElseThrow(() ->
                        ProblemException.notFound("meeting.item-not-found", "There is no such item on this agenda."));
    }

    Meeting find(UUID coalition, UUID id) {
        return meetings.find(coalition, id).orElseThrow(MeetingService::notFound);
    }

    /** Locks a meeting that is not cancelled. */
    Meeting lockOpen(UUID coalition, UUID id) {
        Meeting meeting = meetings.lock(coalition, id).orElseThrow(MeetingService::notFound);
        if (meeting.cancelled()) {
            throw ProblemException.conflict("meeting.cancelled", "This meeting has been cancelled.");
        }
        return meeting;
    }

    static ProblemException notFound() {
        return ProblemException.notFound("meeting.not-found", "There is no such meeting in this coalition.");
    }

    static ProblemException stale() {
        return ProblemException.conflict(
                "meeting.version-conflict", "It was changed by someone else; reload and try again.");
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
