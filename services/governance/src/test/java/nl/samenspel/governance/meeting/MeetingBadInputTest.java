package nl.samenspel.governance.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.samenspel.governance.coalition.CoalitionResponse;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every meeting endpoint that takes a body, fed broken and damaged input: a clear 400/422 problem,
 * never a 500, a stack trace or SQL, and nothing half-written.
 */
@MicronautTest(transactional = false)
class MeetingBadInputTest implements DatabaseTest {

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    Api api;
    String token;
    String base;
    String meeting;
    String item;
    String member;
    String actions;
    String body;

    @BeforeAll
    void setUp() {
        api = new Api(server);
        CoalitionResponse coalition = fixtures.coalition("meeting-bad-input", LegalForm.SAMENWERKINGSVERBAND);
        token = api.login(
                fixtures.member(coalition, "secretaris", CoalitionRole.SECRETARY)
                        .email(),
                Fixtures.PASSWORD);
        String slug = "/api/v1/coalitions/" + coalition.slug();
        base = slug + "/meetings";
        actions = slug + "/actions";
        body = api.get(slug + "/bodies", token).json().get(0).get("id").asText();
        member = api.post(
                        slug + "/members", token, Map.of("name", "Raster", "kind", "WELZIJN", "joinedOn", "2021-01-01"))
                .json()
                .get("id")
                .asText();
        JsonNode created = api.post(
                        base,
                        token,
                        Map.of(
                                "bodyId",
                                body,
                                "title",
                                "Stuurgroep",
                                "startsAt",
                                LocalDate.now(ZoneId.of("Europe/Amsterdam"))
                                        .minusDays(1)
                                        .atTime(14, 0)
                                        .atZone(ZoneId.of("Europe/Amsterdam"))
                                        .toOffsetDateTime()
                                        .toString(),
                                "location",
                                "Stadhuis",
                                "agenda",
                                List.of(Map.of("title", "Opening", "kind", "INFORMATION"))))
                .json();
        meeting = base + "/" + created.get("id").asText();
        item = created.get("agenda").get(0).get("id").asText();
    }

    /** Each endpoint with a body that is valid for it. */
    List<String[]> endpoints() {
        return List.of(
                new String[] {
                    "POST",
                    base,
                    "{\"bodyId\":\"" + body + "\",\"title\":\"Overleg\",\"startsAt\":\"2030-03-04T10:00:00+01:00\","
                            + "\"location\":\"Stadhuis\",\"agenda\":[{\"title\":\"Opening\",\"kind\":\"INFORMATION\"}]}"
                },
                new String[] {
                    "PUT",
                    meeting,
                    "{\"version\":0,\"title\":\"Stuurgroep\",\"startsAt\":\"2030-03-04T10:00:00+01:00\",\"location\":\"Elders\"}"
                },
                new String[] {"POST", meeting + "/agenda", "{\"title\":\"Rondvraag\",\"kind\":\"DISCUSSION\"}"},
                new String[] {
                    "PUT", meeting + "/agenda/" + item, "{\"version\":0,\"title\":\"Opening\",\"kind\":\"INFORMATION\"}"
                },
                new String[] {"PUT", meeting + "/agenda-order", "{\"itemIds\":[\"" + item + "\"]}"},
                new String[] {
                    "PUT",
                    meeting + "/attendance",
                    "{\"entries\":[{\"memberId\":\"" + member + "\",\"status\":\"PRESENT\"}]}"
                },
                new String[] {"PUT", meeting + "/minutes", "{\"text\":\"Notulen\"}"},
                new String[] {"POST", meeting + "/minutes/approval", "{\"inMeetingId\":\"" + item + "\",\"version\":0}"
                },
                new String[] {
                    "POST",
                    meeting + "/decisions",
                    "{\"agendaItemId\":\"" + item + "\",\"text\":\"Besloten\",\"outcome\":\"ADOPTED\"}"
                },
                new String[] {
                    "POST",
                    meeting + "/actions",
                    "{\"description\":\"Uitwerken\",\"ownerName\":\"Raster\",\"dueOn\":\"2030-01-01\"}"
                },
                new String[] {"PUT", actions + "/" + item + "/status", "{\"status\":\"DONE\",\"version\":0}"});
    }

    private Api.Response send(String method, String path, String json) {
        return api.send(method, path, token, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean leaks(Api.Response r) {
        return r.body().contains("Exception")
                || r.body().contains("SQL")
                || r.body().contains("at nl.")
                || r.body().contains("org.postgresql");
    }

    @Test
    void malformedJsonAndWrongTypesAreA400Or422ProblemEverywhere() {
        List<String> failures = new ArrayList<>();
        for (String[] e : endpoints()) {
            for (String bad : List.of(
                    "{",
                    "[]",
                    "null",
                    "\"text\"",
                    "{\"title\": 12, \"version\": \"x\"}",
                    "{\"startsAt\":\"morgen\"}")) {
                Api.Response r = send(e[0], e[1], bad);
                if (r.status() < 400
                        || r.status() >= 500
                        || !r.contentType().startsWith("application/problem+json")
                        || leaks(r)) {
                    failures.add(e[0] + " " + e[1] + " " + bad + " -> " + r);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void randomlyDamagedBodiesNeverCauseA500OrLeakInternals() {
        Random random = new Random(20261122);
        String damage = "{}[]\":,0123456789-.aZé\\ \u0000\u0007";
        List<String> failures = new ArrayList<>();
        for (String[] e : endpoints()) {
            for (int i = 0; i < 40; i++) {
                char[] json = e[2].toCharArray();
                for (int j = 0; j < 1 + random.nextInt(4); j++) {
                    json[random.nextInt(json.length)] = damage.charAt(random.nextInt(damage.length()));
                }
                Api.Response r = send(e[0], e[1], new String(json));
                if (r.status() >= 500 || leaks(r)) {
                    failures.add(e[0] + " " + e[1] + " " + new String(json) + " -> " + r);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void aRefusedAgendaLeavesNoMeetingBehind() {
        int before = api.get(base, token).json().size();
        Api.Response refused = api.post(
                base,
                token,
                Map.of(
                        "bodyId", body,
                        "title", "Half",
                        "startsAt", "2030-03-04T10:00:00+01:00",
                        "location", "Stadhuis",
                        "agenda",
                                List.of(
                                        Map.of("title", "Opening", "kind", "INFORMATION"),
                                        Map.of(
                                                "title",
                                                "Ontbinding",
                                                "kind",
                                                "DECISION",
                                                "decisionType",
                                                "DISSOLUTION"))));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(api.get(base, token).json()).hasSize(before);
    }

    @Test
    void unknownIdsAreA404AndMalformedOnesNoServerError() {
        assertThat(api.get(base + "/00000000-0000-0000-0000-000000000000", token)
                        .status())
                .isEqualTo(404);
        assertThat(api.get(meeting + "/documents/00000000-0000-0000-0000-000000000000", token)
                        .status())
                .isEqualTo(404);
        assertThat(send("POST", base + "/niet-een-id/agenda", "{\"title\":\"x\",\"kind\":\"INFORMATION\"}")
                        .status())
                .isBetween(400, 404);
        assertThat(api.get(base + "?from=gisteren", token).status()).isBetween(400, 499);
        assertThat(api.get(base + "?from=2030-01-01&until=2029-01-01", token).status())
                .isEqualTo(422);
    }
}
