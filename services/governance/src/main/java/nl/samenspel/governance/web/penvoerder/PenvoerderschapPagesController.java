package nl.samenspel.governance.web.penvoerder;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.member.MemberService;
import nl.samenspel.governance.penvoerder.AppointPenvoerderRequest;
import nl.samenspel.governance.penvoerder.HandoverRequest;
import nl.samenspel.governance.penvoerder.PenvoerderschapResponse;
import nl.samenspel.governance.penvoerder.PenvoerderschapService;
import nl.samenspel.governance.tenancy.CoalitionAccess;
import nl.samenspel.governance.web.Forms;
import nl.samenspel.governance.web.Pages;

/** Penvoerderschap per scope: everyone reads the history; the secretary appoints and hands over. */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/c/{coalition}/penvoerderschap")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class PenvoerderschapPagesController {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private static final Function<String, String> MESSAGES = Forms.knownCodes(Set.of(
            "penvoerderschap.until-before-from",
            "penvoerderschap.overlap",
            "penvoerderschap.version-conflict",
            "penvoerderschap.already-ended",
            "penvoerderschap.handover-too-early",
            "penvoerderschap.same-member",
            "member.not-found",
            "member.not-on-day"));

    static final List<String> APPOINT_FIELDS = List.of("scope", "memberId", "validFrom", "validUntil", "mandate");
    static final List<String> HANDOVER_FIELDS = List.of("toMemberId", "on", "mandate");

    private final PenvoerderschapService penvoerders;
    private final MemberService members;
    private final Validator validator;

    PenvoerderschapPagesController(PenvoerderschapService penvoerders, MemberService members, Validator validator) {
        this.penvoerders = penvoerders;
        this.members = members;
        this.validator = validator;
    }

    @Serdeable
    record AppointForm(
            @Nullable String scope,
            @Nullable String memberId,
            @Nullable String validFrom,
            @Nullable String validUntil,
            @Nullable String mandate) {}

    @Serdeable
    record HandoverForm(
            @Nullable String toMemberId, @Nullable String on, @Nullable String mandate, @Nullable String version) {}

    /** One scope's periods, newest first. */
    record Scope(String name, List<PenvoerderschapResponse> periods) {}

    @Get
    HttpResponse<?> list(CoalitionAccess access, @Nullable @QueryValue String done) {
        Map<String, Scope> scopes = new LinkedHashMap<>();
        for (PenvoerderschapResponse p : penvoerders.list(access)) {
            scopes.computeIfAbsent(p.scope().toLowerCase(Locale.ROOT), k -> new Scope(p.scope(), new ArrayList<>()))
                    .periods()
                    .add(p);
        }
        return Pages.page(
                "penvoerderschap",
                Pages.model(
                        "access",
                        access,
                        "scopes",
                        List.copyOf(scopes.values()),
                        "notice",
                        done != null && List.of("appointed", "handed-over").contains(done)
                                ? "penvoerderschap." + done
                                : null,
                        "section",
                        "penvoerderschap"));
    }

    @Get("/new")
    HttpResponse<?> appointForm(CoalitionAccess access, @Nullable @QueryValue String scope) {
        access.require(CoalitionRole.SECRETARY);
        AppointForm form = new AppointForm(scope == null ? "" : scope, "", today().toString(), "", "");
        return appointPage(HttpStatus.OK, access, form, Map.of(), null);
    }

    @Post(value = "/new", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> appoint(CoalitionAccess access, @Body AppointForm form) {
        access.require(CoalitionRole.SECRETARY);
        Map<String, String> errors = new LinkedHashMap<>();
        AppointPenvoerderRequest request = new AppointPenvoerderRequest(
                Forms.trimmed(form.scope()),
                Forms.uuid(form.memberId(), "memberId", errors),
                Forms.date(form.validFrom(), "validFrom", errors),
                Forms.date(form.validUntil(), "validUntil", errors),
                form.mandate() == null ? "" : form.mandate().strip());
        Forms.validate(validator, request, Function.identity(), errors);
        if (!errors.isEmpty()) {
            return appointPage(
                    HttpStatus.UNPROCESSABLE_ENTITY, access, form, Forms.ordered(errors, APPOINT_FIELDS), null);
        }
        try {
            penvoerders.appoint(access, request);
        } catch (ProblemException e) {
            Forms.Refusal r = Forms.refusal(e, Function.identity(), PenvoerderschapPagesController::message);
            return appointPage(r.status(), access, form, r.errors(), r.general());
        }
        return Pages.seeOther("/c/" + access.slug() + "/penvoerderschap?done=appointed");
    }

    @Get("/{id}/handover")
    HttpResponse<?> handoverForm(CoalitionAccess access, UUID id) {
        access.require(CoalitionRole.SECRETARY);
        PenvoerderschapResponse current = find(access, id);
        HandoverForm form =
                new HandoverForm("", today().toString(), current.mandate(), Integer.toString(current.version()));
        return handoverPage(HttpStatus.OK, access, current, form, Map.of(), null);
    }

    @Post(value = "/{id}/handover", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> handover(CoalitionAccess access, UUID id, @Body HandoverForm form) {
        access.require(CoalitionRole.SECRETARY);
        PenvoerderschapResponse current = find(access, id);
        Map<String, String> errors = new LinkedHashMap<>();
        Integer version = Forms.whole(form.version(), "version", new LinkedHashMap<>());
        HandoverRequest request = new HandoverRequest(
                Forms.uuid(form.toMemberId(), "toMemberId", errors),
                Forms.date(form.on(), "on", errors),
                form.mandate() == null ? null : form.mandate().strip(),
                version);
        Forms.validate(validator, request, Function.identity(), errors);
        if (version == null) {
            return handoverPage(HttpStatus.UNPROCESSABLE_ENTITY, access, current, form, Map.of(), "error.invalid");
        }
        if (!errors.isEmpty()) {
            return handoverPage(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    access,
                    current,
                    form,
                    Forms.ordered(errors, HANDOVER_FIELDS),
                    null);
        }
        try {
            penvoerders.handover(access, id, request);
        } catch (ProblemException e) {
            // An overlap with a later period is reported on the period's start: here that is the handover day.
            Forms.Refusal r = Forms.refusal(
                    e, field -> "validFrom".equals(field) ? "on" : field, PenvoerderschapPagesController::message);
            return handoverPage(r.status(), access, current, form, r.errors(), r.general());
        }
        return Pages.seeOther("/c/" + access.slug() + "/penvoerderschap?done=handed-over");
    }

    private PenvoerderschapResponse find(CoalitionAccess access, UUID id) {
        return penvoerders.list(access).stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound(
                        "penvoerderschap.not-found", "There is no such penvoerderschap in this coalition."));
    }

    private static String message(String code) {
        return MESSAGES.apply("member.not-current".equals(code) ? "member.not-on-day" : code);
    }

    private HttpResponse<?> appointPage(
            HttpStatus status, CoalitionAccess access, AppointForm form, Map<String, String> errors, String general) {
        return Pages.page(
                status,
                "penvoerderschap-appoint",
                Pages.model(
                        "access", access,
                        "form", form,
                        "errors", errors,
                        "general", general,
                        "members",
                                members.list(access, MemberService.Filter.ALL, 0, 500)
                                        .items(),
                        "section", "penvoerderschap"));
    }

    private HttpResponse<?> handoverPage(
            HttpStatus status,
            CoalitionAccess access,
            PenvoerderschapResponse current,
            HandoverForm form,
            Map<String, String> errors,
            String general) {
        return Pages.page(
                status,
                "penvoerderschap-handover",
                Pages.model(
                        "access", access,
                        "current", current,
                        "form", form,
                        "errors", errors,
                        "general", general,
                        "members",
                                members.list(access, MemberService.Filter.ALL, 0, 500)
                                        .items(),
                        "section", "penvoerderschap"));
    }

    private static LocalDate today() {
        return LocalDate.now(AMSTERDAM);
    }
}
