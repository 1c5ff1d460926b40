package nl.samenspel.governance.traject;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * Trajects through the API: the secretary plans one with its phases and links milestones of the
 * figures; everyone with a role reads it with its status; bad input is a 422 naming the field, a stale
 * version a 409, another coalition's traject a 404.
 */
@MicronautTest(transactional = false)
class TrajectApiTest implements DatabaseTest {

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    Api api;
    CoalitionResponse coalition;
    String base;
    String secretary;
    String observer;
    String rasterToken;
    String raster;
    String deKern;
    String body;
    String subsidy;

    @BeforeAll
    void setUp() {
        api = new Api(server);
        coalition = fixtures.coalition("trajecten", LegalForm.SAMENWERKINGSVERBAND);
        base = "/api/v1/coalitions/" + coalition.slug();
        secretary = login(fixtures.member(coalition, "secretaris", CoalitionRole.SECRETARY));
        observer = login(fixtures.member(coalition, "waarnemer", CoalitionRole.OBSERVER));
        raster = member("Raster");
        deKern = member("De Kern");
        rasterToken = login(fixtures.representative(coalition, UUID.fromString(raster), "raster"));
        body = api.get(base + "/bodies", secretary).json().get(0).get("id").asText();
        Map<String, Object> s = new HashMap<>(Map.of(
                "year", 2021,
                "title", "Opdracht preventie 2021",
                "scope", "Opdracht preventie 2021",
                "grantor", "Gemeente Deventer",
                "amountCents", 100L,
                "periodFrom", "2021-01-01",
                "periodUntil", "2021-12-31",
                "verantwoordingDue", "2022-05-01",
                "accountantThresholdCents", 100L,
                "varianceThresholdPct", "5.00"));
        Api.Response created = api.post(base + "/subsidies", secretary, s);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        subsidy = created.json().get("id").asText();
    }

    private String login(Account account) {
        return api.login(account.email(), Fixtures.PASSWORD);
    }

