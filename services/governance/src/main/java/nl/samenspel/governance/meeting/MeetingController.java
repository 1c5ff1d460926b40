package nl.samenspel.governance.meeting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.governance.tenancy.CoalitionAccess;
import nl.samenspel.governance.web.MultipartCsrf;

/**
 * Meetings of the coalition's bodies: planning and convocation, agenda and documents, attendance with
 * the live quorum, minutes, decisions and action items. Everyone with a role reads; the secretary writes.
 */
@Controller("/api/v1/coalitions/{coalition}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class MeetingController {

    private final MeetingService planning;
    private final MeetingRecordService records;
    private final CalendarFeedService feeds;
    private final MultipartCsrf csrf;

    MeetingController(
            MeetingService planning, MeetingRecordService records, CalendarFeedService feeds, MultipartCsrf csrf) {
        this.planning = planning;
        this.records = records;
        this.feeds = feeds;
        this.csrf = csrf;
    }

    /** Meetings starting on or after {@code from} and before {@code until} (Dutch days; default: all). */
    @Get("/meetings")
    List<MeetingResponse> list(
            @Parameter(hidden = true) CoalitionAccess access,
            @QueryValue @Nullable LocalDate from,
            @QueryValue @Nullable LocalDate until) {
        LocalDate first = from == null ? LocalDate.of(2000, 1, 1) : from;
        LocalDate last = until == null ? LocalDate.of(2200, 1, 1) : until;
        if (!last.isAfter(first)) {
            throw ProblemException.invalidField("until", "meeting.range", "must be after from");
        }
        return planning.list(
                access,
                first.atTime(LocalTime.MIDNIGHT).atZone(MeetingTime.ZONE).toInstant(),
                last.atTime(LocalTime.MIDNIGHT).atZone(MeetingTime.ZONE).toInstant());
    }

    @Post("/meetings")
    HttpResponse<MeetingResponse> schedule(
            @Parameter(hidden = true) CoalitionAccess access, @Valid @Body MeetingRequests.Schedule request) {
        return HttpResponse.created(planning.schedule(access, request));
    }

    @Get("/meetings/{id}")
    MeetingResponse get(@Parameter(hidden = true) CoalitionAccess access, UUID id) {
        return planning.get(access, id);
    }

    @Put("/meetings/{id}")
    MeetingResponse reschedule(
            @Parameter(hidden = true) CoalitionAccess access,
            UUID id,
            @Valid @Body MeetingRequests.Reschedule request) {
        return planning.reschedule(access, id, request);
    }

    /** Sends the convocation with its iCalendar invitation. */
    @Post("/meetings/{id}/convocation")
    MeetingResponse convene(@Parameter(hidden = true) CoalitionAccess access, UUID id) {
        return planning.convene(access, id);
    }

    @Post("/meetings/{id}/cancellation")
    MeetingResponse cancel(@Parameter(hidden = true) CoalitionAccess access, UUID id) {
        return planning.cancel(access, id);
    }

    @Post("/meetings/{id}/agenda")
    HttpResponse<MeetingResponse> addItem(
            @Parameter(hidden = true) CoalitionAccess access, UUID id, @Valid @Body MeetingRequests.Item request) {
        return HttpResponse.created(planning.addItem(access, id, request));
    }

    @Put("/meetings/{id}/agenda/{itemId}")
    MeetingResponse updateItem(
            @Parameter(hidden = true) CoalitionAccess access,
            UUID id,
            UUID itemId,
            @Valid @Body MeetingRequests.ItemUpdate request) {
        return planning.updateItem(access, id, itemId, request);
    }

    @Delete("/meetings/{id}/agenda/{itemId}")
    MeetingResponse removeItem(@Parameter(hidden = true) CoalitionAccess access, UUID id, UUID itemId) {
        return planning.removeItem(access, id, itemId);
    }

    @Put("/meetings/{id}/agenda-order")
    MeetingResponse reorder(
            @Parameter(hidden = true) CoalitionAccess access, UUID id, @Valid @Body MeetingRequests.Order request) {
        return planning.reorder(access, id, request);
    }

    /** Attaches a document (multipart field {@code file}) to an agenda item. */
    @Post(value = "/meetings/{id}/agenda/{itemId}/documents", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<MeetingResponse> attach(
            @Parameter(hidden = true) CoalitionAccess access,
            UUID id,
            UUID itemId,
            @Part("file") @Nullable CompletedFileUpload file,
            HttpRequest<?> request)
            throws IOException {
        csrf.requireForCookieSession(request, null);
        if (file == null) {
            throw ProblemException.invalidField("file", "document.missing", "attach a file in the field 'file'");
        }
        String contentType = file.getContentType().map(MediaType::toString).orElse("");
        return HttpResponse.created(
                planning.attach(access, id, itemId, file.getFilename(), contentType, file.getBytes()));
    }

    @Get("/meetings/{id}/documents/{documentId}")
    HttpResponse<byte[]> document(@Parameter(hidden = true) CoalitionAccess access, UUID id, UUID documentId) {
        AgendaDocuments.Download download = planning.document(access, id, documentId);
        return HttpResponse.ok(download.content())
                .contentType(download.contentType())
                .header("Content-Disposition", AgendaDocuments.attachment(download.filename()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox");
    }

    @Put("/meetings/{id}/attendance")
    MeetingResponse attendance(
            @Parameter(hidden = true) CoalitionAccess access,
            UUID id,
            @Valid @Body MeetingRequests.AttendanceList request) {
        return records.recordAttendance(access, id, request);
    }

    /** The quorum for each type of decision on the agenda, from the attendance as recorded now. */
    @Get("/meetings/{id}/quorum")
    MeetingResponse.QuorumResponse quorum(@Parameter(hidden = true) CoalitionAccess access, UUID id) {
        return planning.get(access, id).quorum();
    }

    @Put("/meetings/{id}/minutes")
    MeetingResponse minutes(
            @Parameter(hidden = true) CoalitionAccess access,
            UUID id,
            @Valid @Body MeetingRequests.MinutesDraft request) {
        return records.saveMinutes(access, id, request);
    }

    @Post("/meetings/{id}/minutes/approval")
    MeetingResponse approveMinutes(
            @Parameter(hidden = true) CoalitionAccess access,
            UUID id,
            @Valid @Body MeetingRequests.ApproveMinutes request) {
        return records.approveMinutes(access, id, request);
    }

    @Post("/meetings/{id}/decisions")
    HttpResponse<MeetingResponse> decide(
            @Parameter(hidden = true) CoalitionAccess access,
            UUID id,
            @Valid @Body MeetingRequests.RecordDecision request) {
        return HttpResponse.created(records.recordDecision(access, id, request));
    }

    @Post("/meetings/{id}/actions")
    HttpResponse<MeetingResponse> addAction(
            @Parameter(hidden = true) CoalitionAccess access, UUID id, @Valid @Body MeetingRequests.NewAction request) {
        return HttpResponse.created(records.addAction(access, id, request));
    }

    /** The decision list (besluitenlijst), newest first. */
    @Get("/decisions")
    List<MeetingResponse.DecisionResponse> decisions(@Parameter(hidden = true) CoalitionAccess access) {
        return records.decisions(access);
    }

    /** Action items; {@code open=true} leaves out the done and cancelled ones. */
    @Get("/actions")
    List<MeetingResponse.ActionResponse> actions(
            @Parameter(hidden = true) CoalitionAccess access, @QueryValue(defaultValue = "false") boolean open) {
        return records.actions(access, open);
    }

    @Put("/actions/{id}/status")
    MeetingResponse.ActionResponse actionStatus(
            @Parameter(hidden = true) CoalitionAccess access,
            UUID id,
            @Valid @Body MeetingRequests.ActionStatus request) {
        return records.setActionStatus(access, id, request);
    }

    /** Every meeting from a year back to two years ahead, as iCalendar. */
    @Get("/meetings.ics")
    HttpResponse<String> feed(@Parameter(hidden = true) CoalitionAccess access) {
        return HttpResponse.ok(feeds.feed(access)).contentType("text/calendar; charset=UTF-8");
    }

    /** A personal subscription link for a calendar app; an earlier link of yours stops working. */
    @Post("/calendar-link")
    HttpResponse<Map<String, String>> calendarLink(@Parameter(hidden = true) CoalitionAccess access) {
        return HttpResponse.created(Map.of("url", feeds.newLink(access)));
    }
}
