package nl.samenspel.governance.web.body;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.governance.body.AddSeatRequest;
import nl.samenspel.governance.body.BodyResponse;
import nl.samenspel.governance.body.BodyService;
import nl.samenspel.governance.body.CreateBodyRequest;
import nl.samenspel.governance.body.EndSeatRequest;
import nl.samenspel.governance.body.RhythmRequest;
import nl.samenspel.governance.body.SeatRole;
import nl.samenspel.governance.body.UpdateBodyRequest;
import nl.samenspel.governance.coalition.BodyKind;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.member.MemberResponse;
import nl.samenspel.governance.member.MemberService;
import nl.samenspel.governance.statute.rules.DecisionType;
import nl.samenspel.governance.tenancy.CoalitionAccess;
import nl.samenspel.governance.web.Forms;
import nl.samenspel.governance.web.Pages;

/**
 * The coalition's bodies as people look them up (mandate, who sits where, how often they meet), and
 * the secretary's forms to keep them: a body, its seats and its meeting rhythm.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/c/{coalition}/bodies")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class BodyPagesController {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    /** Service codes with a text of their own in the bundles ("error.body.name-taken"). */
    private static final Function<String, String> MESSAGES = Forms.knownCodes(Set.of(
            "body.name-taken",
            "body.informal-decides",
            "body.version-conflict",
            "body.seat-until-before-from",
            "body.adviser-votes",
            "body.seat-member-required",
            "body.chair-taken",
            "body.seat-ended",
            "body.rhythm-open-phase",
            "body.rhythm-not-increasing",
            "member.not-found",
            "member.not-on-day"));

    private final BodyService bodies;
    private final MemberService members;
    private final Validator validator;

    BodyPagesController(BodyService bodies, MemberService members, Validator validator) {
        this.bodies = bodies;
        this.members = members;
        this.validator = validator;
    }

    @Serdeable
    record EndSeatForm(@Nullable String termUntil, @Nullable String version) {}

    @Get
    HttpResponse<?> list(CoalitionAccess access, @Nullable @QueryValue String done) {
        List<BodyResponse> details = bodies.list(access).stream()
                .map(b -> bodies.get(access, b.id()))
                .toList();
        return Pages.page(
                "bodies",
                Pages.model("access", access, "bodies", details, "notice", notice(done), "section", "bodies"));
    }

    // A body

    @Get("/new")
    HttpResponse<?> newForm(CoalitionAccess access) {
        access.require(CoalitionRole.SECRETARY);
        return bodyPage(HttpStatus.OK, access, null, BodyForm.empty(), Map.of(), null);
    }

    @Post(value = "/new", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(CoalitionAccess access, @Body Map<String, Object> fields) {
        access.require(CoalitionRole.SECRETARY);
        BodyForm form = BodyForm.from(fields);
        Map<String, String> errors = new LinkedHashMap<>();
        CreateBodyRequest request = form.toCreate(errors);
        Forms.validate(validator, request, BodyForm::fieldOf, errors);
        if (!errors.isEmpty()) {
            return bodyPage(
                    HttpStatus.UNPROCESSABLE_ENTITY, access, null, form, Forms.ordered(errors, BodyForm.FIELDS), null);
        }
        BodyResponse created;
        try {
            created = bodies.create(access, request);
        } catch (ProblemException e) {
            Forms.Refusal r = Forms.refusal(e, BodyForm::fieldOf, MESSAGES);
            return bodyPage(r.status(), access, null, form, r.errors(), r.general());
        }
        return Pages.seeOther(listPath(access, "added", created.id()));
    }

    @Get("/{id}/edit")
    HttpResponse<?> editForm(CoalitionAccess access, UUID id) {
        access.require(CoalitionRole.SECRETARY);
        BodyResponse body = bodies.get(access, id);
        return bodyPage(HttpStatus.OK, access, body, BodyForm.of(body), Map.of(), null);
    }

    @Post(value = "/{id}/edit", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> update(CoalitionAccess access, UUID id, @Body Map<String, Object> fields) {
        access.require(CoalitionRole.SECRETARY);
        BodyResponse body = bodies.get(access, id);
        BodyForm form = BodyForm.from(fields);
        // The kind does not change; the form shows it but does not post it.
        form = new BodyForm(
                body.kind().name(),
                form.bodyName(),
                form.mandate(),
                form.decisionTypes(),
                form.formal(),
                form.version());
        Map<String, String> errors = new LinkedHashMap<>();
        UpdateBodyRequest request = form.toUpdate(errors);
        Forms.validate(validator, request, BodyForm::fieldOf, errors);
        if (errors.containsKey("version")) {
            return bodyPage(HttpStatus.UNPROCESSABLE_ENTITY, access, body, form, Map.of(), "error.invalid");
        }
        if (!errors.isEmpty()) {
            return bodyPage(
                    HttpStatus.UNPROCESSABLE_ENTITY, access, body, form, Forms.ordered(errors, BodyForm.FIELDS), null);
        }
        try {
            bodies.update(access, id, request);
        } catch (ProblemException e) {
            Forms.Refusal r = Forms.refusal(e, BodyForm::fieldOf, MESSAGES);
            return bodyPage(r.status(), access, body, form, r.errors(), r.general());
        }
        return Pages.seeOther(listPath(access, "saved", id));
    }

    // Seats

    @Get("/{id}/seats/new")
    HttpResponse<?> seatForm(CoalitionAccess access, UUID id) {
        access.require(CoalitionRole.SECRETARY);
        BodyResponse body = bodies.get(access, id);
        return seatPage(HttpStatus.OK, access, body, SeatForm.empty(today().toString()), Map.of(), null);
    }

    @Post(value = "/{id}/seats/new", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> addSeat(CoalitionAccess access, UUID id, @Body SeatForm form) {
        access.require(CoalitionRole.SECRETARY);
        BodyResponse body = bodies.get(access, id);
        Map<String, String> errors = new LinkedHashMap<>();
        AddSeatRequest request = form.toRequest(errors);
        Forms.validate(validator, request, SeatForm::fieldOf, errors);
        if (!errors.isEmpty()) {
            return seatPage(
                    HttpStatus.UNPROCESSABLE_ENTITY, access, body, form, Forms.ordered(errors, SeatForm.FIELDS), null);
        }
        try {
            bodies.addSeat(access, id, request);
        } catch (ProblemException e) {
            Forms.Refusal r = Forms.refusal(e, SeatForm::fieldOf, BodyPagesController::seatMessage);
            return seatPage(r.status(), access, body, form, r.errors(), r.general());
        }
        return Pages.seeOther(listPath(access, "seat-added", id));
    }

    @Get("/{id}/seats/{seatId}/end")
    HttpResponse<?> endSeatForm(CoalitionAccess access, UUID id, UUID seatId) {
        access.require(CoalitionRole.SECRETARY);
        BodyResponse body = bodies.get(access, id);
        BodyResponse.SeatResponse seat = seat(body, seatId);
        return endSeatPage(
                HttpStatus.OK,
                access,
                body,
                seat,
                new EndSeatForm(today().toString(), Integer.toString(seat.version())),
                Map.of(),
                null);
    }

    @Post(value = "/{id}/seats/{seatId}/end", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> endSeat(CoalitionAccess access, UUID id, UUID seatId, @Body EndSeatForm form) {
        access.require(CoalitionRole.SECRETARY);
        BodyResponse body = bodies.get(access, id);
        BodyResponse.SeatResponse seat = seat(body, seatId);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate until = Forms.date(form.termUntil(), "termUntil", errors);
        if (until == null) {
            errors.putIfAbsent("termUntil", "error.required");
        }
        Integer version = Forms.whole(form.version(), "version", new LinkedHashMap<>());
        if (!errors.isEmpty() || version == null) {
            return endSeatPage(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    access,
                    body,
                    seat,
                    form,
                    errors,
                    version == null ? "error.invalid" : null);
        }
        try {
            bodies.endSeat(access, id, seatId, new EndSeatRequest(until, version));
        } catch (ProblemException e) {
            Forms.Refusal r = Forms.refusal(e, Function.identity(), MESSAGES);
            return endSeatPage(r.status(), access, body, seat, form, r.errors(), r.general());
        }
        return Pages.seeOther(listPath(access, "seat-ended", id));
    }

    // Meeting rhythm

    @Get("/{id}/rhythm")
    HttpResponse<?> rhythmForm(CoalitionAccess access, UUID id) {
        access.require(CoalitionRole.SECRETARY);
        BodyResponse body = bodies.get(access, id);
        return rhythmPage(HttpStatus.OK, access, body, RhythmForm.of(body), Map.of(), null);
    }

    @Post(value = "/{id}/rhythm", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> setRhythm(CoalitionAccess access, UUID id, @Body Map<String, Object> fields) {
        access.require(CoalitionRole.SECRETARY);
        BodyResponse body = bodies.get(access, id);
        RhythmForm form = RhythmForm.from(fields);
        Map<String, String> errors = new LinkedHashMap<>();
        List<Integer> rows = new ArrayList<>();
        RhythmRequest request = form.toRequest(errors, rows);
        if (!errors.isEmpty()) {
            return rhythmPage(HttpStatus.UNPROCESSABLE_ENTITY, access, body, form, errors, null);
        }
        try {
            bodies.setRhythm(access, id, request);
        } catch (ProblemException e) {
            // "phases[1].until" is the second phase the user filled in, shown at its own row.
            Function<String, String> fieldOf = property -> {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("phases\\[(\\d+)]\\.(\\w+)")
                        .matcher(property);
                if (m.matches() && Integer.parseInt(m.group(1)) < rows.size()) {
                    return m.group(2) + "-" + rows.get(Integer.parseInt(m.group(1)));
                }
                return property;
            };
            Forms.Refusal r = Forms.refusal(e, fieldOf, MESSAGES);
            return rhythmPage(r.status(), access, body, form, r.errors(), r.general());
        }
        return Pages.seeOther(listPath(access, "rhythm-set", id));
    }

    private static BodyResponse.SeatResponse seat(BodyResponse body, UUID seatId) {
        return body.seats().stream()
                .filter(s -> s.id().equals(seatId))
                .findFirst()
                .orElseThrow(
                        () -> ProblemException.notFound("body.seat-not-found", "There is no such seat in this body."));
    }

    /** On a seat, "not current" means "not a member on the first day of the term". */
    private static String seatMessage(String code) {
        return MESSAGES.apply("member.not-current".equals(code) ? "member.not-on-day" : code);
    }

    private HttpResponse<?> bodyPage(
            HttpStatus status,
            CoalitionAccess access,
            BodyResponse body,
            BodyForm form,
            Map<String, String> errors,
            String general) {
        return Pages.page(
                status,
                "body-form",
                Pages.model(
                        "access", access,
                        "body", body,
                        "form", form,
                        "errors", errors,
                        "general", general,
                        "kinds", Arrays.asList(BodyKind.values()),
                        "decisionTypes", Arrays.asList(DecisionType.values()),
                        "section", "bodies"));
    }

    private HttpResponse<?> seatPage(
            HttpStatus status,
            CoalitionAccess access,
            BodyResponse body,
            SeatForm form,
            Map<String, String> errors,
            String general) {
        List<MemberResponse> all =
                members.list(access, MemberService.Filter.ALL, 0, 500).items();
        return Pages.page(
                status,
                "body-seat",
                Pages.model(
                        "access", access,
                        "body", body,
                        "form", form,
                        "errors", errors,
                        "general", general,
                        "members", all,
                        "roles", Arrays.asList(SeatRole.values()),
                        "section", "bodies"));
    }

    private static HttpResponse<?> endSeatPage(
            HttpStatus status,
            CoalitionAccess access,
            BodyResponse body,
            BodyResponse.SeatResponse seat,
            EndSeatForm form,
            Map<String, String> errors,
            String general) {
        return Pages.page(
                status,
                "body-seat-end",
                Pages.model(
                        "access", access,
                        "body", body,
                        "seat", seat,
                        "form", form,
                        "errors", errors,
                        "general", general,
                        "section", "bodies"));
    }

    private static HttpResponse<?> rhythmPage(
            HttpStatus status,
            CoalitionAccess access,
            BodyResponse body,
            RhythmForm form,
            Map<String, String> errors,
            String general) {
        Map<String, Forms.Label> labels = new LinkedHashMap<>();
        for (int i = 0; i < form.rows().size(); i++) {
            labels.put("everyWeeks-" + i, new Forms.Label("field.rhythm.everyWeeks", i + 1));
            labels.put("until-" + i, new Forms.Label("field.rhythm.until", i + 1));
        }
        Map<String, String> ordered = Forms.ordered(errors, new ArrayList<>(labels.keySet()));
        return Pages.page(
                status,
                "body-rhythm",
                Pages.model(
                        "access", access,
                        "body", body,
                        "form", form,
                        "errors", ordered,
                        "errorLabels", labels,
                        "general", general,
                        "section", "bodies"));
    }

    private static String listPath(CoalitionAccess access, String done, UUID bodyId) {
        return "/c/" + access.slug() + "/bodies?done=" + done + "#body-" + bodyId;
    }

    private static String notice(String done) {
        return done != null
                        && List.of("added", "saved", "seat-added", "seat-ended", "rhythm-set")
                                .contains(done)
                ? "bodies." + done
                : null;
    }

    private static LocalDate today() {
        return LocalDate.now(AMSTERDAM);
    }
}