    private String member(String name) {
        Api.Response created = api.post(
                base + "/members",
                secretary,
                Map.of("name", name + " " + Fixtures.unique("m"), "kind", "WELZIJN", "joinedOn", "2021-01-01"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static Map<String, Object> phase(
            String name, String start, String end, String actualStart, String actualEnd) {
        Map<String, Object> p = new HashMap<>(Map.of("name", name, "plannedStart", start, "plannedEnd", end));
        if (actualStart != null) {
            p.put("actualStart", actualStart);
        }
        if (actualEnd != null) {
            p.put("actualEnd", actualEnd);
        }
        return p;
    }

    private JsonNode create(String title, List<Map<String, Object>> phases) {
        Api.Response created = api.post(
                base + "/trajects",
                secretary,
                Map.of(
                        "title",
                        title,
                        "description",
                        "Oprichting\nin vijf stappen",
                        "ownerBodyId",
                        body,
                        "phases",
                        phases));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private String milestone(String member, String token, String title, String due, String status, String doneOn) {
        Map<String, Object> m =
                new HashMap<>(Map.of("memberId", member, "title", title, "dueOn", due, "status", status));
        if (doneOn != null) {
            m.put("doneOn", doneOn);
        }
        Api.Response r = api.post(base + "/subsidies/" + subsidy + "/milestones", token, m);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        for (JsonNode n : r.json().get("milestones")) {
            if (n.get("title").asText().equals(title)) {
                return n.get("id").asText();
            }
        }
        throw new AssertionError("milestone not found: " + title);
    }

    @Test
    void theSecretaryPlansATrajectAndEveryoneSeesHowItStands() {
        JsonNode t = create(
                "Oprichting coöperatie " + Fixtures.unique("t"),
                List.of(
                        phase("Plan van aanpak", "2017-01-16", "2017-03-01", "2017-01-16", "2017-03-01"),
                        phase("Opstellen uitvoeringsagenda", "2017-03-01", "2017-04-03", "2017-03-01", "2017-04-10"),
                        phase("Uitwerken uitvoeringsagenda", "2017-04-03", "2017-04-18", "2017-04-10", null),
                        phase("Oprichting", "2099-05-30", "2099-09-04", null, null)));
        String id = t.get("id").asText();
        assertThat(t.get("ownerBodyId").asText()).isEqualTo(body);
        assertThat(t.get("description").asText()).isEqualTo("Oprichting\nin vijf stappen");
        JsonNode phases = t.get("phases");
        assertThat(phases).hasSize(4);
        assertThat(phases.get(0).get("state").asText()).isEqualTo("DONE");
        assertThat(phases.get(0).get("timeliness").asText()).isEqualTo("ON_TIME");
        assertThat(phases.get(1).get("timeliness").asText()).isEqualTo("LATE");
        assertThat(phases.get(1).get("daysLate").asInt()).isEqualTo(7);
        assertThat(phases.get(2).get("state").asText()).isEqualTo("IN_PROGRESS");
        assertThat(phases.get(2).get("timeliness").asText()).isEqualTo("OVERDUE");
        assertThat(phases.get(3).get("state").asText()).isEqualTo("NOT_STARTED");
        assertThat(phases.get(3).get("timeliness").asText()).isEqualTo("ON_TIME");
        JsonNode status = t.get("status");
        assertThat(status.get("phasesDone").asInt()).isEqualTo(2);
        assertThat(status.get("phasesTotal").asInt()).isEqualTo(4);
        assertThat(status.get("phasesLate").asInt()).isEqualTo(1);
        assertThat(status.get("phasesOverdue").asInt()).isEqualTo(1);
        assertThat(status.get("currentPhaseId").asText())
                .isEqualTo(phases.get(2).get("id").asText());

        // Milestones of the figures: one done, one past due, one far ahead; the first two in a phase.
        String done = milestone(raster, rasterToken, "Overdracht caseload", "2021-02-01", "DONE", "2021-01-29");
        String overdue = milestone(raster, rasterToken, "Communicatieplan", "2021-03-31", "IN_PROGRESS", null);
        String ahead = milestone(deKern, secretary, "Governance", "2099-07-01", "PLANNED", null);
        String phase2 = phases.get(2).get("id").asText();
        for (String m : List.of(done, overdue)) {
            Api.Response linked = api.post(
                    base + "/trajects/" + id + "/milestones", secretary, Map.of("milestoneId", m, "phaseId", phase2));
            assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
        }
        Api.Response linked =
                api.post(base + "/trajects/" + id + "/milestones", secretary, Map.of("milestoneId", ahead));
        assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
        JsonNode counts = linked.json().get("status").get("milestones");
        assertThat(List.of(
                        counts.get("done").asInt(),
                        counts.get("open").asInt(),
                        counts.get("overdue").asInt()))
                .containsExactly(1, 1, 1);
        JsonNode inPhase = linked.json().get("phases").get(2).get("milestones");
        assertThat(List.of(inPhase.get("done").asInt(), inPhase.get("overdue").asInt()))
                .containsExactly(1, 1);

        // Everyone with a role reads it; a milestone shows only to whoever reads that member's figures.
        JsonNode asObserver = api.get(base + "/trajects/" + id, observer).json();
        assertThat(asObserver.get("phases")).hasSize(4);
        assertThat(asObserver.path("milestones"))
                .as("an observer reads no figures")
                .isEmpty();
        JsonNode asRaster = api.get(base + "/trajects/" + id, rasterToken).json();
        List<String> titles = new ArrayList<>();
        asRaster.get("milestones").forEach(m -> titles.add(m.get("title").asText()));
        assertThat(titles).containsExactly("Overdracht caseload", "Communicatieplan");
        assertThat(api.get(base + "/trajects", observer).body()).contains(id);

        // A milestone belongs to one traject at most.
        String other = create("Ander traject " + Fixtures.unique("t"), List.of())
                .get("id")
                .asText();
        Api.Response taken =
                api.post(base + "/trajects/" + other + "/milestones", secretary, Map.of("milestoneId", done));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body()).contains("traject.milestone-linked");

        // Removing the figure removes the link.
        Api.Response removed = api.send(
                "DELETE",
                base + "/subsidies/" + subsidy + "/milestones/" + ahead,
                secretary,
                "application/json",
                new byte[0]);
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(api.get(base + "/trajects/" + id, secretary).json().get("milestones"))
                .hasSize(2);

        // The audit trail names the changes.
        String audit = api.get(base + "/audit", secretary).body();
        assertThat(audit).contains("traject.created", "traject.phase-added", "traject.milestone-linked");
    }

    @Test
    void phasesAreAddedChangedAndReordered() {
        JsonNode t = create("Van preventie naar potentie " + Fixtures.unique("t"), List.of());
        String id = t.get("id").asText();
        String path = base + "/trajects/" + id;
        Api.Response first =
                api.post(path + "/phases", secretary, phase("Ontschot werken", "2021-01-01", "2021-07-01", null, null));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        Api.Response second =
                api.post(path + "/phases", secretary, phase("Dichtbij", "2021-01-01", "2021-04-30", null, null));
        assertThat(second.status()).isEqualTo(201);
        JsonNode phases = second.json().get("phases");
        String ontschot = phases.get(0).get("id").asText();
        String dichtbij = phases.get(1).get("id").asText();

        Map<String, Object> change = phase("Ontschot werken", "2021-01-01", "2021-07-01", "2021-01-04", null);
        change.put("version", 0);
        Api.Response changed = api.put(path + "/phases/" + ontschot, secretary, change);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("phases").get(0).get("actualStart").asText())
                .isEqualTo("2021-01-04");
        assertThat(changed.json().get("phases").get(0).get("version").asInt()).isEqualTo(1);
        // The same version again is stale.
        Api.Response stale = api.put(path + "/phases/" + ontschot, secretary, change);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("conflict.version");

        Api.Response reordered =
                api.put(path + "/phase-order", secretary, Map.of("phaseIds", List.of(dichtbij, ontschot)));
        assertThat(reordered.status()).as(reordered.toString()).isEqualTo(200);
        assertThat(reordered.json().get("phases").get(0).get("name").asText()).isEqualTo("Dichtbij");
        assertThat(reordered.json().get("phases").get(1).get("name").asText()).isEqualTo("Ontschot werken");
        Api.Response incomplete = api.put(path + "/phase-order", secretary, Map.of("phaseIds", List.of(dichtbij)));
        assertThat(incomplete.status()).isEqualTo(422);
        assertThat(field(incomplete)).isEqualTo("phaseIds");

        // The traject itself, with its version.
        JsonNode current = api.get(path, secretary).json();
        Map<String, Object> update = new HashMap<>(Map.of(
                "title",
                current.get("title").asText() + " (herzien)",
                "ownerBodyId",
                body,
                "version",
                current.get("version").asInt()));
        Api.Response updated = api.put(path, secretary, update);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("title").asText()).endsWith("(herzien)");
        assertThat(api.put(path, secretary, update).status()).isEqualTo(409);
    }

    @Test
    void badInputIsRefusedAtTheField() {
        String id = create(
                        "Toetsing " + Fixtures.unique("t"),
                        List.of(phase("Stap 1", "2021-01-01", "2021-02-01", null, null)))
                .get("id")
                .asText();
        String phases = base + "/trajects/" + id + "/phases";
        Map<String, Map<String, Object>> cases = new java.util.LinkedHashMap<>();
        cases.put("plannedEnd", phase("Stap 2", "2021-03-01", "2021-02-01", null, null));
        cases.put("actualStart", phase("Stap 2", "2021-03-01", "2021-04-01", null, "2021-04-01"));
        cases.put("actualEnd", phase("Stap 2", "2021-03-01", "2021-04-01", "2021-03-10", "2021-03-09"));
        cases.put("name", phase("stap 1", "2021-03-01", "2021-04-01", null, null));
        for (Map.Entry<String, Map<String, Object>> c : cases.entrySet()) {
            Api.Response r = api.post(phases, secretary, c.getValue());
            assertThat(r.status()).as(c.getKey() + " " + r).isEqualTo(422);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(field(r)).as(c.getKey()).isEqualTo(c.getKey());
        }
        Api.Response blank = api.post(phases, secretary, phase(" ", "2021-03-01", "2021-04-01", null, null));
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.body()).contains("name");

        Api.Response unknownBody = api.post(
                base + "/trajects",
                secretary,
                Map.of(
                        "title",
                        "Zonder orgaan",
                        "ownerBodyId",
                        UUID.randomUUID().toString()));
        assertThat(unknownBody.status()).isEqualTo(422);
        assertThat(field(unknownBody)).isEqualTo("ownerBodyId");
        assertThat(unknownBody.body()).contains("traject.body-unknown");

        Api.Response inCreate = api.post(
                base + "/trajects",
                secretary,
                Map.of(
                        "title",
                        "Dubbel " + Fixtures.unique("t"),
                        "ownerBodyId",
                        body,
                        "phases",
                        List.of(
                                phase("A", "2021-01-01", "2021-02-01", null, null),
                                phase("a", "2021-01-01", "2021-02-01", null, null))));
        assertThat(inCreate.status()).isEqualTo(422);
        assertThat(field(inCreate)).isEqualTo("phases[1].name");

        String title =
                api.get(base + "/trajects/" + id, secretary).json().get("title").asText();
        Api.Response sameTitle = api.post(base + "/trajects", secretary, Map.of("title", title, "ownerBodyId", body));
        assertThat(sameTitle.status()).isEqualTo(422);
        assertThat(field(sameTitle)).isEqualTo("title");

        Api.Response unknownMilestone = api.post(
                base + "/trajects/" + id + "/milestones",
                secretary,
                Map.of("milestoneId", UUID.randomUUID().toString()));
        assertThat(unknownMilestone.status()).isEqualTo(422);
        assertThat(field(unknownMilestone)).isEqualTo("milestoneId");

        for (String broken : List.of(
                "{",
                "[]",
                "null",
                "{\"title\":\"x\",\"ownerBodyId\":\"geen-id\"}",
                "{\"plannedStart\":\"gisteren\"}")) {
            Api.Response r = api.send("POST", base + "/trajects", secretary, "application/json", broken.getBytes());
            assertThat(r.status()).as(broken).isIn(400, 422);
            assertThat(r.body()).doesNotContain("SQL", "java.", "Exception");
            Api.Response p = api.send("POST", phases, secretary, "application/json", broken.getBytes());
            assertThat(p.status()).as(broken).isIn(400, 422);
        }
        assertThat(api.get(base + "/trajects/" + UUID.randomUUID(), secretary).status())
                .isEqualTo(404);
        assertThat(api.put(
                                base + "/trajects/" + id + "/phases/" + UUID.randomUUID(),
                                secretary,
                                Map.of(
                                        "name",
                                        "X",
                                        "plannedStart",
                                        "2021-01-01",
                                        "plannedEnd",
                                        "2021-01-02",
                                        "version",
                                        0))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void onlyTheSecretaryWrites() {
        String id = create("Alleen lezen " + Fixtures.unique("t"), List.of())
                .get("id")
                .asText();
        for (String token : List.of(observer, rasterToken)) {
            assertThat(api.post(base + "/trajects", token, Map.of("title", "Niet van mij", "ownerBodyId", body))
                            .status())
                    .isEqualTo(403);
            assertThat(api.post(
                                    base + "/trajects/" + id + "/phases",
                                    token,
                                    phase("X", "2021-01-01", "2021-01-02", null, null))
                            .status())
                    .isEqualTo(403);
            assertThat(api.get(base + "/trajects/" + id, token).status()).isEqualTo(200);
        }
    }

    @Test
    void anAccountantOfAnotherYearReadsTheTrajectWithoutThatYearsMilestones() {
        String id =
                create("Jaarplan " + Fixtures.unique("t"), List.of()).get("id").asText();
        String m = milestone(raster, rasterToken, "Mijlpaal " + Fixtures.unique("m"), "2021-06-01", "PLANNED", null);
        assertThat(api.post(base + "/trajects/" + id + "/milestones", secretary, Map.of("milestoneId", m))
                        .status())
                .isEqualTo(200);
        Account accountant = fixtures.account("traject-accountant");
        Api.Response granted = api.post(
                base + "/roles",
                secretary,
                Map.of(
                        "email", accountant.email(),
                        "role", "ACCOUNTANT",
                        "validUntil", LocalDate.now().plusDays(30).toString(),
                        "years", List.of(2022)));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        String token = login(accountant);
        Api.Response read = api.get(base + "/trajects/" + id, token);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().path("milestones")).isEmpty();
        Api.Response list = api.get(base + "/trajects", token);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.body()).contains(id).doesNotContain(m);
        // The secretary sees it.
        assertThat(api.get(base + "/trajects/" + id, secretary).body()).contains(m);
    }

