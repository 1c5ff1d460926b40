package nl.samenspel.governance.web.signing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
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
import java.time.Clock;
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
import nl.samenspel.governance.document.DocumentService;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.meeting.MeetingTime;
import nl.samenspel.governance.member.MemberService;
import nl.samenspel.governance.signing.RequestOrigin;
import nl.samenspel.governance.signing.SignatureRequest;
import nl.samenspel.governance.signing.SigningRequests;
import nl.samenspel.governance.signing.SigningService;
import nl.samenspel.governance.tenancy.CoalitionAccess;
import nl.samenspel.governance.web.Forms;
import nl.samenspel.governance.web.Pages;

/**
 * Signing in the browser: everyone with a role follows the signature requests; the secretary asks
 * members to sign a document and may cancel; a representative with may-sign whose turn it is signs
 * (consent and password again) or declines for its member. The forms call {@link SigningService} as
 * the API does, with the same evidence of where the signature came from.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/c/{coalition}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class SigningPagesController {

    private static final Function<String, String> MESSAGES = Forms.knownCodes(Set.of(
            "request.control-characters",
            "signing.already-signed",
            "signing.consent-changed",
            "signing.consent-required",
            "signing.document-changed",
            "signing.document-signed",
            "signing.deadline-passed",
            "signing.deadline-past",
            "signing.deadline-too-far",
            "signing.document-unknown",
            "signing.member-cannot-sign",
            "signing.member-twice",
            "signing.member-unknown",
            "signing.not-open",
            "signing.not-your-turn",
            "signing.password-wrong"));

    static final List<String> CREATE_FIELDS =
            List.of("documentId", "title", "message", "order", "deadlineDate", "deadlineTime", "memberIds");

    /** The service's field names → the form's. */
    private static final Map<String, String> CREATE_NAMES = Map.of("deadline", "deadlineDate");

    private static final Map<String, String> SIGN_NAMES = Map.of("password", "signingPassword");
    private static final Map<String, String> DECLINE_NAMES = Map.of("reason", "declineReason");
    private static final Map<String, String> CANCEL_NAMES = Map.of("reason", "cancelReason");

    private final SigningService signing;
    private final DocumentService documents;
    private final MemberService members;
    private final Validator validator;
    private final Clock clock;

    SigningPagesController(
            SigningService signing,
            DocumentService documents,
            MemberService members,
            Validator validator,
            Clock clock) {
        this.signing = signing;
        this.documents = documents;
        this.members = members;
        this.validator = validator;
        this.clock = clock;
    }

    @Serdeable
    record SignForm(
            @Nullable String consent,
            @Nullable String password,
            @Nullable String memberId,
            @Nullable String consentSha256) {}

    @Serdeable
    record DeclineForm(@Nullable String declineReason, @Nullable String memberId) {}

    @Serdeable
    record CancelForm(@Nullable String cancelReason) {}

    /** A line of the list: the request and how many of its signatures are in. */
    record Row(SignatureRequest request, long signed, int total) {}

    /** What a refused form needs to show again. */
    private record Trouble(HttpStatus status, Map<String, String> errors, String general, Map<String, String> values) {
        static Trouble none() {
            return new Trouble(HttpStatus.OK, Map.of(), null, Map.of());
        }
    }

    // --- the list and the request form

    @Get("/signing")
    HttpResponse<?> list(CoalitionAccess access, @Nullable @QueryValue String documentId) {
        Map<String, Object> values = new HashMap<>();
        if (documentId != null) {
            values.put("documentId", documentId);
        }
        return listPage(access, new Trouble(HttpStatus.OK, Map.of(), null, Map.of()), values, List.of());
    }

    @Post(value = "/signing", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(CoalitionAccess access, @Body Map<String, Object> form) {
        access.require(CoalitionRole.SECRETARY);
        Map<String, String> errors = new LinkedHashMap<>();
        UUID document = Forms.uuid(Forms.one(form, "documentId"), "documentId", errors);
        SignatureRequest.Order order =
                Forms.choice(SignatureRequest.Order.class, Forms.one(form, "order"), "order", errors);
        LocalDate day = Forms.date(Forms.one(form, "deadlineDate"), "deadlineDate", errors);
        LocalTime time = Forms.time(Forms.one(form, "deadlineTime"), "deadlineTime", errors);
        if (day == null) {
            errors.putIfAbsent("deadlineDate", "error.required");
        }
        if (time == null) {
            errors.putIfAbsent("deadlineTime", "error.required");
        }
        List<String> chosen = Forms.all(form, "memberIds");
        List<UUID> memberIds = new ArrayList<>();
        for (String value : chosen) {
            UUID id = Forms.uuid(value, "memberIds", errors);
            if (id != null) {
                memberIds.add(id);
            }
        }
        if (memberIds.isEmpty() && !errors.containsKey("memberIds")) {
            errors.put("memberIds", "error.signing.choose-members");
        }
        if (document == null && !errors.containsKey("documentId")) {
            errors.put("documentId", "error.choose");
        }
        if (order == null && !errors.containsKey("order")) {
            errors.put("order", "error.choose");
        }
        OffsetDateTime deadline = day == null || time == null
                ? null
                : day.atTime(time).atZone(MeetingTime.ZONE).toOffsetDateTime();
        SigningRequests.Create request = new SigningRequests.Create(
                document,
                Forms.trimmed(Forms.one(form, "title")),
                Forms.one(form, "message"),
                order,
                deadline,
                memberIds);
        Forms.validate(validator, request, field -> createField(field), errors);
        Map<String, Object> values = new HashMap<>();
        for (String field : List.of("documentId", "title", "message", "order", "deadlineDate", "deadlineTime")) {
            String value = Forms.one(form, field);
            values.put(field, value == null ? "" : value);
        }
        if (!errors.isEmpty()) {
            return listPage(
                    access,
                    new Trouble(HttpStatus.UNPROCESSABLE_ENTITY, Forms.ordered(errors, CREATE_FIELDS), null, Map.of()),
                    values,
                    chosen);
        }
        SignatureRequest created;
        try {
            created = signing.create(access, request);
        } catch (ProblemException e) {
            Forms.Refusal r = Forms.refusal(e, SigningPagesController::createField, MESSAGES);
            return listPage(
                    access,
                    new Trouble(r.status(), Forms.ordered(r.errors(), CREATE_FIELDS), r.general(), Map.of()),
                    values,
                    chosen);
        }
        return Pages.seeOther(page(access, created.id()) + "?done=created");
    }

    /** A property of the request (memberIds[0] too) as the form names it. */
    private static String createField(String property) {
        String field = property.replaceAll("\\[.*$", "");
        return CREATE_NAMES.getOrDefault(field, field);
    }

    // --- one request: status, signing, declining, cancelling

    @Get("/signing/{id}")
    HttpResponse<?> show(CoalitionAccess access, UUID id, @Nullable @QueryValue String done) {
        String notice = done != null
                        && List.of("created", "signed", "declined", "cancelled").contains(done)
                ? "signing.done." + done
                : null;
        return requestPage(access, signing.get(access, id), Trouble.none(), notice);
    }

    @Post(value = "/signing/{id}/sign", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> sign(HttpRequest<?> http, CoalitionAccess access, UUID id, @Body SignForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        UUID member = Forms.uuid(form.memberId(), "memberId", errors);
        boolean consent = Forms.checked(form.consent());
        if (!consent) {
            errors.put("consent", "error.signing.consent-required");
        }
        if (Forms.blank(form.password())) {
            errors.put("signingPassword", "error.signing.password-required");
        } else if (form.password().length() > 200) {
            errors.put("signingPassword", "error.signing.password-wrong");
        }
        if (!errors.isEmpty()) {
            return troubled(access, id, new Trouble(HttpStatus.UNPROCESSABLE_ENTITY, errors, null, Map.of()));
        }
        try {
            signing.sign(
                    access,
                    id,
                    new SigningRequests.Sign(form.password(), true, member, blankToNull(form.consentSha256())),
                    RequestOrigin.of(http));
        } catch (ProblemException e) {
            return refused(access, id, e, SIGN_NAMES, Map.of());
        }
        return Pages.seeOther(page(access, id) + "?done=signed");
    }

    @Post(value = "/signing/{id}/decline", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> decline(CoalitionAccess access, UUID id, @Body DeclineForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        UUID member = Forms.uuid(form.memberId(), "memberId", errors);
        SigningRequests.Decline request = new SigningRequests.Decline(Forms.trimmed(form.declineReason()), member);
        Forms.validate(validator, request, field -> DECLINE_NAMES.getOrDefault(field, field), errors);
        Map<String, String> values = Forms.values("declineReason", form.declineReason());
        if (!errors.isEmpty()) {
            return troubled(access, id, new Trouble(HttpStatus.UNPROCESSABLE_ENTITY, errors, null, values));
        }
        try {
            signing.decline(access, id, request);
        } catch (ProblemException e) {
            return refused(access, id, e, DECLINE_NAMES, values);
        }
        return Pages.seeOther(page(access, id) + "?done=declined");
    }

    @Post(value = "/signing/{id}/cancel", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> cancel(CoalitionAccess access, UUID id, @Body CancelForm form) {
        access.require(CoalitionRole.SECRETARY);
        Map<String, String> errors = new LinkedHashMap<>();
        SigningRequests.Cancel request = new SigningRequests.Cancel(Forms.trimmed(form.cancelReason()));
        Forms.validate(validator, request, field -> CANCEL_NAMES.getOrDefault(field, field), errors);
        Map<String, String> values = Forms.values("cancelReason", form.cancelReason());
        if (!errors.isEmpty()) {
            return troubled(access, id, new Trouble(HttpStatus.UNPROCESSABLE_ENTITY, errors, null, values));
        }
        try {
            signing.cancel(access, id, request);
        } catch (ProblemException e) {
            return refused(access, id, e, CANCEL_NAMES, values);
        }
        return Pages.seeOther(page(access, id) + "?done=cancelled");
    }

    // --- rendering

    private HttpResponse<?> refused(
            CoalitionAccess access,
            UUID id,
            ProblemException e,
            Map<String, String> fields,
            Map<String, String> values) {
        Forms.Refusal r = Forms.refusal(e, field -> fields.getOrDefault(field, field), MESSAGES);
        return troubled(access, id, new Trouble(r.status(), r.errors(), r.general(), values));
    }

    private HttpResponse<?> troubled(CoalitionAccess access, UUID id, Trouble trouble) {
        return requestPage(access, signing.get(access, id), trouble, null);
    }

    private HttpResponse<?> requestPage(
            CoalitionAccess access, SignatureRequest request, Trouble trouble, String notice) {
        SignatureRequest.Turn turn = request.yourTurns().stream()
                .filter(SignatureRequest.Turn::inTurn)
                .findFirst()
                .orElse(null);
        List<SignatureRequest.Turn> waiting =
                request.yourTurns().stream().filter(t -> !t.inTurn()).toList();
        long signed = request.signatories().stream()
                .filter(SignatureRequest.Signatory::signed)
                .count();
        return Pages.page(
                trouble.status(),
                "signing",
                Pages.model(
                        "access",
                        access,
                        "request",
                        request,
                        "turn",
                        turn,
                        "waiting",
                        waiting,
                        "signedCount",
                        signed,
                        "evidence",
                        request.signatories().stream().anyMatch(s -> s.ipAddress() != null),
                        "mayCancel",
                        access.has(CoalitionRole.SECRETARY) && request.status() == SignatureRequest.Status.OPEN,
                        "errors",
                        trouble.errors(),
                        "general",
                        trouble.general(),
                        "values",
                        trouble.values(),
                        "notice",
                        notice,
                        "section",
                        "signing"));
    }

    private HttpResponse<?> listPage(
            CoalitionAccess access, Trouble trouble, Map<String, Object> formValues, List<String> chosen) {
        boolean secretary = access.has(CoalitionRole.SECRETARY);
        Map<String, Object> values = new HashMap<>(formValues);
        values.putIfAbsent("documentId", "");
        values.putIfAbsent("title", "");
        values.putIfAbsent("message", "");
        values.putIfAbsent("order", SignatureRequest.Order.PARALLEL.name());
        values.putIfAbsent(
                "deadlineDate", MeetingTime.day(clock.instant()).plusDays(14).toString());
        values.putIfAbsent("deadlineTime", "17:00");
        Map<String, Object> model = Pages.model(
                "access",
                access,
                "requests",
                signing.list(access).stream()
                        .map(r -> new Row(
                                r,
                                r.signatories().stream()
                                        .filter(SignatureRequest.Signatory::signed)
                                        .count(),
                                r.signatories().size()))
                        .toList(),
                "errors",
                trouble.errors(),
                "general",
                trouble.general(),
                "values",
                values,
                "chosen",
                chosen,
                "orders",
                SignatureRequest.Order.values(),
                "section",
                "signing");
        if (secretary) {
            model.put("documents", documents.list(access));
            model.put(
                    "members",
                    members.list(access, MemberService.Filter.CURRENT, 0, 500).items());
        }
        return Pages.page(trouble.status(), "signing-list", model);
    }

    private static String page(CoalitionAccess access, UUID id) {
        return "/c/" + access.slug() + "/signing/" + id;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
