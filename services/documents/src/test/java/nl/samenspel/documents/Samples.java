package nl.samenspel.documents;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import nl.samenspel.documents.model.CompletionCertificate;
import nl.samenspel.documents.model.DecisionListDocument;
import nl.samenspel.documents.model.StatuteVersionDocument;
import nl.samenspel.documents.model.VerantwoordingsPakket;
import nl.samenspel.documents.model.VerantwoordingsPakket.AuditHead;
import nl.samenspel.documents.model.VerantwoordingsPakket.Body;
import nl.samenspel.documents.model.VerantwoordingsPakket.BudgetRow;
import nl.samenspel.documents.model.VerantwoordingsPakket.Decision;
import nl.samenspel.documents.model.VerantwoordingsPakket.FteRow;
import nl.samenspel.documents.model.VerantwoordingsPakket.IndicatorRow;
import nl.samenspel.documents.model.VerantwoordingsPakket.Meeting;
import nl.samenspel.documents.model.VerantwoordingsPakket.Member;
import nl.samenspel.documents.model.VerantwoordingsPakket.MilestoneRow;
import nl.samenspel.documents.model.VerantwoordingsPakket.Penvoerder;
import nl.samenspel.documents.model.VerantwoordingsPakket.RiskRow;
import nl.samenspel.documents.model.VerantwoordingsPakket.SignedDocument;
import nl.samenspel.documents.model.VerantwoordingsPakket.Statute;
import nl.samenspel.documents.model.VerantwoordingsPakket.Subsidy;

/** Models with Dutch text (ë, ö, é, €) and enough content to run over several pages. */
public final class Samples {

    private Samples() {}

    public static StatuteVersionDocument statutes() {
        List<StatuteVersionDocument.Article> articles = new ArrayList<>();
        articles.add(new StatuteVersionDocument.Article(
                "1",
                "Naam en zetel",
                "De coöperatie draagt de naam Coöperatie De Kleine Schans U.A. en is gevestigd te" + " Woudenberg."));
        articles.add(new StatuteVersionDocument.Article(
                "2",
                "Doel",
                "De coöperatie heeft ten doel het bevorderen van preventie en ideeën voor het sociaal"
                        + " domein, onder meer door financiële bijdragen tot € 25.000 per project."));
        for (int i = 3; i <= 30; i++) {
            articles.add(new StatuteVersionDocument.Article(
                    Integer.toString(i),
                    "Bepaling " + i,
                    ("Lid " + i + ". De algemene ledenvergadering besluit met volstrekte meerderheid van de"
                                    + " uitgebrachte stemmen, tenzij deze statuten anders bepalen. ")
                            .repeat(4)));
        }
        return new StatuteVersionDocument(
                "De Kleine Schans",
                "coöperatie U.A.",
                3,
                "Statuten De Kleine Schans",
                LocalDate.of(2026, 3, 1),
                articles);
    }

    public static DecisionListDocument decisions() {
        return new DecisionListDocument(
                "Samenwerkingsverband Deventer Preventie",
                "Besluitenlijst stuurgroep 2026",
                LocalDate.of(2026, 11, 20),
                List.of(
                        new DecisionListDocument.Entry(
                                "2026-001",
                                "Toetreding Raster",
                                "Raster treedt toe als lid met één stem; de bijdrage is € 1.250 per jaar.",
                                Instant.parse("2026-10-01T12:00:00Z"),
                                "Aangenomen",
                                5,
                                1,
                                0,
                                "De voorzitter stelt vast dat het voorstel is aangenomen.",
                                List.of("Quorum gehaald (artikel 7 lid 2).", "Volstrekte meerderheid (artikel 8).")),
                        new DecisionListDocument.Entry(
                                "2026-002",
                                "Begroting",
                                "Financiële verantwoording en begroting 2027.",
                                Instant.parse("2026-11-01T09:30:00Z"),
                                "Verworpen",
                                2,
                                4,
                                1,
                                null,
                                List.of())));
    }

