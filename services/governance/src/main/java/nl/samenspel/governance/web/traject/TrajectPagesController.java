package nl.samenspel.governance.web.traject;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import nl.samenspel.core.problem.FieldError;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.governance.accountability.AccountabilityService;
import nl.samenspel.governance.body.BodyService;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.member.MemberResponse;
import nl.samenspel.governance.member.MemberService;
import nl.samenspel.governance.tenancy.CoalitionAccess;
import nl.samenspel.governance.traject.CommunicationMoment;
import nl.samenspel.governance.traject.CommunicationService;
import nl.samenspel.governance.traject.Hours;
import nl.samenspel.governance.traject.HoursService;
import nl.samenspel.governance.traject.Traject;
import nl.samenspel.governance.traject.TrajectService;
import nl.samenspel.governance.web.Forms;
import nl.samenspel.governance.web.MultipartCsrf;
import nl.samenspel.governance.web.Pages;

/**
 * Trajects as people follow them: the list with how each stands, and a traject's phases (planned
 * against actual) and milestones. The secretary gets the forms to start a traject and add a phase.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/c/{coalition}/trajecten")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class TrajectPagesController {

    private static final Function<String, String> MESSAGES = Forms.knownCodes(Set.of(
            "traject.body-unknown",
            "traject.title-taken",
            "traject.phase-planned-end",
            "traject.phase-actual-start",
            "traject.phase-actual-end",
            "traject.phase-name-taken",
            "conflict.version",
            "traject.duplicate",
            "request.control-characters",
            "traject.phase-unknown",
            "traject.subsidy-unknown",
            "figures.member-unknown",
            "figures.not-your-member",
            "communication.stakeholder-unknown",
            "communication.milestone-unknown",
            "communication.done-future"));

    static final List<String> TRAJECT_FIELDS = List.of("trajectTitle", "ownerBodyId", "trajectDescription");

    static final List<String> PHASE_FIELDS =
            List.of("phaseName", "plannedStart", "plannedEnd", "actualStart", "actualEnd", "phaseDescription");

    static final List<String> MILESTONE_FIELDS =
            List.of("milestoneTitle", "milestoneSubsidyId", "milestoneMemberId", "milestoneDueOn", "milestonePhaseId");

    static final List<String> COMMUNICATION_FIELDS = List.of(
            "commStakeholderIds", "commMessage", "commChannel", "commPlannedOn", "commResponsible", "commMilestoneId");

    private final TrajectService trajects;
    private final HoursService hours;
    private final CommunicationService communication;
    private final AccountabilityService accountability;
    private final MemberService members;
    private final BodyService bodies;
    private final Validator validator;
    private final MultipartCsrf csrf;

    TrajectPagesController(
            TrajectService trajects,
            HoursService hours,
            CommunicationService communication,
            AccountabilityService accountability,
            MemberService members,
            BodyService bodies,
            Validator validator,
            MultipartCsrf csrf) {
        this.trajects = trajects;
        this.hours = hours;
        this.communication = communication;
        this.accountability = accountability;
        this.members = members;
        this.bodies = bodies;
        this.validator = validator;
        this.csrf = csrf;
    }

    /** The form "Mijlpaal toevoegen": a new milestone of the figures, linked to this traject. */
    @Serdeable
    record MilestoneForm(
            @Nullable String milestoneTitle,
            @Nullable String milestoneSubsidyId,
            @Nullable String milestoneMemberId,
            @Nullable String milestoneDueOn,
            @Nullable String milestonePhaseId) {

        static MilestoneForm empty() {
            return new MilestoneForm("", "", "", "", "");
        }
    }

    /** The form "Communicatiemoment toevoegen", as typed. */
    record CommunicationForm(
            List<String> commStakeholderIds,
            String commMessage,
            String commChannel,
            String commPlannedOn,
            String commResponsible,
            String commMilestoneId) {

        static CommunicationForm empty() {
            return new CommunicationForm(List.of(), "", "", "", "", "");
        }

        static CommunicationForm of(Map<String, Object> fields) {
            return new CommunicationForm(
                    Forms.all(fields, "commStakeholderIds"),
                    text(Forms.one(fields, "commMessage")),
                    text(Forms.one(fields, "commChannel")),
                    text(Forms.one(fields, "commPlannedOn")),
                    text(Forms.one(fields, "commResponsible")),
                    text(Forms.one(fields, "commMilestoneId")));
        }

        private static String text(String value) {
            return value == null ? "" : value;
        }

        CommunicationMoment.Request toRequest(Map<String, String> errors) {
            List<UUID> audience = new ArrayList<>();
            for (String id : commStakeholderIds) {
                UUID u = Forms.uuid(id, "commStakeholderIds", errors);
                if (u != null) {
                    audience.add(u);
                }
            }
            CommunicationMoment.Channel channel =
                    Forms.choice(CommunicationMoment.Channel.class, commChannel, "commChannel", errors);
            LocalDate plannedOn = Forms.date(commPlannedOn, "commPlannedOn", errors);
            return new CommunicationMoment.Request(
                    audience,
                    Forms.uuid(commMilestoneId, "commMilestoneId", errors),
                    Forms.trimmed(commMessage),
                    channel == null ? null : channel.name(),
                    plannedOn == null ? null : plannedOn.toString(),
                    Forms.trimmed(commResponsible),
                    null);
        }
    }

    @Serdeable
    record TrajectForm(
            @Nullable String trajectTitle, @Nullable String ownerBodyId, @Nullable String trajectDescription) {

        static TrajectForm empty() {
            return new TrajectForm("", "", "");
        }
    }

    @Serdeable
    record PhaseForm(
            @Nullable String phaseName,
            @Nullable String plannedStart,
            @Nullable String plannedEnd,
            @Nullable String actualStart,
            @Nullable String actualEnd,
            @Nullable String phaseDescription,
            @Nullable String version) {

        static PhaseForm empty() {
            return new PhaseForm("", "", "", "", "", "", null);
        }

        static PhaseForm of(Traject.Phase p) {
            return new PhaseForm(
                    p.name(),
                    p.plannedStart().toString(),
                    p.plannedEnd().toString(),
                    p.actualStart() == null ? "" : p.actualStart().toString(),
                    p.actualEnd() == null ? "" : p.actualEnd().toString(),
                    p.description(),
                    String.valueOf(p.version()));
        }

        /** The request, with unreadable dates or version as errors. */
        Traject.PhaseRequest toRequest(Map<String, String> errors, boolean versioned) {
            LocalDate start = Forms.date(plannedStart, "plannedStart", errors);
            LocalDate end = Forms.date(plannedEnd, "plannedEnd", errors);
            LocalDate actualFrom = Forms.date(actualStart, "actualStart", errors);
            LocalDate actualUntil = Forms.date(actualEnd, "actualEnd", errors);
            Integer v = versioned ? Forms.whole(version, "version", errors) : null;
            return new Traject.PhaseRequest(
                    Forms.trimmed(phaseName), phaseDescription, start, end, actualFrom, actualUntil, v);
        }
    }

    @Get
    HttpResponse<?> list(CoalitionAccess access) {
        return listPage(HttpStatus.OK, access, TrajectForm.empty(), Map.of(), null);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(CoalitionAccess access, @Body TrajectForm form) {
        access.require(CoalitionRole.SECRETARY);
        Map<String, String> errors = new LinkedHashMap<>();
        UUID body = Forms.uuid(form.ownerBodyId(), "ownerBodyId", errors);
        Traject.Request request =
                new Traject.Request(Forms.trimmed(form.trajectTitle()), form.trajectDescription(), body, null, null);
        Forms.validate(validator, request, TrajectPagesController::trajectField, errors);
        if (!errors.isEmpty()) {
            return listPage(HttpStatus.UNPROCESSABLE_ENTITY, access, form, Forms.ordered(errors, TRAJECT_FIELDS), null);
        }
        Traject created;
        try {
            created = trajects.create(access, request);
        } catch (ProblemException e) {
            Forms.Refusal r = Forms.refusal(e, TrajectPagesController::trajectField, MESSAGES);
            return listPage(r.status(), access, form, r.errors(), r.general());
        }
        return Pages.seeOther("/c/" + access.slug() + "/trajecten/" + created.id() + "?done=created");
    }

    @Get("/{id}")
    HttpResponse<?> detail(CoalitionAccess access, UUID id, @Nullable @QueryValue String done) {
        String notice = done == null
                ? null
                : switch (done) {
                    case "created" -> "trajects.done.created";
                    case "phase-added" -> "trajects.done.phase-added";
                    case "phase-saved" -> "trajects.done.phase-saved";
                    case "milestone-added" -> "trajects.done.milestone-added";
                    case "moment-added" -> "trajects.done.moment-added";
                    case "moment-done" -> "trajects.done.moment-done";
                    default -> null;
                };
        return detailPage(HttpStatus.OK, access, trajects.get(access, id), PhaseForm.empty(), Map.of(), null, notice);
    }

    @Post(value = "/{id}/phases", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> addPhase(CoalitionAccess access, UUID id, @Body PhaseForm form) {
        access.require(CoalitionRole.SECRETARY);
        Traject traject = trajects.get(access, id);
        Map<String, String> errors = new LinkedHashMap<>();
        Traject.PhaseRequest request = form.toRequest(errors, false);
        Forms.validate(validator, request, TrajectPagesController::phaseField, errors);
        if (!errors.isEmpty()) {
            return detailPage(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    access,
                    traject,
                    form,
                    Forms.ordered(errors, PHASE_FIELDS),
                    null,
                    null);
        }
        try {
            trajects.addPhase(access, id, request);
        } catch (ProblemException e) {
            Forms.Refusal r = Forms.refusal(e, TrajectPagesController::phaseField, MESSAGES);
            return detailPage(r.status(), access, traject, form, r.errors(), r.general(), null);
        }
        return Pages.seeOther("/c/" + access.slug() + "/trajecten/" + id + "?done=phase-added#fasen");
    }

    @Post(value = "/{id}/milestones", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> addMilestone(CoalitionAccess access, UUID id, @Body MilestoneForm form) {
        access.require(CoalitionRole.SECRETARY);
        Traject traject = trajects.get(access, id);
        Map<String, String> errors = new LinkedHashMap<>();
        Traject.NewMilestoneRequest request = new Traject.NewMilestoneRequest(
                Forms.uuid(form.milestoneSubsidyId(), "milestoneSubsidyId", errors),
                Forms.uuid(form.milestoneMemberId(), "milestoneMemberId", errors),
                Forms.trimmed(form.milestoneTitle()),
                Forms.date(form.milestoneDueOn(), "milestoneDueOn", errors),
                Forms.uuid(form.milestonePhaseId(), "milestonePhaseId", errors));
        Forms.validate(validator, request, TrajectPagesController::milestoneField, errors);
        Filled filled = new Filled(PhaseForm.empty(), form, CommunicationForm.empty());
        if (!errors.isEmpty()) {
            return detailPage(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    access,
                    traject,
                    filled,
                    Forms.ordered(errors, MILESTONE_FIELDS),
                    null,
                    null,
                    null);
        }
        try {
            trajects.addMilestone(access, id, request);
        } catch (ProblemException e) {
            Forms.Refusal r = Forms.refusal(e, TrajectPagesController::milestoneField, MESSAGES);
            return detailPage(r.status(), access, traject, filled, r.errors(), r.general(), null, null);
        }
        return Pages.seeOther("/c/" + access.slug() + "/trajecten/" + id + "?done=milestone-added#mijlpalen");
    }

    @Post(value = "/{id}/communicatie", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> addMoment(CoalitionAccess access, UUID id, @Body Map<String, Object> fields) {
        access.require(CoalitionRole.SECRETARY);
        Traject traject = trajects.get(access, id);
        CommunicationForm form = CommunicationForm.of(fields);
        Map<String, String> errors = new LinkedHashMap<>();
        CommunicationMoment.Request request = form.toRequest(errors);
        Forms.validate(validator, request, TrajectPagesController::communicationField, errors);
        Filled filled = new Filled(PhaseForm.empty(), MilestoneForm.empty(), form);
        if (!errors.isEmpty()) {
            return detailPage(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    access,
                    traject,
                    filled,
                    Forms.ordered(errors, COMMUNICATION_FIELDS),
                    null,
                    null,
                    null);
        }
        try {
            communication.createMoment(access, id, request);
        } catch (ProblemException e) {
            Forms.Refusal r = Forms.refusal(e, TrajectPagesController::communicationField, MESSAGES);
            return detailPage(r.status(), access, traject, filled, r.errors(), r.general(), null, null);
        }
        return Pages.seeOther("/c/" + access.slug() + "/trajecten/" + id + "?done=moment-added#communicatie");
    }

    /** "Afgerond": the moment took place today. */
    @Post(value = "/{id}/communicatie/{momentId}/done", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> momentDone(CoalitionAccess access, UUID id, UUID momentId, @Body Map<String, Object> fields) {
        access.require(CoalitionRole.SECRETARY);
        Traject traject = trajects.get(access, id);
        Map<String, String> errors = new LinkedHashMap<>();
        Integer version = Forms.whole(Forms.one(fields, "version"), "version", errors);
        Filled filled = new Filled(PhaseForm.empty(), MilestoneForm.empty(), CommunicationForm.empty());
        if (version == null) {
            return detailPage(
                    HttpStatus.UNPROCESSABLE_ENTITY, access, traject, filled, Map.of(), "error.invalid", null, null);
        }
        try {
            communication.markDone(access, id, momentId, new CommunicationMoment.DoneRequest(null, version));
        } catch (ProblemException e) {
            Forms.Refusal r = Forms.refusal(e, TrajectPagesController::communicationField, MESSAGES);
            return detailPage(r.status(), access, traject, filled, r.errors(), r.general(), null, null);
        }
        return Pages.seeOther("/c/" + access.slug() + "/trajecten/" + id + "?done=moment-done#communicatie");
    }

    @Get("/{id}/phases/{phaseId}")
    HttpResponse<?> phaseForm(CoalitionAccess access, UUID id, UUID phaseId) {
        access.require(CoalitionRole.SECRETARY);
        Traject traject = trajects.get(access, id);
        Traject.Phase phase = phase(traject, phaseId);
        return phasePage(HttpStatus.OK, access, traject, phase, PhaseForm.of(phase), Map.of(), null);
    }

    @Post(value = "/{id}/phases/{phaseId}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> changePhase(CoalitionAccess access, UUID id, UUID phaseId, @Body PhaseForm form) {
        access.require(CoalitionRole.SECRETARY);
        Traject traject = trajects.get(access, id);
        Traject.Phase phase = phase(traject, phaseId);
        Map<String, String> errors = new LinkedHashMap<>();
        Traject.PhaseRequest request = form.toRequest(errors, true);
        Forms.validate(validator, request, TrajectPagesController::phaseField, errors);
        if (errors.containsKey("version") || request.version() == null) {
            return phasePage(HttpStatus.UNPROCESSABLE_ENTITY, access, traject, phase, form, Map.of(), "error.invalid");
        }
        if (!errors.isEmpty()) {
            return phasePage(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    access,
                    traject,
                    phase,
                    form,
                    Forms.ordered(errors, PHASE_FIELDS),
                    null);
        }
        try {
            trajects.updatePhase(access, id, phaseId, request);
        } catch (ProblemException e) {
            Forms.Refusal r = Forms.refusal(e, TrajectPagesController::phaseField, MESSAGES);
            return phasePage(r.status(), access, traject, phase, form, r.errors(), r.general());
        }
        return Pages.seeOther("/c/" + access.slug() + "/trajecten/" + id + "?done=phase-saved#fasen");
    }

    private static Traject.Phase phase(Traject traject, UUID phaseId) {
        return traject.phases().stream()
                .filter(p -> p.id().equals(phaseId))
                .findFirst()
                .orElseThrow(
                        () -> ProblemException.notFound("traject.phase-not-found", "This traject has no such phase."));
    }

    private HttpResponse<?> phasePage(
            HttpStatus status,
            CoalitionAccess access,
            Traject traject,
            Traject.Phase phase,
            PhaseForm form,
            Map<String, String> errors,
            String general) {
        return Pages.page(
                status,
                "traject-phase",
                Pages.model(
                        "access", access,
                        "traject", traject,
                        "phase", phase,
                        "form", form,
                        "errors", errors,
                        "general", general,
                        "section", "trajects"));
    }
    /**
     * The hours CSV from the traject page: all or nothing (the default) or only the good rows, as the
     * form states; the page shows what was imported and every refused row.
     */
    @Post(value = "/{id}/hours/import", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> importHours(
            HttpRequest<?> request,
            CoalitionAccess access,
            UUID id,
            @Part("file") @Nullable CompletedFileUpload file,
            @Part("mode") @Nullable String mode,
            @Part("csrfToken") @Nullable String csrfToken)
            throws IOException {
        csrf.requireForCookieSession(request, csrfToken);
        access.require(CoalitionRole.SECRETARY, CoalitionRole.REPRESENTATIVE);
        Traject traject = trajects.get(access, id);
        if (file == null || file.getFilename() == null || file.getFilename().isBlank()) {
            return detailPage(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    access,
                    traject,
                    PhaseForm.empty(),
                    Map.of(),
                    null,
                    null,
                    new ImportResult(null, List.of(), "Kies een CSV-bestand."));
        }
        try {
            Hours.ImportReport report = hours.importCsv(access, id, file.getBytes(), mode);
            return detailPage(
                    HttpStatus.OK,
                    access,
                    traject,
                    PhaseForm.empty(),
                    Map.of(),
                    null,
                    null,
                    new ImportResult(report, report.rejected(), null));
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            List<Hours.RowError> rows = new ArrayList<>();
            String general = e.getMessage();
            for (FieldError f : e.errors()) {
                java.util.regex.Matcher m = ROW_FIELD.matcher(f.field());
                if (m.matches()) {
                    rows.add(new Hours.RowError(
                            Integer.parseInt(m.group(1)),
                            m.group(2),
                            f.message().replaceFirst("^rij \\d+: ", "")));
                } else {
                    general = f.message();
                }
            }
            return detailPage(
                    e.status(),
                    access,
                    traject,
                    PhaseForm.empty(),
                    Map.of(),
                    null,
                    null,
                    new ImportResult(null, rows, general));
        }
    }

    private static final java.util.regex.Pattern ROW_FIELD = java.util.regex.Pattern.compile("rows\\[(\\d+)]\\.(.+)");

    /** What an import from the page did: a report, the refused rows, or why the file was refused as a whole. */
    record ImportResult(Hours.ImportReport report, List<Hours.RowError> rows, String message) {}

    private static String trajectField(String property) {
        return switch (property) {
            case "title" -> "trajectTitle";
            case "description" -> "trajectDescription";
            default -> property;
        };
    }

    private static String milestoneField(String property) {
        return switch (property) {
            case "title" -> "milestoneTitle";
            case "subsidyId" -> "milestoneSubsidyId";
            case "memberId" -> "milestoneMemberId";
            case "dueOn" -> "milestoneDueOn";
            case "phaseId" -> "milestonePhaseId";
            default -> property;
        };
    }

    private static String communicationField(String property) {
        if (property.startsWith("stakeholderIds")) {
            return "commStakeholderIds";
        }
        return switch (property) {
            case "milestoneId" -> "commMilestoneId";
            case "message" -> "commMessage";
            case "channel" -> "commChannel";
            case "plannedOn" -> "commPlannedOn";
            case "responsible" -> "commResponsible";
            default -> property;
        };
    }

    private static String phaseField(String property) {
        return switch (property) {
            case "name" -> "phaseName";
            case "description" -> "phaseDescription";
            default -> property;
        };
    }

    private HttpResponse<?> listPage(
            HttpStatus status, CoalitionAccess access, TrajectForm form, Map<String, String> errors, String general) {
        boolean secretary = access.has(CoalitionRole.SECRETARY);
        return Pages.page(
                status,
                "trajects",
                Pages.model(
                        "access",
                        access,
                        "trajects",
                        trajects.list(access),
                        "isSecretary",
                        secretary,
                        "bodies",
                        secretary ? bodies.list(access) : List.of(),
                        "form",
                        form,
                        "errors",
                        errors,
                        "general",
                        general,
                        "section",
                        "trajects"));
    }

    private HttpResponse<?> detailPage(
            HttpStatus status,
            CoalitionAccess access,
            Traject traject,
            PhaseForm form,
            Map<String, String> errors,
            String general,
            String notice) {
        return detailPage(status, access, traject, form, errors, general, notice, null);
    }

    private HttpResponse<?> detailPage(
            HttpStatus status,
            CoalitionAccess access,
            Traject traject,
            PhaseForm form,
            Map<String, String> errors,
            String general,
            String notice,
            ImportResult imported) {
        return detailPage(
                status,
                access,
                traject,
                new Filled(form, MilestoneForm.empty(), CommunicationForm.empty()),
                errors,
                general,
                notice,
                imported);
    }

    /** What the forms of the traject page hold when it is shown (again). */
    record Filled(PhaseForm phase, MilestoneForm milestone, CommunicationForm communication) {}

    private HttpResponse<?> detailPage(
            HttpStatus status,
            CoalitionAccess access,
            Traject traject,
            Filled filled,
            Map<String, String> errors,
            String general,
            String notice,
            ImportResult imported) {
        Map<UUID, String> phaseNames = new LinkedHashMap<>();
        traject.phases().forEach(p -> phaseNames.put(p.id(), p.name()));
        Map<UUID, String> milestoneTitles = new LinkedHashMap<>();
        traject.milestones().forEach(m -> milestoneTitles.put(m.milestoneId(), m.title()));
        boolean secretary = access.has(CoalitionRole.SECRETARY);
        Map<String, Object> model = Pages.model(
                "access",
                access,
                "traject",
                traject,
                "phaseNames",
                phaseNames,
                "milestoneTitles",
                milestoneTitles,
                "isSecretary",
                secretary,
                "form",
                filled.phase(),
                "milestoneForm",
                filled.milestone(),
                "commForm",
                filled.communication(),
                "errors",
                errors,
                "general",
                general,
                "notice",
                notice,
                "hours",
                hours.list(access, traject.id()),
                "entersHours",
                access.has(CoalitionRole.SECRETARY, CoalitionRole.REPRESENTATIVE),
                "imported",
                imported,
                "moments",
                communication.moments(access, traject.id()),
                "channels",
                CommunicationMoment.Channel.values(),
                "section",
                "trajects");
        model.put("stakeholders", secretary ? communication.stakeholders(access) : List.of());
        model.put("subsidies", secretary ? accountability.list(access) : List.of());
        model.put(
                "members",
                secretary
                        ? members.list(access, MemberService.Filter.ALL, 0, 500).items()
                        : List.<MemberResponse>of());
        return Pages.page(status, "traject", model);
    }
}
