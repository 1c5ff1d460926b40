package nl.samenspel.governance.traject;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import nl.samenspel.governance.coalition.CoalitionResponse;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.identity.Account;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The communication calendar through the API: the krachtenveld's stakeholders, a traject's moments with
 * their audience and overdue flag, marking one done, the coalition's calendar feed; bad input is refused
 * at the field, a stale version is 409, and another coalition sees nothing (404).
 */
@MicronautTest(transactional = false)
class CommunicationApiTest implements DatabaseTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Amsterdam"));

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    Api api;
    CoalitionResponse coalition;
    String base;
    String secretary;
    String observer;
    String outsider;
    String outsiderBase;
    String traject;
    String member;
    String subsidy;

    @BeforeAll
    void setUp() {
        api = new Api(server);
        coalition = fixtures.coalition("communicatie", LegalForm.SAMENWERKINGSVERBAND);
        base = "/api/v1/coalitions/" + coalition.slug();
        secretary = login(fixtures.member(coalition, "secretaris", CoalitionRole.SECRETARY));
        observer = login(fixtures.member(coalition, "waarnemer", CoalitionRole.OBSERVER));
        CoalitionResponse other = fixtures.coalition("communicatie-ander", LegalForm.COOPERATIE_UA);
        outsider = login(fixtures.member(other, "secretaris-ander", CoalitionRole.SECRETARY));
        outsiderBase = "/api/v1/coalitions/" + other.slug();
        String body =
                api.get(base + "/bodies", secretary).json().get(0).get("id").asText();
        Api.Response t = api.post(
                base + "/trajects",
                secretary,
                Map.of("title", "Oprichting " + Fixtures.unique("t"), "ownerBodyId", body));
        assertThat(t.status()).as(t.toString()).isEqualTo(201);
        traject = t.json().get("id").asText();
        member = api.post(
                        base + "/members",
                        secretary,
                        Map.of("name", "Raster " + Fixtures.unique("m"), "kind", "WELZIJN", "joinedOn", "2021-01-01"))
                .json()
                .get("id")
                .asText();
        Map<String, Object> s = new HashMap<>(Map.of(
                "year",
                TODAY.getYear(),
                "title",
                "Opdracht " + TODAY.getYear(),
                "scope",
                "Opdracht " + TODAY.getYear(),
                "grantor",
                "Gemeente Deventer",
                "amountCents",
                100L,
                "periodFrom",
                TODAY.getYear() + "-01-01",
                "periodUntil",
                TODAY.getYear() + "-12-31",
                "verantwoordingDue",
                (TODAY.getYear() + 1) + "-05-01",
                "accountantThresholdCents",
                100L,
                "varianceThresholdPct",
                "5.00"));
        Api.Response created = api.post(base + "/subsidies", secretary, s);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        subsidy = created.json().get("id").asText();
    }

    private String login(Account account) {
        return api.login(account.email(), Fixtures.PASSWORD);
    }

    private String moments() {
        return base + "/trajects/" + traject + "/communication-moments";
    }

    private JsonNode stakeholder(String name, String influence, String interestLevel) {
        Api.Response r = api.post(
                base + "/stakeholders",
                secretary,
                Map.of(
                        "name", name,
                        "description", "Gemeente",
                        "interest", "Grip op de uitvoering",
                        "influence", influence,
                        "interestLevel", interestLevel));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    private static Map<String, Object> moment(List<String> audience, String message, LocalDate on) {
        return new HashMap<>(Map.of(
                "stakeholderIds",
                audience,
                "message",
                message,
                "channel",
                "NIEUWSBRIEF",
                "plannedOn",
                on.toString(),
                "responsible",
                "Projectleider"));
    }

    private JsonNode plan(Map<String, Object> moment) {
        Api.Response r = api.post(moments(), secretary, moment);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    @Test
    void theSecretaryKeepsTheKrachtenveldAndEveryoneReadsIt() {
        JsonNode raad = stakeholder("Gemeenteraad " + Fixtures.unique("s"), "HIGH", "MEDIUM");
        assertThat(raad.get("quadrant").asText()).isEqualTo("MANAGE_CLOSELY");
        assertThat(raad.get("interest").asText()).isEqualTo("Grip op de uitvoering");
        assertThat(raad.get("version").asInt()).isZero();
        String id = raad.get("id").asText();

        Api.Response changed = api.put(
                base + "/stakeholders/" + id,
                secretary,
                Map.of(
                        "name", raad.get("name").asText(),
                        "interest", "Wensen en bedenkingen",
                        "influence", "HIGH",
                        "interestLevel", "LOW",
                        "version", 0));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("quadrant").asText()).isEqualTo("KEEP_SATISFIED");
        assertThat(changed.json().get("version").asInt()).isEqualTo(1);
        Api.Response stale = api.put(
                base + "/stakeholders/" + id,
                secretary,
                Map.of("name", "Raad", "influence", "LOW", "interestLevel", "LOW", "version", 0));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("conflict.version");

        JsonNode list = api.get(base + "/stakeholders", observer).json();
        assertThat(list.findValuesAsText("id")).contains(id);
        assertThat(api.get(base + "/stakeholders/" + id, observer)
                        .json()
                        .get("interest")
                        .asText())
                .isEqualTo("Wensen en bedenkingen");
        assertThat(api.post(
                                base + "/stakeholders",
                                observer,
                                Map.of("name", "Stiekem", "influence", "LOW", "interestLevel", "LOW"))
                        .status())
                .isEqualTo(403);

        Api.Response taken = api.post(
                base + "/stakeholders",
                secretary,
                Map.of("name", raad.get("name").asText().toUpperCase(), "influence", "LOW", "interestLevel", "LOW"));
        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.body()).contains("\"name\"", "stakeholder.name-taken");

        JsonNode weg = stakeholder("Tijdelijk " + Fixtures.unique("s"), "LOW", "LOW");
        assertThat(weg.get("quadrant").asText()).isEqualTo("MONITOR");
        assertThat(api.send(
                                "DELETE",
                                base + "/stakeholders/" + weg.get("id").asText(),
                                secretary,
                                "application/json",
                                new byte[0])
                        .status())
                .isEqualTo(204);
        assertThat(api.get(base + "/stakeholders/" + weg.get("id").asText(), secretary)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void momentsHaveAnAudienceAreOverdueWhenLateAndAreMarkedDone() throws Exception {
        String raad = stakeholder("Raad " + Fixtures.unique("s"), "HIGH", "HIGH")
                .get("id")
                .asText();
        String wijkteams = stakeholder("Wijkteams " + Fixtures.unique("s"), "MEDIUM", "HIGH")
                .get("id")
                .asText();
        String milestone = api.post(
                        base + "/trajects/" + traject + "/milestones/new",
                        secretary,
                        Map.of(
                                "subsidyId",
                                subsidy,
                                "memberId",
                                member,
                                "title",
                                "Besluit oprichting " + Fixtures.unique("m"),
                                "dueOn",
                                TODAY.plusDays(30).toString()))
                .json()
                .get("milestones")
                .get(0)
                .get("milestoneId")
                .asText();

        String lateMessage = "Stand van zaken " + Fixtures.unique("c");
        JsonNode late = plan(moment(List.of(raad, wijkteams, raad), lateMessage, TODAY.minusDays(10)));
        assertThat(late.get("overdue").asBoolean()).isTrue();
        assertThat(late.get("audience").findValuesAsText("stakeholderId")).containsExactlyInAnyOrder(raad, wijkteams);
        Map<String, Object> soon = moment(List.of(wijkteams), "Besluit toelichten " + Fixtures.unique("c"), TODAY);
        soon.put("milestoneId", milestone);
        soon.put("channel", "OVERLEG");
        JsonNode upcoming = plan(soon);
        assertThat(upcoming.get("overdue").asBoolean())
                .as("due today is not late yet")
                .isFalse();
        assertThat(upcoming.get("milestoneId").asText()).isEqualTo(milestone);

        JsonNode read = api.get(moments(), observer).json();
        assertThat(read.size()).isGreaterThanOrEqualTo(2);
        assertThat(read.get(0).get("message").asText()).isEqualTo(lateMessage);
        assertThat(read.get(0).get("overdue").asBoolean()).isTrue();
        assertThat(api.post(moments() + "/" + late.get("id").asText() + "/done", observer, Map.of("version", 0))
                        .status())
                .isEqualTo(403);

        Api.Response removeFigure = api.send(
                "DELETE",
                base + "/subsidies/" + subsidy + "/milestones/" + milestone,
                secretary,
                "application/json",
                new byte[0]);
        assertThat(removeFigure.status()).as("a moment is planned for it").isEqualTo(409);

        String lateId = late.get("id").asText();
        Api.Response future = api.post(
                moments() + "/" + lateId + "/done",
                secretary,
                Map.of("version", 0, "doneOn", TODAY.plusDays(1).toString()));
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.body()).contains("\"doneOn\"");
        Api.Response done = api.post(moments() + "/" + lateId + "/done", secretary, Map.of("version", 0));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.json().get("doneOn").asText()).isEqualTo(TODAY.toString());
        assertThat(done.json().get("overdue").asBoolean()).isFalse();
        assertThat(api.post(moments() + "/" + lateId + "/done", secretary, Map.of("version", 0))
                        .status())
                .as("stale")
                .isEqualTo(409);

        Map<String, Object> edit = moment(List.of(raad), "Besluit toelichten aan de raad", TODAY.plusDays(3));
        edit.put("version", 0);
        Api.Response edited = api.put(moments() + "/" + upcoming.get("id").asText(), secretary, edit);
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().get("audience").findValuesAsText("stakeholderId"))
                .containsExactly(raad);
        assertThat(edited.json().path("milestoneId").isMissingNode()
                        || edited.json().get("milestoneId").isNull())
                .isTrue();
        assertThat(edited.json().get("version").asInt()).isEqualTo(1);

        assertThat(api.send("DELETE", base + "/stakeholders/" + raad, secretary, "application/json", new byte[0])
                        .status())
                .as("in an audience")
                .isEqualTo(409);

        // The coalition's calendar: every moment as an all-day event with a stable UID.
        Api.Response feed = api.get(base + "/meetings.ics", observer);
        assertThat(feed.status()).isEqualTo(200);
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
        calendar.validate();
        VEvent event = calendar.<VEvent>getComponents(Component.VEVENT).stream()
                .filter(e -> prop(e, "UID")
                        .equals("communication-" + upcoming.get("id").asText() + "@samenspel"))
                .findFirst()
                .orElseThrow();
        assertThat(prop(event, "SUMMARY")).isEqualTo("Communicatie: Besluit toelichten aan de raad (nieuwsbrief)");
        assertThat(event.getProperty(Property.DTSTART).orElseThrow().toString())
                .contains("VALUE=DATE")
                .contains(TODAY.plusDays(3).toString().replace("-", ""));
        assertThat(prop(event, "DESCRIPTION")).contains("Voor: Raad", "Verantwoordelijk: Projectleider");
        assertThat(feed.body()).contains("communication-" + lateId + "@samenspel");
    }

    @Test
    void badInputIsRefusedAtTheField() {
        String raad = stakeholder("Cliëntenraad " + Fixtures.unique("s"), "MEDIUM", "MEDIUM")
                .get("id")
                .asText();
        String foreign = api.post(
                        outsiderBase + "/stakeholders",
                        outsider,
                        Map.of("name", "Huisartsen", "influence", "LOW", "interestLevel", "HIGH"))
                .json()
                .get("id")
                .asText();

        Api.Response strange = api.post(moments(), secretary, moment(List.of(foreign), "Uitnodiging", TODAY));
        assertThat(strange.status()).isEqualTo(422);
        assertThat(strange.body()).contains("\"stakeholderIds\"", "communication.stakeholder-unknown");

        Map<String, Object> otherMilestone = moment(List.of(raad), "Uitnodiging", TODAY);
        otherMilestone.put("milestoneId", UUID.randomUUID().toString());
        Api.Response unknown = api.post(moments(), secretary, otherMilestone);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("\"milestoneId\"", "communication.milestone-unknown");

        Api.Response none = api.post(moments(), secretary, moment(List.of(), "Uitnodiging", TODAY));
        assertThat(none.status()).isIn(400, 422);
        assertThat(none.body()).contains("stakeholderIds");

        Map<String, Object> channel = moment(List.of(raad), "Uitnodiging", TODAY);
        channel.put("channel", "POSTDUIF");
        Api.Response badChannel = api.post(moments(), secretary, channel);
        assertThat(badChannel.status()).isEqualTo(422);
        assertThat(badChannel.body()).contains("\"channel\"").doesNotContain("Exception", "java.");

        Map<String, Object> date = moment(List.of(raad), "Uitnodiging", TODAY);
        date.put("plannedOn", "31-02-2026");
        Api.Response badDate = api.post(moments(), secretary, date);
        assertThat(badDate.status()).isEqualTo(422);
        assertThat(badDate.body()).contains("\"plannedOn\"").doesNotContain("Exception", "java.");
        date.put("plannedOn", "2026-02-31");
        Api.Response noSuchDay = api.post(moments(), secretary, date);
        assertThat(noSuchDay.status()).isEqualTo(422);
        assertThat(noSuchDay.body()).contains("\"plannedOn\"", "request.date");

        Map<String, Object> blank = moment(List.of(raad), " ", TODAY);
        blank.put("responsible", "");
        Api.Response blanks = api.post(moments(), secretary, blank);
        assertThat(blanks.status()).isIn(400, 422);
        assertThat(blanks.body()).contains("message", "responsible");

        Api.Response level = api.post(
                base + "/stakeholders",
                secretary,
                Map.of("name", "Pers", "influence", "ENORM", "interestLevel", "LOW"));
        assertThat(level.status()).isEqualTo(422);
        assertThat(level.body()).contains("\"influence\"").doesNotContain("Exception");

        for (String broken : List.of("{", "[]", "null", "{\"stakeholderIds\":[\"geen-id\"]}")) {
            Api.Response r = api.send("POST", moments(), secretary, "application/json", broken.getBytes());
            assertThat(r.status()).as(broken).isIn(400, 422);
            assertThat(r.body()).doesNotContain("SQL", "java.", "Exception");
        }
        assertThat(api.get(base + "/trajects/" + UUID.randomUUID() + "/communication-moments", secretary)
                        .status())
                .isEqualTo(404);
        assertThat(api.post(moments() + "/" + UUID.randomUUID() + "/done", secretary, Map.of("version", 0))
                        .status())
                .isEqualTo(404);

        Api.Response newMilestone = api.post(
                base + "/trajects/" + traject + "/milestones/new",
                secretary,
                Map.of(
                        "subsidyId",
                        UUID.randomUUID().toString(),
                        "memberId",
                        member,
                        "title",
                        "X",
                        "dueOn",
                        "2026-01-01"));
        assertThat(newMilestone.status()).isEqualTo(422);
        assertThat(newMilestone.body()).contains("\"subsidyId\"");
    }

    @Test
    void anotherCoalitionSeesNothing() {
        String raad = stakeholder("Medewerkers " + Fixtures.unique("s"), "LOW", "HIGH")
                .get("id")
                .asText();
        String id = plan(moment(List.of(raad), "Nieuwsbrief " + Fixtures.unique("c"), TODAY.plusDays(5)))
                .get("id")
                .asText();
        String moment = moments() + "/" + id;
        Map<String, Object> again = moment(List.of(raad), "Overgenomen", TODAY);
        again.put("version", 0);
        Map<String, Object> person =
                Map.of("name", "Overgenomen", "influence", "LOW", "interestLevel", "LOW", "version", 0);

        // The outsider is a secretary elsewhere; here, and with this coalition's ids in its own, it finds nothing.
        for (String path : List.of(base + "/stakeholders", base + "/stakeholders/" + raad, moments(), moment)) {
            assertThat(api.get(path, outsider).status()).as(path).isEqualTo(404);
        }
        assertThat(api.put(base + "/stakeholders/" + raad, outsider, person).status())
                .isEqualTo(404);
        assertThat(api.send("DELETE", base + "/stakeholders/" + raad, outsider, "application/json", new byte[0])
                        .status())
                .isEqualTo(404);
        assertThat(api.post(base + "/stakeholders", outsider, person).status()).isEqualTo(404);
        assertThat(api.post(moments(), outsider, moment(List.of(raad), "x", TODAY))
                        .status())
                .isEqualTo(404);
        assertThat(api.put(moment, outsider, again).status()).isEqualTo(404);
        assertThat(api.post(moment + "/done", outsider, Map.of("version", 0)).status())
                .isEqualTo(404);
        assertThat(api.post(
                                base + "/trajects/" + traject + "/milestones/new",
                                outsider,
                                Map.of("subsidyId", subsidy, "memberId", member, "title", "X", "dueOn", "2026-01-01"))
                        .status())
                .isEqualTo(404);

        String own = outsiderBase + "/stakeholders/" + raad;
        assertThat(api.get(own, outsider).status()).isEqualTo(404);
        assertThat(api.put(own, outsider, person).status()).isEqualTo(404);
        assertThat(api.get(outsiderBase + "/trajects/" + traject + "/communication-moments", outsider)
                        .status())
                .isEqualTo(404);
        assertThat(api.put(outsiderBase + "/trajects/" + traject + "/communication-moments/" + id, outsider, again)
                        .status())
                .isEqualTo(404);
        assertThat(api.get(outsiderBase + "/meetings.ics", outsider).body()).doesNotContain(id);
        assertThat(api.get(base + "/trajects/" + traject + "/communication-moments/" + id, secretary)
                        .json()
                        .get("message")
                        .asText())
                .startsWith("Nieuwsbrief");
    }

    static String prop(Component c, String name) {
        return c.<Property>getProperty(name).map(Property::getValue).orElse("");
    }
}
