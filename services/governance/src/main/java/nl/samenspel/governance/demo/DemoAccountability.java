package nl.samenspel.governance.demo;

import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import nl.samenspel.governance.accountability.AccountabilityService;
import nl.samenspel.governance.accountability.Figures;
import nl.samenspel.governance.accountability.Subsidy;
import nl.samenspel.governance.meeting.MeetingTime;
import nl.samenspel.governance.tenancy.CoalitionAccess;

/**
 * Subsidies and the members' figures for the demo, entered through the services as the real users
 * would: the opdrachtgever records the subsidy, each partner's representative enters its own member's
 * figures.
 *
 * <p>Deventer's budgets are the partners' lines of the 2020 cost overview (the subsidy stayed the same
 * in the transition year 2021). The seeds say only that "het overgrote deel" is loonkosten and that all
 * partners invest in opleiding en ontwikkeling in 2021; the split of each partner's amount into 90 %
 * loonkosten, 2 % opleiding and the rest overige kosten is the demo's. So are all realisations, indicator
 * targets and actuals, and the milestones' and risks' statuses. The fte per partner are DemoData's
 * illustrative split of the 16,41 prevention fte (which include Ambiq/Tactus, not members here) plus
 * Solis's 4,00 wijkverpleegkundigen.
 */
@Singleton
class DemoAccountability {

    /** A member and how its representative's requests reach the services. */
    record Partner(UUID member, CoalitionAccess representative) {}

    record Deventer(
            CoalitionAccess opdrachtgever, String scope, Partner raster, Partner deKern, Partner mee, Partner solis) {}

    record Woudenberg(CoalitionAccess opdrachtgever, Partner mee, Partner gemeente) {}

    /**
     * The municipal rules are the demo's choice, the same in both coalitions: an accountantsverklaring
     * above € 125.000, an explanation for a realisation more than 5 % off its budget.
     */
    private static final long ACCOUNTANT_THRESHOLD_CENTS = 12_500_000L;

    private static final BigDecimal VARIANCE_THRESHOLD_PCT = new BigDecimal("5.00");

    private final AccountabilityService accountability;
    private final Clock clock;

    DemoAccountability(AccountabilityService accountability, Clock clock) {
        this.accountability = accountability;
        this.clock = clock;
    }