    public static CompletionCertificate certificate() {
        return new CompletionCertificate(
                "Samenwerkingsovereenkomst Deventer Preventie",
                "a".repeat(64),
                List.of(new CompletionCertificate.Signer(
                        "Zoë de Vries",
                        "MEE IJsseloevers",
                        Instant.parse("2026-11-02T10:15:30Z"),
                        "192.0.2.10",
                        "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0",
                        "Ik onderteken namens MEE IJsseloevers en heb het document gelezen.")),
                List.of(
                        new CompletionCertificate.TimelineEvent(Instant.parse("2026-11-01T08:00:00Z"), "Verzonden"),
                        new CompletionCertificate.TimelineEvent(
                                Instant.parse("2026-11-02T10:15:30Z"), "Ondertekend door Zoë de Vries")),
                List.of(new CompletionCertificate.Hash("Getekend document", "b".repeat(64))));
    }

    /** The five levels of prevention used as indicator groups (labels illustrative). */
    public static final List<String> PREVENTION_LEVELS = List.of(
            "Niveau 1 – Het normale leven versterken",
            "Niveau 2 – Signaleren en verbinden",
            "Niveau 3 – Vroegtijdig ondersteunen",
            "Niveau 4 – Erger voorkomen",
            "Niveau 5 – Terugval voorkomen");

    private static final List<String> DEVENTER = List.of("Raster", "De Kern", "MEE IJsseloevers", "Zorggroep Solis");

