package nl.samenspel.governance.member;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import nl.samenspel.governance.coalition.CoalitionResponse;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.identity.Account;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of bad request gets a clear 4xx problem and leaves the coalition exactly as it was. */
@MicronautTest(transactional = false)
class BadInputTest implements DatabaseTest {

    static final String VALID =
            """
            {"name":"De Kern","kind":"WELZIJN","kvkNumber":"41024349","rsin":"123456782","joinedOn":"2021-01-01",
             "contributionFte":"4.00","contributionCents":74395500,"votingWeight":1}""";

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    Api api;
    CoalitionResponse coalition;
    String token;
    String members;
    String before;

    @BeforeAll
    void setUp() {
        api = new Api(server);
        coalition = fixtures.coalition("bad-input", LegalForm.SAMENWERKINGSVERBAND);
        Account secretary = fixtures.member(coalition, "secretary", CoalitionRole.SECRETARY);
        token = api.login(secretary.email(), Fixtures.PASSWORD);
        members = "/api/v1/coalitions/" + coalition.slug() + "/members";
    }

    @BeforeEach
    void remember() {
        before = state();
    }

    @AfterEach
    void nothingWasWritten() {
        assertThat(state()).as("no member and no audit event was written").isEqualTo(before);
    }

    @Test
    void malformedJsonIsA400() {
        Api.Response response = post("{\"name\": \"De Kern\", ");
        assertProblem(response, 400, "request.unreadable");
    }

    @Test
    void notJsonAtAllIsA400() {
        assertProblem(post("name=De+Kern"), 400, "request.unreadable");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\"votingWeight\":1 | \"votingWeight\":\"veel\"",
                "\"joinedOn\":\"2021-01-01\" | \"joinedOn\":\"1 januari 2021\"",
                "\"kind\":\"WELZIJN\" | \"kind\":\"BANK\"",
                "\"contributionCents\":74395500 | \"contributionCents\":[1,2]",
                "\"joinedOn\":\"2021-01-01\" | \"joinedOn\":\"2021-02-30\""
            })
    void aValueOfTheWrongTypeIsA400(String good, String bad) {
        assertThat(VALID).contains(good);
        assertProblem(post(VALID.replace(good, bad)), 400, "request.unreadable");
    }

    @Test
    void missingFieldsAreA422NamingEachField() {
        JsonNode problem = assertProblem(post("{}"), 422, "request.invalid");
        assertThat(fields(problem)).contains("name", "kind", "joinedOn");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\"kvkNumber\":\"41024349\" | \"kvkNumber\":\"4102434\" | kvkNumber",
                "\"kvkNumber\":\"41024349\" | \"kvkNumber\":\"41O24349\" | kvkNumber",
                "\"rsin\":\"123456782\" | \"rsin\":\"123456789\" | rsin",
                "\"rsin\":\"123456782\" | \"rsin\":\"12345678\" | rsin",
                "\"name\":\"De Kern\" | \"name\":\"   \" | name",
                "\"contributionFte\":\"4.00\" | \"contributionFte\":\"4.005\" | contributionFte",
                "\"contributionCents\":74395500 | \"contributionCents\":-1 | contributionCents",
                "\"votingWeight\":1 | \"votingWeight\":-3 | votingWeight",
                "\"name\":\"De Kern\" | \"name\":\"De\\u0000Kern\" | name",
                "\"name\":\"De Kern\" | \"name\":\"De Kern\\nKlik hier\" | name"
            })
    void aFieldBreakingItsRuleIsA422WithThatField(String good, String bad, String field) {
        assertThat(VALID).contains(good);
        JsonNode problem = assertProblem(post(VALID.replace(good, bad)), 422, "request.invalid");
        assertThat(fields(problem)).containsExactly(field);
    }

    @Test
    void aBodyOverTheRequestLimitIsA413() {
        String huge = VALID.replace("\"De Kern\"", "\"" + "x".repeat(27 * 1024 * 1024) + "\"");
        Api.Response response =
                api.send("POST", members, token, "application/json", huge.getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).isEqualTo(413);
    }

    @Test
    void aMalformedIdInThePathIsNotA500() {
        Api.Response response = api.get(members + "/not-a-uuid", token);
        assertThat(response.status()).isIn(400, 404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anUnknownMemberIsA404() {
        assertProblem(api.get(members + "/" + java.util.UUID.randomUUID(), token), 404, "member.not-found");
    }

    @Test
    void aBadPageSizeIsA4xxNotA500() {
        Api.Response response = api.get(members + "?size=100000", token);
        assertThat(response.status()).isBetween(400, 499);
        assertThat(api.get(members + "?page=-1", token).status()).isBetween(400, 499);
        assertThat(api.get(members + "?status=SOMETIMES", token).status()).isBetween(400, 499);
    }

    @Test
    void randomlyDamagedBodiesNeverCauseA500OrLeakInternals() {
        Random random = new Random(20211001);
        String damage = "{}[]\":,0123456789-.aZé\\ ";
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            char[] body = VALID.replace("\"De Kern\"", "\"De Kern " + i + "\"").toCharArray();
            for (int j = 0; j < 1 + random.nextInt(4); j++) {
                int at = random.nextInt(body.length);
                body[at] = damage.charAt(random.nextInt(damage.length()));
            }
            String text = new String(body);
            Api.Response response = post(text);
            if (response.status() >= 500
                    || response.body().contains("Exception")
                    || response.body().contains("SQL")
                    || response.body().contains("at nl.")) {
                failures.add(text + " -> " + response);
            }
            if (response.status() == 201) {
                // A damaged body can still be valid; that member is real, so forget it for the state check.
                before = state();
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void aNulByteInTheLoginAddressIsARefusalNotA500() {
        Api.Response response = api.send(
                "POST",
                "/api/v1/auth/token",
                null,
                "application/json",
                "{\"email\":\"a\\u0000b@example.nl\",\"password\":\"whatever-it-is\"}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private Api.Response post(String body) {
        return api.send("POST", members, token, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode json = response.json();
        assertThat(json.get("status").asInt()).isEqualTo(status);
        assertThat(json.get("code").asText()).isEqualTo(code);
        assertThat(response.body()).doesNotContain("Exception", "org.", "java.", "SQL");
        return json;
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    private String state() {
        String base = "/api/v1/coalitions/" + coalition.slug();
        return api.get(base + "/members?status=ALL&size=200", token).body()
                + api.get(base + "/audit/verification", token).body();
    }
}
