package nl.samenspel.governance.web.traject;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.tenancy.CoalitionAccess;
import nl.samenspel.governance.traject.CommunicationService;
import nl.samenspel.governance.traject.Stakeholder;
import nl.samenspel.governance.web.Forms;
import nl.samenspel.governance.web.Pages;

/**
 * The krachtenveld: the coalition's stakeholders as a list and on the influence/interest grid. The
 * secretary adds and changes them; everyone with a role reads them.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/c/{coalition}/krachtenveld")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class KrachtenveldPagesController {

    private static final Function<String, String> MESSAGES = Forms.knownCodes(Set.of(
            "stakeholder.name-taken", "stakeholder.duplicate", "conflict.version", "request.control-characters"));

    static final List<String> FIELDS =
            List.of("stakeholderName", "stakeholderDescription", "stakeholderInterest", "influence", "interestLevel");

    private static final List<String> LEVEL_FIELDS = List.of("influence", "interestLevel");

    private final CommunicationService communication;
    private final Validator validator;

    KrachtenveldPagesController(CommunicationService communication, Validator validator) {
        this.communication = communication;
        this.validator = validator;
    }

    @Serdeable
    record StakeholderForm(
            @Nullable String stakeholderName,
            @Nullable String stakeholderDescription,
            @Nullable String stakeholderInterest,
            @Nullable String influence,
            @Nullable String interestLevel,
            @Nullable String version) {

        static StakeholderForm empty() {
            return new StakeholderForm("", "", "", "", "", null);
        }

        static StakeholderForm of(Stakeholder s) {
            return new StakeholderForm(
                    s.name(),
                    s.description(),
                    s.interest(),
                    s.influence().name(),
                    s.interestLevel().name(),
                    String.valueOf(s.version()));
        }

        Stakeholder.Request toRequest(Map<String, String> errors, boolean versioned) {
            Stakeholder.Level power = Forms.choice(Stakeholder.Level.class, influence, "influence", errors);
            Stakeholder.Level interested =
                    Forms.choice(Stakeholder.Level.class, interestLevel, "interestLevel", errors);
            return new Stakeholder.Request(
                    Forms.trimmed(stakeholderName),
                    stakeholderDescription,
                    stakeholderInterest,
                    power == null ? null : power.name(),
                    interested == null ? null : interested.name(),
                    versioned ? Forms.whole(version, "version", errors) : null);
        }
    }

    /** One row of the grid: an influence level and, per interest level from low to high, who sits there. */
    record GridRow(Stakeholder.Level influence, List<List<Stakeholder>> cells) {}

    @Get
    HttpResponse<?> list(CoalitionAccess access, @Nullable @QueryValue String done) {
        String notice = "added".equals(done)
                ? "krachtenveld.done.added"
                : "saved".equals(done) ? "krachtenveld.done.saved" : null;
        return listPage(HttpStatus.OK, access, StakeholderForm.empty(), Map.of(), null, notice);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(CoalitionAccess access, @Body StakeholderForm form) {
        access.require(CoalitionRole.SECRETARY);
        Map<String, String> errors = new LinkedHashMap<>();
        Stakeholder.Request request = form.toRequest(errors, false);
        Forms.validate(validator, request, KrachtenveldPagesController::field, errors);
        if (!errors.isEmpty()) {
            return listPage(HttpStatus.UNPROCESSABLE_ENTITY, access, form, Forms.ordered(errors, FIELDS), null, null);
        }
        try {
            communication.createStakeholder(access, request);
        } catch (ProblemException e) {
            Forms.Refusal r = Forms.refusal(e, KrachtenveldPagesController::field, MESSAGES);
            return listPage(r.status(), access, form, r.errors(), r.general(), null);
        }
        return Pages.seeOther("/c/" + access.slug() + "/krachtenveld?done=added");
    }

    @Get("/{id}")
    HttpResponse<?> editForm(CoalitionAccess access, UUID id) {
        access.require(CoalitionRole.SECRETARY);
        Stakeholder s = communication.stakeholder(access, id);
        return editPage(HttpStatus.OK, access, s, StakeholderForm.of(s), Map.of(), null);
    }

    @Post(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> update(CoalitionAccess access, UUID id, @Body StakeholderForm form) {
        access.require(CoalitionRole.SECRETARY);
        Stakeholder s = communication.stakeholder(access, id);
        Map<String, String> errors = new LinkedHashMap<>();
        Stakeholder.Request request = form.toRequest(errors, true);
        Forms.validate(validator, request, KrachtenveldPagesController::field, errors);
        if (errors.containsKey("version") || request.version() == null) {
            return editPage(HttpStatus.UNPROCESSABLE_ENTITY, access, s, form, Map.of(), "error.invalid");
        }
        if (!errors.isEmpty()) {
            return editPage(HttpStatus.UNPROCESSABLE_ENTITY, access, s, form, Forms.ordered(errors, FIELDS), null);
        }
        try {
            communication.updateStakeholder(access, id, request);
        } catch (ProblemException e) {
            Forms.Refusal r = Forms.refusal(e, KrachtenveldPagesController::field, MESSAGES);
            return editPage(r.status(), access, s, form, r.errors(), r.general());
        }
        return Pages.seeOther("/c/" + access.slug() + "/krachtenveld?done=saved");
    }

    private static String field(String property) {
        return switch (property) {
            case "name" -> "stakeholderName";
            case "description" -> "stakeholderDescription";
            case "interest" -> "stakeholderInterest";
            default -> property;
        };
    }

    /** Rows from high influence down, columns from low interest up, as the grid is usually drawn. */
    static List<GridRow> grid(List<Stakeholder> stakeholders) {
        List<GridRow> rows = new ArrayList<>();
        for (Stakeholder.Level influence :
                List.of(Stakeholder.Level.HIGH, Stakeholder.Level.MEDIUM, Stakeholder.Level.LOW)) {
            List<List<Stakeholder>> cells = new ArrayList<>();
            for (Stakeholder.Level interest : Stakeholder.Level.values()) {
                cells.add(stakeholders.stream()
                        .filter(s -> s.influence() == influence && s.interestLevel() == interest)
                        .toList());
            }
            rows.add(new GridRow(influence, cells));
        }
        return rows;
    }

    private HttpResponse<?> listPage(
            HttpStatus status,
            CoalitionAccess access,
            StakeholderForm form,
            Map<String, String> errors,
            String general,
            String notice) {
        List<Stakeholder> stakeholders = communication.stakeholders(access);
        return Pages.page(
                status,
                "krachtenveld",
                Pages.model(
                        "access", access,
                        "stakeholders", stakeholders,
                        "grid", grid(stakeholders),
                        "levels", Stakeholder.Level.values(),
                        "levelFields", LEVEL_FIELDS,
                        "isSecretary", access.has(CoalitionRole.SECRETARY),
                        "form", form,
                        "errors", errors,
                        "general", general,
                        "notice", notice,
                        "section", "krachtenveld"));
    }

    private HttpResponse<?> editPage(
            HttpStatus status,
            CoalitionAccess access,
            Stakeholder stakeholder,
            StakeholderForm form,
            Map<String, String> errors,
            String general) {
        return Pages.page(
                status,
                "stakeholder",
                Pages.model(
                        "access", access,
                        "stakeholder", stakeholder,
                        "levels", Stakeholder.Level.values(),
                        "levelFields", LEVEL_FIELDS,
                        "form", form,
                        "errors", errors,
                        "general", general,
                        "section", "krachtenveld"));
    }
}
