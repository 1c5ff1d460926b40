package nl.samenspel.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
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

/**
 * A verantwoordingspakket at issue 6's reference scale, generated with Dutch content of the kind a
 * coalition in the social domain has: 50 members (welfare, care, housing, schools, volunteers), budget
 * lines by category and fte for every member, 1,000 decisions of four bodies, 200 indicators in the five
 * levels of prevention with PDCA notes, milestones and risks for every member, 100 signed documents. The
 * figures vary but are fixed (a seeded random), so every run renders the same pack. The documents module's
 * test samples cannot be used here (test classes are not on the bench's classpath).
 */
final class ReferencePack {

    static final int MEMBERS = 50;
    static final int DECISIONS = 1000;
    static final int INDICATORS = 200;
    static final int SIGNED_DOCUMENTS = 100;

    private static final int YEAR = 2021;

    private static final List<String> NAMES = List.of(
            "Raster",
            "De Kern",
            "MEE IJsseloevers",
            "Zorggroep Solis",
            "Stichting Welzijn Colmschate",
            "Buurtcentrum De Hoven",
            "Wijkteam Rivierenwijk",
            "Jongerenwerk Zandweerd",
            "Vrijwilligerscentrale Salland",
            "Stichting Schuldhulp Oost",
            "Thuiszorg IJsselstreek",
            "Wijkverpleging Borgele",
            "Cliëntondersteuning Bathmen",
            "Huisartsencoöperatie Deventer-Noord",
            "GGZ Sallandse Poort",
            "Verslavingszorg Oost-Nederland",
            "Mantelzorgsteunpunt Deventer",
            "Stichting Taalhuis IJssel",
            "Voedselbank Deventer e.o.",
            "Sportbedrijf Deventer",
            "Bibliotheek De Waag",
            "Woonstichting Ons Huis",
            "Woningcorporatie IJsselwonen",
            "Kinderopvang Ravelijn",
            "Openbaar Onderwijs Deventer",
            "Vluchtelingenhulp Salland",
            "Buurtbemiddeling IJsselland",
            "Ouderenwerk Diepenveen",
            "Dagbesteding De Werkplaats",
            "Zorgboerderij De Linde",
            "Fysiotherapie Keizerslanden",
            "Apotheek Colmschate",
            "Stichting Armoedefonds Deventer",
            "Welzijn Olst-Wijhe",
            "Zorgcoöperatie Schalkhaar",
            "Jeugdhulp IJssel-Vecht",
            "Stichting Gezond Gewicht",
            "Buurtsportcoaches Deventer",
            "Steunpunt Huiselijk Geweld Salland",
            "Stichting Present Deventer",
            "Diaconaal Platform Deventer",
            "Wijkraad Voorstad-Oost",
            "Stichting Leergeld Deventer",
            "Maatschappelijk Werk Salland",
            "Stichting Thuisadministratie",
            "Werkleerbedrijf Deventer",
            "Ervaringsdeskundigen Oost",
            "Dementievriendelijk Deventer",
            "Stichting Wijkwijs",
            "Buurtkamer De Ontmoeting");

    private static final List<String> KINDS = List.of(
            "welzijn",
            "zorgaanbieder",
            "cliëntondersteuning",
            "woningcorporatie",
            "onderwijs",
            "vrijwilligersorganisatie",
            "eerstelijnszorg");

    private static final List<String> CATEGORIES = List.of(
            "Personeel",
            "Huisvesting",
            "Activiteiten",
            "Materiaal en middelen",
            "Scholing en intervisie",
            "Reiskosten",
            "Communicatie en voorlichting",
            "ICT en registratie",
            "Vrijwilligersvergoedingen",
            "Overhead",
            "Onvoorzien",
            "Evaluatie en onderzoek");

