package nl.samenspel.governance.demo;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.samenspel.governance.meeting.MeetingTime;
import nl.samenspel.governance.tenancy.CoalitionAccess;
import nl.samenspel.governance.traject.CommunicationMoment;
import nl.samenspel.governance.traject.CommunicationService;
import nl.samenspel.governance.traject.Stakeholder;
import nl.samenspel.governance.traject.Traject;
import nl.samenspel.governance.traject.TrajectService;

/**
 * The demo coalitions' krachtenveld and communication moments, entered by the secretary through the
 * service. The parties are the ones the plans name (gemeenteraad, college, cliëntenraden, medewerkers,
 * huisartsen, wijkteams, inwoners). Deventer's moments belong to its 2021 plan and are all done, one for
 * the milestone "Communicatieplan opstellen"; Woudenberg's, around the founding, are relative to today:
 * one done, one overdue, two to come.
 */
@Singleton
class DemoCommunication {

    private final CommunicationService communication;
    private final TrajectService trajects;
    private final Clock clock;

    DemoCommunication(CommunicationService communication, TrajectService trajects, Clock clock) {
        this.communication = communication;
        this.trajects = trajects;
        this.clock = clock;
    }

    void deventer(CoalitionAccess secretary) {
        Map<String, UUID> s = stakeholders(
                secretary,
                List.of(
                        party(
                                "Gemeenteraad Deventer",
                                "Gemeente Deventer",
                                "Zicht op resultaat en kosten van de" + " opdracht preventie.",
                                "HIGH",
                                "MEDIUM"),
                        party(
                                "College van B&W",
                                "Gemeente Deventer, opdrachtgever",
                                "Een werkende scheiding tussen" + " toegang en preventie.",
                                "HIGH",
                                "HIGH"),
                        party(
                                "Medewerkers van de partners",
                                "Raster, De Kern, MEE, Solis",
                                "Duidelijkheid over" + " werk, plek en team.",
                                "LOW",
                                "HIGH"),
                        party(
                                "Huisartsen",
                                "Huisartsen en praktijkondersteuners in de wijken",
                                "Een vast" + " aanspreekpunt voor preventie.",
                                "MEDIUM",
                                "MEDIUM"),
                        party(
                                "Sociale wijkteams",
                                "Toegang, WijDeventer",
                                "Goede aansluiting tussen toegang en" + " preventie.",
                                "MEDIUM",
                                "HIGH"),
                        party(
                                "Inwoners",
                                "Inwoners van Deventer",
                                "Hulp dichtbij, zonder loketten.",
                                "LOW",
                                "MEDIUM")));
        Traject plan = trajects.list(secretary).get(0);
        UUID communicatieplan = plan.milestones().stream()
                .filter(m -> m.title().equals("Communicatieplan opstellen"))
                .map(Traject.Milestone::milestoneId)
                .findFirst()
                .orElse(null);
        done(
                secretary,
                plan.id(),
                moment(
                        List.of(s.get("Medewerkers van de partners")),
                        null,
                        "Start van het overgangsjaar: samen werken als één organisatie",
                        "NIEUWSBRIEF",
                        LocalDate.parse("2021-01-11"),
                        "Projectgroep"),
                LocalDate.parse("2021-01-11"));
        done(
                secretary,
                plan.id(),
                moment(
                        List.of(s.get("College van B&W"), s.get("Gemeenteraad Deventer")),
                        communicatieplan,
                        "Communicatieplan delen met gemeente en partners",
                        "OVERLEG",
                        LocalDate.parse("2021-10-01"),
                        "Stuurgroep"),
                LocalDate.parse("2021-10-14"));
        done(
                secretary,
                plan.id(),
                moment(
                        List.of(s.get("Huisartsen"), s.get("Sociale wijkteams")),
                        null,
                        "Wie is in welke wijk het aanspreekpunt voor preventie",
                        "PERSOONLIJK_GESPREK",
                        LocalDate.parse("2021-11-15"),
                        "De Kern"),
                LocalDate.parse("2021-11-25"));
    }

    void woudenberg(CoalitionAccess secretary) {
        LocalDate today = MeetingTime.day(clock.instant());
        Map<String, UUID> s = stakeholders(
                secretary,
                List.of(
                        party(
                                "Gemeenteraad Woudenberg",
                                "Gemeente Woudenberg",
                                "Wensen en bedenkingen bij de" + " oprichting van de coöperatie.",
                                "HIGH",
                                "MEDIUM"),
                        party(
                                "College van B&W",
                                "Gemeente Woudenberg",
                                "Een toegang die het sociaal domein" + " uitvoert binnen budget.",
                                "HIGH",
                                "HIGH"),
                        party(
                                "Cliëntenraden",
                                "Adviesraad sociaal domein en cliëntenraden van MEE en Youké",
                                "Goede en bereikbare ondersteuning voor inwoners.",
                                "MEDIUM",
                                "HIGH"),
                        party(
                                "Medewerkers MEE en Youké",
                                "De medewerkers die naar de coöperatie gaan",
                                "Zekerheid" + " over rechtspositie en werkplek.",
                                "LOW",
                                "HIGH"),
                        party("Inwoners", "Inwoners van Woudenberg", "Weten waar ze terecht kunnen.", "LOW", "LOW")));
        UUID founding = trajects.list(secretary).get(0).id();
        done(
                secretary,
                founding,
                moment(
                        List.of(s.get("Medewerkers MEE en Youké")),
                        null,
                        "Wat de oprichting voor uw werk betekent",
                        "OVERLEG",
                        today.minusDays(20),
                        "MEE"),
                today.minusDays(19));
        communication.createMoment(
                secretary,
                founding,
                moment(
                        List.of(s.get("Cliëntenraden")),
                        null,
                        "Adviesaanvraag over de uitvoeringsagenda",
                        "BRIEF",
                        today.minusDays(4),
                        "Stuurgroep oprichting"));
        communication.createMoment(
                secretary,
                founding,
                moment(
                        List.of(s.get("Gemeenteraad Woudenberg"), s.get("College van B&W")),
                        null,
                        "Voortgang stap 5: de coöperatie ingericht",
                        "OVERLEG",
                        today.plusDays(10),
                        "Gemeente Woudenberg"));
        communication.createMoment(
                secretary,
                founding,
                moment(
                        List.of(s.get("Inwoners")),
                        null,
                        "De Kleine Schans: waar u terecht kunt",
                        "WEBSITE",
                        today.plusDays(30),
                        "Youké"));
    }

    private Map<String, UUID> stakeholders(CoalitionAccess secretary, List<Stakeholder.Request> parties) {
        return parties.stream()
                .map(p -> communication.createStakeholder(secretary, p))
                .collect(Collectors.toMap(Stakeholder::name, Stakeholder::id));
    }

    private void done(CoalitionAccess secretary, UUID traject, CommunicationMoment.Request r, LocalDate on) {
        CommunicationMoment m = communication.createMoment(secretary, traject, r);
        communication.markDone(secretary, traject, m.id(), new CommunicationMoment.DoneRequest(on, m.version()));
    }

    private static Stakeholder.Request party(
            String name, String description, String interest, String influence, String interestLevel) {
        return new Stakeholder.Request(name, description, interest, influence, interestLevel, null);
    }

    private static CommunicationMoment.Request moment(
            List<UUID> audience, UUID milestone, String message, String channel, LocalDate on, String responsible) {
        return new CommunicationMoment.Request(audience, milestone, message, channel, on.toString(), responsible, null);
    }
}
