package nl.samenspel.governance.web.accountability;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.samenspel.governance.accountability.AccountabilityService;
import nl.samenspel.governance.accountability.FigureKind;
import nl.samenspel.governance.accountability.Figures;
import nl.samenspel.governance.tenancy.CoalitionAccess;
import nl.samenspel.governance.web.Formats;
import nl.samenspel.governance.web.Forms;

/**
 * The five kinds of figures as browser forms: their field names (prefixed per kind, so that the forms
 * of one page never share an id), reading the typed strings into the service's requests, the values an
 * existing row shows in its edit form, and the service call that saves it.
 */
enum FigureForms {
    BUDGET(
            "budget-lines",
            "begroting",
            FigureKind.BUDGET_LINE,
            List.of("budgetMember", "budgetCategory", "budgetAmount", "budgetRealised", "budgetExplanation"),
            Map.of(
                    "memberId", "budgetMember",
                    "category", "budgetCategory",
                    "budgetCents", "budgetAmount",
                    "realisedCents", "budgetRealised",
                    "explanation", "budgetExplanation")),
    FTE(
            "fte-lines",
            "formatie",
            FigureKind.FTE_LINE,
            List.of("fteMember", "fteFunction", "ftePlanned", "fteRealised"),
            Map.of(
                    "memberId", "fteMember",
                    "function", "fteFunction",
                    "planned", "ftePlanned",
                    "realised", "fteRealised")),
    INDICATOR(
            "indicators",
            "indicatoren",
            FigureKind.INDICATOR,
            List.of(
                    "indicatorMember",
                    "indicatorGroup",
                    "indicatorName",
                    "indicatorUnit",
                    "indicatorTarget",
                    "indicatorQ1",
                    "indicatorQ2",
                    "indicatorQ3",
                    "indicatorQ4",
                    "indicatorPdca"),
            Map.of(
                    "memberId", "indicatorMember",
                    "group", "indicatorGroup",
                    "name", "indicatorName",
                    "unit", "indicatorUnit",
                    "target", "indicatorTarget",
                    "q1", "indicatorQ1",
                    "q2", "indicatorQ2",
                    "q3", "indicatorQ3",
                    "q4", "indicatorQ4",
                    "pdcaNote", "indicatorPdca")),
    MILESTONE(
            "milestones",
            "mijlpalen",
            FigureKind.MILESTONE,
            List.of(
                    "milestoneMember",
                    "milestoneTitle",
                    "milestoneDue",
                    "milestoneStatus",
                    "milestoneDoneOn",
                    "milestoneNote"),
            Map.of(
                    "memberId", "milestoneMember",
                    "title", "milestoneTitle",
                    "dueOn", "milestoneDue",
                    "status", "milestoneStatus",
                    "doneOn", "milestoneDoneOn",
                    "note", "milestoneNote")),
    RISK(
            "risks",
            "risicos",
            FigureKind.RISK,
            List.of("riskMember", "riskText", "riskCause", "riskMitigation", "riskOwner", "riskStatus"),
            Map.of(
                    "memberId", "riskMember",
                    "risk", "riskText",
                    "cause", "riskCause",
                    "mitigation", "riskMitigation",
                    "owner", "riskOwner",
                    "status", "riskStatus"));

    /** The path segment: {@code /c/{coalition}/verantwoording/{id}/budget-lines}. */
    final String path;
    /** The section of the subsidy page (its anchor) where these figures are shown. */
    final String anchor;

    final FigureKind kind;
    final List<String> fields;
    private final Map<String, String> names;

    FigureForms(String path, String anchor, FigureKind kind, List<String> fields, Map<String, String> names) {
        this.path = path;
        this.anchor = anchor;
        this.kind = kind;
        this.fields = fields;
        this.names = names;
    }

