package nl.samenspel.documents.render;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import nl.samenspel.documents.DocumentRejectedException;
import nl.samenspel.documents.model.VerantwoordingsPakket;
import nl.samenspel.documents.model.VerantwoordingsPakket.BudgetRow;
import nl.samenspel.documents.model.VerantwoordingsPakket.FteRow;
import nl.samenspel.documents.model.VerantwoordingsPakket.IndicatorRow;
import nl.samenspel.documents.render.PdfLayout.BarGroup;
import nl.samenspel.documents.render.PdfLayout.Column;

/**
 * Lays out a {@link VerantwoordingsPakket}: cover, table of contents, and one section per part of the
 * year, each on a new page with a bookmark. Totals are computed here from the rows printed, never taken
 * from the model, so what the accountant adds up is what the pack says. Nothing depends on the time of
 * rendering. One instance renders one pack (the number formats are not thread-safe).
 */
final class PackRenderer {

    static final String NO_DATA = "Geen gegevens.";

    /** The level-1 sections after the table of contents, in order; the contents page is sized for them. */
    static final List<String> SECTIONS = List.of(
            "Leden",
            "Statuten",
            "Penvoerderschap",
            "Organen en vergaderingen",
            "Besluitenlijst",
            "Begroting en realisatie",
            "Formatie",
            "Prestatie-indicatoren",
            "Mijlpalen",
            "Risico's",
            "Ondertekende documenten",
            "Auditketen");

    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    private static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", DUTCH);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy", DUTCH);
    private static final DateTimeFormatter MOMENT =
            DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", DUTCH).withZone(DUTCH_TIME);
    private static final DateTimeFormatter SHORT_MOMENT =
            DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm", DUTCH).withZone(DUTCH_TIME);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private final PdfLayout layout;
    private final VerantwoordingsPakket pack;
    private final DecimalFormat money;
    private final DecimalFormat twoDecimals;
    private final DecimalFormat upToTwoDecimals;

    PackRenderer(PdfLayout layout, VerantwoordingsPakket pack) {
        this.layout = layout;
        this.pack = pack;
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(DUTCH);
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        symbols.setMinusSign('-');
        this.money = new DecimalFormat("#,##0.00", symbols);
        this.twoDecimals = new DecimalFormat("#,##0.00", symbols);
        this.upToTwoDecimals = new DecimalFormat("#,##0.##", symbols);
        for (DecimalFormat f : List.of(money, twoDecimals, upToTwoDecimals)) {
            f.setRoundingMode(RoundingMode.HALF_UP);
        }
    }

    void render() throws IOException {
        cover();
        layout.reserveContents("Inhoud", SECTIONS.size());
        members();
        statutes();
        penvoerders();
        bodies();
        decisions();
        budget();
        fte();
        indicators();
        milestones();
        risks();
        signedDocuments();
        audit();
    }

    private void section(int index) throws IOException {
        layout.pageBreak();
        layout.heading(SECTIONS.get(index), 1);
    }

    // ---------------------------------------------------------------- cover

    private void cover() throws IOException {
        VerantwoordingsPakket.Subsidy s = pack.subsidy();
        layout.skip(90f);
        layout.title(pack.coalitionName(), 20f);
        if (!blank(pack.legalForm())) {
            layout.paragraph(pack.legalForm());
        }
        layout.skip(30f);
        layout.heading(VerantwoordingsPakket.TITLE_PREFIX + s.year(), 1);
        layout.paragraph(s.title());
        layout.skip(20f);
        PdfLayout.Table facts = layout.table(Column.left("Gegeven", 150f), Column.left("Waarde", 333f));
        facts.row("Subsidie", s.title());
        facts.row("Subsidieverstrekker", s.grantor());
        facts.row("Kenmerk", dash(s.reference()));
        facts.row("Bedrag", euro(s.amountCents()));
        facts.row("Periode", DAY.format(s.periodFrom()) + " t/m " + DAY.format(s.periodUntil()));
        facts.row("Verantwoording uiterlijk", DAY.format(s.verantwoordingDue()));
        facts.row(
                "Accountantsverklaring",
                (s.accountantStatementRequired() ? "vereist" : "niet vereist") + " (drempel "
                        + euro(s.accountantThresholdCents()) + ")");
        if (s.varianceThresholdPct() != null) {
            facts.row("Toelichting vereist bij afwijking", "meer dan " + pct(s.varianceThresholdPct()));
        }
        facts.row("Penvoerder", dash(s.penvoerder()));
        facts.row("Gegevens per", moment(pack.dataAsOf()) + " (Nederlandse tijd)");
        facts.end();
        if (!blank(s.conditions())) {
            layout.boldLine("Voorwaarden");
            layout.paragraph(s.conditions());
        }
        layout.paragraph("Dit pakket is opgesteld uit de gegevens per " + moment(pack.dataAsOf())
                + ". Bedragen in euro; tijden in Nederlandse tijd (Europe/Amsterdam).");
    }

    // ---------------------------------------------------------------- sections

    private void members() throws IOException {
        section(0);
        if (pack.members().isEmpty()) {
            layout.paragraph(NO_DATA);
            return;
        }
        long active = pack.members().stream().filter(m -> m.leftOn() == null).count();
        layout.paragraph("Ledenregister aan het eind van " + pack.subsidy().year() + ": " + active
                + (active == 1 ? " lid" : " leden") + ", " + (pack.members().size() - active)
                + " uitgetreden in het jaar.");
        PdfLayout.Table table = layout.table(
                Column.left("Naam", 130f),
                Column.left("Soort", 104f),
                Column.left("KvK", 55f),
                Column.left("Toegetreden", 68f),
                Column.left("Uitgetreden", 68f),
                Column.right("Gewicht", 45f));
        for (VerantwoordingsPakket.Member m : pack.members()) {
            table.row(
                    m.name(),
                    m.kind(),
                    dash(m.kvkNumber()),
                    shortDay(m.joinedOn()),
                    shortDay(m.leftOn()),
                    Integer.toString(m.votingWeight()));
        }
        table.end();
    }

    private void statutes() throws IOException {
        section(1);
        if (pack.statutes().isEmpty()) {
            layout.paragraph(NO_DATA);
            return;
        }
        PdfLayout.Table table = layout.table(
                Column.right("Versie", 40f),
                Column.left("Titel", 240f),
                Column.left("Status", 100f),
                Column.left("Geldend vanaf", 90f));
        for (VerantwoordingsPakket.Statute st : pack.statutes()) {
            table.row(Integer.toString(st.number()), st.title(), dash(st.status()), day(st.effectiveFrom()));
        }
        table.end();
    }

    private void penvoerders() throws IOException {
        section(2);
        if (pack.penvoerders().isEmpty()) {
            layout.paragraph(NO_DATA);
            return;
        }
        PdfLayout.Table table = layout.table(
                Column.left("Opdracht", 200f),
                Column.left("Penvoerder", 140f),
                Column.left("Van", 70f),
                Column.left("Tot", 70f));
        for (VerantwoordingsPakket.Penvoerder p : pack.penvoerders()) {
            table.row(p.scope(), p.member(), shortDay(p.from()), p.until() == null ? "heden" : shortDay(p.until()));
        }
        table.end();
    }

    private void bodies() throws IOException {
        section(3);
        if (pack.bodies().isEmpty()) {
            layout.paragraph(NO_DATA);
            return;
        }
        for (VerantwoordingsPakket.Body body : pack.bodies()) {
            layout.heading(body.name(), 2);
            if (body.meetings().isEmpty()) {
                layout.paragraph(NO_DATA);
                continue;
            }
            PdfLayout.Table table = layout.table(
                    Column.left("Vergadering", 120f),
                    Column.left("Datum", 95f),
                    Column.left("Status", 60f),
                    Column.left("Aanwezig of vertegenwoordigd", 208f));
            for (VerantwoordingsPakket.Meeting m : body.meetings()) {
                table.row(
                        m.title(),
                        shortMoment(m.startsAt()),
                        dash(m.status()),
                        m.attendance().isEmpty() ? "–" : String.join(", ", m.attendance()));
            }
            table.end();
        }
    }

    private void decisions() throws IOException {
        section(4);
        if (pack.decisions().isEmpty()) {
            layout.paragraph(NO_DATA);
            return;
        }
        PdfLayout.Table table = layout.table(
                Column.left("Nr.", 58f),
                Column.left("Besluit", 195f),
                Column.left("Orgaan", 90f),
                Column.left("Gesloten", 64f),
                Column.left("Uitkomst", 76f));
        for (VerantwoordingsPakket.Decision d : pack.decisions()) {
            StringBuilder detail = new StringBuilder("Stemmen: voor ")
                    .append(d.votesFor())
                    .append(", tegen ")
                    .append(d.votesAgainst())
                    .append(", onthouding ")
                    .append(d.abstentions());
            if (!blank(d.declaration())) {
                detail.append("\nVerklaring: ").append(d.declaration());
            }
            for (String line : d.validity()) {
                detail.append("\n• ").append(line);
            }
            table.row(
                    List.of(d.number(), d.title(), dash(d.body()), shortDay(d.closedAt()), d.outcome()),
                    detail.toString());
        }
        table.end();
    }

    /** Budget lines per member, members in the order their first line comes in the model. */
    private void budget() throws IOException {
        section(5);
        if (pack.budget().isEmpty()) {
            layout.paragraph(NO_DATA);
            return;
        }
        Map<String, List<BudgetRow>> byMember = grouped(pack.budget(), BudgetRow::member);
        List<MemberTotal> totals = new ArrayList<>();
        boolean unrealised = false;
        for (Map.Entry<String, List<BudgetRow>> entry : byMember.entrySet()) {
            layout.heading(entry.getKey(), 2);
            PdfLayout.Table table = budgetTable("Categorie");
            long budget = 0;
            long realised = 0;
            long variance = 0;
            long budgetRealised = 0;
            int open = 0;
            for (BudgetRow row : entry.getValue()) {
                budget += row.budgetCents();
                Long rowVariance = null;
                if (row.realisedCents() != null) {
                    realised += row.realisedCents();
                    rowVariance = row.realisedCents() - row.budgetCents();
                    variance += rowVariance;
                    budgetRealised += row.budgetCents();
                } else {
                    open++;
                }
                table.row(
                        List.of(
                                row.category(),
                                euro(row.budgetCents()),
                                row.realisedCents() == null ? "–" : euro(row.realisedCents()),
                                rowVariance == null ? "–" : euro(rowVariance),
                                rowVariance == null ? "–" : pct(variancePct(row.budgetCents(), rowVariance))),
                        blank(row.explanation()) ? null : "Toelichting: " + row.explanation());
            }
            MemberTotal total = new MemberTotal(entry.getKey(), budget, realised, variance, budgetRealised, open);
            totals.add(total);
            table.total(
                    "Totaal " + entry.getKey(),
                    euro(budget),
                    euro(realised),
                    euro(variance),
                    pct(variancePct(budgetRealised, variance)));
            table.end();
            if (open > 0) {
                unrealised = true;
                layout.paragraph(open + (open == 1 ? " regel heeft" : " regels hebben")
                        + " nog geen realisatie; het verschil is over de gerealiseerde regels.");
            }
        }

        layout.heading("Totaal per lid", 2);
        PdfLayout.Table table = budgetTable("Lid");
        long budget = 0;
        long realised = 0;
        long variance = 0;
        long budgetRealised = 0;
        for (MemberTotal t : totals) {
            budget += t.budget();
            realised += t.realised();
            variance += t.variance();
            budgetRealised += t.budgetRealised();
            table.row(
                    List.of(
                            t.member(),
                            euro(t.budget()),
                            euro(t.realised()),
                            euro(t.variance()),
                            pct(variancePct(t.budgetRealised(), t.variance()))),
                    t.open() == 0 ? null : t.open() + (t.open() == 1 ? " regel" : " regels") + " zonder realisatie");
        }
        table.total("Totaal", euro(budget), euro(realised), euro(variance), pct(variancePct(budgetRealised, variance)));
        table.end();
        if (unrealised) {
            layout.paragraph(
                    "Regels zonder realisatie tellen mee in de begroting, niet in de realisatie of het verschil.");
        }

        layout.keepTogether(
                layout.barChartHeight(totals.stream().map(MemberTotal::member).toList(), 2) + 40f);
        layout.heading("Grafiek begroting en realisatie per lid", 2);
        List<BarGroup> groups = new ArrayList<>();
        for (MemberTotal t : totals) {
            groups.add(new BarGroup(t.member(), new Double[] {t.budget() / 100d, t.realised() / 100d}, new String[] {
                euro(t.budget()), euro(t.realised())
            }));
        }
        layout.barChart(List.of("Begroting", "Realisatie"), groups, true);
    }

    private record MemberTotal(
            String member, long budget, long realised, long variance, long budgetRealised, int open) {}

    private PdfLayout.Table budgetTable(String first) throws IOException {
        return layout.table(
                Column.left(first, 163f),
                Column.right("Begroting", 86f),
                Column.right("Realisatie", 86f),
                Column.right("Verschil €", 86f),
                Column.right("Verschil %", 62f));
    }

    private void fte() throws IOException {
        section(6);
        if (pack.fte().isEmpty()) {
            layout.paragraph(NO_DATA);
            return;
        }
        PdfLayout.Table table = layout.table(
                Column.left("Lid", 120f),
                Column.left("Functie", 153f),
                Column.right("Gepland (fte)", 70f),
                Column.right("Gerealiseerd (fte)", 70f),
                Column.right("Verschil (fte)", 70f));
        BigDecimal planned = BigDecimal.ZERO;
        BigDecimal realised = BigDecimal.ZERO;
        for (Map.Entry<String, List<FteRow>> entry :
                grouped(pack.fte(), FteRow::member).entrySet()) {
            BigDecimal memberPlanned = BigDecimal.ZERO;
            BigDecimal memberRealised = BigDecimal.ZERO;
            for (FteRow row : entry.getValue()) {
                memberPlanned = memberPlanned.add(row.planned());
                if (row.realised() != null) {
                    memberRealised = memberRealised.add(row.realised());
                }
                table.row(
                        entry.getKey(),
                        row.function(),
                        fte(row.planned()),
                        row.realised() == null ? "–" : fte(row.realised()),
                        row.realised() == null ? "–" : fte(row.realised().subtract(row.planned())));
            }
            table.total(
                    "Totaal " + entry.getKey(),
                    "",
                    fte(memberPlanned),
                    fte(memberRealised),
                    fte(memberRealised.subtract(memberPlanned)));
            planned = planned.add(memberPlanned);
            realised = realised.add(memberRealised);
        }
        table.total("Totaal", "", fte(planned), fte(realised), fte(realised.subtract(planned)));
        table.end();
    }

    private void indicators() throws IOException {
        section(7);
        if (pack.indicators().isEmpty()) {
            layout.paragraph(NO_DATA);
            return;
        }
        for (Map.Entry<String, List<IndicatorRow>> entry :
                grouped(pack.indicators(), IndicatorRow::group).entrySet()) {
            layout.heading(entry.getKey(), 2);
            PdfLayout.Table table = layout.table(
                    Column.left("Lid", 78f),
                    Column.left("Indicator", 125f),
                    Column.left("Eenheid", 55f),
                    Column.right("Doel", 45f),
                    Column.right("K1", 45f),
                    Column.right("K2", 45f),
                    Column.right("K3", 45f),
                    Column.right("K4", 45f));
            for (IndicatorRow row : entry.getValue()) {
                table.row(
                        List.of(
                                row.member(),
                                row.name(),
                                dash(row.unit()),
                                number(row.target()),
                                number(row.q1()),
                                number(row.q2()),
                                number(row.q3()),
                                number(row.q4())),
                        blank(row.pdcaNote()) ? null : "PDCA: " + row.pdcaNote());
            }
            table.end();
        }
        layout.keepTogether(layout.barChartHeight(
                        pack.indicators().stream()
                                .map(r -> r.member() + " – " + r.name())
                                .toList(),
                        2)
                + 70f);
        layout.heading("Grafiek doel en laatste realisatie", 2);
        layout.paragraph("Per indicator geschaald naar de grootste van de twee waarden; de laatste realisatie is"
                + " het laatste kwartaal met een waarde.");
        List<BarGroup> groups = new ArrayList<>();
        for (IndicatorRow row : pack.indicators()) {
            BigDecimal latest = latest(row);
            String unit = blank(row.unit()) ? "" : " " + row.unit();
            groups.add(new BarGroup(
                    row.member() + " – " + row.name(),
                    new Double[] {row.target().doubleValue(), latest == null ? null : latest.doubleValue()},
                    new String[] {number(row.target()) + unit, latest == null ? "–" : number(latest) + unit}));
        }
        layout.barChart(List.of("Doel", "Laatste realisatie"), groups, false);
    }

    private static BigDecimal latest(IndicatorRow row) {
        for (BigDecimal value : new BigDecimal[] {row.q4(), row.q3(), row.q2(), row.q1()}) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private void milestones() throws IOException {
        section(8);
        if (pack.milestones().isEmpty()) {
            layout.paragraph(NO_DATA);
            return;
        }
        PdfLayout.Table table = layout.table(
                Column.left("Lid", 85f),
                Column.left("Mijlpaal", 130f),
                Column.left("Uiterlijk", 64f),
                Column.left("Status", 58f),
                Column.left("Gereed op", 64f),
                Column.left("Toelichting", 82f));
        for (VerantwoordingsPakket.MilestoneRow m : pack.milestones()) {
            table.row(m.member(), m.title(), shortDay(m.dueOn()), m.status(), shortDay(m.doneOn()), dash(m.note()));
        }
        table.end();
    }

    private void risks() throws IOException {
        section(9);
        if (pack.risks().isEmpty()) {
            layout.paragraph(NO_DATA);
            return;
        }
        PdfLayout.Table table = layout.table(
                Column.left("Lid", 70f),
                Column.left("Risico", 95f),
                Column.left("Oorzaak", 92f),
                Column.left("Beheersmaatregel", 108f),
                Column.left("Eigenaar", 70f),
                Column.left("Status", 48f));
        for (VerantwoordingsPakket.RiskRow r : pack.risks()) {
            table.row(r.member(), r.risk(), dash(r.cause()), dash(r.mitigation()), dash(r.owner()), dash(r.status()));
        }
        table.end();
    }

    private void signedDocuments() throws IOException {
        section(10);
        if (pack.signedDocuments().isEmpty()) {
            layout.paragraph(NO_DATA);
            return;
        }
        layout.paragraph("De SHA-256 is de hash van het verzegelde eindbestand zoals het is bewaard.");
        PdfLayout.Table table = layout.table(
                Column.left("Document", 190f), Column.left("Afgerond op", 95f), Column.left("Ondertekenaars", 198f));
        for (VerantwoordingsPakket.SignedDocument d : pack.signedDocuments()) {
            // The hash gets a line of its own (it fits the table width), so it is never broken.
            table.row(
                    List.of(
                            d.title(),
                            shortMoment(d.completedAt()),
                            d.signers().isEmpty() ? "–" : String.join(", ", d.signers())),
                    "SHA-256: " + d.sha256().toLowerCase(Locale.ROOT));
        }
        table.end();
    }

    private void audit() throws IOException {
        section(11);
        VerantwoordingsPakket.AuditHead head = pack.auditHead();
        layout.paragraph("De auditketen van het samenwerkingsverband legt elke wijziging vast; iedere schakel bevat de"
                + " hash van de vorige. Op het moment van de gegevens (" + moment(pack.dataAsOf())
                + ") was dit de laatste schakel:");
        PdfLayout.Table table = layout.table(Column.left("Gegeven", 110f), Column.left("Waarde", 373f));
        table.row("Volgnummer", Long.toString(head.seq()));
        table.row(List.of("Hash", ""), head.hash().toLowerCase(Locale.ROOT));
        table.end();
        layout.paragraph("Wie de keten tot en met deze schakel narekent en op dezelfde hash uitkomt, weet dat er tot"
                + " dan niets is weggelaten of veranderd.");
    }

    // ---------------------------------------------------------------- validation

    static void validate(VerantwoordingsPakket p) {
        required("coalitionName", p.coalitionName());
        VerantwoordingsPakket.Subsidy s = p.subsidy();
        if (s == null) {
            throw missing("subsidy");
        }
        if (s.year() < 1900 || s.year() > 9999) {
            throw invalid("subsidy.year", "The year must be between 1900 and 9999.");
        }
        required("subsidy.title", s.title());
        required("subsidy.grantor", s.grantor());
        present("subsidy.periodFrom", s.periodFrom());
        present("subsidy.periodUntil", s.periodUntil());
        present("subsidy.verantwoordingDue", s.verantwoordingDue());
        if (s.periodUntil().isBefore(s.periodFrom())) {
            throw invalid("subsidy.periodUntil", "The period cannot end before it starts.");
        }
        if (s.amountCents() < 0) {
            throw invalid("subsidy.amountCents", "The amount cannot be negative.");
        }
        present("dataAsOf", p.dataAsOf());
        if (p.auditHead() == null) {
            throw missing("auditHead");
        }
        required("auditHead.hash", p.auditHead().hash());
        for (int i = 0; i < p.members().size(); i++) {
            VerantwoordingsPakket.Member m = p.members().get(i);
            required("members[" + i + "].name", m.name());
            required("members[" + i + "].kind", m.kind());
            present("members[" + i + "].joinedOn", m.joinedOn());
        }
        for (int i = 0; i < p.statutes().size(); i++) {
            required("statutes[" + i + "].title", p.statutes().get(i).title());
        }
        for (int i = 0; i < p.penvoerders().size(); i++) {
            VerantwoordingsPakket.Penvoerder pv = p.penvoerders().get(i);
            required("penvoerders[" + i + "].scope", pv.scope());
            required("penvoerders[" + i + "].member", pv.member());
            present("penvoerders[" + i + "].from", pv.from());
        }
        for (int i = 0; i < p.bodies().size(); i++) {
            VerantwoordingsPakket.Body b = p.bodies().get(i);
            required("bodies[" + i + "].name", b.name());
            for (int j = 0; j < b.meetings().size(); j++) {
                required(
                        "bodies[" + i + "].meetings[" + j + "].title",
                        b.meetings().get(j).title());
                present(
                        "bodies[" + i + "].meetings[" + j + "].startsAt",
                        b.meetings().get(j).startsAt());
            }
        }
        for (int i = 0; i < p.decisions().size(); i++) {
            VerantwoordingsPakket.Decision d = p.decisions().get(i);
            required("decisions[" + i + "].number", d.number());
            required("decisions[" + i + "].title", d.title());
            required("decisions[" + i + "].outcome", d.outcome());
            present("decisions[" + i + "].closedAt", d.closedAt());
        }
        for (int i = 0; i < p.budget().size(); i++) {
            BudgetRow b = p.budget().get(i);
            required("budget[" + i + "].member", b.member());
            required("budget[" + i + "].category", b.category());
            if (b.varianceCents() != null
                    && (b.realisedCents() == null || b.varianceCents() != b.realisedCents() - b.budgetCents())) {
                // The pack computes variances and totals itself; a different figure in the data is an error there.
                throw invalid("budget[" + i + "].varianceCents", "The variance must be realisation minus budget.");
            }
        }
        for (int i = 0; i < p.fte().size(); i++) {
            FteRow f = p.fte().get(i);
            required("fte[" + i + "].member", f.member());
            required("fte[" + i + "].function", f.function());
            present("fte[" + i + "].planned", f.planned());
        }
        for (int i = 0; i < p.indicators().size(); i++) {
            IndicatorRow r = p.indicators().get(i);
            required("indicators[" + i + "].member", r.member());
            required("indicators[" + i + "].group", r.group());
            required("indicators[" + i + "].name", r.name());
            present("indicators[" + i + "].target", r.target());
        }
        for (int i = 0; i < p.milestones().size(); i++) {
            VerantwoordingsPakket.MilestoneRow m = p.milestones().get(i);
            required("milestones[" + i + "].member", m.member());
            required("milestones[" + i + "].title", m.title());
            required("milestones[" + i + "].status", m.status());
            present("milestones[" + i + "].dueOn", m.dueOn());
        }
        for (int i = 0; i < p.risks().size(); i++) {
            required("risks[" + i + "].member", p.risks().get(i).member());
            required("risks[" + i + "].risk", p.risks().get(i).risk());
        }
        for (int i = 0; i < p.signedDocuments().size(); i++) {
            VerantwoordingsPakket.SignedDocument d = p.signedDocuments().get(i);
            required("signedDocuments[" + i + "].title", d.title());
            present("signedDocuments[" + i + "].completedAt", d.completedAt());
            if (d.sha256() == null || !SHA256.matcher(d.sha256()).matches()) {
                throw invalid("signedDocuments[" + i + "].sha256", "The SHA-256 must be 64 hexadecimal characters.");
            }
        }
    }

    private static void required(String field, String value) {
        if (blank(value)) {
            throw missing(field);
        }
    }

    private static void present(String field, Object value) {
        if (value == null) {
            throw missing(field);
        }
    }

    private static DocumentRejectedException missing(String field) {
        return new DocumentRejectedException("document.invalid", field, field + " is required.");
    }

    private static DocumentRejectedException invalid(String field, String message) {
        return new DocumentRejectedException("document.invalid", field, message);
    }

    // ---------------------------------------------------------------- formats

    /** € 1.209.505,00; € -1.234,50 */
    String euro(long cents) {
        return "€ " + money.format(BigDecimal.valueOf(cents, 2));
    }

    /** 5,01 % */
    String pct(BigDecimal value) {
        return value == null ? "–" : twoDecimals.format(value) + " %";
    }

    /** 16,41 */
    String fte(BigDecimal value) {
        return twoDecimals.format(value);
    }

    /** 400; 87,5 */
    private String number(BigDecimal value) {
        return value == null ? "–" : upToTwoDecimals.format(value);
    }

    /** (variance ÷ budget × 100) to two decimals, as governance computes it; none for a zero budget. */
    static BigDecimal variancePct(long budgetCents, long varianceCents) {
        if (budgetCents == 0) {
            return null;
        }
        return BigDecimal.valueOf(varianceCents)
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(budgetCents), 2, RoundingMode.HALF_UP);
    }

    private static String day(LocalDate date) {
        return date == null ? "–" : DAY.format(date);
    }

    private static String shortDay(LocalDate date) {
        return date == null ? "–" : SHORT_DAY.format(date);
    }

    private static String shortDay(Instant instant) {
        return instant == null ? "–" : SHORT_DAY.format(instant.atZone(DUTCH_TIME));
    }

    private static String moment(Instant instant) {
        return instant == null ? "–" : MOMENT.format(instant);
    }

    private static String shortMoment(Instant instant) {
        return instant == null ? "–" : SHORT_MOMENT.format(instant);
    }

    private static String dash(String value) {
        return blank(value) ? "–" : value;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Rows grouped by a key in the order the keys first appear (the model's order is governance's). */
    private static <T> Map<String, List<T>> grouped(List<T> rows, java.util.function.Function<T, String> key) {
        Map<String, List<T>> groups = new LinkedHashMap<>();
        for (T row : rows) {
            groups.computeIfAbsent(Objects.requireNonNull(key.apply(row)), k -> new ArrayList<>())
                    .add(row);
        }
        return groups;
    }
}
