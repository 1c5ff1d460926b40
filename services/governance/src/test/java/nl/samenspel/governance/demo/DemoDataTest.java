package nl.samenspel.governance.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.DatabaseTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class DemoDataTest implements DatabaseTest {

    @Inject
    EmbeddedServer server;

    Api api;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("samenspel.demo-data", "true");
    }

    @BeforeAll
    void setUp() {
        api = new Api(server);
    }

    @Test
    void theDeventerSecretarySeesTheFourPartners() {
        String token = api.login("secretaris@deventer.demo", DemoData.PASSWORD);
        JsonNode page =
                api.get("/api/v1/coalitions/deventer-preventie/members", token).json();
        List<String> names = new ArrayList<>();
        page.get("items").forEach(m -> names.add(m.get("name").asText()));
        assertThat(names).containsExactly("De Kern", "MEE IJsseloevers", "Raster", "Zorggroep Solis");
        long total = 0;
        for (JsonNode m : page.get("items")) {
            total += m.get("contributionCents").asLong();
        }
        // De Kern 743.955 + Raster 1.209.505 + MEE 979.588 + Solis 96.425 (Deventer cost overview 2020)
        assertThat(total).isEqualTo(302_947_300L);
    }

    @Test
    void mee_actsInBothCoalitions() {
        String token = api.login("k.jansen@mee.demo", DemoData.PASSWORD);
        String me = api.get("/api/v1/me", token).body();
        assertThat(me).contains("deventer-preventie", "de-kleine-schans", "REPRESENTATIVE");
    }

    @Test
    void bothAuditChainsVerifyAfterLoading() {
        for (String[] c : new String[][] {
            {"secretaris@deventer.demo", "deventer-preventie"}, {"secretaris@woudenberg.demo", "de-kleine-schans"}
        }) {
            String token = api.login(c[0], DemoData.PASSWORD);
            JsonNode verification = api.get("/api/v1/coalitions/" + c[1] + "/audit/verification", token)
                    .json();
            assertThat(verification.get("intact").asBoolean()).as(c[1]).isTrue();
            assertThat(verification.get("events").asLong()).isGreaterThan(5);
        }
    }

    @Test
    void woudenbergCannotSeeDeventer() {
        String token = api.login("secretaris@woudenberg.demo", DemoData.PASSWORD);
        assertThat(api.get("/api/v1/coalitions/deventer-preventie/members", token)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void deventerHasItsPenvoerder() {
        String token = api.login("opdrachtgever@deventer.demo", DemoData.PASSWORD);
        String body = api.get("/api/v1/coalitions/deventer-preventie/penvoerderschap", token)
                .body();
        assertThat(body).contains("Opdracht preventie 2021", "Raster");
    }

    @Test
    void deKleineSchansHasADraftStatuteWithBookTwoRules() {
        String token = api.login("secretaris@woudenberg.demo", DemoData.PASSWORD);
        JsonNode versions =
                api.get("/api/v1/coalitions/de-kleine-schans/statutes", token).json();
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0).get("status").asText()).isEqualTo("DRAFT");
        assertThat(versions.get(0).get("articles")).hasSize(7);
        assertThat(versions.get(0)
                        .get("rules")
                        .get("majority")
                        .get("STATUTE_AMENDMENT")
                        .asText())
                .isEqualTo("TWO_THIRDS");
    }

    @Test
    void theDeventerStuurgroepMeetsEveryTwoWeeksThenEveryThree() {
        String token = api.login("secretaris@deventer.demo", DemoData.PASSWORD);
        JsonNode bodies =
                api.get("/api/v1/coalitions/deventer-preventie/bodies", token).json();
        String stuurgroep = null;
        for (JsonNode b : bodies) {
            if (b.get("name").asText().equals("Stuurgroep")) {
                stuurgroep = b.get("id").asText();
            }
        }
        JsonNode next = api.get(
                        "/api/v1/coalitions/deventer-preventie/bodies/" + stuurgroep
                                + "/rhythm/next?from=2021-01-11&count=6",
                        token)
                .json();
        assertThat(next.toString())
                .contains("2021-01-11", "2021-01-25", "2021-02-08", "2021-02-22", "2021-03-15", "2021-04-05");
        String woudenberg = api.get(
                        "/api/v1/coalitions/de-kleine-schans/bodies",
                        api.login("secretaris@woudenberg.demo", DemoData.PASSWORD))
                .body();
        assertThat(woudenberg).contains("Stuurgroep oprichting", "Ontwikkeltafel governance");
    }

    @Test
    void theWebShowsDeventersPenvoerderAndTheStuurgroepsRhythm() {
        nl.samenspel.governance.support.Browser browser = new nl.samenspel.governance.support.Browser(server);
        browser.logIn("secretaris@deventer.demo", DemoData.PASSWORD);
        assertThat(browser.get("/c/deventer-preventie").body())
                .contains("Penvoerder voor Opdracht preventie 2021: Raster");
        String bodies = browser.get("/c/deventer-preventie/bodies").body();
        assertThat(bodies)
                .contains(
                        "Stuurgroep",
                        "Manager Raster — voorzitter (Raster)",
                        "elke 2 weken tot 01-03-2021",
                        "daarna elke 3 weken")
                .contains("Geen formele rol: dit orgaan neemt geen besluiten.");
    }

    @Test
    void theProductionEnvironmentNeverLoadsDemoData() {
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.put("samenspel.demo-data", "true");
        try (ApplicationContext prod =
                ApplicationContext.builder("prod").properties(properties).start()) {
            assertThat(prod.containsBean(DemoData.class)).isFalse();
        }
    }
}
