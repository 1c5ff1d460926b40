package nl.samenspel.governance.web.meeting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Validator;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.governance.body.BodyResponse;
import nl.samenspel.governance.body.BodyService;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.meeting.ActionItem;
import nl.samenspel.governance.meeting.AgendaItem;
import nl.samenspel.governance.meeting.CalendarFeedService;
import nl.samenspel.governance.meeting.Decision;
import nl.samenspel.governance.meeting.MeetingRecordService;
import nl.samenspel.governance.meeting.MeetingRequests;
import nl.samenspel.governance.meeting.MeetingResponse;
import nl.samenspel.governance.meeting.MeetingService;
import nl.samenspel.governance.meeting.MeetingTime;
import nl.samenspel.governance.meeting.NoticePeriodViolation;
import nl.samenspel.governance.member.MemberService;
import nl.samenspel.governance.statute.rules.DecisionType;
import nl.samenspel.governance.statute.rules.Quorum;
import nl.samenspel.governance.tenancy.CoalitionAccess;
import nl.samenspel.governance.web.Forms;
import nl.samenspel.governance.web.MultipartCsrf;
import nl.samenspel.governance.web.Pages;

/**
 * Meetings in the browser: everyone with a role follows them (agenda, documents, attendance, the live
 * quorum, minutes, decisions, actions); the secretary plans, calls and records them.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/c/{coalition}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class MeetingPagesController {

    private static final Function<String, String> MESSAGES = Forms.knownCodes(Set.of(
            "meeting.notice-period",
            "meeting.decision-type-required",
            "meeting.decision-type-unexpected",
            "meeting.body-may-not-decide",
            "meeting.place-required",
            "meeting.ends-before-start",
            "meeting.too-long",
            "meeting.cancelled",
            "meeting.already-convened",
            "meeting.already-started",
            "meeting.nobody-to-call",
            "meeting.has-decisions",
            "meeting.version-conflict",
            "meeting.item-decided",
            "meeting.agenda-full",
            "meeting.not-a-voter",
            "meeting.proxy-holder-required",
            "meeting.proxy-holder-absent",
            "meeting.proxy-cap",
            "meeting.proxy-unexpected",
            "meeting.not-yet-held",
            "meeting.not-convened",
            "meeting.attendance-final",
            "meeting.item-not-found",
            "meeting.item-not-a-decision",
            "meeting.no-quorum",
            "minutes.approved",
            "minutes.none",
            "minutes.other-body",
            "minutes.not-later",
            "minutes.meeting-not-begun",
            "member.not-found",
            "body.not-found",
            "document.empty",
            "document.too-large",
            "document.type-not-accepted",
            "document.content-mismatch",
            "document.name-invalid",
            "document.missing"));

    static final List<String> MEETING_FIELDS =
            List.of("bodyId", "title", "date", "startTime", "endTime", "location", "onlineUrl");

    /** Service field → form field, per form on the meeting page. */
    private static final Map<String, String> ITEM_FIELDS =
            Map.of("title", "itemTitle", "description", "itemDescription", "kind", "itemKind");

    private static final Map<String, String> DECISION_FIELDS =
            Map.of("agendaItemId", "decisionItem", "text", "decisionText", "outcome", "outcome");
    private static final Map<String, String> ACTION_FIELDS = Map.of(
            "description", "actionDescription",
            "ownerName", "actionOwner",
            "ownerMemberId", "actionOwnerMember",
            "dueOn", "actionDue");

    private final MeetingService planning;
    private final MeetingRecordService records;
    private final CalendarFeedService feeds;
    private final BodyService bodies;
    private final MemberService members;
    private final MultipartCsrf csrf;
    private final Validator validator;
    private final Clock clock;

    MeetingPagesController(
            MeetingService planning,
            MeetingRecordService records,
            CalendarFeedService feeds,
            BodyService bodies,
            MemberService members,
            MultipartCsrf csrf,
            Validator validator,
            Clock clock) {
        this.planning = planning;
        this.records = records;
        this.feeds = feeds;
        this.bodies = bodies;
        this.members = members;
        this.csrf = csrf;
        this.validator = validator;
        this.clock = clock;
    }

    @Serdeable
    record MeetingForm(
            @Nullable String bodyId,
            @Nullable String title,
            @Nullable String date,
            @Nullable String startTime,
            @Nullable String endTime,
            @Nullable String location,
            @Nullable String onlineUrl,
            @Nullable String version) {}

    @Serdeable
    record ItemForm(
            @Nullable String itemTitle,
            @Nullable String itemKind,
            @Nullable String decisionType,
            @Nullable String itemDescription) {}

    @Serdeable
    record MinutesForm(@Nullable String minutesText, @Nullable String version) {}

    @Serdeable
    record ApproveForm(@Nullable String inMeetingId, @Nullable String version) {}

    @Serdeable
    record DecisionForm(@Nullable String decisionItem, @Nullable String decisionText, @Nullable String outcome) {}

    @Serdeable
    record ActionForm(
            @Nullable String actionDescription,
            @Nullable String actionOwner,
            @Nullable String actionOwnerMember,
            @Nullable String actionDue) {}

    @Serdeable
    record ActionStatusForm(@Nullable String status, @Nullable String version, @Nullable String meetingId) {}

    /** A meeting page with what a refused form needs to show again. */
    private record Trouble(
            HttpStatus status,
            Map<String, String> errors,
            String general,
            NoticePeriodViolation notice,
            Map<String, String> values) {}

    // --- the list, the decision list and the calendar link

    @Get("/meetings")
    HttpResponse<?> list(CoalitionAccess access, @Nullable @QueryValue String done) {
        return listPage(access, done, null);
    }

    @Post(value = "/meetings/calendar-link", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> calendarLink(CoalitionAccess access) {
        return listPage(access, null, feeds.newLink(access));
    }

    private HttpResponse<?> listPage(CoalitionAccess access, String done, String calendarLink) {
        Instant now = clock.instant();
        List<MeetingResponse> all =
                planning.list(access, Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2200-01-01T00:00:00Z"));
        List<MeetingResponse> upcoming = new ArrayList<>();
        List<MeetingResponse> past = new ArrayList<>();
        for (MeetingResponse m : all) {
            (m.endsAt().toInstant().isAfter(now) ? upcoming : past).add(m);
        }
        java.util.Collections.reverse(past);
        return Pages.page(
                "meetings",
                Pages.model(
                        "access", access,
                        "upcoming", upcoming,
                        "past", past,
                        "calendarLink", calendarLink,
                        "notice", "cancelled".equals(done) ? "meetings.done.cancelled" : null,
                        "section", "meetings"));
    }

    @Get("/decisions")
    HttpResponse<?> decisions(CoalitionAccess access) {
        return Pages.page(
                "decisions",
                Pages.model(
                        "access",
                        access,
                        "decisions",
                        records.decisions(access),
                        "actions",
                        records.actions(access, false),
                        "section",
                        "meetings"));
    }

    @Post(value = "/actions/{id}/status", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> actionStatus(CoalitionAccess access, UUID id, @Body ActionStatusForm form) {
        access.require(CoalitionRole.SECRETARY);
        Map<String, String> errors = new LinkedHashMap<>();
        ActionItem.Status status = Forms.choice(ActionItem.Status.class, form.status(), "status", errors);
        Integer version = Forms.whole(form.version(), "version", errors);
        UUID meeting = Forms.uuid(form.meetingId(), "meetingId", errors);
        String back =
                meeting == null ? "/c/" + access.slug() + "/decisions" : "/c/" + access.slug() + "/meetings/" + meeting;
        if (status == null || version == null || !errors.isEmpty()) {
            throw ProblemException.badRequest("form.invalid", "The form is incomplete.");
        }
        try {
            records.setActionStatus(access, id, new MeetingRequests.ActionStatus(status, version));
        } catch (ProblemException e) {
            if (meeting == null) {
                throw e;
            }
            return troubled(access, meeting, e, Map.of(), Map.of());
        }
        return Pages.seeOther(back + "#actions");
    }

    // --- planning

    /**
     * A blank meeting form, or, {@code after} a meeting, one for the next meeting of the same body: on
     * the day its meeting rhythm gives (anchored on that meeting), at the same time and place.
     */
    @Get("/meetings/new")
    HttpResponse<?> newForm(CoalitionAccess access, @Nullable @QueryValue UUID after) {
        access.require(CoalitionRole.SECRETARY);
        LocalDate day = MeetingTime.day(clock.instant()).plusDays(14);
        MeetingForm form = new MeetingForm("", "", day.toString(), "14:00", "16:00", "", "", null);
        if (after != null) {
            MeetingResponse previous = planning.get(access, after);
            LocalDate previousDay = previous.startsAt().toLocalDate();
            BodyResponse body = bodies.get(access, previous.bodyId());
            List<LocalDate> byRhythm = body.rhythm() == null || body.rhythm().isEmpty()
                    ? List.of()
                    : bodies.nextMeetings(access, body.id(), previousDay, 2);
            // Without a rhythm, or when it has run out, four weeks on is a reasonable proposal.
            LocalDate next = byRhythm.size() > 1 ? byRhythm.get(1) : previousDay.plusWeeks(4);
            form = new MeetingForm(
                    body.id().toString(),
                    body.name(),
                    next.toString(),
                    previous.startsAt().toLocalTime().toString(),
                    previous.endsAt().toLocalTime().toString(),
                    previous.location(),
                    previous.onlineUrl() == null ? "" : previous.onlineUrl(),
                    null);
        }
        return meetingForm(HttpStatus.OK, access, null, form, Map.of(), null, null);
    }

    @Post(value = "/meetings/new", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> schedule(CoalitionAccess access, @Body MeetingForm form) {
        access.require(CoalitionRole.SECRETARY);
        Map<String, String> errors = new LinkedHashMap<>();
        UUID body = Forms.uuid(form.bodyId(), "bodyId", errors);
        OffsetDateTime[] times = times(form, errors);
        MeetingRequests.Schedule request = new MeetingRequests.Schedule(
                body,
                Forms.trimmed(form.title()),
                times[0],
                times[1],
                Forms.trimmed(form.location()),
                Forms.trimmed(form.onlineUrl()),
                List.of());
        Forms.validate(validator, request, MeetingPagesController::meetingField, errors);
        urlError(errors);
        if (!errors.isEmpty()) {
            return meetingForm(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    access,
                    null,
                    form,
                    Forms.ordered(errors, MEETING_FIELDS),
                    null,
                    null);
        }
        MeetingResponse created;
        try {
            created = planning.schedule(access, request);
        } catch (ProblemException e) {
            Forms.Refusal r = Forms.refusal(e, MeetingPagesController::meetingField, MESSAGES);
            return meetingForm(r.status(), access, null, form, r.errors(), r.general(), notice(e));
        }
        return Pages.seeOther("/c/" + access.slug() + "/meetings/" + created.id() + "?done=scheduled");
    }

    @Get("/meetings/{id}/edit")
    HttpResponse<?> editForm(CoalitionAccess access, UUID id) {
        access.require(CoalitionRole.SECRETARY);
        MeetingResponse m = planning.get(access, id);
        MeetingForm form = new MeetingForm(
                m.bodyId().toString(),
                m.title(),
                m.startsAt().toLocalDate().toString(),
                m.startsAt().toLocalTime().toString(),
                m.endsAt().toLocalTime().toString(),
                m.location(),
                m.onlineUrl() == null ? "" : m.onlineUrl(),
                Integer.toString(m.version()));
        return meetingForm(HttpStatus.OK, access, m, form, Map.of(), null, null);
    }

    @Post(value = "/meetings/{id}/edit", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> reschedule(CoalitionAccess access, UUID id, @Body MeetingForm form) {
        access.require(CoalitionRole.SECRETARY);
        MeetingResponse m = planning.get(access, id);
        Map<String, String> errors = new LinkedHashMap<>();
        OffsetDateTime[] times = times(form, errors);
        Integer version = Forms.whole(form.version(), "version", errors);
        MeetingRequests.Reschedule request = new MeetingRequests.Reschedule(
                version == null ? -1 : version,
                Forms.trimmed(form.title()),
                times[0],
                times[1],
                Forms.trimmed(form.location()),
                Forms.trimmed(form.onlineUrl()));
        Forms.validate(validator, request, MeetingPagesController::meetingField, errors);
        urlError(errors);
        if (!errors.isEmpty()) {
            return meetingForm(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    access,
                    m,
                    form,
                    Forms.ordered(errors, MEETING_FIELDS),
                    null,
                    null);
        }
        try {
            planning.reschedule(access, id, request);
        } catch (ProblemException e) {
            Forms.Refusal r = Forms.refusal(e, MeetingPagesController::meetingField, MESSAGES);
            return meetingForm(r.status(), access, m, form, r.errors(), r.general(), notice(e));
        }
        return Pages.seeOther("/c/" + access.slug() + "/meetings/" + id + "?done=saved");
    }

    @Post(value = "/meetings/{id}/convene", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> convene(CoalitionAccess access, UUID id) {
        access.require(CoalitionRole.SECRETARY);
        try {
            planning.convene(access, id);
        } catch (ProblemException e) {
            return troubled(access, id, e, Map.of(), Map.of());
        }
        return Pages.seeOther("/c/" + access.slug() + "/meetings/" + id + "?done=convened");
    }

    @Post(value = "/meetings/{id}/cancel", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> cancel(CoalitionAccess access, UUID id) {
        access.require(CoalitionRole.SECRETARY);
        try {
            planning.cancel(access, id);
        } catch (ProblemException e) {
            return troubled(access, id, e, Map.of(), Map.of());
        }
        return Pages.seeOther("/c/" + access.slug() + "/meetings/" + id + "?done=cancelled");
    }

    // --- the meeting page

    @Get("/meetings/{id}")
    HttpResponse<?> show(CoalitionAccess access, UUID id, @Nullable @QueryValue String done) {
        String notice = done != null
                        && List.of(
                                        "scheduled",
                                        "saved",
                                        "convened",
                                        "cancelled",
                                        "item-added",
                                        "item-removed",
                                        "document-attached",
                                        "attendance",
                                        "minutes",
                                        "approved",
                                        "decision",
                                        "action")
                                .contains(done)
                ? "meeting.done." + done
                : null;
        return meetingPage(
                HttpStatus.OK,
                access,
                planning.get(access, id),
                new Trouble(HttpStatus.OK, Map.of(), null, null, Map.of()),
                notice);
    }

    @Post(value = "/meetings/{id}/agenda", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> addItem(CoalitionAccess access, UUID id, @Body ItemForm form) {
        access.require(CoalitionRole.SECRETARY);
        Map<String, String> errors = new LinkedHashMap<>();
        AgendaItem.Kind kind = Forms.choice(AgendaItem.Kind.class, form.itemKind(), "itemKind", errors);
        DecisionType type = kind == AgendaItem.Kind.DECISION
                ? Forms.choice(DecisionType.class, form.decisionType(), "decisionType", errors)
                : null;
        MeetingRequests.Item request =
                new MeetingRequests.Item(Forms.trimmed(form.itemTitle()), form.itemDescription(), kind, type);
        Forms.validate(validator, request, field -> ITEM_FIELDS.getOrDefault(field, field), errors);
        Map<String, String> values = Forms.values(
                "itemTitle", form.itemTitle(),
                "itemKind", form.itemKind(),
                "decisionType", form.decisionType(),
                "itemDescription", form.itemDescription());
        if (!errors.isEmpty()) {
            return invalid(access, id, errors, values);
        }
        try {
            planning.addItem(access, id, request);
        } catch (ProblemException e) {
            return troubled(access, id, e, ITEM_FIELDS, values);
        }
        return Pages.seeOther("/c/" + access.slug() + "/meetings/" + id + "?done=item-added#agenda");
    }

    @Post(value = "/meetings/{id}/agenda/{itemId}/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> removeItem(CoalitionAccess access, UUID id, UUID itemId) {
        access.require(CoalitionRole.SECRETARY);
        try {
            planning.removeItem(access, id, itemId);
        } catch (ProblemException e) {
            return troubled(access, id, e, Map.of(), Map.of());
        }
        return Pages.seeOther("/c/" + access.slug() + "/meetings/" + id + "?done=item-removed#agenda");
    }

    @Post(value = "/meetings/{id}/agenda/{itemId}/up", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> moveUp(CoalitionAccess access, UUID id, UUID itemId) {
        access.require(CoalitionRole.SECRETARY);
        List<UUID> order = new ArrayList<>(planning.get(access, id).agenda().stream()
                .map(MeetingResponse.Item::id)
                .toList());
        int at = order.indexOf(itemId);
        if (at < 0) {
            throw ProblemException.notFound("meeting.item-not-found", "There is no such item on this agenda.");
        }
        if (at > 0) {
            order.set(at, order.get(at - 1));
            order.set(at - 1, itemId);
            try {
                planning.reorder(access, id, new MeetingRequests.Order(order));
            } catch (ProblemException e) {
                return troubled(access, id, e, Map.of(), Map.of());
            }
        }
        return Pages.seeOther("/c/" + access.slug() + "/meetings/" + id + "#agenda");
    }

    /** A document for an agenda item; multipart, so the CSRF token is checked here. */
    @Post(value = "/meetings/{id}/agenda/{itemId}/documents", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> attach(
            HttpRequest<?> request,
            CoalitionAccess access,
            UUID id,
            UUID itemId,
            @Part("file") @Nullable CompletedFileUpload file,
            @Part("csrfToken") @Nullable String csrfToken)
            throws IOException {
        csrf.requireForCookieSession(request, csrfToken);
        access.require(CoalitionRole.SECRETARY);
        String field = "file-" + itemId;
        if (file == null || file.getFilename() == null || file.getFilename().isBlank()) {
            return invalid(access, id, Map.of(field, "error.document.missing"), Map.of());
        }
        try {
            planning.attach(
                    access,
                    id,
                    itemId,
                    file.getFilename(),
                    file.getContentType().map(MediaType::toString).orElse(""),
                    file.getBytes());
        } catch (ProblemException e) {
            return troubled(access, id, e, Map.of("file", field), Map.of());
        }
        return Pages.seeOther("/c/" + access.slug() + "/meetings/" + id + "?done=document-attached#agenda");
    }

    @Post(value = "/meetings/{id}/attendance", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> attendance(CoalitionAccess access, UUID id, @Body Map<String, Object> form) {
        access.require(CoalitionRole.SECRETARY);
        MeetingResponse meeting = planning.get(access, id);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> values = new HashMap<>();
        List<MeetingRequests.Entry> entries = new ArrayList<>();
        Map<String, String> fieldOf = new HashMap<>();
        for (MeetingResponse.Present p : meeting.attendance()) {
            String key = p.memberId().toString();
            String statusValue = Forms.one(form, "status-" + key);
            String proxyValue = Forms.one(form, "proxy-" + key);
            String person = Forms.one(form, "person-" + key);
            values.put("status-" + key, statusValue);
            values.put("proxy-" + key, proxyValue);
            values.put("person-" + key, person);
            if (Forms.blank(statusValue)) {
                continue;
            }
            Quorum.Attendance status = Forms.choice(Quorum.Attendance.class, statusValue, "status-" + key, errors);
            UUID holder =
                    status == Quorum.Attendance.REPRESENTED ? Forms.uuid(proxyValue, "proxy-" + key, errors) : null;
            fieldOf.put("entries[" + entries.size() + "].memberId", "status-" + key);
            fieldOf.put("entries[" + entries.size() + "].status", "status-" + key);
            fieldOf.put("entries[" + entries.size() + "].proxyHolderId", "proxy-" + key);
            fieldOf.put("entries[" + entries.size() + "].personName", "person-" + key);
            entries.add(new MeetingRequests.Entry(p.memberId(), status, holder, Forms.trimmed(person)));
        }
        MeetingRequests.AttendanceList request = new MeetingRequests.AttendanceList(entries);
        Forms.validate(validator, request, field -> fieldOf.getOrDefault(field, "attendance"), errors);
        if (!errors.isEmpty()) {
            return invalid(access, id, errors, values);
        }
        try {
            records.recordAttendance(access, id, request);
        } catch (ProblemException e) {
            return troubled(access, id, e, fieldOf, values);
        }
        return Pages.seeOther("/c/" + access.slug() + "/meetings/" + id + "?done=attendance#attendance");
    }

    @Post(value = "/meetings/{id}/minutes", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> minutes(CoalitionAccess access, UUID id, @Body MinutesForm form) {
        access.require(CoalitionRole.SECRETARY);
        Map<String, String> errors = new LinkedHashMap<>();
        Integer version = Forms.whole(form.version(), "minutesText", errors);
        MeetingRequests.MinutesDraft request =
                new MeetingRequests.MinutesDraft(form.minutesText() == null ? "" : form.minutesText(), version);
        Forms.validate(validator, request, field -> "minutesText", errors);
        Map<String, String> values = Forms.values("minutesText", form.minutesText());
        if (!errors.isEmpty()) {
            return invalid(access, id, errors, values);
        }
        try {
            records.saveMinutes(access, id, request);
        } catch (ProblemException e) {
            return troubled(access, id, e, Map.of("text", "minutesText"), values);
        }
        return Pages.seeOther("/c/" + access.slug() + "/meetings/" + id + "?done=minutes#minutes");
    }

    /** Approves the minutes of meeting {@code id} in the later meeting named in the form (whose page it is on). */
    @Post(value = "/meetings/{id}/minutes/approve", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> approve(CoalitionAccess access, UUID id, @Body ApproveForm form) {
        access.require(CoalitionRole.SECRETARY);
        Map<String, String> errors = new LinkedHashMap<>();
        UUID in = Forms.uuid(form.inMeetingId(), "inMeetingId", errors);
        Integer version = Forms.whole(form.version(), "inMeetingId", errors);
        if (in == null || version == null) {
            throw ProblemException.badRequest("form.invalid", "The form is incomplete.");
        }
        try {
            records.approveMinutes(access, id, new MeetingRequests.ApproveMinutes(in, version));
        } catch (ProblemException e) {
            return troubled(access, in, e, Map.of("inMeetingId", "approve-" + id), Map.of());
        }
        return Pages.seeOther("/c/" + access.slug() + "/meetings/" + in + "?done=approved#minutes");
    }

    @Post(value = "/meetings/{id}/decisions", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> decide(CoalitionAccess access, UUID id, @Body DecisionForm form) {
        access.require(CoalitionRole.SECRETARY);
        Map<String, String> errors = new LinkedHashMap<>();
        MeetingRequests.RecordDecision request = new MeetingRequests.RecordDecision(
                Forms.uuid(form.decisionItem(), "decisionItem", errors),
                Forms.trimmed(form.decisionText()),
                Forms.choice(Decision.Outcome.class, form.outcome(), "outcome", errors));
        Forms.validate(validator, request, field -> DECISION_FIELDS.getOrDefault(field, field), errors);
        Map<String, String> values = Forms.values(
                "decisionItem", form.decisionItem(), "decisionText", form.decisionText(), "outcome", form.outcome());
        if (!errors.isEmpty()) {
            return invalid(access, id, errors, values);
        }
        try {
            records.recordDecision(access, id, request);
        } catch (ProblemException e) {
            return troubled(access, id, e, DECISION_FIELDS, values);
        }
        return Pages.seeOther("/c/" + access.slug() + "/meetings/" + id + "?done=decision#decisions");
    }

    @Post(value = "/meetings/{id}/actions", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> addAction(CoalitionAccess access, UUID id, @Body ActionForm form) {
        access.require(CoalitionRole.SECRETARY);
        Map<String, String> errors = new LinkedHashMap<>();
        MeetingRequests.NewAction request = new MeetingRequests.NewAction(
                Forms.trimmed(form.actionDescription()),
                Forms.trimmed(form.actionOwner()),
                Forms.uuid(form.actionOwnerMember(), "actionOwnerMember", errors),
                Forms.date(form.actionDue(), "actionDue", errors));
        Forms.validate(validator, request, field -> ACTION_FIELDS.getOrDefault(field, field), errors);
        Map<String, String> values = Forms.values(
                "actionDescription", form.actionDescription(),
                "actionOwner", form.actionOwner(),
                "actionOwnerMember", form.actionOwnerMember(),
                "actionDue", form.actionDue());
        if (!errors.isEmpty()) {
            return invalid(access, id, errors, values);
        }
        try {
            records.addAction(access, id, request);
        } catch (ProblemException e) {
            return troubled(access, id, e, ACTION_FIELDS, values);
        }
        return Pages.seeOther("/c/" + access.slug() + "/meetings/" + id + "?done=action#actions");
    }

    // --- rendering

    private HttpResponse<?> invalid(
            CoalitionAccess access, UUID id, Map<String, String> errors, Map<String, String> values) {
        return meetingPage(
                HttpStatus.UNPROCESSABLE_ENTITY,
                access,
                planning.get(access, id),
                new Trouble(HttpStatus.UNPROCESSABLE_ENTITY, errors, null, null, values),
                null);
    }

    private HttpResponse<?> troubled(
            CoalitionAccess access,
            UUID id,
            ProblemException e,
            Map<String, String> fields,
            Map<String, String> values) {
        Forms.Refusal r = Forms.refusal(e, field -> fields.getOrDefault(field, field), MESSAGES);
        return meetingPage(
                r.status(),
                access,
                planning.get(access, id),
                new Trouble(r.status(), r.errors(), r.general(), notice(e), values),
                null);
    }

    private HttpResponse<?> meetingPage(
            HttpStatus status, CoalitionAccess access, MeetingResponse meeting, Trouble trouble, String notice) {
        Instant now = clock.instant();
        Map<String, Forms.Label> labels = new HashMap<>();
        for (String key : trouble.errors().keySet()) {
            for (MeetingResponse.Present p : meeting.attendance()) {
                String member = p.memberId().toString();
                if (key.equals("status-" + member)) {
                    labels.put(key, new Forms.Label("meeting.attendance.status-of", p.memberName()));
                } else if (key.equals("proxy-" + member)) {
                    labels.put(key, new Forms.Label("meeting.attendance.proxy-of", p.memberName()));
                } else if (key.equals("person-" + member)) {
                    labels.put(key, new Forms.Label("meeting.attendance.person-of", p.memberName()));
                }
            }
            for (MeetingResponse.Item item : meeting.agenda()) {
                if (key.equals("file-" + item.id())) {
                    labels.put(key, new Forms.Label("meeting.document.for", item.title()));
                }
            }
            for (MeetingResponse.MinutesToApprove a : meeting.minutesToApprove()) {
                if (key.equals("approve-" + a.meetingId())) {
                    labels.put(key, new Forms.Label("meeting.minutes.of", a.title()));
                }
            }
        }
        Map<String, Object> model = Pages.model(
                "errorLabels", labels,
                "access", access,
                "meeting", meeting,
                "errors", trouble.errors(),
                "general", trouble.general(),
                "noticeRule", trouble.notice(),
                "values", trouble.values(),
                "notice", notice,
                "started", !meeting.startsAt().toInstant().isAfter(now),
                "members",
                        members.list(access, MemberService.Filter.CURRENT, 0, 500)
                                .items(),
                "kinds", AgendaItem.Kind.values(),
                "decisionTypes", DecisionType.values(),
                "statuses", Quorum.Attendance.values(),
                "section", "meetings");
        return Pages.page(status, "meeting", model);
    }

    private HttpResponse<?> meetingForm(
            HttpStatus status,
            CoalitionAccess access,
            MeetingResponse meeting,
            MeetingForm form,
            Map<String, String> errors,
            String general,
            NoticePeriodViolation notice) {
        List<BodyResponse> all = bodies.list(access);
        return Pages.page(
                status,
                "meeting-form",
                Pages.model(
                        "access", access,
                        "meeting", meeting,
                        "form", form,
                        "bodies", all,
                        "errors", errors,
                        "general", notice == null ? general : null,
                        "noticeRule", notice,
                        "section", "meetings"));
    }

    /** The online link breaks its pattern only by not being a web address; say so. */
    private static void urlError(Map<String, String> errors) {
        if (errors.containsKey("onlineUrl") && !"error.too-long".equals(errors.get("onlineUrl"))) {
            errors.put("onlineUrl", "error.url");
        }
    }

    private static NoticePeriodViolation notice(ProblemException e) {
        return e instanceof NoticePeriodViolation n ? n : null;
    }

    private static String meetingField(String field) {
        return switch (field) {
            case "startsAt" -> "date";
            case "endsAt" -> "endTime";
            default -> field;
        };
    }

    /** Start and end from the date and times typed; {@code [null, null]} with errors when unreadable. */
    private static OffsetDateTime[] times(MeetingForm form, Map<String, String> errors) {
        LocalDate day = Forms.date(form.date(), "date", errors);
        LocalTime start = Forms.time(form.startTime(), "startTime", errors);
        LocalTime end = Forms.time(form.endTime(), "endTime", errors);
        if (day == null && !errors.containsKey("date")) {
            errors.put("date", "error.required");
        }
        if (start == null && !errors.containsKey("startTime")) {
            errors.put("startTime", "error.required");
        }
        if (day == null || start == null) {
            return new OffsetDateTime[] {null, null};
        }
        OffsetDateTime startsAt = day.atTime(start).atZone(MeetingTime.ZONE).toOffsetDateTime();
        OffsetDateTime endsAt =
                end == null ? null : day.atTime(end).atZone(MeetingTime.ZONE).toOffsetDateTime();
        return new OffsetDateTime[] {startsAt, endsAt};
    }
}
