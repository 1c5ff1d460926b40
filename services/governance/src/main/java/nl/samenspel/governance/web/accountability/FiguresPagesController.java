package nl.samenspel.governance.web.accountability;

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
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.governance.accountability.AccountabilityService;
import nl.samenspel.governance.accountability.Figures;
import nl.samenspel.governance.accountability.Subsidy;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.meeting.MeetingTime;
import nl.samenspel.governance.member.MemberService;
import nl.samenspel.governance.penvoerder.PenvoerderschapResponse;
import nl.samenspel.governance.penvoerder.PenvoerderschapService;
import nl.samenspel.governance.tenancy.CoalitionAccess;
import nl.samenspel.governance.web.Formats;
import nl.samenspel.governance.web.Forms;
import nl.samenspel.governance.web.Language;
import nl.samenspel.governance.web.Pages;

/**
 * The verantwoording in the browser: the subsidies per year for everyone with a role, the form to
 * record one for the secretary and the opdrachtgever, and per subsidy the figures the caller may see
 * (the service decides: a representative its own member's, the secretary, opdrachtgever, accountant
 * and penvoerder every member's) with forms for whoever may enter them. The forms call
 * {@link AccountabilityService} as the API does.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/c/{coalition}/verantwoording")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class FiguresPagesController {

    private final nl.samenspel.governance.pack.PackService packs;

    private static final Function<String, String> MESSAGES = Forms.knownCodes(Set.of(
            "conflict.version",
            "figures.done-on",
            "figures.duplicate",
            "figures.explanation-required",
            "figures.member-unknown",
            "request.control-characters",
            "subsidy.due-invalid",
            "subsidy.period-invalid",
            "subsidy.year-outside-period"));

    static final List<String> SUBSIDY_FIELDS = List.of(
            "subsidyYear",
            "subsidyTitle",
            "subsidyScope",
            "subsidyGrantor",
            "subsidyReference",
            "subsidyAmount",
            "subsidyFrom",
            "subsidyUntil",
            "subsidyConditions",
            "subsidyDue",
            "subsidyAccountantThreshold",
            "subsidyVarianceThreshold");

    /** The service's field names → the subsidy form's. */
    private static final Map<String, String> SUBSIDY_NAMES = Map.ofEntries(
            Map.entry("year", "subsidyYear"),
            Map.entry("title", "subsidyTitle"),
            Map.entry("scope", "subsidyScope"),
            Map.entry("grantor", "subsidyGrantor"),
            Map.entry("reference", "subsidyReference"),
            Map.entry("amountCents", "subsidyAmount"),
            Map.entry("periodFrom", "subsidyFrom"),
            Map.entry("periodUntil", "subsidyUntil"),
            Map.entry("conditions", "subsidyConditions"),
            Map.entry("verantwoordingDue", "subsidyDue"),
            Map.entry("accountantThresholdCents", "subsidyAccountantThreshold"),
            Map.entry("varianceThresholdPct", "subsidyVarianceThreshold"));

    private static final List<String> NOTICES = List.of("created", "added", "changed", "removed", "pack");

    private final AccountabilityService accountability;
    private final MemberService members;
    private final PenvoerderschapService penvoerderschap;
    private final Validator validator;
    private final Clock clock;

    FiguresPagesController(
            AccountabilityService accountability,
            MemberService members,
            PenvoerderschapService penvoerderschap,
            Validator validator,
            Clock clock,
            nl.samenspel.governance.pack.PackService packs) {
        this.packs = packs;
        this.accountability = accountability;
        this.members = members;
        this.penvoerderschap = penvoerderschap;
        this.validator = validator;
        this.clock = clock;
    }

    /** What a refused form needs to show again. */
    private record Trouble(HttpStatus status, Map<String, String> errors, String general, Map<String, String> values) {
        static Trouble none() {
            return new Trouble(HttpStatus.OK, Map.of(), null, Map.of());
        }
    }

    /** A member the caller may enter figures for. */
    record MemberOption(UUID id, String name) {}

    /** One member's budget lines with its totals. */
    record MemberBlock(UUID memberId, String memberName, List<Figures.BudgetLine> lines, Figures.MemberTotals totals) {

        /** Whether any line has a realisation yet: until then the totals show none rather than −100 %. */
        public boolean realised() {
            return lines.stream().anyMatch(l -> l.realisedCents() != null);
        }
    }

    /** A row of the chart: one member's budget and realisation, as widths of the largest amount shown. */
    record ChartRow(
            String memberName,
            long budgetCents,
            long realisedCents,
            boolean realised,
            long budgetWidth,
            long realisedWidth) {}

    // --- the list and the subsidy form

    @Get
    HttpResponse<?> list(CoalitionAccess access) {
        return listPage(access, Trouble.none());
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(HttpRequest<?> http, CoalitionAccess access, @Body Map<String, Object> form) {
        access.require(CoalitionRole.SECRETARY, CoalitionRole.OPDRACHTGEVER);
        Formats fmt = Formats.of(Language.of(http));
        Map<String, String> errors = new LinkedHashMap<>();
        Subsidy.Request request = new Subsidy.Request(
                Forms.whole(Forms.one(form, "subsidyYear"), "subsidyYear", errors),
                Forms.trimmed(Forms.one(form, "subsidyTitle")),
                Forms.trimmed(Forms.one(form, "subsidyScope")),
                Forms.trimmed(Forms.one(form, "subsidyGrantor")),
                Forms.trimmed(Forms.one(form, "subsidyReference")),
                FigureForms.cents(fmt, Forms.one(form, "subsidyAmount"), "subsidyAmount", errors),
                Forms.date(Forms.one(form, "subsidyFrom"), "subsidyFrom", errors),
                Forms.date(Forms.one(form, "subsidyUntil"), "subsidyUntil", errors),
                Forms.one(form, "subsidyConditions"),
                Forms.date(Forms.one(form, "subsidyDue"), "subsidyDue", errors),
                FigureForms.cents(
                        fmt, Forms.one(form, "subsidyAccountantThreshold"), "subsidyAccountantThreshold", errors),
                FigureForms.decimal(
                        fmt,
                        Forms.one(form, "subsidyVarianceThreshold"),
                        "subsidyVarianceThreshold",
                        "error.percentage",
                        errors),
                null);
        Forms.validate(validator, request, f -> SUBSIDY_NAMES.getOrDefault(f, f), errors);
        Map<String, String> values = new HashMap<>();
        for (String field : SUBSIDY_FIELDS) {
            String value = Forms.one(form, field);
            values.put(field, value == null ? "" : value);
        }
        if (!errors.isEmpty()) {
            return listPage(
                    access,
                    new Trouble(HttpStatus.UNPROCESSABLE_ENTITY, Forms.ordered(errors, SUBSIDY_FIELDS), null, values));
        }
        Subsidy created;
        try {
            created = accountability.create(access, request);
        } catch (ProblemException e) {
            Forms.Refusal r = Forms.refusal(e, f -> SUBSIDY_NAMES.getOrDefault(f, f), MESSAGES);
            return listPage(
                    access, new Trouble(r.status(), Forms.ordered(r.errors(), SUBSIDY_FIELDS), r.general(), values));
        }
        return Pages.seeOther(page(access, created.id()) + "?done=created");
    }

    private HttpResponse<?> listPage(CoalitionAccess access, Trouble trouble) {
        boolean mayRecord = access.has(CoalitionRole.SECRETARY, CoalitionRole.OPDRACHTGEVER);
        Map<String, String> values = new HashMap<>(trouble.values());
        if (values.isEmpty()) {
            int year = MeetingTime.day(clock.instant()).getYear();
            values.put("subsidyYear", Integer.toString(year));
            values.put("subsidyFrom", LocalDate.of(year, 1, 1).toString());
            values.put("subsidyUntil", LocalDate.of(year, 12, 31).toString());
        }
        Map<String, Object> model = Pages.model(
                "access",
                access,
                "subsidies",
                accountability.list(access),
                "mayRecord",
                mayRecord,
                "errors",
                trouble.errors(),
                "general",
                trouble.general(),
                "values",
                values,
                "section",
                "verantwoording");
        if (mayRecord) {
            model.put(
                    "scopes",
                    penvoerderschap.list(access).stream()
                            .map(PenvoerderschapResponse::scope)
                            .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
        }
        return Pages.page(trouble.status(), "verantwoording", model);
    }

    // --- one subsidy and its figures

    @Get("/{id}")
    HttpResponse<?> show(CoalitionAccess access, UUID id, @Nullable @QueryValue String done) {
        String notice = done != null && NOTICES.contains(done) ? "verantwoording.done." + done : null;
        return subsidyPage(access, id, Trouble.none(), null, notice);
    }

    @Post(value = "/{id}/{kind}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> add(
            HttpRequest<?> http, CoalitionAccess access, UUID id, String kind, @Body Map<String, Object> form) {
        FigureForms forms = forms(kind);
        AccountabilityService.Reach reach = accountability.reach(access, id);
        if (!reach.writesAny()) {
            throw notAllowed();
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Object request = forms.request(form, Formats.of(Language.of(http)), errors, null);
        Forms.validate(validator, request, forms::field, errors);
        Map<String, String> values = forms.submitted(form);
        if (!errors.isEmpty()) {
            return subsidyPage(
                    access,
                    id,
                    new Trouble(HttpStatus.UNPROCESSABLE_ENTITY, Forms.ordered(errors, forms.fields), null, values),
                    forms,
                    null);
        }
        try {
            forms.save(accountability, access, id, null, request);
        } catch (ProblemException e) {
            Forms.Refusal r = Forms.refusal(e, forms::field, MESSAGES);
            return subsidyPage(
                    access,
                    id,
                    new Trouble(r.status(), Forms.ordered(r.errors(), forms.fields), r.general(), values),
                    forms,
                    null);
        }
        return Pages.seeOther(page(access, id) + "?done=added#" + forms.anchor);
    }

    @Get("/{id}/{kind}/{lineId}")
    HttpResponse<?> edit(HttpRequest<?> http, CoalitionAccess access, UUID id, String kind, UUID lineId) {
        FigureForms forms = forms(kind);
        Formats fmt = Formats.of(Language.of(http));
        FigureForms.Row row = row(access, id, forms, lineId, fmt);
        return editPage(access, id, forms, lineId, row, Trouble.none(), Integer.toString(row.version()));
    }

    @Post(value = "/{id}/{kind}/{lineId}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> change(
            HttpRequest<?> http,
            CoalitionAccess access,
            UUID id,
            String kind,
            UUID lineId,
            @Body Map<String, Object> form) {
        FigureForms forms = forms(kind);
        Formats fmt = Formats.of(Language.of(http));
        AccountabilityService.Reach reach = accountability.reach(access, id);
        if (!reach.writesAny()) {
            throw notAllowed();
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String versionText = Forms.one(form, "version");
        Integer version = Forms.whole(versionText, "version", errors);
        if (version == null) {
            errors.putIfAbsent("version", "error.required");
        }
        Object request = forms.request(form, fmt, errors, version);
        Forms.validate(validator, request, forms::field, errors);
        Map<String, String> values = forms.submitted(form);
        if (!errors.isEmpty()) {
            FigureForms.Row row = row(access, id, forms, lineId, fmt);
            return editPage(
                    access,
                    id,
                    forms,
                    lineId,
                    row,
                    new Trouble(HttpStatus.UNPROCESSABLE_ENTITY, Forms.ordered(errors, forms.fields), null, values),
                    versionText);
        }
        try {
            forms.save(accountability, access, id, lineId, request);
        } catch (ProblemException e) {
            Forms.Refusal r = Forms.refusal(e, forms::field, MESSAGES);
            FigureForms.Row row = row(access, id, forms, lineId, fmt);
            return editPage(
                    access,
                    id,
                    forms,
                    lineId,
                    row,
                    new Trouble(r.status(), Forms.ordered(r.errors(), forms.fields), r.general(), values),
                    versionText);
        }
        return Pages.seeOther(page(access, id) + "?done=changed#" + forms.anchor);
    }

    @Post(value = "/{id}/{kind}/{lineId}/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> remove(CoalitionAccess access, UUID id, String kind, UUID lineId) {
        FigureForms forms = forms(kind);
        accountability.delete(access, id, forms.kind, lineId);
        return Pages.seeOther(page(access, id) + "?done=removed#" + forms.anchor);
    }

    // --- rendering

    private HttpResponse<?> subsidyPage(
            CoalitionAccess access, UUID id, Trouble trouble, FigureForms troubled, String notice) {
        Subsidy subsidy = accountability.get(access, id);
        AccountabilityService.Reach reach = accountability.reach(access, id);
        Map<String, Object> model = Pages.model(
                "access",
                access,
                "subsidy",
                subsidy,
                "reach",
                reach,
                "errors",
                trouble.errors(),
                "general",
                trouble.general(),
                "values",
                trouble.values(),
                "troubled",
                troubled == null ? "" : troubled.name(),
                "notice",
                notice,
                "milestoneStatuses",
                Figures.MilestoneStatus.values(),
                "riskStatuses",
                Figures.RiskStatus.values(),
                "section",
                "verantwoording");
        if (!reach.none()) {
            Figures figures = accountability.figures(access, id, null);
            model.put("figures", figures);
            model.putAll(budget(figures));
            Map<String, List<Figures.Indicator>> groups = new LinkedHashMap<>();
            figures.indicators().forEach(i -> groups.computeIfAbsent(i.group(), g -> new ArrayList<>())
                    .add(i));
            model.put("indicatorGroups", groups);
            model.put("writers", writers(access, id, reach));
            if (figures.allMembers()) {
                // Packs are for whoever reads every member's figures.
                List<nl.samenspel.governance.pack.Pack> packs = this.packs.list(access, id);
                model.put("packs", packs);
                model.put("packRequester", access.has(nl.samenspel.governance.identity.CoalitionRole.SECRETARY));
                if (access.has(nl.samenspel.governance.identity.CoalitionRole.SECRETARY)) {
                    Map<UUID, List<nl.samenspel.governance.pack.PackService.Download>> downloads =
                            new LinkedHashMap<>();
                    for (nl.samenspel.governance.pack.Pack p : packs) {
                        if (p.status() == nl.samenspel.governance.pack.Pack.Status.DONE) {
                            downloads.put(p.id(), this.packs.downloads(access, id, p.id()));
                        }
                    }
                    model.put("packDownloads", downloads);
                }
            }
        }
        return Pages.page(trouble.status(), "verantwoording-subsidy", model);
    }

    /** The budget per member with its totals, the grand total and the chart. */
    private static Map<String, Object> budget(Figures figures) {
        List<MemberBlock> blocks = new ArrayList<>();
        Figures.MemberTotals grand = null;
        for (Figures.MemberTotals t : figures.totals()) {
            if (t.memberId() == null) {
                grand = t;
                continue;
            }
            List<Figures.BudgetLine> lines = figures.budgetLines().stream()
                    .filter(l -> l.memberId().equals(t.memberId()))
                    .toList();
            blocks.add(new MemberBlock(t.memberId(), t.memberName(), lines, t));
        }
        long largest = blocks.stream()
                .mapToLong(b -> Math.max(b.totals().budgetCents(), b.totals().realisedCents()))
                .max()
                .orElse(0);
        List<ChartRow> chart = blocks.stream()
                .filter(b -> !b.lines().isEmpty())
                .map(b -> new ChartRow(
                        b.memberName(),
                        b.totals().budgetCents(),
                        b.totals().realisedCents(),
                        b.realised(),
                        width(b.totals().budgetCents(), largest),
                        width(b.totals().realisedCents(), largest)))
                .toList();
        boolean anyFte = figures.totals().stream()
                .anyMatch(t -> t.ftePlanned().signum() != 0 || t.fteRealised().signum() != 0);
        return Pages.model(
                "blocks",
                blocks.stream().filter(b -> !b.lines().isEmpty()).toList(),
                "fteTotals",
                anyFte
                        ? figures.totals().stream()
                                .filter(t -> t.memberId() == null
                                        || figures.fteLines().stream()
                                                .anyMatch(f -> f.memberId().equals(t.memberId())))
                                .toList()
                        : List.of(),
                "grandTotal",
                grand,
                "grandRealised",
                figures.budgetLines().stream().anyMatch(l -> l.realisedCents() != null),
                "chart",
                chart);
    }

    private static long width(long cents, long largest) {
        return largest <= 0 ? 0 : Math.round(100.0 * cents / largest);
    }

    /** The members the caller may enter figures for: any member of the period for the secretary, else its own. */
    private List<MemberOption> writers(CoalitionAccess access, UUID subsidyId, AccountabilityService.Reach reach) {
        if (!reach.writesAny()) {
            return List.of();
        }
        Map<UUID, String> names = new HashMap<>();
        members.list(access, MemberService.Filter.ALL, 0, 500).items().forEach(m -> names.put(m.id(), m.name()));
        List<MemberOption> options = new ArrayList<>();
        for (UUID member : accountability.membersDuring(access, subsidyId)) {
            if (reach.writes(member) && names.containsKey(member)) {
                options.add(new MemberOption(member, names.get(member)));
            }
        }
        return options;
    }

    private FigureForms.Row row(CoalitionAccess access, UUID id, FigureForms forms, UUID lineId, Formats fmt) {
        AccountabilityService.Reach reach = accountability.reach(access, id);
        if (reach.none()) {
            throw notAllowed();
        }
        FigureForms.Row row = forms.row(accountability.figures(access, id, null), lineId, fmt)
                .orElseThrow(() ->
                        ProblemException.notFound("figures.not-found", "There is no such figure under this subsidy."));
        if (!reach.writes(row.memberId())) {
            throw ProblemException.forbidden(
                    "figures.other-member", "You enter and read the figures of your own member organisation only.");
        }
        return row;
    }

    private HttpResponse<?> editPage(
            CoalitionAccess access,
            UUID id,
            FigureForms forms,
            UUID lineId,
            FigureForms.Row row,
            Trouble trouble,
            String version) {
        Map<String, String> values = new HashMap<>(row.values());
        values.putAll(trouble.values());
        // The member of a row stays the row's; the form carries it hidden.
        values.put(forms.memberField(), row.memberId().toString());
        return Pages.page(
                trouble.status(),
                "verantwoording-edit",
                Pages.model(
                        "access",
                        access,
                        "subsidy",
                        accountability.get(access, id),
                        "kind",
                        forms.name(),
                        "kindPath",
                        forms.path,
                        "memberField",
                        forms.memberField(),
                        "anchor",
                        forms.anchor,
                        "lineId",
                        lineId,
                        "row",
                        row,
                        "version",
                        Objects.requireNonNullElse(version, ""),
                        "errors",
                        trouble.errors(),
                        "general",
                        trouble.general(),
                        "values",
                        values,
                        "milestoneStatuses",
                        Figures.MilestoneStatus.values(),
                        "riskStatuses",
                        Figures.RiskStatus.values(),
                        "section",
                        "verantwoording"));
    }

    private static FigureForms forms(String kind) {
        return FigureForms.of(kind)
                .orElseThrow(() -> ProblemException.notFound("page.not-found", "There is no such page."));
    }

    private static ProblemException notAllowed() {
        return ProblemException.forbidden("figures.not-allowed", "Your role in this coalition does not enter figures.");
    }

    private static String page(CoalitionAccess access, UUID id) {
        return "/c/" + access.slug() + "/verantwoording/" + id;
    }
}
