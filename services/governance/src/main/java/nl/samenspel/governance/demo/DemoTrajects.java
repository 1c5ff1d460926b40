package nl.samenspel.governance.demo;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.samenspel.governance.accountability.AccountabilityService;
import nl.samenspel.governance.accountability.Figures;
import nl.samenspel.governance.meeting.MeetingTime;
import nl.samenspel.governance.tenancy.CoalitionAccess;
import nl.samenspel.governance.traject.CaseFile;
import nl.samenspel.governance.traject.CaseFileService;
import nl.samenspel.governance.traject.Traject;
import nl.samenspel.governance.traject.TrajectService;

/**
 * The demo coalitions' trajects, entered by the secretary through the service.
 *
 * <p>Deventer's is the plan van aanpak of January 2021 with its five lines as phases and the plan's
 * milestones (DemoAccountability) linked to the line they belong to; the plan gives no dates per line,
 * so each line runs from 1 January to its last milestone (Dichtbij, which implements the communication
 * plan, to the end of the year), and the lines' actual dates are the demo's. Woudenberg's is the
 * founding plan of De Kleine Schans (2017) with its five steps and their planned days, moved by whole
 * days so that today falls in step 5, as the rest of the Woudenberg demo has it (draft statutes, the
 * ALV to come); its actual dates are the demo's.
 *
 * <p>Each traject's case file holds the coalition's two oldest documents, decisions and meetings of the
 * demo: decisions public and kept permanently, the rest internal and kept ten years.
 */
@Singleton
class DemoTrajects {

    private final TrajectService trajects;
    private final AccountabilityService accountability;
    private final CaseFileService caseFiles;
    private final Clock clock;

    DemoTrajects(
            TrajectService trajects, AccountabilityService accountability, CaseFileService caseFiles, Clock clock) {
        this.trajects = trajects;
        this.accountability = accountability;
        this.caseFiles = caseFiles;
        this.clock = clock;
    }

    void deventer(CoalitionAccess secretary, UUID projectgroep, UUID subsidy) {
        Traject t = trajects.create(
                secretary,
                new Traject.Request(
                        "Van preventie naar potentie 2021",
                        """
                        Plan van aanpak van de vier preventiepartners voor het overgangsjaar 2021: samen werken als \
                        één organisatie, ontschot, op vijf lijnen. De projectgroep werkt de lijnen uit en \
                        rapporteert aan de stuurgroep.""",
                        projectgroep,
                        List.of(
                                phase(
                                        "Ontschot werken",
                                        "Organisatie inrichten; uitwerking ambitie verdeling tussen toegang en preventie.",
                                        "2021-01-01",
                                        "2021-07-01",
                                        "2021-01-04",
                                        "2021-06-29"),
                                phase(
                                        "Dichtbij",
                                        "Communicatieplan opstellen en implementeren.",
                                        "2021-01-01",
                                        "2021-12-31",
                                        "2021-01-04",
                                        "2021-12-17"),
                                phase(
                                        "Samen opleiden",
                                        "Leer- en ontwikkelprogramma opstellen en starten.",
                                        "2021-01-01",
                                        "2021-05-01",
                                        "2021-01-04",
                                        "2021-04-28"),
                                phase(
                                        "Effectiviteitsmeting",
                                        "Plan van aanpak opstellen; ambitie uitwerken. De uitwerking is overgeheveld naar"
                                                + " het jaarplan 2022.",
                                        "2021-01-01",
                                        "2021-07-01",
                                        "2021-01-04",
                                        null),
                                phase(
                                        "Samenwerking",
                                        "Samenwerking met gemeente, andere aanbieders en maatschappelijke partners, op"
                                                + " bestuurlijk, management- en uitvoerend niveau.",
                                        "2021-01-01",
                                        "2021-07-01",
                                        "2021-01-04",
                                        "2021-07-06")),
                        null));
        Map<String, UUID> lines = t.phases().stream().collect(Collectors.toMap(Traject.Phase::name, Traject.Phase::id));
        Map<String, String> lineOf = Map.of(
                "Overdracht caseload", "Ontschot werken",
                "Concretisering opdracht: uitwerking ambitie", "Ontschot werken",
                "Einde stuurgroep ontvlechting", "Ontschot werken",
                "Besluitvorming formatie en huisvesting 2022", "Ontschot werken",
                "Communicatieplan opstellen", "Dichtbij",
                "Leer- en ontwikkelprogramma", "Samen opleiden",
                "Prestatie-indicatoren vanuit ontvlechting uitgewerkt", "Effectiviteitsmeting",
                "Uitwerking effectiviteitsmeting", "Effectiviteitsmeting",
                "Randvoorwaarden samenspel uitgewerkt", "Samenwerking",
                "Samenwerking preventiepartners: governance structuur", "Samenwerking");
        for (Figures.Milestone m :
                accountability.figures(secretary, subsidy, null).milestones()) {
            String line = lineOf.get(m.title());
            trajects.linkMilestone(
                    secretary, t.id(), new Traject.MilestoneLinkRequest(m.id(), line == null ? null : lines.get(line)));
        }
        caseFile(secretary, t.id());
    }