    static Optional<FigureForms> of(String path) {
        for (FigureForms f : values()) {
            if (f.path.equals(path)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    String memberField() {
        return fields.get(0);
    }

    /** A property of the service's request (or of its refusal) as this form names it. */
    String field(String property) {
        return names.getOrDefault(property, property);
    }

    /** The submitted strings, to show again in the form. */
    Map<String, String> submitted(Map<String, Object> form) {
        Map<String, String> values = new HashMap<>();
        for (String field : fields) {
            String value = Forms.one(form, field);
            values.put(field, value == null ? "" : value);
        }
        return values;
    }

    /** The request the service takes; unreadable values become errors (field → message key). */
    Object request(Map<String, Object> form, Formats fmt, Map<String, String> errors, Integer version) {
        UUID member = Forms.uuid(Forms.one(form, memberField()), memberField(), errors);
        return switch (this) {
            case BUDGET -> new Figures.BudgetLineRequest(
                    member,
                    Forms.trimmed(Forms.one(form, "budgetCategory")),
                    cents(fmt, Forms.one(form, "budgetAmount"), "budgetAmount", errors),
                    cents(fmt, Forms.one(form, "budgetRealised"), "budgetRealised", errors),
                    Forms.trimmed(Forms.one(form, "budgetExplanation")),
                    version);
            case FTE -> new Figures.FteLineRequest(
                    member,
                    Forms.trimmed(Forms.one(form, "fteFunction")),
                    decimal(fmt, Forms.one(form, "ftePlanned"), "ftePlanned", "error.fte", errors),
                    decimal(fmt, Forms.one(form, "fteRealised"), "fteRealised", "error.fte", errors),
                    version);
            case INDICATOR -> new Figures.IndicatorRequest(
                    member,
                    Forms.trimmed(Forms.one(form, "indicatorGroup")),
                    Forms.trimmed(Forms.one(form, "indicatorName")),
                    Forms.trimmed(Forms.one(form, "indicatorUnit")),
                    number(fmt, form, "indicatorTarget", errors),
                    number(fmt, form, "indicatorQ1", errors),
                    number(fmt, form, "indicatorQ2", errors),
                    number(fmt, form, "indicatorQ3", errors),
                    number(fmt, form, "indicatorQ4", errors),
                    Forms.trimmed(Forms.one(form, "indicatorPdca")),
                    version);
            case MILESTONE -> new Figures.MilestoneRequest(
                    member,
                    Forms.trimmed(Forms.one(form, "milestoneTitle")),
                    Forms.date(Forms.one(form, "milestoneDue"), "milestoneDue", errors),
                    Forms.choice(
                            Figures.MilestoneStatus.class,
                            Forms.one(form, "milestoneStatus"),
                            "milestoneStatus",
                            errors),
                    Forms.date(Forms.one(form, "milestoneDoneOn"), "milestoneDoneOn", errors),
                    Forms.trimmed(Forms.one(form, "milestoneNote")),
                    version);
            case RISK -> new Figures.RiskRequest(
                    member,
                    Forms.trimmed(Forms.one(form, "riskText")),
                    Forms.trimmed(Forms.one(form, "riskCause")),
                    Forms.trimmed(Forms.one(form, "riskMitigation")),
                    Forms.trimmed(Forms.one(form, "riskOwner")),
                    Forms.choice(Figures.RiskStatus.class, Forms.one(form, "riskStatus"), "riskStatus", errors),
                    version);
        };
    }

    /** Saves through the service, as the API does: a new row without {@code lineId}, else a change. */
    Figures save(AccountabilityService service, CoalitionAccess access, UUID subsidyId, UUID lineId, Object request) {
        return switch (this) {
            case BUDGET -> service.saveBudgetLine(access, subsidyId, lineId, (Figures.BudgetLineRequest) request);
            case FTE -> service.saveFteLine(access, subsidyId, lineId, (Figures.FteLineRequest) request);
            case INDICATOR -> service.saveIndicator(access, subsidyId, lineId, (Figures.IndicatorRequest) request);
            case MILESTONE -> service.saveMilestone(access, subsidyId, lineId, (Figures.MilestoneRequest) request);
            case RISK -> service.saveRisk(access, subsidyId, lineId, (Figures.RiskRequest) request);
        };
    }

    /** An existing row among the figures the caller sees: its member, version and values for the edit form. */
    record Row(UUID memberId, String memberName, int version, Map<String, String> values) {}

    Optional<Row> row(Figures figures, UUID id, Formats fmt) {
        return switch (this) {
            case BUDGET -> figures.budgetLines().stream()
                    .filter(l -> l.id().equals(id))
                    .findFirst()
                    .map(l -> new Row(
                            l.memberId(),
                            l.memberName(),
                            l.version(),
                            values(
                                    "budgetMember", l.memberId().toString(),
                                    "budgetCategory", l.category(),
                                    "budgetAmount", fmt.moneyInput(l.budgetCents()),
                                    "budgetRealised",
                                            l.realisedCents() == null ? "" : fmt.moneyInput(l.realisedCents()),
                                    "budgetExplanation", l.explanation())));
            case FTE -> figures.fteLines().stream()
                    .filter(l -> l.id().equals(id))
                    .findFirst()
                    .map(l -> new Row(
                            l.memberId(),
                            l.memberName(),
                            l.version(),
                            values(
                                    "fteMember", l.memberId().toString(),
                                    "fteFunction", l.function(),
                                    "ftePlanned", fmt.fteInput(l.planned()),
                                    "fteRealised", fmt.fteInput(l.realised()))));
            case INDICATOR -> figures.indicators().stream()
                    .filter(l -> l.id().equals(id))
                    .findFirst()
                    .map(l -> new Row(
                            l.memberId(),
                            l.memberName(),
                            l.version(),
                            values(
                                    "indicatorMember", l.memberId().toString(),
                                    "indicatorGroup", l.group(),
                                    "indicatorName", l.name(),
                                    "indicatorUnit", l.unit(),
                                    "indicatorTarget", fmt.numberInput(l.target()),
                                    "indicatorQ1", fmt.numberInput(l.q1()),
                                    "indicatorQ2", fmt.numberInput(l.q2()),
                                    "indicatorQ3", fmt.numberInput(l.q3()),
                                    "indicatorQ4", fmt.numberInput(l.q4()),
                                    "indicatorPdca", l.pdcaNote())));
            case MILESTONE -> figures.milestones().stream()
                    .filter(l -> l.id().equals(id))
                    .findFirst()
                    .map(l -> new Row(
                            l.memberId(),
                            l.memberName(),
                            l.version(),
                            values(
                                    "milestoneMember", l.memberId().toString(),
                                    "milestoneTitle", l.title(),
                                    "milestoneDue", l.dueOn().toString(),
                                    "milestoneStatus", l.status().name(),
                                    "milestoneDoneOn",
                                            l.doneOn() == null ? "" : l.doneOn().toString(),
                                    "milestoneNote", l.note())));
            case RISK -> figures.risks().stream()
                    .filter(l -> l.id().equals(id))
                    .findFirst()
                    .map(l -> new Row(
                            l.memberId(),
                            l.memberName(),
                            l.version(),
                            values(
                                    "riskMember", l.memberId().toString(),
                                    "riskText", l.risk(),
                                    "riskCause", l.cause(),
                                    "riskMitigation", l.mitigation(),
                                    "riskOwner", l.owner(),
                                    "riskStatus", l.status().name())));
        };
    }

    private static Map<String, String> values(String... fieldsAndValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            values.put(fieldsAndValues[i], fieldsAndValues[i + 1] == null ? "" : fieldsAndValues[i + 1]);
        }
        return values;
    }

    // --- numbers as typed (Dutch: 1.209.505,00; English: 1,209,505.00)

    /** An amount in euros as cents; blank is null, anything else unreadable an error. */
    static Long cents(Formats fmt, String text, String field, Map<String, String> errors) {
        BigDecimal euros = decimal(fmt, text, field, "error.money", errors);
        return euros == null ? null : euros.movePointRight(2).longValueExact();
    }

    /** A non-negative number with at most two decimals, at scale 2; blank is null. */
    static BigDecimal decimal(Formats fmt, String text, String field, String error, Map<String, String> errors) {
        if (Forms.blank(text)) {
            return null;
        }
        BigDecimal value = fmt.parse(text);
        if (value == null || value.signum() < 0 || value.stripTrailingZeros().scale() > 2) {
            errors.put(field, error);
            return null;
        }
        value = value.setScale(2, RoundingMode.UNNECESSARY);
        if (value.precision() > 16) {
            errors.put(field, error);
            return null;
        }
        return value;
    }

    private static BigDecimal number(Formats fmt, Map<String, Object> form, String field, Map<String, String> errors) {
        return decimal(fmt, Forms.one(form, field), field, "error.number", errors);
    }
}
