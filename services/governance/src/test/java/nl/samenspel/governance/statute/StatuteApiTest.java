package nl.samenspel.governance.statute;

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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.samenspel.core.testing.TestDatabase;
import nl.samenspel.governance.coalition.CoalitionResponse;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class StatuteApiTest implements DatabaseTest {

    static final List<Map<String, String>> ARTICLES = List.of(
            Map.of(
                    "number",
                    "1",
                    "title",
                    "Naam en zetel",
                    "body",
                    "De coöperatie heet De Kleine Schans U.A. en is gevestigd te Woudenberg."),
            Map.of("number", "2", "title", "Doel", "body", "Toegang in het sociaal domein."),
            Map.of("number", "3", "title", "Statutenwijziging", "body", "Twee derde van de uitgebrachte stemmen."));

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    record Setup(Api api, CoalitionResponse coalition, String secretary, String base) {}

    String secretaryEmail;

    Setup setup(LegalForm form) {
        Api api = new Api(server);
        CoalitionResponse coalition = fixtures.coalition("statuten", form);
        secretaryEmail = fixtures.member(coalition, "secretaris", CoalitionRole.SECRETARY)
                .email();
        String secretary = api.login(secretaryEmail, Fixtures.PASSWORD);
        return new Setup(api, coalition, secretary, "/api/v1/coalitions/" + coalition.slug() + "/statutes");
    }

    JsonNode adoptedVersion(Setup s, List<Map<String, String>> articles) {
        JsonNode draft = s.api()
                .post(s.base(), s.secretary(), Map.of("title", "Statuten"))
                .json();
        String path = s.base() + "/" + draft.get("id").asText();
        Api.Response saved =
                s.api().put(path, s.secretary(), Map.of("title", "Statuten", "articles", articles, "version", 0));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        Api.Response adopted =
                s.api().post(path + "/adopt", s.secretary(), Map.of("effectiveFrom", "2018-01-01", "version", 1));
        assertThat(adopted.status()).as(adopted.toString()).isEqualTo(200);
        return adopted.json();
    }

    @Test
    void aCooperatieDraftStartsWithBookTwoRules() {
        Setup s = setup(LegalForm.COOPERATIE_UA);
        JsonNode draft = s.api()
                .post(s.base(), s.secretary(), Map.of("title", "Oprichtingsstatuten"))
                .json();
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.get("number").asInt()).isEqualTo(1);
        assertThat(draft.get("rules").get("majority").get("STATUTE_AMENDMENT").asText())
                .isEqualTo("TWO_THIRDS");
        assertThat(draft.get("rules").get("amendmentTextDays").asInt()).isEqualTo(5);
    }

    @Test
    void articleReferencesComeFromTheTemplateAndSurviveAnEditThatDoesNotSendThem() {
        Setup s = setup(LegalForm.COOPERATIE_UA);
        JsonNode draft = s.api()
                .post(s.base(), s.secretary(), Map.of("title", "Statuten"))
                .json();
        assertThat(draft.get("rules")
                        .get("sources")
                        .get("majority.STATUTE_AMENDMENT")
                        .asText())
                .isEqualTo("artikel 2:43 lid 1 BW");
        String path = s.base() + "/" + draft.get("id").asText();
        @SuppressWarnings("unchecked")
        Map<String, Object> rules =
                new java.util.LinkedHashMap<>(StatuteRepository.JSON.convertValue(draft.get("rules"), Map.class));
        rules.remove("sources");
        rules.put("proxyCapPerHolder", 2);
        Api.Response withoutSources = s.api()
                .put(
                        path,
                        s.secretary(),
                        Map.of("title", "Statuten", "articles", ARTICLES, "rules", rules, "version", 0));
        assertThat(withoutSources.status()).as(withoutSources.toString()).isEqualTo(200);
        JsonNode kept = withoutSources.json().get("rules");
        assertThat(kept.get("proxyCapPerHolder").asInt()).isEqualTo(2);
        assertThat(kept.get("sources").get("written").asText()).isEqualTo("artikel 2:40 lid 2 BW");

        rules.put("sources", Map.of("majority.STATUTE_AMENDMENT", "artikel 21 lid 1"));
        Api.Response ownArticles = s.api()
                .put(
                        path,
                        s.secretary(),
                        Map.of("title", "Statuten", "articles", ARTICLES, "rules", rules, "version", 1));
        assertThat(ownArticles.status()).as(ownArticles.toString()).isEqualTo(200);
        JsonNode own = ownArticles.json().get("rules").get("sources");
        assertThat(own.get("majority.STATUTE_AMENDMENT").asText()).isEqualTo("artikel 21 lid 1");
        assertThat(own.has("written"))
                .as("the sources sent replace the old ones")
                .isFalse();
    }

    @Test
    void anAdoptedVersionCannotBeEditedNotEvenInSql() throws SQLException {
        Setup s = setup(LegalForm.COOPERATIE_UA);
        JsonNode adopted = adoptedVersion(s, ARTICLES);
        String path = s.base() + "/" + adopted.get("id").asText();
        Api.Response edit =
                s.api().put(path, s.secretary(), Map.of("title", "Anders", "articles", ARTICLES, "version", 2));
        assertThat(edit.status()).isEqualTo(409);
        assertThat(edit.json().get("code").asText()).isEqualTo("statute.adopted");

        TestDatabase db = DatabaseTest.database();
        try (Connection app = DriverManager.getConnection(db.appUrl(), db.appUser(), db.rolePassword())) {
            app.setAutoCommit(false);
            try (PreparedStatement bind =
                    app.prepareStatement("SELECT set_config('samenspel.coalition_id', ?, true)")) {
                bind.setString(1, s.coalition().id().toString());
                bind.execute();
            }
            assertThatThrownBy(() -> app.createStatement()
                            .executeUpdate("UPDATE statute_article SET body = 'stilletjes gewijzigd'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("cannot change");
            app.rollback();
        }
    }

    @Test
    void aCooperatieAmendmentIsInForceOnlyOnceItsDeedIsRecorded() {
        Setup s = setup(LegalForm.COOPERATIE_UA);
        JsonNode adopted = adoptedVersion(s, ARTICLES);
        assertThat(adopted.get("inForceToday").asBoolean()).isFalse();
        String path = s.base() + "/" + adopted.get("id").asText();
        Api.Response early = s.api().post(path + "/deed", s.secretary(), Map.of("notarialDeedDate", "2000-01-01"));
        assertThat(early.status()).isEqualTo(422);
        Api.Response deed = s.api()
                .post(
                        path + "/deed",
                        s.secretary(),
                        Map.of(
                                "notarialDeedDate",
                                LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"))
                                        .toString()));
        assertThat(deed.status()).as(deed.toString()).isEqualTo(200);
        assertThat(deed.json().get("inForceToday").asBoolean()).isTrue();
        assertThat(s.api()
                        .post(
                                path + "/deed",
                                s.secretary(),
                                Map.of(
                                        "notarialDeedDate",
                                        LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"))
                                                .toString()))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void aSamenwerkingsverbandNeedsNoDeed() {
        Setup s = setup(LegalForm.SAMENWERKINGSVERBAND);
        JsonNode adopted = adoptedVersion(s, ARTICLES);
        assertThat(adopted.get("inForceToday").asBoolean()).isTrue();
        Api.Response deed = s.api()
                .post(
                        s.base() + "/" + adopted.get("id").asText() + "/deed",
                        s.secretary(),
                        Map.of("notarialDeedDate", "2024-01-01"));
        assertThat(deed.status()).isEqualTo(409);
    }

    @Test
    void aNewVersionIsBasedOnTheOldAndTheDiffShowsWhatChanged() {
        Setup s = setup(LegalForm.SAMENWERKINGSVERBAND);
        JsonNode v1 = adoptedVersion(s, ARTICLES);
        JsonNode v2 = s.api()
                .post(
                        s.base(),
                        s.secretary(),
                        Map.of("title", "Statuten 2024", "basedOn", v1.get("id").asText()))
                .json();
        assertThat(v2.get("articles")).hasSize(3);
        List<Map<String, String>> changed = List.of(
                ARTICLES.get(0),
                Map.of("number", "2", "title", "Doel", "body", "Toegang en preventie in het sociaal domein."),
                Map.of("number", "4", "title", "Penvoerder", "body", "De penvoerder wordt benoemd met twee derde."));
        String path = s.base() + "/" + v2.get("id").asText();
        assertThat(s.api()
                        .put(path, s.secretary(), Map.of("title", "Statuten 2024", "articles", changed, "version", 0))
                        .status())
                .isEqualTo(200);
        JsonNode diff = s.api()
                .get(path + "/diff?from=" + v1.get("id").asText(), s.secretary())
                .json();
        assertThat(diff.get("from").asInt()).isEqualTo(1);
        assertThat(diff.get("to").asInt()).isEqualTo(2);
        assertThat(diff.get("changes").toString())
                .contains(
                        "\"number\":\"2\",\"kind\":\"CHANGED\"",
                        "\"number\":\"4\",\"kind\":\"ADDED\"",
                        "\"number\":\"3\",\"kind\":\"REMOVED\"");
        // The statutes page shows the same diff to people.
        nl.samenspel.governance.support.Browser browser = new nl.samenspel.governance.support.Browser(server);
        browser.logIn(secretaryEmail, Fixtures.PASSWORD);
        String page = browser.get("/c/" + s.coalition().slug() + "/statutes/"
                        + v2.get("id").asText())
                .body();
        assertThat(page)
                .contains(
                        "Wijzigingen ten opzichte van versie 1",
                        "Artikel 2: gewijzigd",
                        "Artikel 4: nieuw",
                        "Artikel 3: vervallen")
                .contains(
                        "<del>Toegang in het sociaal domein.</del>",
                        "<ins>Toegang en preventie in het sociaal domein.</ins>");
        assertThat(browser.get("/c/" + s.coalition().slug() + "/statutes").body())
                .contains("Vastgesteld", "van kracht", "Concept");
        // The old version is still in force until the new one is adopted.
        assertThat(s.api()
                        .get(s.base() + "/" + v1.get("id").asText(), s.secretary())
                        .json()
                        .get("inForceToday")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void badDraftsAreRefusedOnTheField() {
        Setup s = setup(LegalForm.COOPERATIE_UA);
        JsonNode draft = s.api()
                .post(s.base(), s.secretary(), Map.of("title", "Concept"))
                .json();
        String path = s.base() + "/" + draft.get("id").asText();
        Api.Response twice = s.api()
                .put(
                        path,
                        s.secretary(),
                        Map.of(
                                "title",
                                "Concept",
                                "articles",
                                List.of(ARTICLES.get(0), ARTICLES.get(0)),
                                "version",
                                0));
        assertThat(twice.status()).isEqualTo(422);
        Api.Response badNumber = s.api()
                .put(
                        path,
                        s.secretary(),
                        Map.of(
                                "title",
                                "Concept",
                                "articles",
                                List.of(Map.of("number", "drie", "title", "X", "body", "")),
                                "version",
                                0));
        assertThat(badNumber.status()).isEqualTo(422);
        Api.Response badRules = s.api()
                .put(
                        path,
                        s.secretary(),
                        Map.of(
                                "title",
                                "Concept",
                                "articles",
                                ARTICLES,
                                "rules",
                                Map.of("proxyCapPerHolder", "veel"),
                                "version",
                                0));
        assertThat(badRules.status()).isEqualTo(422);
        assertThat(badRules.json().get("errors").get(0).get("field").asText()).isEqualTo("rules");
        Api.Response empty =
                s.api().post(path + "/adopt", s.secretary(), Map.of("effectiveFrom", "2024-01-01", "version", 0));
        assertThat(empty.status()).isEqualTo(409);
        assertThat(empty.json().get("code").asText()).isEqualTo("statute.empty");
        String observer = s.api()
                .login(
                        fixtures.member(s.coalition(), "waarnemer", CoalitionRole.OBSERVER)
                                .email(),
                        Fixtures.PASSWORD);
        assertThat(s.api().post(s.base(), observer, Map.of("title", "X")).status())
                .isEqualTo(403);
        assertThat(s.api().get(s.base(), observer).status()).isEqualTo(200);
    }
}
