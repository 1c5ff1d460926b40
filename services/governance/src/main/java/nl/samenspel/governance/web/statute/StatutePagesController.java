package nl.samenspel.governance.web.statute;

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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.statute.StatuteRequests;
import nl.samenspel.governance.statute.StatuteResponse;
import nl.samenspel.governance.statute.StatuteService;
import nl.samenspel.governance.statute.StatuteVersion;
import nl.samenspel.governance.statute.rules.DecisionType;
import nl.samenspel.governance.statute.rules.Majority;
import nl.samenspel.governance.statute.rules.QuorumBasis;
import nl.samenspel.governance.tenancy.CoalitionAccess;
import nl.samenspel.governance.web.Forms;
import nl.samenspel.governance.web.Pages;

/**
 * The statutes as people read them (the versions, one version's articles, and what it changed), and
 * the secretary's forms: draft a new version, edit a draft's articles and rules, adopt it, and for a
 * coöperatie record the notarial deed. Adopted versions have no edit form.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/c/{coalition}/statutes")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class StatutePagesController {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Pattern ARTICLE_PROPERTY = Pattern.compile("articles\\[(\\d+)]\\.(\\w+)");

    private static final Function<String, String> MESSAGES = Forms.knownCodes(Set.of(
            "statute.duplicate-article",
            "statute.rules-invalid",
            "statute.version-conflict",
            "statute.adopted",
            "statute.empty",
            "statute.no-deed",
            "statute.not-adopted",
            "statute.deed-before-adoption",
            "statute.deed-recorded"));

    /** Presets for a quorum; a version's own other share is offered besides these. */
    private static final List<String> SHARES = List.of("none", "gt-1-2", "ge-1-2", "ge-2-3", "ge-3-4", "ge-1-1");

    private final StatuteService statutes;
    private final Validator validator;

    StatutePagesController(StatuteService statutes, Validator validator) {
        this.statutes = statutes;
        this.validator = validator;
    }

    @Serdeable
    record NewDraftForm(@Nullable String statuteTitle, @Nullable String basedOn) {}

    @Serdeable
    record AdoptForm(@Nullable String effectiveFrom, @Nullable String version) {}

    @Serdeable
    record DeedForm(@Nullable String notarialDeedDate) {}

    /** A quorum option: its code and the message that names it. */
    record ShareOption(String code, String key, Object[] args) {}

    @Get
    HttpResponse<?> versions(CoalitionAccess access, @Nullable @QueryValue String done) {
        return Pages.page(
                "statutes",
                Pages.model(
                        "access",
                        access,
                        "versions",
                        statutes.list(access),
                        "notice",
                        notice(done),
                        "section",
                        "statutes"));
    }

    @Get("/{id}")
    HttpResponse<?> version(CoalitionAccess access, UUID id, @Nullable @QueryValue String done) {
        StatuteResponse version = statutes.get(access, id);
        List<StatuteResponse> all = statutes.list(access);
        Optional<StatuteResponse> previous = all.stream()
                .filter(v -> v.number() < version.number())
                .max(Comparator.comparingInt(StatuteResponse::number));
        return Pages.page(
                "statute",
                Pages.model(
                        "access",
                        access,
                        "version",
                        version,
                        "previous",
                        previous.orElse(null),
                        "diff",
                        previous.map(p -> statutes.diff(access, p.id(), id)).orElse(null),
                        "deedPossible",
                        deedPossible(access, version),
                        "notice",
                        notice(done),
                        "section",
                        "statutes"));
    }

    // A new draft

    @Get("/new")
    HttpResponse<?> newForm(CoalitionAccess access) {
        access.require(CoalitionRole.SECRETARY);
        List<StatuteResponse> all = statutes.list(access);
        // The service copies the version it is given; by default that is the one in force, else the newest.
        Optional<StatuteResponse> base = all.stream()
                .filter(StatuteResponse::inForceToday)
                .findFirst()
                .or(() -> all.stream().findFirst());
        NewDraftForm form = new NewDraftForm(
                base.map(StatuteResponse::title).orElse(""),
                base.map(v -> v.id().toString()).orElse(""));
        return newPage(HttpStatus.OK, access, all, form, Map.of(), null);
    }

    @Post(value = "/new", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(CoalitionAccess access, @Body NewDraftForm form) {
        access.require(CoalitionRole.SECRETARY);
        List<StatuteResponse> all = statutes.list(access);
        Map<String, String> errors = new LinkedHashMap<>();
        UUID basedOn = null;
        if (!Forms.blank(form.basedOn())) {
            basedOn = all.stream()
                    .map(StatuteResponse::id)
                    .filter(v -> v.toString().equals(form.basedOn().trim()))
                    .findFirst()
                    .orElse(null);
            if (basedOn == null) {
                errors.put("basedOn", "error.invalid");
            }
        }
        StatuteRequests.NewDraft request = new StatuteRequests.NewDraft(Forms.trimmed(form.statuteTitle()), basedOn);
        Forms.validate(validator, request, p -> "title".equals(p) ? "statuteTitle" : p, errors);
        if (!errors.isEmpty()) {
            return newPage(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    access,
                    all,
                    form,
                    Forms.ordered(errors, List.of("statuteTitle", "basedOn")),
                    null);
        }
        StatuteResponse created;
        try {
            created = statutes.createDraft(access, request);
        } catch (ProblemException e) {
            Forms.Refusal r = Forms.refusal(e, p -> "title".equals(p) ? "statuteTitle" : p, MESSAGES);
            return newPage(r.status(), access, all, form, r.errors(), r.general());
        }
        return Pages.seeOther(path(access, created.id()) + "/edit");
    }

    // Editing a draft

    @Get("/{id}/edit")
    HttpResponse<?> editForm(CoalitionAccess access, UUID id) {
        access.require(CoalitionRole.SECRETARY);
        StatuteResponse draft = draft(access, id);
        return editPage(HttpStatus.OK, access, draft, DraftForm.of(draft), Map.of(), null);
    }

    @Post(value = "/{id}/edit", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> update(CoalitionAccess access, UUID id, @Body Map<String, Object> fields) {
        access.require(CoalitionRole.SECRETARY);
        StatuteResponse draft = draft(access, id);
        DraftForm form = DraftForm.from(fields);
        if ("more".equals(Forms.one(fields, "action"))) {
            return editPage(HttpStatus.OK, access, draft, form.withMoreRows(), Map.of(), null);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        List<Integer> rows = new ArrayList<>();
        StatuteRequests.Draft request = form.toRequest(errors, rows);
        Function<String, String> fieldOf = property -> {
            Matcher m = ARTICLE_PROPERTY.matcher(property);
            if (m.matches() && Integer.parseInt(m.group(1)) < rows.size()) {
                String part = "body".equals(m.group(2)) ? "text" : m.group(2);
                return "article-" + rows.get(Integer.parseInt(m.group(1))) + "-" + part;
            }
            return "title".equals(property) ? "statuteTitle" : property;
        };
        Forms.validate(validator, request, fieldOf, errors);
        if (errors.containsKey("version")) {
            return editPage(HttpStatus.UNPROCESSABLE_ENTITY, access, draft, form, Map.of(), "error.invalid");
        }
        if (!errors.isEmpty()) {
            return editPage(HttpStatus.UNPROCESSABLE_ENTITY, access, draft, form, errors, null);
        }
        try {
            statutes.updateDraft(access, id, request);
        } catch (ProblemException e) {
            Forms.Refusal r = Forms.refusal(e, fieldOf, MESSAGES);
            return editPage(r.status(), access, draft, form, r.errors(), r.general());
        }
        return Pages.seeOther(path(access, id) + "?done=saved");
    }

    // Adopting a draft

    @Get("/{id}/adopt")
    HttpResponse<?> adoptForm(CoalitionAccess access, UUID id) {
        access.require(CoalitionRole.SECRETARY);
        StatuteResponse draft = draft(access, id);
        AdoptForm form = new AdoptForm(today().toString(), Integer.toString(draft.version()));
        return adoptPage(HttpStatus.OK, access, draft, form, Map.of(), null);
    }

    @Post(value = "/{id}/adopt", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> adopt(CoalitionAccess access, UUID id, @Body AdoptForm form) {
        access.require(CoalitionRole.SECRETARY);
        StatuteResponse draft = draft(access, id);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate effective = Forms.date(form.effectiveFrom(), "effectiveFrom", errors);
        if (effective == null) {
            errors.putIfAbsent("effectiveFrom", "error.required");
        }
        Integer version = Forms.whole(form.version(), "version", new LinkedHashMap<>());
        if (!errors.isEmpty() || version == null) {
            return adoptPage(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    access,
                    draft,
                    form,
                    errors,
                    version == null ? "error.invalid" : null);
        }
        try {
            statutes.adopt(access, id, new StatuteRequests.Adopt(effective, version));
        } catch (ProblemException e) {
            Forms.Refusal r = Forms.refusal(e, Function.identity(), MESSAGES);
            return adoptPage(r.status(), access, draft, form, r.errors(), r.general());
        }
        return Pages.seeOther(path(access, id) + "?done=adopted");
    }

    // The notarial deed of a coöperatie's adopted version

    @Get("/{id}/deed")
    HttpResponse<?> deedForm(CoalitionAccess access, UUID id) {
        access.require(CoalitionRole.SECRETARY);
        StatuteResponse version = deedable(access, id);
        return deedPage(HttpStatus.OK, access, version, new DeedForm(today().toString()), Map.of(), null);
    }

    @Post(value = "/{id}/deed", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> deed(CoalitionAccess access, UUID id, @Body DeedForm form) {
        access.require(CoalitionRole.SECRETARY);
        StatuteResponse version = deedable(access, id);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate date = Forms.date(form.notarialDeedDate(), "notarialDeedDate", errors);
        if (date == null) {
            errors.putIfAbsent("notarialDeedDate", "error.required");
        }
        if (!errors.isEmpty()) {
            return deedPage(HttpStatus.UNPROCESSABLE_ENTITY, access, version, form, errors, null);
        }
        try {
            statutes.recordDeed(access, id, new StatuteRequests.Deed(date));
        } catch (ProblemException e) {
            Forms.Refusal r = Forms.refusal(e, Function.identity(), MESSAGES);
            return deedPage(r.status(), access, version, form, r.errors(), r.general());
        }
        return Pages.seeOther(path(access, id) + "?done=deed");
    }

    /** A draft, or a 409 page: an adopted version is never edited or adopted again. */
    private StatuteResponse draft(CoalitionAccess access, UUID id) {
        StatuteResponse v = statutes.get(access, id);
        if (v.status() != StatuteVersion.Status.DRAFT) {
            throw ProblemException.conflict("statute.adopted", "This version is adopted and cannot change.");
        }
        return v;
    }

    private StatuteResponse deedable(CoalitionAccess access, UUID id) {
        StatuteResponse v = statutes.get(access, id);
        if (!deedPossible(access, v)) {
            throw ProblemException.conflict("statute.no-deed", "This version takes no notarial deed now.");
        }
        return v;
    }

    private static boolean deedPossible(CoalitionAccess access, StatuteResponse v) {
        return access.coalition().legalForm() == LegalForm.COOPERATIE_UA
                && v.status() == StatuteVersion.Status.ADOPTED
                && v.notarialDeedDate() == null;
    }

    private static HttpResponse<?> newPage(
            HttpStatus status,
            CoalitionAccess access,
            List<StatuteResponse> all,
            NewDraftForm form,
            Map<String, String> errors,
            String general) {
        return Pages.page(
                status,
                "statute-new",
                Pages.model(
                        "access", access,
                        "versions", all,
                        "form", form,
                        "errors", errors,
                        "general", general,
                        "section", "statutes"));
    }

    private static HttpResponse<?> editPage(
            HttpStatus status,
            CoalitionAccess access,
            StatuteResponse draft,
            DraftForm form,
            Map<String, String> errors,
            String general) {
        Map<String, Forms.Label> labels = new LinkedHashMap<>();
        labels.put("statuteTitle", new Forms.Label("field.statuteTitle"));
        for (int i = 0; i < form.articles().size(); i++) {
            for (String part : List.of("number", "title", "text")) {
                labels.put("article-" + i + "-" + part, new Forms.Label("field.article." + part, i + 1));
            }
        }
        for (String f : List.of("weightsPerMember", "quorumBasis")) {
            labels.put(f, new Forms.Label("field." + f));
        }
        for (DecisionType t : DecisionType.values()) {
            labels.put("quorum-" + t.name(), new Forms.Label("field.quorum-" + t.name()));
            labels.put("majority-" + t.name(), new Forms.Label("field.majority-" + t.name()));
        }
        for (String f : List.of(
                "secondMeetingWithoutQuorum",
                "secondMeetingWithinDays",
                "proxyCapPerHolder",
                "convocationDays",
                "amendmentTextDays")) {
            labels.put(f, new Forms.Label("field." + f));
        }
        Set<String> shares = new LinkedHashSet<>(SHARES);
        form.rules().quorum().values().stream()
                .filter(code -> code != null && DraftForm.share(code) != null)
                .forEach(shares::add);
        List<ShareOption> options =
                shares.stream().map(StatutePagesController::option).toList();
        return Pages.page(
                status,
                "statute-edit",
                Pages.model(
                        "access", access,
                        "version", draft,
                        "form", form,
                        "errors", Forms.ordered(errors, new ArrayList<>(labels.keySet())),
                        "errorLabels", labels,
                        "general", general,
                        "decisionTypes", Arrays.asList(DecisionType.values()),
                        "majorities", Arrays.asList(Majority.values()),
                        "bases", Arrays.asList(QuorumBasis.values()),
                        "shares", options,
                        "section", "statutes"));
    }

    private static ShareOption option(String code) {
        if (SHARES.contains(code)) {
            return new ShareOption(code, "share." + code, new Object[0]);
        }
        var share = DraftForm.share(code);
        return new ShareOption(code, share.strict() ? "share.more-than" : "share.at-least", new Object[] {
            share.numerator(), share.denominator()
        });
    }

    private static HttpResponse<?> adoptPage(
            HttpStatus status,
            CoalitionAccess access,
            StatuteResponse draft,
            AdoptForm form,
            Map<String, String> errors,
            String general) {
        return Pages.page(
                status,
                "statute-adopt",
                Pages.model(
                        "access", access,
                        "version", draft,
                        "form", form,
                        "errors", errors,
                        "general", general,
                        "section", "statutes"));
    }

    private static HttpResponse<?> deedPage(
            HttpStatus status,
            CoalitionAccess access,
            StatuteResponse version,
            DeedForm form,
            Map<String, String> errors,
            String general) {
        return Pages.page(
                status,
                "statute-deed",
                Pages.model(
                        "access", access,
                        "version", version,
                        "form", form,
                        "errors", errors,
                        "general", general,
                        "section", "statutes"));
    }

    private static String path(CoalitionAccess access, UUID id) {
        return "/c/" + access.slug() + "/statutes/" + id;
    }

    private static String notice(String done) {
        return done != null && List.of("saved", "adopted", "deed").contains(done) ? "statutes." + done : null;
    }

    private static LocalDate today() {
        return LocalDate.now(AMSTERDAM);
    }
}