    void woudenberg(CoalitionAccess secretary, UUID stuurgroep) {
        LocalDate today = MeetingTime.day(clock.instant());
        // Today is thirty days into step 5 ("30-05" in the plan).
        long shift = ChronoUnit.DAYS.between(LocalDate.parse("2017-05-30"), today.minusDays(30));
        Traject t = trajects.create(
                secretary,
                new Traject.Request(
                        "Oprichting coöperatie De Kleine Schans",
                        """
                        Plan van aanpak van gemeente Woudenberg, MEE en Youké voor het oprichten van een \
                        coöperatie die de toegang in het sociaal domein uitvoert, in vijf stappen. Na elke stap \
                        rapporteert de stuurgroep de voortgang aan het college van B&W.""",
                        stuurgroep,
                        List.of(
                                shifted(
                                        shift,
                                        "Plan van aanpak",
                                        "Kennismaking projectleider, gemeente, MEE, Youké en extern adviseur; opzetten"
                                                + " van de ontwikkeltafels. Resultaat: uitgewerkt plan van aanpak.",
                                        "2017-01-16",
                                        "2017-03-01",
                                        "2017-01-16",
                                        "2017-03-01"),
                                shifted(
                                        shift,
                                        "Opstellen uitvoeringsagenda",
                                        "Brede netwerkbijeenkomst; ontwikkeltafels organisatieontwerp en governance."
                                                + " Resultaat: eerste opzet uitvoeringsagenda.",
                                        "2017-03-01",
                                        "2017-04-03",
                                        "2017-03-01",
                                        "2017-04-10"),
                                shifted(
                                        shift,
                                        "Uitwerken uitvoeringsagenda",
                                        "Uitwerking huiswerk, een eigenaar per deelresultaat. Resultaat: concrete"
                                                + " uitvoeringsagenda.",
                                        "2017-04-03",
                                        "2017-04-18",
                                        "2017-04-10",
                                        "2017-04-25"),
                                shifted(
                                        shift,
                                        "Implementatieplan",
                                        "Opstellen door de projectorganisatie. Resultaat: implementatieplan voor de"
                                                + " besluitvorming.",
                                        "2017-04-10",
                                        "2017-05-25",
                                        "2017-04-18",
                                        "2017-05-29"),
                                shifted(
                                        shift,
                                        "Implementatie coöperatie",
                                        "Uitvoeren implementatieplan door de kwartiermaker; juridische stappen voor de"
                                                + " oprichting. Resultaat: de coöperatie is opgericht en ingericht.",
                                        "2017-05-30",
                                        "2017-09-04",
                                        "2017-05-30",
                                        null)),
                        null));
        caseFile(secretary, t.id());
    }

    private void caseFile(CoalitionAccess secretary, UUID traject) {
        List<CaseFile.Candidate> candidates = caseFiles.candidates(secretary, traject);
        for (CaseFile.Kind kind : List.of(CaseFile.Kind.DOCUMENT, CaseFile.Kind.DECISION, CaseFile.Kind.MEETING)) {
            List<CaseFile.Candidate> oldest = candidates.stream()
                    .filter(c -> c.kind() == kind)
                    .sorted(java.util.Comparator.comparing(CaseFile.Candidate::date))
                    .limit(2)
                    .toList();
            for (CaseFile.Candidate c : oldest) {
                boolean decision = kind == CaseFile.Kind.DECISION;
                caseFiles.add(
                        secretary,
                        traject,
                        new CaseFile.EntryRequest(
                                kind,
                                c.refId(),
                                decision ? CaseFile.Classification.OPENBAAR : CaseFile.Classification.INTERN,
                                decision ? null : 10));
            }
        }
    }

    private static Traject.PhaseRequest phase(
            String name, String description, String start, String end, String actualStart, String actualEnd) {
        return new Traject.PhaseRequest(
                name,
                description,
                LocalDate.parse(start),
                LocalDate.parse(end),
                actualStart == null ? null : LocalDate.parse(actualStart),
                actualEnd == null ? null : LocalDate.parse(actualEnd),
                null);
    }

    private static Traject.PhaseRequest shifted(
            long days,
            String name,
            String description,
            String start,
            String end,
            String actualStart,
            String actualEnd) {
        Traject.PhaseRequest p = phase(name, description, start, end, actualStart, actualEnd);
        return new Traject.PhaseRequest(
                p.name(),
                p.description(),
                p.plannedStart().plusDays(days),
                p.plannedEnd().plusDays(days),
                p.actualStart() == null ? null : p.actualStart().plusDays(days),
                p.actualEnd() == null ? null : p.actualEnd().plusDays(days),
                null);
    }
}
