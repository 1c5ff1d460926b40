package nl.samenspel.governance.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.samenspel.core.testing.TestDatabase;
import nl.samenspel.governance.coalition.CoalitionResponse;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class BodyApiTest implements DatabaseTest {

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    Api api;
    CoalitionResponse coalition;
    String secretary;
    String observer;
    String base;
    String raster;
    String deKern;

    @BeforeAll
    void setUp() {
        api = new Api(server);
        coalition = fixtures.coalition("organen", LegalForm.SAMENWERKINGSVERBAND);
        secretary = api.login(
                fixtures.member(coalition, "secretaris", CoalitionRole.SECRETARY)
                        .email(),
                Fixtures.PASSWORD);
        observer = api.login(
                fixtures.member(coalition, "waarnemer", CoalitionRole.OBSERVER).email(), Fixtures.PASSWORD);
        base = "/api/v1/coalitions/" + coalition.slug() + "/bodies";
        raster = member("Raster", "2020-01-01");
        deKern = member("De Kern", "2022-01-01");
    }

    String member(String name, String joinedOn) {
        return api.post(
                        "/api/v1/coalitions/" + coalition.slug() + "/members",
                        secretary,
                        Map.of("name", name, "kind", "WELZIJN", "joinedOn", joinedOn))
                .json()
                .get("id")
                .asText();
    }

    JsonNode create(String name) {
        Api.Response created = api.post(
                base,
                secretary,
                Map.of(
                        "kind",
                        "STUURGROEP",
                        "name",
                        name,
                        "mandate",
                        "Stuurt op de uitvoering van de opdracht.",
                        "decisionTypes",
                        List.of("ORDINARY", "BUDGET")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    Api.Response seat(String bodyId, String memberId, String role, String from, String until) {
        Map<String, Object> body = new HashMap<>();
        if (memberId != null) {
            body.put("memberId", memberId);
        }
        body.put("personName", "Persoon " + role.toLowerCase());
        body.put("role", role);
        body.put("termFrom", from);
        if (until != null) {
            body.put("termUntil", until);
        }
        return api.post(base + "/" + bodyId + "/seats", secretary, body);
    }

    @Test
    void theTemplateBodiesAreListedAndTheKlankbordgroepHasNoFormalRole() {
        JsonNode all = api.get(base, observer).json();
        Map<String, Boolean> formal = new HashMap<>();
        all.forEach(b -> formal.put(b.get("kind").asText(), b.get("formal").asBoolean()));
        assertThat(formal)
                .containsEntry("STUURGROEP", true)
                .containsEntry("BESTUURLIJK_OVERLEG", true)
                .containsEntry("KLANKBORDGROEP", false);
        assertThat(all.get(0).get("decisionTypes")).isEmpty();
    }

    @Test
    void aBodyIsCreatedUpdatedAndAudited() {
        String name = "Stuurgroep ontvlechting " + Fixtures.unique("");
        JsonNode body = create(name);
        assertThat(body.get("formal").asBoolean()).isTrue();
        assertThat(body.get("decisionTypes").toString()).isEqualTo("[\"ORDINARY\",\"BUDGET\"]");
        String path = base + "/" + body.get("id").asText();

        Api.Response clash = api.post(base, secretary, Map.of("kind", "PROJECTGROEP", "name", name.toUpperCase()));
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.json().get("code").asText()).isEqualTo("body.name-taken");

        Map<String, Object> update = Map.of(
                "name",
                name + " (herzien)",
                "mandate",
                "Besluit over de formatie.",
                "decisionTypes",
                List.of("DISSOLUTION"),
                "formal",
                true,
                "version",
                0);
        Api.Response updated = api.put(path, secretary, update);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("version").asInt()).isEqualTo(1);
        assertThat(updated.json().get("decisionTypes").toString()).isEqualTo("[\"DISSOLUTION\"]");
        assertThat(api.get(path, observer).json().get("mandate").asText()).isEqualTo("Besluit over de formatie.");

        Api.Response stale = api.put(path, secretary, update);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("code").asText()).isEqualTo("body.version-conflict");

        Api.Response taken = api.put(path, secretary, Map.of("name", "Klankbordgroep", "formal", true, "version", 1));
        assertThat(taken.status()).isEqualTo(409);

        String trail = api.get("/api/v1/coalitions/" + coalition.slug() + "/audit?size=50", secretary)
                .body();
        assertThat(trail).contains("body.created", "body.updated", name + " (herzien)");
    }

    @Test
    void aBodyWithoutAFormalRoleTakesNoDecisions() {
        Api.Response klankbord = api.post(
                base,
                secretary,
                Map.of(
                        "kind",
                        "KLANKBORDGROEP",
                        "name",
                        "Klankbord " + Fixtures.unique(""),
                        "decisionTypes",
                        List.of("ORDINARY")));
        assertThat(klankbord.status()).isEqualTo(422);
        assertThat(klankbord.json().get("errors").get(0).get("field").asText()).isEqualTo("decisionTypes");

        Api.Response plain =
                api.post(base, secretary, Map.of("kind", "KLANKBORDGROEP", "name", "Klankbord " + Fixtures.unique("")));
        assertThat(plain.status()).isEqualTo(201);
        assertThat(plain.json().get("formal").asBoolean()).isFalse();

        JsonNode body = create("Werkgroep " + Fixtures.unique(""));
        Api.Response informal = api.put(
                base + "/" + body.get("id").asText(),
                secretary,
                Map.of(
                        "name",
                        body.get("name").asText(),
                        "decisionTypes",
                        List.of("BUDGET"),
                        "formal",
                        false,
                        "version",
                        0));
        assertThat(informal.status()).isEqualTo(422);
        assertThat(informal.json().get("code").asText()).isEqualTo("body.informal-decides");
    }

    @Test
    void seatsHaveTermsAndOneChairAtATime() {
        String body =
                create("Stuurgroep zetels " + Fixtures.unique("")).get("id").asText();
        Api.Response chair = seat(body, raster, "CHAIR", "2021-01-01", null);
        assertThat(chair.status()).as(chair.toString()).isEqualTo(201);

        Api.Response second = seat(body, raster, "CHAIR", "2022-01-01", null);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("code").asText()).isEqualTo("body.chair-taken");

        // An external adviser sits without a member and never votes.
        Api.Response adviser = seat(body, null, "ADVISER", "2021-01-01", null);
        assertThat(adviser.status()).isEqualTo(201);
        JsonNode seats = adviser.json().get("seats");
        assertThat(seats).hasSize(2);
        JsonNode chairSeat = null;
        for (JsonNode s : seats) {
            if (s.get("role").asText().equals("ADVISER")) {
                assertThat(s.get("votes").asBoolean()).isFalse();
                assertThat(s.hasNonNull("memberId")).isFalse();
            } else {
                chairSeat = s;
                assertThat(s.get("memberName").asText()).isEqualTo("Raster");
                assertThat(s.get("votes").asBoolean()).isTrue();
            }
        }
        String end = base + "/" + body + "/seats/" + chairSeat.get("id").asText() + "/end";

        Api.Response early = api.post(end, secretary, Map.of("termUntil", "2020-06-01", "version", 0));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.json().get("errors").get(0).get("field").asText()).isEqualTo("termUntil");
        Api.Response staleEnd = api.post(end, secretary, Map.of("termUntil", "2022-01-01", "version", 5));
        assertThat(staleEnd.status()).isEqualTo(409);

        Api.Response ended = api.post(end, secretary, Map.of("termUntil", "2022-01-01", "version", 0));
        assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
        Api.Response again = api.post(end, secretary, Map.of("termUntil", "2023-01-01", "version", 1));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("body.seat-ended");

        // The next chair starts the day the previous one ended.
        assertThat(seat(body, deKern, "CHAIR", "2022-01-01", null).status()).isEqualTo(201);
        JsonNode detail = api.get(base + "/" + body, observer).json();
        assertThat(detail.get("seats")).hasSize(3);

        String trail = api.get("/api/v1/coalitions/" + coalition.slug() + "/audit?size=50", secretary)
                .body();
        assertThat(trail).contains("body.seat-added", "body.seat-ended");
    }

    @Test
    void badSeatsAreNamed() {
        String body = create("Stuurgroep fout " + Fixtures.unique("")).get("id").asText();
        Api.Response notYet = seat(body, deKern, "MEMBER", "2021-01-01", null);
        assertThat(notYet.status()).isEqualTo(422);
        assertThat(notYet.json().get("code").asText()).isEqualTo("member.not-current");
        assertThat(notYet.json().get("errors").get(0).get("field").asText()).isEqualTo("memberId");

        Api.Response stranger = seat(body, UUID.randomUUID().toString(), "MEMBER", "2021-01-01", null);
        assertThat(stranger.status()).isEqualTo(422);
        assertThat(stranger.json().get("errors").get(0).get("field").asText()).isEqualTo("memberId");

        Api.Response nobody = seat(body, null, "MEMBER", "2021-01-01", null);
        assertThat(nobody.status()).isEqualTo(422);
        assertThat(nobody.json().get("errors").get(0).get("field").asText()).isEqualTo("memberId");

        Api.Response backwards = seat(body, raster, "MEMBER", "2021-01-01", "2021-01-01");
        assertThat(backwards.json().get("errors").get(0).get("field").asText()).isEqualTo("termUntil");

        Api.Response votingAdviser = api.post(
                base + "/" + body + "/seats",
                secretary,
                Map.of("personName", "Adviseur", "role", "ADVISER", "votes", true, "termFrom", "2021-01-01"));
        assertThat(votingAdviser.status()).isEqualTo(422);
        assertThat(votingAdviser.json().get("errors").get(0).get("field").asText())
                .isEqualTo("votes");

        Api.Response missing = api.post(base + "/" + body + "/seats", secretary, Map.of("role", "MEMBER"));
        assertThat(missing.status()).isEqualTo(422);

        assertThat(seat(UUID.randomUUID().toString(), raster, "MEMBER", "2021-01-01", null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theDatabaseRefusesASecondChairAndAVotingAdviserEvenThroughRawSql() throws SQLException {
        String body = create("Stuurgroep ruw " + Fixtures.unique("")).get("id").asText();
        assertThat(seat(body, raster, "CHAIR", "2021-01-01", null).status()).isEqualTo(201);
        TestDatabase db = DatabaseTest.database();
        try (Connection app = DriverManager.getConnection(db.appUrl(), db.appUser(), db.rolePassword())) {
            app.setAutoCommit(false);
            try (PreparedStatement bind =
                    app.prepareStatement("SELECT set_config('samenspel.coalition_id', ?, true)")) {
                bind.setString(1, coalition.id().toString());
                bind.execute();
            }
            assertThatThrownBy(() -> insertSeat(app, body, "CHAIR", true))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("one_chair_per_body");
            app.rollback();
        }
        try (Connection app = DriverManager.getConnection(db.appUrl(), db.appUser(), db.rolePassword())) {
            app.setAutoCommit(false);
            try (PreparedStatement bind =
                    app.prepareStatement("SELECT set_config('samenspel.coalition_id', ?, true)")) {
                bind.setString(1, coalition.id().toString());
                bind.execute();
            }
            assertThatThrownBy(() -> insertSeat(app, body, "ADVISER", true))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("check");
            app.rollback();
        }
    }

    private void insertSeat(Connection app, String body, String role, boolean votes) throws SQLException {
        try (PreparedStatement ps = app.prepareStatement(
                "INSERT INTO body_seat (coalition_id, id, body_id, person_name, role, votes, term_from)"
                        + " VALUES (?, ?, ?, 'Ruw', ?, ?, DATE '2023-03-01')")) {
            ps.setObject(1, coalition.id());
            ps.setObject(2, UUID.randomUUID());
            ps.setObject(3, UUID.fromString(body));
            ps.setString(4, role);
            ps.setBoolean(5, votes);
            ps.executeUpdate();
        }
    }

    @Test
    void theRhythmIsReplacedAsAWholeAndGivesTheNextMeetings() {
        String body =
                create("Stuurgroep ritme " + Fixtures.unique("")).get("id").asText();
        String rhythm = base + "/" + body + "/rhythm";
        Map<String, Object> stuurgroep =
                Map.of("phases", List.of(Map.of("everyWeeks", 2, "until", "2021-03-01"), Map.of("everyWeeks", 3)));
        Api.Response set = api.put(rhythm, secretary, stuurgroep);
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().get("rhythm")).hasSize(2);

        Api.Response next = api.get(rhythm + "/next?from=2021-01-11&count=6", observer);
        assertThat(next.status()).as(next.toString()).isEqualTo(200);
        List<String> days = new ArrayList<>();
        next.json().forEach(d -> days.add(d.asText()));
        assertThat(days)
                .containsExactly("2021-01-11", "2021-01-25", "2021-02-08", "2021-02-22", "2021-03-15", "2021-04-05");

        // Replacing: one weekly phase only.
        assertThat(api.put(rhythm, secretary, Map.of("phases", List.of(Map.of("everyWeeks", 1))))
                        .json()
                        .get("rhythm"))
                .hasSize(1);
        assertThat(api.get(rhythm + "/next?from=2021-01-11&count=2", observer).body())
                .isEqualTo("[\"2021-01-11\",\"2021-01-18\"]");

        String trail = api.get("/api/v1/coalitions/" + coalition.slug() + "/audit?size=5", secretary)
                .body();
        assertThat(trail).contains("body.rhythm-set");
    }

    @Test
    void badRhythmsAreNamed() {
        String body = create("Stuurgroep slecht ritme " + Fixtures.unique(""))
                .get("id")
                .asText();
        String rhythm = base + "/" + body + "/rhythm";
        Api.Response open = api.put(
                rhythm,
                secretary,
                Map.of("phases", List.of(Map.of("everyWeeks", 2), Map.of("everyWeeks", 3, "until", "2021-03-01"))));
        assertThat(open.status()).isEqualTo(422);
        assertThat(open.json().get("errors").get(0).get("field").asText()).isEqualTo("phases[0].until");

        Api.Response backwards = api.put(
                rhythm,
                secretary,
                Map.of(
                        "phases",
                        List.of(
                                Map.of("everyWeeks", 2, "until", "2021-03-01"),
                                Map.of("everyWeeks", 3, "until", "2021-02-01"))));
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.json().get("errors").get(0).get("field").asText()).isEqualTo("phases[1].until");

        Api.Response tooRare = api.put(rhythm, secretary, Map.of("phases", List.of(Map.of("everyWeeks", 53))));
        assertThat(tooRare.status()).isEqualTo(422);

        assertThat(api.get(rhythm + "/next?from=2021-01-11&count=53", secretary)
                        .json()
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asText())
                .isEqualTo("count");
        assertThat(api.get(rhythm + "/next?from=2021-01-11&count=0", secretary).status())
                .isEqualTo(422);
    }

    @Test
    void anObserverReadsButDoesNotWrite() {
        JsonNode body = create("Stuurgroep waarnemer " + Fixtures.unique(""));
        String path = base + "/" + body.get("id").asText();
        assertThat(api.post(base, observer, Map.of("kind", "STUURGROEP", "name", "Waarnemer"))
                        .status())
                .isEqualTo(403);
        assertThat(api.put(path, observer, Map.of("name", "X", "formal", true, "version", 0))
                        .status())
                .isEqualTo(403);
        assertThat(api.post(
                                path + "/seats",
                                observer,
                                Map.of(
                                        "memberId",
                                        raster,
                                        "personName",
                                        "X",
                                        "role",
                                        "MEMBER",
                                        "termFrom",
                                        "2021-01-01"))
                        .status())
                .isEqualTo(403);
        assertThat(api.put(path + "/rhythm", observer, Map.of("phases", List.of()))
                        .status())
                .isEqualTo(403);
        assertThat(api.get(path, observer).status()).isEqualTo(200);
        assertThat(api.get(base, observer).status()).isEqualTo(200);
    }
}