    /** The transition year 2021, now long past: all but Solis have entered their realisations. */
    Subsidy deventer(Deventer d) {
        Subsidy subsidy = accountability.create(
                d.opdrachtgever(),
                new Subsidy.Request(
                        2021,
                        "Opdracht preventie 2021",
                        d.scope(),
                        "Gemeente Deventer",
                        null,
                        // The total structural budget of the 2020 cost overview (its items add up to one euro
                        // more). Only the partners' € 3.029.473 become members' budget lines.
                        euros(4_207_885),
                        LocalDate.parse("2021-01-01"),
                        LocalDate.parse("2021-12-31"),
                        """
                        Opdracht aan de vier preventiepartners voor het overgangsjaar 2021. Het bedrag is het \
                        totale structurele budget uit het kostenoverzicht sociaal team 2020. Daarvan begroten en \
                        verantwoorden de partners hun eigen budgetten (samen € 3.029.473); het gemeentelijk \
                        personeel en de overige budgetten (ICT, huisvesting, inleen) verantwoordt de gemeente \
                        zelf. De € 96.425 voor Solis komt voor rekening van de zorgverzekeraar.
                        Tijdens de overgangssituatie blijft de subsidie voor de partners gelijk; zij leveren in \
                        deze periode om niet personeel voor de toegangstaken.""",
                        LocalDate.parse("2022-05-01"),
                        ACCOUNTANT_THRESHOLD_CENTS,
                        VARIANCE_THRESHOLD_PCT,
                        null));
        UUID s = subsidy.id();

        // Raster (€ 1.209.505), penvoerder: two vacancies kept its loonkosten below budget.
        budget(
                s,
                d.raster(),
                "Loonkosten",
                1_088_554,
                1_021_566L,
                "Twee vacatures voor opbouwwerk waren tot na de zomer niet vervuld: gemiddeld 6,10 in plaats van"
                        + " 6,50 fte ingezet. Het niet bestede deel wordt bij de vaststelling van de subsidie met"
                        + " gemeente Deventer verrekend.");
        budget(s, d.raster(), "Opleiding en ontwikkeling", 24_190, 23_410L, null);
        budget(s, d.raster(), "Overige kosten", 96_761, 99_120L, null);
        fte(s, d.raster(), "Opbouwwerker (samenlevingsopbouw)", "6.50", "6.10");
        // De Kern (€ 743.955): realised within 5 % on every line.
        budget(s, d.deKern(), "Loonkosten", 669_559, 676_240L, null);
        budget(s, d.deKern(), "Opleiding en ontwikkeling", 14_879, 15_300L, null);
        budget(s, d.deKern(), "Overige kosten", 59_517, 57_980L, null);
        fte(s, d.deKern(), "Maatschappelijk werker", "4.96", "4.96");
        // MEE IJsseloevers (€ 979.588): realised within 5 % as well.
        budget(s, d.mee(), "Loonkosten", 881_629, 872_950L, null);
        budget(s, d.mee(), "Opleiding en ontwikkeling", 19_591, 18_720L, null);
        budget(s, d.mee(), "Overige kosten", 78_368, 80_150L, null);
        fte(s, d.mee(), "Onafhankelijk cliëntondersteuner", "4.95", "4.95");
        // Solis (€ 96.425, paid by the health insurer, not the municipality): one line, not realised yet.
        budget(s, d.solis(), "Loonkosten wijkverpleging (Tactus/RIBW)", 96_425, null, null);
        fte(s, d.solis(), "Wijkverpleegkundige", "4.00", null);

        // The five levels of prevention, each with the partner whose specialism it is.
        String normaleLeven = "1. Het normale leven versterken; benutten van potentie";
        indicator(
                s,
                d.raster(),
                normaleLeven,
                "Ondersteunde bewonersinitiatieven",
                "aantal",
                "60",
                "11",
                "16",
                "Plan: 15 per kwartaal. Check: het eerste kwartaal bleef achter door de coronamaatregelen, het"
                        + " tweede lag weer op schema. Act: initiatieven die zijn blijven liggen actief opnieuw"
                        + " benaderen.");
        indicator(
                s,
                d.raster(),
                normaleLeven,
                "Wijken met een actuele buurtanalyse (cumulatief)",
                "van 9 wijken",
                "9",
                "3",
                "6",
                "Plan: alle negen wijken voor het einde van het jaar. Check: op schema. Act: de analyses delen met"
                        + " Team Toegang en de wijkmanagers.");
        String netwerken = "2. Versterken van netwerken";
        indicator(
                s,
                d.raster(),
                netwerken,
                "Inwoners gekoppeld aan een vrijwilliger of buurtgenoot",
                "aantal",
                "200",
                "41",
                "52",
                "Plan: 50 per kwartaal. Check: op schema sinds het tweede kwartaal. Act: geen bijsturing nodig.");
        indicator(
                s,
                d.raster(),
                netwerken,
                "Actieve vrijwilligers (stand einde kwartaal)",
                "aantal",
                "150",
                "128",
                "141",
                "Plan: groei naar 150. Check: groei vooral in de wijken met een buurtanalyse. Act: werving richten op"
                        + " de overige wijken.");
        String belemmeringen = "3. Wegnemen van belemmeringen";
        indicator(
                s,
                d.deKern(),
                belemmeringen,
                "Inwoners bereikt via vroegsignalering schulden",
                "aantal",
                "240",
                "48",
                "67",
                "Plan: 60 per kwartaal. Check: het eerste kwartaal bleef achter, het tweede haalde in. Act: de"
                        + " signalen van woningcorporaties en energieleveranciers wekelijks bespreken.");
        indicator(
                s,
                d.deKern(),
                belemmeringen,
                "Maatschappelijke belemmeringen geagendeerd bij gemeente of partners",
                "aantal",
                "8",
                "1",
                "3",
                "Plan: twee per kwartaal. Check: onder andere vervoer in het buitengebied geagendeerd. Act: thema's"
                        + " uit de casuïstiek vast op de agenda van de projectgroep.");
        String acceptatie = "4. Meewerken richting inzicht en acceptatie";
        indicator(
                s,
                d.mee(),
                acceptatie,
                "Inwoners met onafhankelijke cliëntondersteuning",
                "aantal",
                "400",
                "93",
                "108",
                "Plan: 100 per kwartaal. Check: op schema. Act: geen bijsturing nodig.");
        indicator(
                s,
                d.mee(),
                acceptatie,
                "Trajecten inzicht en acceptatie afgerond (bijvoorbeeld na een diagnose of bij rouw)",
                "aantal",
                "120",
                "24",
                "31",
                "Plan: 30 per kwartaal. Check: de instroom via huisartsen komt op gang. Act: de afspraken met de"
                        + " huisartsen in twee wijken uitbreiden naar alle wijken.");
        String herstel = "5. Meewerken aan herstel";
        indicator(
                s,
                d.solis(),
                herstel,
                "Inwoners met een psychische kwetsbaarheid nabij begeleid zonder indicatie",
                "aantal",
                "60",
                "13",
                "17",
                "Plan: 15 per kwartaal. Check: op schema. Act: de samenwerking met Tactus en RIBW voortzetten.");
        indicator(
                s,
                d.solis(),
                herstel,
                "Terugval naar een maatwerkvoorziening binnen zes maanden",
                "%",
                "15",
                "12",
                "11",
                "Plan: de streefwaarde is een maximum. Check: onder het maximum. Act: geen bijsturing nodig.");

        // The plan's milestones and risks are the joint plan's; the penvoerder keeps them.
        Partner p = d.raster();
        done(s, p, "Overdracht caseload", "2021-02-01", "2021-01-29", "");
        done(
                s,
                p,
                "Concretisering opdracht: uitwerking ambitie",
                "2021-03-05",
                "2021-03-04",
                "Na de dialoogsessie van 2 februari getoetst in de stuurgroep.");
        done(s, p, "Randvoorwaarden samenspel uitgewerkt", "2021-03-31", "2021-03-30", "");
        done(
                s,
                p,
                "Prestatie-indicatoren vanuit ontvlechting uitgewerkt",
                "2021-03-31",
                "2021-03-31",
                "Per niveau van preventie; zie de indicatoren.");
        done(
                s,
                p,
                "Communicatieplan opstellen",
                "2021-03-31",
                "2021-04-20",
                "Later dan gepland (het plan van aanpak noemde 31 maart 'indien mogelijk'); vastgesteld in de"
                        + " stuurgroep.");
        done(s, p, "Einde stuurgroep ontvlechting", "2021-03-31", "2021-03-31", "");
        done(s, p, "Leer- en ontwikkelprogramma", "2021-05-01", "2021-04-28", "");
        done(
                s,
                p,
                "Besluitvorming formatie en huisvesting 2022",
                "2021-07-01",
                "2021-06-29",
                "Na het collegebesluit over de structurele formatie; afspraken met de partners voor 1 juli.");
        accountability.saveMilestone(
                p.representative(),
                s,
                null,
                new Figures.MilestoneRequest(
                        p.member(),
                        "Uitwerking effectiviteitsmeting",
                        LocalDate.parse("2021-07-01"),
                        Figures.MilestoneStatus.DROPPED,
                        null,
                        "Niet voor 1 juli gereed; de stuurgroep heeft de uitwerking, met het managementinformatiesysteem"
                                + " preventie, overgeheveld naar het jaarplan 2022.",
                        null));
        done(
                s,
                p,
                "Samenwerking preventiepartners: governance structuur",
                "2021-07-01",
                "2021-06-24",
                "Opgesteld in twee sessies in het tweede kwartaal.");

        risk(
                s,
                p,
                "Dienstverlening is niet conform verwachting",
                "Onvoldoende capaciteit beschikbaar",
                "Prioriteren en tijdig benoemen van knelpunten in de stuurgroep",
                "Stuurgroep",
                Figures.RiskStatus.OPEN);
        risk(
                s,
                p,
                "Samenwerking is gespannen",
                "Knelpunten in het verwachtingsmanagement tussen gemeente en preventiepartners",
                "In het eerste kwartaal duidelijk communiceren welke resultaten verwacht kunnen worden",
                "Projectleider",
                Figures.RiskStatus.MITIGATED);
        risk(
                s,
                p,
                "Besluitvorming tussen de preventiepartners is onduidelijk",
                "Onvoldoende communicatie in besluitvormingsprocessen",
                "Duidelijke afspraken over de governance structuur preventie",
                "Stuurgroep",
                Figures.RiskStatus.CLOSED);
        return subsidy;
    }

