package nl.samenspel.governance.body;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.governance.tenancy.CoalitionAccess;

/** Bodies (organen, commissies): mandate, seats and meeting rhythm. Everyone reads; the secretary writes. */
@Controller("/api/v1/coalitions/{coalition}/bodies")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class BodyController {

    private final BodyService service;

    BodyController(BodyService service) {
        this.service = service;
    }

    @Get
    List<BodyResponse> list(@Parameter(hidden = true) CoalitionAccess access) {
        return service.list(access);
    }

    @Get("/{id}")
    BodyResponse get(@Parameter(hidden = true) CoalitionAccess access, UUID id) {
        return service.get(access, id);
    }

    @Post
    HttpResponse<BodyResponse> create(
            @Parameter(hidden = true) CoalitionAccess access, @Valid @Body CreateBodyRequest request) {
        return HttpResponse.created(service.create(access, request));
    }

    @Put("/{id}")
    BodyResponse update(
            @Parameter(hidden = true) CoalitionAccess access, UUID id, @Valid @Body UpdateBodyRequest request) {
        return service.update(access, id, request);
    }

    @Post("/{id}/seats")
    HttpResponse<BodyResponse> addSeat(
            @Parameter(hidden = true) CoalitionAccess access, UUID id, @Valid @Body AddSeatRequest request) {
        return HttpResponse.created(service.addSeat(access, id, request));
    }

    @Post("/{id}/seats/{seatId}/end")
    BodyResponse endSeat(
            @Parameter(hidden = true) CoalitionAccess access,
            UUID id,
            UUID seatId,
            @Valid @Body EndSeatRequest request) {
        return service.endSeat(access, id, seatId, request);
    }

    @Put("/{id}/rhythm")
    BodyResponse setRhythm(
            @Parameter(hidden = true) CoalitionAccess access, UUID id, @Valid @Body RhythmRequest request) {
        return service.setRhythm(access, id, request);
    }

    @Get("/{id}/rhythm/next")
    List<LocalDate> nextMeetings(
            @Parameter(hidden = true) CoalitionAccess access,
            UUID id,
            @QueryValue @Nullable LocalDate from,
            @QueryValue(defaultValue = "10") int count) {
        if (from == null) {
            throw ProblemException.invalidField("from", "body.rhythm-from-required", "give the day of a meeting");
        }
        if (count < 1 || count > 52) {
            throw ProblemException.invalidField("count", "body.rhythm-count", "must be between 1 and 52");
        }
        return service.nextMeetings(access, id, from, count);
    }
}
