package nl.samenspel.governance.coalition;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.samenspel.governance.identity.Account;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class CoalitionApiTest implements DatabaseTest {

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    Api api;
    String admin;

    @BeforeAll
    void setUp() {
        api = new Api(server);
        Account account = fixtures.account("platform-admin", true);
        admin = api.login(account.email(), Fixtures.PASSWORD);
    }

    Map<String, Object> request(String slug, String form) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Coöperatie " + slug);
        body.put("slug", slug);
        body.put("legalForm", form);
        body.put("kvkNumber", "69123456");
        body.put("opdrachtgever", "Gemeente Woudenberg");
        return body;
    }

    @Test
    void aCooperatieStartsAsDraftWithAnAlvAndABestuur() {
        String slug = Fixtures.unique("kleine-schans");
        Api.Response created = api.post("/api/v1/coalitions", admin, request(slug, "COOPERATIE_UA"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/coalitions/" + slug);
        JsonNode body = created.json();
        assertThat(body.get("status").asText()).isEqualTo("DRAFT");
        assertThat(kinds(body)).containsExactly("ALV", "BESTUUR");
    }

    @Test
    void aSamenwerkingsverbandGetsTheCovenantBodies() {
        Api.Response created =
                api.post("/api/v1/coalitions", admin, request(Fixtures.unique("deventer"), "SAMENWERKINGSVERBAND"));
        assertThat(kinds(created.json()))
                .containsExactly("BESTUURLIJK_OVERLEG", "STUURGROEP", "PROJECTGROEP", "KLANKBORDGROEP");
        // Only the klankbordgroep has no formal role.
        List<String> formal = new ArrayList<>();
        created.json().get("bodies").forEach(b -> formal.add(b.get("formal").asText()));
        assertThat(formal).containsExactly("true", "true", "true", "false");
    }

    @Test
    void theSecretaryNamedAtCreationRunsTheCoalition() {
        Account secretary = fixtures.account("secretary");
        Map<String, Object> body = request(Fixtures.unique("met-secretaris"), "COOPERATIE_UA");
        body.put("secretaryEmail", secretary.email());
        String slug =
                api.post("/api/v1/coalitions", admin, body).json().get("slug").asText();
        String token = api.login(secretary.email(), Fixtures.PASSWORD);
        JsonNode coalition = api.get("/api/v1/coalitions/" + slug, token).json();
        assertThat(coalition.get("yourRoles").toString()).contains("SECRETARY");
        // The platform admin manages tenants, not their content.
        assertThat(api.get("/api/v1/coalitions/" + slug, admin).status()).isEqualTo(404);
    }

    @Test
    void aTakenSlugIsAConflictOnTheSlugField() {
        String slug = Fixtures.unique("dubbel");
        assertThat(api.post("/api/v1/coalitions", admin, request(slug, "COOPERATIE_UA"))
                        .status())
                .isEqualTo(201);
        Api.Response again = api.post("/api/v1/coalitions", admin, request(slug, "SAMENWERKINGSVERBAND"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("errors").get(0).get("field").asText()).isEqualTo("slug");
    }

    @Test
    void badFieldsAreNamed() {
        Map<String, Object> body = request("Niet Goed!", "COOPERATIE_UA");
        body.put("kvkNumber", "6912345");
        Api.Response response = api.post("/api/v1/coalitions", admin, body);
        assertThat(response.status()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).contains("slug", "kvkNumber");
    }

    @Test
    void anAccountWithoutPlatformOrMunicipalRoleCannotFoundACoalition() {
        Account nobody = fixtures.account("nobody");
        String token = api.login(nobody.email(), Fixtures.PASSWORD);
        Api.Response response = api.post("/api/v1/coalitions", token, request(Fixtures.unique("x"), "COOPERATIE_UA"));
        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void aMunicipalityOfficerFoundsOneAndBecomesItsOpdrachtgever() {
        CoalitionResponse existing = fixtures.coalition("bestaand", LegalForm.SAMENWERKINGSVERBAND);
        Account officer = fixtures.member(existing, "officer", CoalitionRole.OPDRACHTGEVER);
        String token = api.login(officer.email(), Fixtures.PASSWORD);
        Api.Response created =
                api.post("/api/v1/coalitions", token, request(Fixtures.unique("nieuw"), "SAMENWERKINGSVERBAND"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("yourRoles").toString()).contains("OPDRACHTGEVER");
    }

    @Test
    void theStatusOnlyMovesForwardOneStepAtATime() {
        CoalitionResponse coalition = fixtures.coalition("status", LegalForm.COOPERATIE_UA);
        Account secretary = fixtures.member(coalition, "secretary", CoalitionRole.SECRETARY);
        String token = api.login(secretary.email(), Fixtures.PASSWORD);
        String path = "/api/v1/coalitions/" + coalition.slug() + "/status";

        Api.Response skip = api.post(path, token, Map.of("status", "ACTIVE", "version", 0));
        assertThat(skip.status()).isEqualTo(422);
        assertThat(skip.json().get("code").asText()).isEqualTo("coalition.status-transition");

        assertThat(api.post(path, token, Map.of("status", "ONBOARDING", "version", 0))
                        .status())
                .isEqualTo(200);
        Api.Response stale = api.post(path, token, Map.of("status", "ACTIVE", "version", 0));
        assertThat(stale.status()).isEqualTo(409);
        Api.Response active = api.post(path, token, Map.of("status", "ACTIVE", "version", 1));
        assertThat(active.json().get("status").asText()).isEqualTo("ACTIVE");
        Api.Response back = api.post(path, token, Map.of("status", "ONBOARDING", "version", 2));
        assertThat(back.status()).isEqualTo(422);
    }

    private static List<String> kinds(JsonNode coalition) {
        List<String> kinds = new ArrayList<>();
        coalition.get("bodies").forEach(b -> kinds.add(b.get("kind").asText()));
        return kinds;
    }
}