    /**
     * The current year. A coöperatie is a legal person and holds its opdracht itself, so the scope has no
     * penvoerder. The amount is illustrative (the founding plan gives none; its financial paragraph was to
     * follow with the implementatieplan) and no budget lines are entered yet. The indicators are the
     * plan's (intended effect → indicator), with an actual for every quarter already over.
     */
    Subsidy woudenberg(Woudenberg w) {
        LocalDate today = MeetingTime.day(clock.instant());
        int year = today.getYear();
        Subsidy subsidy = accountability.create(
                w.opdrachtgever(),
                new Subsidy.Request(
                        year,
                        "Opdracht De Kleine Schans " + year,
                        "Toegang en preventie sociaal domein",
                        "Gemeente Woudenberg",
                        null,
                        euros(850_000),
                        LocalDate.of(year, 1, 1),
                        LocalDate.of(year, 12, 31),
                        """
                        Opdracht aan de coöperatie voor de toegang in het sociaal domein (Jeugdwet, Wmo, \
                        Participatiewet, Leerplichtwet), preventie, informatie en advies. De coöperatie houdt de \
                        opdracht zelf; er is geen penvoerder. Verantwoording over rechtmatigheid, doelmatigheid en \
                        doeltreffendheid met de indicatoren uit het plan van aanpak.""",
                        LocalDate.of(year + 1, 5, 1),
                        ACCOUNTANT_THRESHOLD_CENTS,
                        VARIANCE_THRESHOLD_PCT,
                        null));
        UUID s = subsidy.id();
        Quarters q = new Quarters(year, today);

        String nood = "Lenigen nood";
        q.indicator(
                s,
                w.gemeente(),
                nood,
                "Doorlooptijd melding tot afronding onderzoek",
                "dagen (gemiddeld)",
                "42",
                new String[] {"39", "44", "40", "38"},
                "Plan: binnen de onderzoekstermijn van zes weken (Wmo). Check: boven de norm in een kwartaal met"
                        + " vakantie en ziekte. Act: piekinzet uit de poule van de coöperatie.");
        q.indicator(
                s,
                w.mee(),
                nood,
                "Wachtlijst cliëntondersteuning (langer dan twee weken)",
                "inwoners",
                "0",
                new String[] {"2", "4", "1", "0"},
                "Plan: geen wachtenden. Check: korte wachttijd bij uitval van een cliëntondersteuner. Act: vervanging"
                        + " binnen een week regelen.");
        String zelfredzaamheid = "Verhogen van zelfredzaamheid";
        q.indicator(
                s,
                w.mee(),
                zelfredzaamheid,
                "Afschalen: trajecten afgesloten zonder vervolg in maatwerk",
                "%",
                "60",
                new String[] {"54", "57", "61", "62"},
                "Plan: 60 %. Check: stijgend. Act: afschalen vast bespreken in het teamoverleg.");
        q.indicator(
                s,
                w.mee(),
                zelfredzaamheid,
                "Recidive: nieuwe hulpvraag binnen twaalf maanden na afsluiting",
                "%",
                "15",
                new String[] {"18", "16", "14", "14"},
                "Plan: de streefwaarde is een maximum. Check: dalend. Act: nazorggesprek na drie maanden.");
        String maatwerk = "Maatwerk naar wijk/individu";
        q.indicator(
                s,
                w.mee(),
                maatwerk,
                "Cliënttevredenheid",
                "rapportcijfer",
                "7.5",
                new String[] {"7.6", "7.9", "7.7", "7.8"},
                "Plan: ten minste een 7,5. Check: boven de norm. Act: geen bijsturing nodig.");
        q.indicator(
                s,
                w.gemeente(),
                maatwerk,
                "Match team – workload per wijk/dorp",
                "% wijken binnen caseloadnorm",
                "100",
                new String[] {"75", "75", "100", "100"},
                "Plan: in elke wijk en kern past de inzet bij de vraag. Check: één wijk vroeg meer inzet dan gepland."
                        + " Act: inzet verschoven na besluit van het projectteam.");
        String specialistisch = "Verlagen beroep op specialistische zorg";
        q.indicator(
                s,
                w.gemeente(),
                specialistisch,
                "Doorverwijzingen naar specialistische jeugdhulp en Wmo-maatwerk",
                "aantal",
                "160",
                new String[] {"44", "37", "35", "36"},
                "Plan: ten hoogste 40 per kwartaal. Check: dalend. Act: casusoverleg voor elke doorverwijzing"
                        + " voortzetten.");
        q.indicator(
                s,
                w.mee(),
                specialistisch,
                "Substitutie: vragen opgelost door De Kleine Schans zelf",
                "%",
                "70",
                new String[] {"66", "69", "72", "71"},
                "Plan: 70 %. Check: rond de norm. Act: expertise van Youké vaker in het team inzetten.");
        String budget = "Binnen afgesproken budgetten";
        q.indicator(
                s,
                w.gemeente(),
                budget,
                "Signalering over- en onderproductie (afwijking van de productieafspraak)",
                "%",
                "5",
                new String[] {"2.1", "4.3", "6.2", "4.8"},
                "Plan: de streefwaarde is een maximum. Check: per kwartaal in de stuurgroep. Act: bij een afwijking"
                        + " boven 5 % bespreekt de stuurgroep de bijsturing.");
        q.indicator(
                s,
                w.gemeente(),
                budget,
                "Uitputting budget maatwerkvoorzieningen (cumulatief)",
                "%",
                "100",
                new String[] {"24", "49", "76", "100"},
                "Plan: gelijkmatige uitputting over het jaar. Check: op schema. Act: geen bijsturing nodig.");
        return subsidy;
    }

