package nl.samenspel.governance.web.member;

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
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.samenspel.core.api.PageResponse;
import nl.samenspel.core.problem.FieldError;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.member.EndMembershipRequest;
import nl.samenspel.governance.member.MemberKind;
import nl.samenspel.governance.member.MemberRequest;
import nl.samenspel.governance.member.MemberResponse;
import nl.samenspel.governance.member.MemberService;
import nl.samenspel.governance.tenancy.CoalitionAccess;
import nl.samenspel.governance.web.Formats;
import nl.samenspel.governance.web.Language;
import nl.samenspel.governance.web.Pages;

/** The membership register in the browser: everyone with a role reads it, the secretary keeps it. */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/c/{coalition}/members")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class MemberPagesController {

    static final int PAGE_SIZE = 25;
    /** Form fields in page order, so the error summary lists them as the user meets them. */
    static final List<String> FIELDS = List.of(
            "name",
            "kind",
            "kvkNumber",
            "rsin",
            "joinedOn",
            "contributionFte",
            "contribution",
            "votingWeight",
            "alsoOpdrachtgever");

    private final MemberService members;
    private final Validator validator;

    MemberPagesController(MemberService members, Validator validator) {
        this.members = members;
        this.validator = validator;
    }

    @Serdeable
    record EndForm(@Nullable String leftOn, @Nullable String version) {}

    @Get
    HttpResponse<?> list(
            CoalitionAccess access,
            @Nullable @QueryValue String status,
            @QueryValue(defaultValue = "0") int page,
            @Nullable @QueryValue String done) {
        MemberService.Filter filter = filter(status);
        PageResponse<MemberResponse> result = members.list(access, filter, Math.max(0, page), PAGE_SIZE);
        return Pages.page(
                "members",
                Pages.model(
                        "access",
                        access,
                        "members",
                        result,
                        "status",
                        filter.name().toLowerCase(Locale.ROOT),
                        "notice",
                        notice(done),
                        "section",
                        "members"));
    }

    @Get("/new")
    HttpResponse<?> newForm(CoalitionAccess access) {
        access.require(CoalitionRole.SECRETARY);
        return form(HttpStatus.OK, access, null, MemberForm.empty(), Map.of(), null);
    }

    @Post(value = "/new", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(HttpRequest<?> request, CoalitionAccess access, @Body MemberForm form) {
        access.require(CoalitionRole.SECRETARY);
        Map<String, String> errors = new LinkedHashMap<>();
        MemberRequest memberRequest = check(form, Formats.of(Language.of(request)), errors);
        if (!errors.isEmpty()) {
            return form(HttpStatus.UNPROCESSABLE_ENTITY, access, null, form, errors, null);
        }
        try {
            members.create(access, memberRequest);
        } catch (ProblemException e) {
            return rejected(access, null, form, e);
        }
        return Pages.seeOther("/c/" + access.slug() + "/members?done=added");
    }

    @Get("/{id}/edit")
    HttpResponse<?> editForm(HttpRequest<?> request, CoalitionAccess access, UUID id) {
        access.require(CoalitionRole.SECRETARY);
        MemberResponse member = members.get(access, id);
        return form(
                HttpStatus.OK, access, member, MemberForm.of(member, Formats.of(Language.of(request))), Map.of(), null);
    }

    @Post(value = "/{id}/edit", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> update(HttpRequest<?> request, CoalitionAccess access, UUID id, @Body MemberForm form) {
        access.require(CoalitionRole.SECRETARY);
        MemberResponse member = members.get(access, id);
        Map<String, String> errors = new LinkedHashMap<>();
        MemberRequest memberRequest = check(form, Formats.of(Language.of(request)), errors);
        if (!errors.isEmpty()) {
            return form(HttpStatus.UNPROCESSABLE_ENTITY, access, member, form, errors, null);
        }
        try {
            members.update(access, id, memberRequest);
        } catch (ProblemException e) {
            return rejected(access, member, form, e);
        }
        return Pages.seeOther("/c/" + access.slug() + "/members?done=saved");
    }

    @Get("/{id}/end")
    HttpResponse<?> endForm(CoalitionAccess access, UUID id) {
        access.require(CoalitionRole.SECRETARY);
        MemberResponse member = members.get(access, id);
        return endPage(
                HttpStatus.OK,
                access,
                member,
                new EndForm(
                        LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).toString(),
                        Integer.toString(member.version())),
                Map.of(),
                null);
    }

    @Post(value = "/{id}/end", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> end(CoalitionAccess access, UUID id, @Body EndForm form) {
        access.require(CoalitionRole.SECRETARY);
        MemberResponse member = members.get(access, id);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate leftOn = null;
        try {
            leftOn = form.leftOn() == null || form.leftOn().isBlank()
                    ? null
                    : LocalDate.parse(form.leftOn().trim());
        } catch (DateTimeParseException e) {
            errors.put("leftOn", "error.date");
        }
        if (leftOn == null) {
            errors.putIfAbsent("leftOn", "error.required");
        }
        Integer version = parseVersion(form.version());
        if (!errors.isEmpty() || version == null) {
            return endPage(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    access,
                    member,
                    form,
                    errors,
                    version == null ? "error.invalid" : null);
        }
        try {
            members.end(access, id, new EndMembershipRequest(leftOn, version));
        } catch (ProblemException e) {
            Map<String, String> fieldErrors = new LinkedHashMap<>();
            e.errors().forEach(fe -> fieldErrors.put(fe.field(), messageKey(fe.code())));
            if (fieldErrors.isEmpty() && e.status() != HttpStatus.CONFLICT) {
                throw e;
            }
            return endPage(
                    e.status(), access, member, form, fieldErrors, fieldErrors.isEmpty() ? messageKey(e.code()) : null);
        }
        return Pages.seeOther("/c/" + access.slug() + "/members?done=ended");
    }

    private MemberRequest check(MemberForm form, Formats fmt, Map<String, String> errors) {
        MemberRequest request = form.toRequest(fmt, errors);
        for (ConstraintViolation<MemberRequest> violation : validator.validate(request)) {
            String field = fieldName(violation.getPropertyPath().toString());
            errors.putIfAbsent(field, constraintKey(violation));
        }
        // The summary lists errors in the order of the form.
        Map<String, String> ordered = new LinkedHashMap<>();
        FIELDS.forEach(f -> {
            if (errors.containsKey(f)) {
                ordered.put(f, errors.get(f));
            }
        });
        errors.keySet().stream().filter(f -> !ordered.containsKey(f)).forEach(f -> ordered.put(f, errors.get(f)));
        errors.clear();
        errors.putAll(ordered);
        return request;
    }

    /** The service's own refusals: field rules (422), a taken name/RSIN or a stale version (409). */
    private HttpResponse<?> rejected(
            CoalitionAccess access, MemberResponse member, MemberForm form, ProblemException e) {
        if (e.status() != HttpStatus.UNPROCESSABLE_ENTITY && e.status() != HttpStatus.CONFLICT) {
            throw e;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError fe : e.errors()) {
            errors.put(fieldName(fe.field()), messageKey(fe.code()));
        }
        String general = errors.isEmpty() ? messageKey(e.code()) : null;
        return form(e.status(), access, member, form, errors, general);
    }

    private static HttpResponse<?> form(
            HttpStatus status,
            CoalitionAccess access,
            MemberResponse member,
            MemberForm form,
            Map<String, String> errors,
            String general) {
        return Pages.page(
                status,
                "member-form",
                Pages.model(
                        "access", access,
                        "member", member,
                        "form", form,
                        "errors", errors,
                        "general", general,
                        "kinds", Arrays.asList(MemberKind.values()),
                        "section", "members"));
    }

    private static HttpResponse<?> endPage(
            HttpStatus status,
            CoalitionAccess access,
            MemberResponse member,
            EndForm form,
            Map<String, String> errors,
            String general) {
        return Pages.page(
                status,
                "member-end",
                Pages.model(
                        "access", access,
                        "member", member,
                        "form", form,
                        "errors", errors,
                        "general", general,
                        "section", "members"));
    }

    static String fieldName(String path) {
        String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
        return "contributionCents".equals(field) ? "contribution" : field;
    }

    public static String constraintKey(ConstraintViolation<?> violation) {
        String constraint = violation
                .getConstraintDescriptor()
                .getAnnotation()
                .annotationType()
                .getSimpleName();
        return switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> "error.required";
            case "ValidKvkNumber" -> "error.kvk";
            case "ValidRsin" -> "error.rsin";
            case "Email" -> "error.email";
            case "PlainText" -> "error.plain-text";
            case "Size" -> "error.too-long";
            default -> "error.range." + fieldName(violation.getPropertyPath().toString());
        };
    }

    /** Service error codes have a message of their own in the bundles ("error.member.name-taken"). */
    static String messageKey(String code) {
        return switch (code) {
            case "member.name-taken",
                    "member.rsin-taken",
                    "member.joined-after-left",
                    "member.left-before-joined",
                    "member.version-conflict",
                    "member.already-ended" -> "error." + code;
            default -> "error.invalid";
        };
    }

    private static String notice(String done) {
        return done != null && List.of("added", "saved", "ended").contains(done) ? "members." + done : null;
    }

    private static MemberService.Filter filter(String status) {
        if ("former".equals(status)) {
            return MemberService.Filter.FORMER;
        }
        return "all".equals(status) ? MemberService.Filter.ALL : MemberService.Filter.CURRENT;
    }

    private static Integer parseVersion(String version) {
        try {
            return version == null ? null : Integer.valueOf(version.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