    /** A variance explanation per category, in the order of {@link #CATEGORIES}. */
    private static final List<String> EXPLANATIONS = List.of(
            "Vacature preventiewerker pas per 1 mei ingevuld; de uren zijn deels door inhuur opgevangen.",
            "Huur van de buurtkamer is lager uitgevallen na heronderhandeling met de woningcorporatie.",
            "Minder groepsactiviteiten door de coronamaatregelen in het eerste half jaar.",
            "Eenmalige aanschaf van spelmateriaal en een laptop voor de inloop, besloten in de stuurgroep.",
            "Scholing in signaleren van schulden verschoven naar 2022; de trainer was niet eerder beschikbaar.",
            "Hogere kilometerkosten door huisbezoeken in de buitengebieden Bathmen en Diepenveen.",
            "Extra huis-aan-huisbrief over de inloopspreekuren op verzoek van de gemeente.",
            "Eenmalige aanschaf van een registratiesysteem dat de partners samen gebruiken.",
            "Meer vrijwilligers ingezet bij de thuisadministratie dan begroot; de vergoeding is per uur.",
            "Overheadpercentage aangepast aan de afspraak in de samenwerkingsovereenkomst, versie 3.",
            "Minder beroep op het budget voor onvoorzien; het restant is met de opdrachtgever verrekend.",
            "Evaluatieonderzoek door de hogeschool is gestart in november; de tweede termijn valt in 2022.");

    private static final List<String> FUNCTIONS = List.of(
            "Preventiewerker",
            "Projectleider",
            "Jongerenwerker",
            "Opbouwwerker",
            "Cliëntondersteuner",
            "Schuldhulpverlener",
            "Coördinator vrijwilligers",
            "Wijkverpleegkundige",
            "Buurtsportcoach",
            "Administratief medewerker");

    private static final List<String> BODIES =
            List.of("Algemene ledenvergadering", "Stuurgroep", "Projectgroep", "Klankbordgroep");