    /** Quarterly actuals of the current year: only for quarters that are over. */
    private final class Quarters {

        private final int year;
        private final LocalDate today;

        Quarters(int year, LocalDate today) {
            this.year = year;
            this.today = today;
        }

        private BigDecimal actual(int quarter, String value) {
            LocalDate after = LocalDate.of(year, 1, 1).plusMonths(3L * quarter);
            return today.isBefore(after) ? null : new BigDecimal(value);
        }

        void indicator(
                UUID subsidy,
                Partner p,
                String group,
                String name,
                String unit,
                String target,
                String[] actuals,
                String pdcaNote) {
            accountability.saveIndicator(
                    p.representative(),
                    subsidy,
                    null,
                    new Figures.IndicatorRequest(
                            p.member(),
                            group,
                            name,
                            unit,
                            new BigDecimal(target),
                            actual(1, actuals[0]),
                            actual(2, actuals[1]),
                            actual(3, actuals[2]),
                            actual(4, actuals[3]),
                            pdcaNote,
                            null));
        }
    }

    private void budget(UUID subsidy, Partner p, String category, long euros, Long realisedEuros, String explanation) {
        accountability.saveBudgetLine(
                p.representative(),
                subsidy,
                null,
                new Figures.BudgetLineRequest(
                        p.member(),
                        category,
                        euros(euros),
                        realisedEuros == null ? null : euros(realisedEuros),
                        explanation,
                        null));
    }