    /**
     * The Deventer coalition's 2021 pack: the four partners with the 2020 cost overview as budget
     * (€ 1.209.505, € 743.955, € 979.588, € 96.425), 16,41 fte, indicators in the five levels of
     * prevention, the 2021 milestones and the three risks.
     */
    public static VerantwoordingsPakket pack() {
        Subsidy subsidy = new Subsidy(
                2021,
                "Opdracht preventie 2021 – van preventie naar potentie",
                "Gemeente Deventer",
                "DEV/SD/2021/0042",
                302947300L,
                LocalDate.of(2021, 1, 1),
                LocalDate.of(2021, 12, 31),
                LocalDate.of(2022, 7, 1),
                12500000L,
                true,
                new BigDecimal("10.00"),
                "Raster",
                "De subsidie is bestemd voor de vijf lijnen van het plan van aanpak; afwijkingen van meer dan 10 %"
                        + " per categorie worden toegelicht. Boven € 125.000 is een accountantsverklaring vereist.");
        List<Member> members = List.of(
                new Member("Raster", "welzijn", "08123456", LocalDate.of(2021, 1, 1), null, 1),
                new Member("De Kern", "welzijn", "08234567", LocalDate.of(2021, 1, 1), null, 1),
                new Member("MEE IJsseloevers", "cliëntondersteuning", "08345678", LocalDate.of(2021, 1, 1), null, 1),
                new Member("Zorggroep Solis", "zorgaanbieder", "08456789", LocalDate.of(2021, 1, 1), null, 1));
        List<Statute> statutes = List.of(
                new Statute(
                        1,
                        "Samenwerkingsovereenkomst van preventie naar potentie",
                        "vervallen",
                        LocalDate.of(2021, 1, 1)),
                new Statute(
                        2,
                        "Samenwerkingsovereenkomst van preventie naar potentie",
                        "geldend",
                        LocalDate.of(2021, 9, 1)));
        List<Penvoerder> penvoerders =
                List.of(new Penvoerder("Opdracht preventie 2021", "Raster", LocalDate.of(2021, 1, 1), null));
        List<String> all = List.of(
                "Manager Raster (Raster)",
                "Manager De Kern (De Kern)",
                "Manager MEE IJsseloevers (MEE IJsseloevers)",
                "Manager Zorggroep Solis (Zorggroep Solis, bij volmacht aan Raster)");
        List<Body> bodies = List.of(
                new Body(
                        "Stuurgroep",
                        List.of(
                                new Meeting("Stuurgroep maart", Instant.parse("2021-03-04T14:00:00Z"), "gehouden", all),
                                new Meeting(
                                        "Stuurgroep juni",
                                        Instant.parse("2021-06-03T13:00:00Z"),
                                        "gehouden",
                                        all.subList(0, 3)),
                                new Meeting(
                                        "Stuurgroep september", Instant.parse("2021-09-02T13:00:00Z"), "gehouden", all),
                                new Meeting(
                                        "Stuurgroep december",
                                        Instant.parse("2021-12-02T14:00:00Z"),
                                        "gehouden",
                                        all))),
                new Body(
                        "Projectgroep",
                        List.of(new Meeting(
                                "Projectgroep april",
                                Instant.parse("2021-04-08T08:30:00Z"),
                                "gehouden",
                                List.of("Projectleider", "Preventiewerker Raster", "Preventiewerker De Kern")))),
                new Body("Klankbordgroep", List.of()));
        List<Decision> decisions = List.of(
                new Decision(
                        "2021-001",
                        "Jaarplan 2021 en verdeling van de subsidie",
                        "Stuurgroep",
                        Instant.parse("2021-03-04T15:10:00Z"),
                        "aangenomen",
                        4,
                        0,
                        0,
                        "De voorzitter stelt vast dat het voorstel met algemene stemmen is aangenomen.",
                        List.of("Quorum gehaald: 4 van 4 leden vertegenwoordigd.", "Volstrekte meerderheid.")),
                new Decision(
                        "2021-002",
                        "Wijziging samenwerkingsovereenkomst (artikel 9, financiële verantwoording)",
                        "Stuurgroep",
                        Instant.parse("2021-06-03T14:30:00Z"),
                        "aangenomen",
                        3,
                        0,
                        1,
                        "Aangenomen met drie stemmen voor en één onthouding.",
                        List.of(
                                "Quorum gehaald: 3 van 4 leden aanwezig.",
                                "Twee derde meerderheid vereist en gehaald.")),
                new Decision(
                        "2021-003",
                        "Inzet extra wijkverpleegkundige Zorggroep Solis",
                        "Stuurgroep",
                        Instant.parse("2021-09-02T14:00:00Z"),
                        "verworpen",
                        1,
                        3,
                        0,
                        null,
                        List.of("Quorum gehaald.")));
        List<BudgetRow> budget = List.of(
                budget("Raster", "Personeel", 100000000L, 105010000L, null),
                budget("Raster", "Huisvesting", 10950500L, 10950500L, null),
                budget(
                        "Raster",
                        "Activiteiten",
                        10000000L,
                        7840000L,
                        "Minder groepsactiviteiten door de coronamaatregelen in het eerste half jaar."),
                budget("De Kern", "Personeel", 65000000L, 64821050L, null),
                budget("De Kern", "Activiteiten en materiaal", 9395500L, 9395500L, null),
                budget("MEE IJsseloevers", "Personeel", 90000000L, 91125000L, null),
                budget("MEE IJsseloevers", "Overhead", 7958800L, 7958800L, null),
                budget("Zorggroep Solis", "Personeel", 9642500L, 10190000L, null));
        List<FteRow> fte = List.of(
                new FteRow("Raster", "Preventiewerker", new BigDecimal("5.50"), new BigDecimal("5.20")),
                new FteRow("Raster", "Projectleider", new BigDecimal("1.00"), new BigDecimal("1.00")),
                new FteRow("De Kern", "Preventiewerker", new BigDecimal("4.96"), new BigDecimal("4.96")),
                new FteRow(
                        "MEE IJsseloevers",
                        "Cliëntondersteuner preventie",
                        new BigDecimal("4.95"),
                        new BigDecimal("5.10")));
        List<IndicatorRow> indicators = new ArrayList<>();
        indicators.add(indicator(
                "Raster",
                PREVENTION_LEVELS.get(0),
                "Bewoners bereikt",
                "personen",
                "400",
                "90",
                "210",
                "305",
                "412",
                "Plan: inloop in 9 wijken. Check: Q4 boven doel. Act: inloop blijft in 2022."));
        indicators.add(indicator(
                "De Kern",
                PREVENTION_LEVELS.get(1),
                "Signalen doorgezet naar het wijkteam",
                "signalen",
                "120",
                "25",
                "58",
                "81",
                null,
                "Check: Q3 achter op schema door vakantieperiode; Act: extra signaleringsoverleg."));
        indicators.add(indicator(
                "MEE IJsseloevers",
                PREVENTION_LEVELS.get(2),
                "Vroegtijdige trajecten gestart",
                "trajecten",
                "150",
                "31",
                "70",
                "110",
                "149",
                "Doel vrijwel gehaald."));
        indicators.add(indicator(
                "Raster",
                PREVENTION_LEVELS.get(3),
                "Doorverwijzingen voorkomen",
                "%",
                "25",
                "18",
                "21.5",
                "24",
                "26.5",
                "Gemeten als aandeel trajecten zonder doorverwijzing naar maatwerk."));
        indicators.add(indicator(
                "Zorggroep Solis",
                PREVENTION_LEVELS.get(4),
                "Terugval binnen zes maanden",
                "%",
                "10",
                null,
                "12",
                "11",
                "9.5",
                "Plan: nazorggesprek na drie maanden. Check: Q4 onder de norm."));
        List<MilestoneRow> milestones = List.of(
                new MilestoneRow(
                        "Raster",
                        "Overdracht caseload naar de preventiewerkers",
                        LocalDate.of(2021, 2, 1),
                        "gereed",
                        LocalDate.of(2021, 2, 1),
                        null),
                new MilestoneRow(
                        "De Kern",
                        "Start inloop in negen wijken",
                        LocalDate.of(2021, 4, 1),
                        "gereed",
                        LocalDate.of(2021, 4, 19),
                        "Twee weken later door de lockdown."),
                new MilestoneRow(
                        "MEE IJsseloevers",
                        "Tussenevaluatie met gemeente Deventer",
                        LocalDate.of(2021, 7, 1),
                        "gereed",
                        LocalDate.of(2021, 6, 28),
                        null),
                new MilestoneRow(
                        "Raster",
                        "Jaarplan 2022 vastgesteld",
                        LocalDate.of(2021, 12, 15),
                        "gereed",
                        LocalDate.of(2021, 12, 2),
                        null),
                new MilestoneRow(
                        "Zorggroep Solis",
                        "Nazorgprotocol ingevoerd",
                        LocalDate.of(2021, 10, 1),
                        "vertraagd",
                        null,
                        "Verwacht in het eerste kwartaal van 2022."));
        List<RiskRow> risks = List.of(
                new RiskRow(
                        "Raster",
                        "Dienstverlening onder verwachting",
                        "Te weinig capaciteit",
                        "Prioriteren en knelpunten benoemen in de stuurgroep",
                        "Stuurgroep",
                        "open"),
                new RiskRow(
                        "De Kern",
                        "Uitval van personeel",
                        "Ziekte en krapte op de arbeidsmarkt",
                        "Onderlinge vervanging tussen de partners",
                        "Projectleider",
                        "beheerst"),
                new RiskRow(
                        "MEE IJsseloevers",
                        "Kwetsbare inwoners worden niet bereikt",
                        "Drempel naar de inloop te hoog",
                        "Outreachend werken met de wijkverpleging",
                        "Projectgroep",
                        "open"));
        List<SignedDocument> signed = List.of(
                new SignedDocument(
                        "Samenwerkingsovereenkomst van preventie naar potentie, versie 2",
                        Instant.parse("2021-09-10T09:12:44Z"),
                        sha("overeenkomst"),
                        all.subList(0, 4).stream()
                                .map(a -> a.substring(0, a.indexOf(" (")))
                                .toList()),
                new SignedDocument(
                        "Besluitenlijst stuurgroep 2021",
                        Instant.parse("2021-12-10T15:02:00Z"),
                        sha("besluitenlijst"),
                        List.of("Manager Raster")),
                new SignedDocument(
                        "Verklaring Raster over 2021",
                        Instant.parse("2022-03-01T10:00:00Z"),
                        sha("verklaring-raster"),
                        List.of("Manager Raster")));
        return new VerantwoordingsPakket(
                "Van preventie naar potentie (Deventer)",
                "samenwerkingsverband",
                subsidy,
                Instant.parse("2022-03-15T16:42:07Z"),
                members,
                statutes,
                penvoerders,
                bodies,
                decisions,
                budget,
                fte,
                indicators,
                milestones,
                risks,
                signed,
                new AuditHead(1482, sha("audit-1482")));
    }