    private static final List<String> MONTHS = List.of(
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december");

    private static final List<String> NEIGHBOURHOODS = List.of(
            "Rivierenwijk",
            "Keizerslanden",
            "Colmschate",
            "Zandweerd",
            "Voorstad",
            "De Hoven",
            "Borgele",
            "Platvoet",
            "Bathmen",
            "Diepenveen",
            "Schalkhaar",
            "Binnenstad");

    /** Decision titles; %s is a neighbourhood, %m a member, %n a number. */
    private static final List<String> DECISION_TITLES = List.of(
            "Vaststelling van het wijkplan %s voor het tweede halfjaar",
            "Toekenning van het projectbudget voor de inloop in %s aan %m",
            "Goedkeuring van de kwartaalrapportage over kwartaal %n",
            "Wijziging van het huishoudelijk reglement, artikel %n",
            "Benoeming van een lid van de klankbordgroep namens %m",
            "Instemming met de werkwijze vroegsignalering schulden in %s",
            "Verdeling van de extra middelen preventie jeugd over de partners",
            "Aanvaarding van de toelichting op de afwijking in de begroting van %m",
            "Inzet van ervaringsdeskundigen bij de huisbezoeken in %s",
            "Vaststelling van de notulen van vergadering %n",
            "Verlenging van de huurovereenkomst van de buurtkamer in %s",
            "Toetreding van %m tot de werkgroep mantelzorg",
            "Instemming met het privacyreglement voor de gezamenlijke registratie, versie %n",
            "Opdracht aan de penvoerder tot het aanvragen van de subsidie voor %s",
            "Vaststelling van de prestatie-indicatoren voor niveau %n van preventie");

    private static final List<String> INDICATORS_BY_NAME = List.of(
            "Bewoners bereikt met de inloop|personen",
            "Signalen doorgezet naar het wijkteam|signalen",
            "Vroegtijdige trajecten gestart|trajecten",
            "Doorverwijzingen naar maatwerk voorkomen|%",
            "Terugval binnen zes maanden|%",
            "Huishoudens met schuldhulp binnen vier weken|huishoudens",
            "Mantelzorgers ondersteund|personen",
            "Jongeren bereikt met het jongerenwerk|jongeren",
            "Vrijwilligers actief in de wijk|vrijwilligers",
            "Huisbezoeken bij 75-plussers|bezoeken",
            "Deelnemers aan beweegactiviteiten|deelnemers",
            "Tevredenheid van de deelnemers|rapportcijfer");

    private static final List<String> PREVENTION_LEVELS = List.of(
            "Niveau 1 – Het normale leven versterken",
            "Niveau 2 – Signaleren en verbinden",
            "Niveau 3 – Vroegtijdig ondersteunen",
            "Niveau 4 – Erger voorkomen",
            "Niveau 5 – Terugval voorkomen");

    private static final List<String> PDCA_NOTES = List.of(
            "Plan: inloop in negen wijken, twee dagdelen per week. Do: gestart in februari. Check: het vierde kwartaal"
                    + " boven het doel, vooral in Keizerslanden. Act: de inloop blijft in 2022 en komt ook in Borgele.",
            "Plan: signalen uit de huisartsenpraktijken binnen twee weken oppakken. Check: het derde kwartaal achter op"
                    + " schema door de vakantieperiode. Act: extra signaleringsoverleg met de huisartsen.",
            "Plan: samen met de scholen in de wijk. Do: gestart na de herfstvakantie. Check: doel vrijwel gehaald."
                    + " Act: de werkwijze wordt beschreven en gedeeld met de andere partners.",
            "Gemeten als aandeel van de trajecten zonder doorverwijzing naar maatwerk; de definitie is afgestemd met"
                    + " de gemeente. Check: stabiel boven de norm. Act: geen bijsturing nodig.",
            "Plan: nazorggesprek na drie maanden. Check: in het vierde kwartaal onder de norm. Act: het protocol"
                    + " wordt in 2022 voor alle partners ingevoerd en in de projectgroep gevolgd.",
            "Do: uitgevoerd volgens het jaarplan. Check: per kwartaal vergeleken met het doel en besproken in de"
                    + " projectgroep. Act: bijgesteld waar nodig en gemeld aan de stuurgroep.");

    private static final List<String> MILESTONES = List.of(
            "Overdracht van de caseload naar de preventiewerkers",
            "Start van de inloop in %s",
            "Tussenevaluatie met de gemeente Deventer",
            "Werkafspraken vroegsignalering met de huisartsen vastgelegd",
            "Vrijwilligers geschoold in het herkennen van eenzaamheid",
            "Jaarplan 2022 vastgesteld in de stuurgroep",
            "Gezamenlijke registratie in gebruik genomen",
            "Nazorgprotocol ingevoerd",
            "Buurtkamer in %s geopend",
            "Kwartaalrapportage aan de penvoerder aangeleverd",
            "Vrijwilligersavond en waardering gehouden",
            "Evaluatie met de deelnemers afgerond");

    private static final List<String> MILESTONE_NOTES = List.of(
            "Twee weken later door de lockdown.",
            "Verwacht in het eerste kwartaal van 2022.",
            "Afgestemd met de opdrachtgever; loopt door in 2022.",
            "Gereed na een extra overleg met de wijkverpleging.");

    private static final List<String[]> RISKS = List.of(
            new String[] {
                "Dienstverlening onder verwachting",
                "Te weinig capaciteit in de wijkteams",
                "Prioriteren en knelpunten benoemen in de stuurgroep",
                "Stuurgroep"
            },
            new String[] {
                "Uitval van personeel",
                "Ziekte en krapte op de arbeidsmarkt",
                "Onderlinge vervanging tussen de partners",
                "Projectleider"
            },
            new String[] {
                "Kwetsbare inwoners worden niet bereikt",
                "De drempel naar de inloop is te hoog",
                "Outreachend werken samen met de wijkverpleging",
                "Projectgroep"
            },
            new String[] {
                "Gegevens van inwoners onvoldoende beschermd",
                "Verschillende registratiesystemen bij de partners",
                "Eén gezamenlijke registratie met een verwerkersovereenkomst",
                "Penvoerder"
            },
            new String[] {
                "Overschrijding van de begroting",
                "Hogere loonkosten door de nieuwe cao",
                "Maandelijkse rapportage aan de penvoerder en tijdig bijsturen",
                "Penvoerder"
            },
            new String[] {
                "Vrijwilligers haken af",
                "Te zware belasting en weinig begeleiding",
                "Vaste coördinator en intervisie per kwartaal",
                "Coördinator vrijwilligers"
            },
            new String[] {
                "Subsidie wordt deels teruggevorderd",
                "Prestaties niet aantoonbaar door onvolledige registratie",
                "Registratie per kwartaal controleren en verschillen laten toelichten",
                "Penvoerder"
            },
            new String[] {
                "Samenwerking met de huisartsen stokt",
                "Geen vaste contactpersoon per praktijk",
                "Vaste aandachtsfunctionaris per praktijk en een overleg per kwartaal",
                "Projectgroep"
            });

    private static final List<String> RISK_STATUSES = List.of("open", "beheerst", "vervallen");

    private ReferencePack() {}

    static VerantwoordingsPakket generate() {
        if (NAMES.size() != MEMBERS) {
            throw new IllegalStateException(NAMES.size() + " member names for " + MEMBERS + " members");
        }
        Random random = new Random(YEAR);
        Subsidy subsidy = new Subsidy(
                YEAR,
                "Opdracht preventie 2021 – van preventie naar potentie",
                "Gemeente Deventer",
                "DEV/SD/2021/0042",
                0L, // set below, as the sum of the budget lines
                LocalDate.of(YEAR, 1, 1),
                LocalDate.of(YEAR, 12, 31),
                LocalDate.of(YEAR + 1, 7, 1),
                12_500_000L,
                true,
                new BigDecimal("10.00"),
                "Raster",
                "De subsidie is bestemd voor de vijf lijnen van het plan van aanpak; afwijkingen van meer dan 10 %"
                        + " per categorie worden toegelicht. Boven € 125.000 is een accountantsverklaring vereist."
                        + " De penvoerder verdeelt de middelen volgens het besluit van de stuurgroep.");

        List<Member> members = new ArrayList<>();
        List<BudgetRow> budget = new ArrayList<>();
        List<FteRow> fte = new ArrayList<>();
        List<MilestoneRow> milestones = new ArrayList<>();
        List<RiskRow> risks = new ArrayList<>();
        long total = 0;
        for (int m = 0; m < MEMBERS; m++) {
            String name = NAMES.get(m);
            members.add(new Member(
                    name,
                    KINDS.get(m < 4 ? (m == 2 ? 2 : m == 3 ? 1 : 0) : random.nextInt(KINDS.size())),
                    String.format("%08d", 8_100_000 + m * 13_457),
                    m < 40 ? LocalDate.of(YEAR, 1, 1) : LocalDate.of(YEAR, 1 + random.nextInt(9), 1),
                    m % 17 == 16 ? LocalDate.of(YEAR, 10, 1) : null,
                    1 + random.nextInt(3)));

            int categories = CATEGORIES.size();
            for (int c = 0; c < categories; c++) {
                long b = (c == 0 ? 8_000_000L : 300_000L) + 50_000L * random.nextInt(c == 0 ? 600 : 120);
                Long realised = random.nextInt(15) == 0 ? null : b + b * (random.nextInt(41) - 20) / 100;
                String explanation = realised != null && Math.abs(realised - b) * 10 > b ? EXPLANATIONS.get(c) : null;
                budget.add(new BudgetRow(
                        name,
                        CATEGORIES.get(c),
                        b,
                        realised,
                        realised == null ? null : realised - b,
                        null,
                        explanation));
                total += b;
            }

            int functions = 3 + random.nextInt(4);
            for (int f = 0; f < functions; f++) {
                BigDecimal planned = BigDecimal.valueOf(20 + random.nextInt(400), 2);
                BigDecimal realised = random.nextInt(8) == 0
                        ? null
                        : planned.add(BigDecimal.valueOf(random.nextInt(41) - 20, 2))
                                .max(BigDecimal.ZERO);
                fte.add(new FteRow(name, FUNCTIONS.get((m + f * 3) % FUNCTIONS.size()), planned, realised));
            }

            for (int i = 0; i < 12; i++) {
                LocalDate due = LocalDate.of(YEAR, 1 + i, 1 + random.nextInt(28));
                boolean done = random.nextInt(5) != 0;
                String title = MILESTONES
                        .get((m + i) % MILESTONES.size())
                        .replace("%s", NEIGHBOURHOODS.get(random.nextInt(NEIGHBOURHOODS.size())));
                milestones.add(new MilestoneRow(
                        name,
                        title,
                        due,
                        done ? "gereed" : i < 10 ? "vertraagd" : "open",
                        done ? due.plusDays(random.nextInt(30) - 10) : null,
                        random.nextInt(3) == 0 ? MILESTONE_NOTES.get(random.nextInt(MILESTONE_NOTES.size())) : null));
            }

            for (int i = 0; i < 8; i++) {
                String[] risk = RISKS.get((m + i) % RISKS.size());
                risks.add(new RiskRow(name, risk[0], risk[1], risk[2], risk[3], RISK_STATUSES.get(random.nextInt(3))));
            }
        }
        subsidy = new Subsidy(
                subsidy.year(),
                subsidy.title(),
                subsidy.grantor(),
                subsidy.reference(),
                total,
                subsidy.periodFrom(),
                subsidy.periodUntil(),
                subsidy.verantwoordingDue(),
                subsidy.accountantThresholdCents(),
                subsidy.accountantStatementRequired(),
                subsidy.varianceThresholdPct(),
                subsidy.penvoerder(),
                subsidy.conditions());

        List<String> representatives = new ArrayList<>();
        for (Member member : members) {
            representatives.add("Vertegenwoordiger " + member.name());
        }
        List<Body> bodies = new ArrayList<>();
        for (int b = 0; b < BODIES.size(); b++) {
            List<Meeting> meetings = new ArrayList<>();
            int count = b == 0 ? 6 : b == 1 || b == 2 ? 24 : 12;
            for (int i = 0; i < count; i++) {
                int month = b == 0 ? i * 2 : b == 1 || b == 2 ? i / 2 : i;
                Instant startsAt = LocalDate.of(YEAR, month + 1, b == 1 || b == 2 ? 3 + b + 14 * (i % 2) : 8 + b * 4)
                        .atTime(b == 2 ? 9 : 14, 0)
                        .toInstant(ZoneOffset.ofHours(1));
                List<String> attendance = new ArrayList<>();
                for (int r = 0; r < representatives.size(); r++) {
                    int roll = random.nextInt(10);
                    if (roll < 8) {
                        attendance.add(representatives.get(r));
                    } else if (roll == 8) {
                        attendance.add(representatives.get(r) + " (bij volmacht aan "
                                + NAMES.get((r + 1) % NAMES.size()) + ")");
                    }
                }
                meetings.add(new Meeting(
                        BODIES.get(b) + " " + MONTHS.get(month)
                                + (b == 1 || b == 2 ? (i % 2 == 0 ? " (1)" : " (2)") : ""),
                        startsAt,
                        "gehouden",
                        attendance));
            }
            bodies.add(new Body(BODIES.get(b), meetings));
        }

        List<Decision> decisions = new ArrayList<>();
        Instant first = Instant.parse("2021-01-14T15:00:00Z");
        for (int i = 1; i <= DECISIONS; i++) {
            String title = DECISION_TITLES
                    .get(random.nextInt(DECISION_TITLES.size()))
                    .replace("%s", NEIGHBOURHOODS.get(random.nextInt(NEIGHBOURHOODS.size())))
                    .replace("%m", NAMES.get(random.nextInt(NAMES.size())))
                    .replace("%n", Integer.toString(1 + random.nextInt(12)));
            String body = BODIES.get(random.nextInt(3));
            int present = 30 + random.nextInt(21);
            boolean rejected = random.nextInt(9) == 0;
            int abstentions = random.nextInt(4);
            int against = rejected ? present / 2 + 1 + random.nextInt(3) : random.nextInt(present / 5);
            int votesFor = Math.max(0, present - against - abstentions);
            String outcome = rejected ? "verworpen" : "aangenomen";
            List<String> validity = new ArrayList<>();
            validity.add("Quorum gehaald: " + present + " van " + MEMBERS + " leden aanwezig of vertegenwoordigd.");
            validity.add(
                    i % 10 == 0
                            ? "Twee derde meerderheid vereist (artikel 12 lid 3) en " + (rejected ? "niet " : "")
                                    + "gehaald."
                            : "Volstrekte meerderheid van de uitgebrachte stemmen.");
            if (i % 4 == 0) {
                validity.add("Niet meegestemd wegens een tegenstrijdig belang: vertegenwoordiger van "
                        + NAMES.get(random.nextInt(NAMES.size())) + " (artikel 14 lid 2).");
            }
            validity.add("Besloten onder de samenwerkingsovereenkomst versie " + (i < 700 ? 2 : 3) + ", artikel "
                    + (8 + i % 4) + " lid " + (1 + i % 3) + ".");
            decisions.add(new Decision(
                    String.format("%d-%04d", YEAR, i),
                    title,
                    body,
                    first.plusSeconds(i * 30_000L),
                    outcome,
                    votesFor,
                    against,
                    abstentions,
                    "De voorzitter stelt vast dat het voorstel met " + votesFor + " stemmen voor, " + against
                            + " tegen en " + abstentions + (abstentions == 1 ? " onthouding" : " onthoudingen")
                            + " is " + outcome + (rejected ? "." : "; het besluit treedt direct in werking."),
                    validity));
        }

        List<IndicatorRow> indicators = new ArrayList<>();
        for (int i = 0; i < INDICATORS; i++) {
            String[] indicator = INDICATORS_BY_NAME
                    .get(random.nextInt(INDICATORS_BY_NAME.size()))
                    .split("\\|");
            boolean percentage = indicator[1].equals("%");
            boolean grade = indicator[1].equals("rapportcijfer");
            BigDecimal target = percentage
                    ? BigDecimal.valueOf(10 + random.nextInt(30))
                    : grade ? new BigDecimal("7.5") : BigDecimal.valueOf(50 + random.nextInt(450));
            BigDecimal[] q = new BigDecimal[4];
            for (int k = 0; k < 4; k++) {
                if (k == 3 && random.nextInt(7) == 0) {
                    continue; // the fourth quarter not yet known
                }
                q[k] = percentage || grade
                        ? target.add(BigDecimal.valueOf(random.nextInt(41) - 20, 1))
                        : target.multiply(BigDecimal.valueOf((k + 1) * (20 + random.nextInt(10)), 2))
                                .setScale(0, java.math.RoundingMode.HALF_UP);
            }
            indicators.add(new IndicatorRow(
                    members.get(i % MEMBERS).name(),
                    PREVENTION_LEVELS.get(i % PREVENTION_LEVELS.size()),
                    indicator[0],
                    indicator[1],
                    target,
                    q[0],
                    q[1],
                    q[2],
                    q[3],
                    PDCA_NOTES.get(random.nextInt(PDCA_NOTES.size()))));
        }

        List<SignedDocument> signed = new ArrayList<>();
        for (int i = 0; i < SIGNED_DOCUMENTS; i++) {
            String title;
            List<String> signers;
            if (i < MEMBERS) {
                title = "Verklaring " + NAMES.get(i) + " over " + YEAR;
                signers = List.of("Bestuurder " + NAMES.get(i));
            } else if (i < MEMBERS + 12) {
                title = "Besluitenlijst stuurgroep " + MONTHS.get(i - MEMBERS) + " " + YEAR;
                signers = List.of("Voorzitter stuurgroep", "Secretaris stuurgroep");
            } else if (i < MEMBERS + 24) {
                title = "Besluitenlijst projectgroep " + MONTHS.get(i - MEMBERS - 12) + " " + YEAR;
                signers = List.of("Projectleider", "Secretaris projectgroep");
            } else if (i < SIGNED_DOCUMENTS - 1) {
                title = "Samenwerkingsovereenkomst deelproject " + NEIGHBOURHOODS.get(i % NEIGHBOURHOODS.size())
                        + ", versie " + (1 + i % 3);
                signers = representatives.subList(i % 40, i % 40 + 4);
            } else {
                title = "Geconsolideerde verklaring van de penvoerder over " + YEAR;
                signers = List.of("Bestuurder Raster (penvoerder)");
            }
            signed.add(new SignedDocument(
                    title, Instant.parse("2022-02-01T09:00:00Z").plusSeconds(i * 7_200L), sha(title), signers));
        }

        List<Statute> statutes = List.of(
                new Statute(
                        1,
                        "Samenwerkingsovereenkomst van preventie naar potentie",
                        "vervallen",
                        LocalDate.of(2020, 1, 1)),
                new Statute(
                        2,
                        "Samenwerkingsovereenkomst van preventie naar potentie",
                        "vervallen",
                        LocalDate.of(2021, 1, 1)),
                new Statute(
                        3,
                        "Samenwerkingsovereenkomst van preventie naar potentie",
                        "geldend",
                        LocalDate.of(2021, 9, 1)));
        List<Penvoerder> penvoerders = List.of(
                new Penvoerder("Opdracht preventie 2021", "Raster", LocalDate.of(2021, 1, 1), null),
                new Penvoerder(
                        "Deelproject schuldhulp",
                        "Stichting Schuldhulp Oost",
                        LocalDate.of(2021, 1, 1),
                        LocalDate.of(2021, 6, 30)),
                new Penvoerder("Deelproject schuldhulp", "De Kern", LocalDate.of(2021, 7, 1), null));

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
                new AuditHead(48_211, sha("audit-48211")));
    }

    private static String sha(String label) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(label.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