    private void fte(UUID subsidy, Partner p, String function, String planned, String realised) {
        accountability.saveFteLine(
                p.representative(),
                subsidy,
                null,
                new Figures.FteLineRequest(
                        p.member(),
                        function,
                        new BigDecimal(planned),
                        realised == null ? null : new BigDecimal(realised),
                        null));
    }

    /** An indicator of 2021 with its first two quarters' actuals. */
    private void indicator(
            UUID subsidy,
            Partner p,
            String group,
            String name,
            String unit,
            String target,
            String q1,
            String q2,
            String pdcaNote) {
        accountability.saveIndicator(
                p.representative(),
                subsidy,
                null,
                new Figures.IndicatorRequest(
                        p.member(),
                        group,
                        name,
                        unit,
                        new BigDecimal(target),
                        new BigDecimal(q1),
                        new BigDecimal(q2),
                        null,
                        null,
                        pdcaNote,
                        null));
    }

    private void done(UUID subsidy, Partner p, String title, String due, String doneOn, String note) {
        accountability.saveMilestone(
                p.representative(),
                subsidy,
                null,
                new Figures.MilestoneRequest(
                        p.member(),
                        title,
                        LocalDate.parse(due),
                        Figures.MilestoneStatus.DONE,
                        LocalDate.parse(doneOn),
                        note,
                        null));
    }

    private void risk(
            UUID subsidy,
            Partner p,
            String risk,
            String cause,
            String mitigation,
            String owner,
            Figures.RiskStatus status) {
        accountability.saveRisk(
                p.representative(),
                subsidy,
                null,
                new Figures.RiskRequest(p.member(), risk, cause, mitigation, owner, status, null));
    }

    private static long euros(long euros) {
        return euros * 100;
    }
}