    @Test
    void theStatusRulesOnADay() {
        LocalDate today = LocalDate.parse("2021-04-01");
        assertThat(TrajectStatus.phase(LocalDate.parse("2021-03-31"), null, null, today))
                .isEqualTo(new TrajectStatus.PhaseStanding(
                        TrajectStatus.PhaseState.NOT_STARTED, TrajectStatus.Timeliness.OVERDUE, 1));
        assertThat(TrajectStatus.phase(LocalDate.parse("2021-04-01"), LocalDate.parse("2021-03-01"), null, today))
                .isEqualTo(new TrajectStatus.PhaseStanding(
                        TrajectStatus.PhaseState.IN_PROGRESS, TrajectStatus.Timeliness.ON_TIME, 0));
        assertThat(TrajectStatus.phase(
                        LocalDate.parse("2021-03-01"),
                        LocalDate.parse("2021-02-01"),
                        LocalDate.parse("2021-02-27"),
                        today))
                .isEqualTo(new TrajectStatus.PhaseStanding(
                        TrajectStatus.PhaseState.DONE, TrajectStatus.Timeliness.ON_TIME, 0));
        assertThat(TrajectStatus.milestone("DELAYED", LocalDate.parse("2021-03-31"), today))
                .isEqualTo(TrajectStatus.MilestoneState.OVERDUE);
        assertThat(TrajectStatus.milestone("PLANNED", today, today)).isEqualTo(TrajectStatus.MilestoneState.OPEN);
        assertThat(TrajectStatus.milestone("DROPPED", LocalDate.parse("2021-01-01"), today))
                .isEqualTo(TrajectStatus.MilestoneState.DROPPED);
    }

    private static String field(Api.Response r) {
        return r.json().get("errors").get(0).get("field").asText();
    }
}