    /** The same coalition and subsidy with every list empty. */
    public static VerantwoordingsPakket emptyPack() {
        VerantwoordingsPakket p = pack();
        return new VerantwoordingsPakket(
                p.coalitionName(),
                p.legalForm(),
                p.subsidy(),
                p.dataAsOf(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                p.auditHead());
    }

    /** Reference scale: 50 members, 1,000 decisions, 200 indicators, 100 signed documents. */
    public static VerantwoordingsPakket largePack() {
        VerantwoordingsPakket p = pack();
        List<Member> members = new ArrayList<>();
        List<BudgetRow> budget = new ArrayList<>();
        List<FteRow> fte = new ArrayList<>();
        List<MilestoneRow> milestones = new ArrayList<>();
        List<RiskRow> risks = new ArrayList<>();
        List<String> categories = List.of(
                "Personeel",
                "Huisvesting",
                "Activiteiten",
                "Materiaal",
                "Scholing",
                "Reiskosten",
                "Communicatie",
                "ICT",
                "Vrijwilligersvergoedingen",
                "Overhead",
                "Onvoorzien",
                "Evaluatie");
        for (int m = 0; m < 50; m++) {
            String name = m < 4 ? DEVENTER.get(m) : "Partner " + (m + 1) + " Welzijn en Zorg";
            members.add(new Member(
                    name,
                    m % 3 == 0 ? "welzijn" : "zorgaanbieder",
                    String.format("%08d", 10_000_000 + m),
                    LocalDate.of(2021, 1, 1),
                    m % 17 == 16 ? LocalDate.of(2021, 10, 1) : null,
                    1 + m % 3));
            for (int c = 0; c < categories.size(); c++) {
                long b = 1_000_000L * (1 + (m * 7 + c * 13) % 40);
                Long realised = (m + c) % 11 == 10 ? null : b + (b / 100) * (((m * 5 + c * 3) % 31) - 15);
                budget.add(budget(
                        name,
                        categories.get(c),
                        b,
                        realised,
                        realised != null && Math.abs(realised - b) * 10 > b
                                ? "Afwijking door een andere inzet dan begroot; in de stuurgroep besproken en aanvaard."
                                : null));
            }
            for (int f = 0; f < 5; f++) {
                fte.add(new FteRow(
                        name,
                        "Functie " + (f + 1),
                        new BigDecimal("1.25").add(BigDecimal.valueOf(f, 1)),
                        f == 4 ? null : new BigDecimal("1.20").add(BigDecimal.valueOf(f, 1))));
            }
            for (int i = 0; i < 6; i++) {
                milestones.add(new MilestoneRow(
                        name,
                        "Mijlpaal " + (i + 1) + " van het jaarplan: oplevering van het deelproduct",
                        LocalDate.of(2021, 1 + i * 2, 1),
                        i < 4 ? "gereed" : "open",
                        i < 4 ? LocalDate.of(2021, 1 + i * 2, 10) : null,
                        i == 5 ? "Loopt door in 2022; afgestemd met de opdrachtgever." : null));
            }
            for (int i = 0; i < 4; i++) {
                risks.add(new RiskRow(
                        name,
                        "Risico " + (i + 1) + ": onvoldoende capaciteit in de wijk",
                        "Krapte op de arbeidsmarkt en ziekteverzuim onder de professionals",
                        "Onderlinge vervanging, prioriteren van de dienstverlening en melden in de stuurgroep",
                        "Stuurgroep",
                        i % 2 == 0 ? "open" : "beheerst"));
            }
        }
        List<String> attendance =
                members.stream().map(m -> "Vertegenwoordiger " + m.name()).toList();
        List<Body> bodies = new ArrayList<>();
        for (String body : List.of("Algemene ledenvergadering", "Stuurgroep", "Projectgroep", "Klankbordgroep")) {
            List<Meeting> meetings = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                meetings.add(new Meeting(
                        body + " " + (i + 1),
                        Instant.parse("2021-01-14T13:00:00Z").plusSeconds(i * 30L * 86400),
                        "gehouden",
                        attendance.subList(0, 50 - i)));
            }
            bodies.add(new Body(body, meetings));
        }
        List<Decision> decisions = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            decisions.add(new Decision(
                    String.format("2021-%04d", i),
                    "Besluit over onderwerp " + i + ": vaststelling van het voorstel van de projectgroep",
                    i % 2 == 0 ? "Stuurgroep" : "Algemene ledenvergadering",
                    Instant.parse("2021-01-14T14:00:00Z").plusSeconds(i * 30_000L),
                    i % 9 == 0 ? "verworpen" : "aangenomen",
                    30 + i % 20,
                    i % 9 == 0 ? 35 : 5,
                    i % 4,
                    "De voorzitter stelt vast dat het voorstel is " + (i % 9 == 0 ? "verworpen" : "aangenomen") + ".",
                    List.of(
                            "Quorum gehaald: meer dan de helft van de leden vertegenwoordigd.",
                            "Volstrekte meerderheid van de uitgebrachte stemmen.",
                            "Besloten onder statuten versie 2, artikel 8 lid 1.")));
        }
        List<IndicatorRow> indicators = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            indicators.add(
                    indicator(
                            members.get(i % 50).name(),
                            PREVENTION_LEVELS.get(i % 5),
                            "Indicator " + (i + 1) + " bereik in de wijk",
                            "personen",
                            Integer.toString(100 + i),
                            Integer.toString(20 + i / 4),
                            Integer.toString(45 + i / 2),
                            Integer.toString(70 + i * 3 / 4),
                            i % 7 == 0 ? null : Integer.toString(95 + i),
                            "Plan: activiteiten in de wijk met de partners. Do: uitgevoerd volgens het jaarplan. Check: per kwartaal vergeleken"
                                    + " met het doel en besproken in de projectgroep. Act: bijgesteld waar nodig en gemeld aan de stuurgroep."));
        }
        List<SignedDocument> signed = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            signed.add(new SignedDocument(
                    "Verklaring " + (i + 1) + " over 2021",
                    Instant.parse("2022-02-01T09:00:00Z").plusSeconds(i * 3600L),
                    sha("document-" + i),
                    attendance.subList(i % 40, i % 40 + 3)));
        }
        return new VerantwoordingsPakket(
                p.coalitionName(),
                p.legalForm(),
                p.subsidy(),
                p.dataAsOf(),
                members,
                p.statutes(),
                p.penvoerders(),
                bodies,
                decisions,
                budget,
                fte,
                indicators,
                milestones,
                risks,
                signed,
                p.auditHead());
    }

    private static BudgetRow budget(String member, String category, long budget, Long realised, String explanation) {
        return new BudgetRow(
                member, category, budget, realised, realised == null ? null : realised - budget, null, explanation);
    }

    private static IndicatorRow indicator(
            String member,
            String group,
            String name,
            String unit,
            String target,
            String q1,
            String q2,
            String q3,
            String q4,
            String note) {
        return new IndicatorRow(
                member, group, name, unit, new BigDecimal(target), dec(q1), dec(q2), dec(q3), dec(q4), note);
    }

    private static BigDecimal dec(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    /** A SHA-256 made from a label, so the samples' hashes are fixed. */
    public static String sha(String label) {
        try {
            return HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(label.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
