package nl.samenspel.governance.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.samenspel.core.testing.TestDatabase;
import nl.samenspel.governance.coalition.CoalitionResponse;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.mail.OutboxDispatcher;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.Browser;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import nl.samenspel.governance.support.Smtp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The page behind an invitation link, in the states a person can find it in. */
@MicronautTest(transactional = false)
class InvitationPagesTest implements DatabaseTest {

    final Smtp smtp = new Smtp();

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Inject
    OutboxDispatcher dispatcher;

    Api api;
    CoalitionResponse coalition;
    String secretary;
    String memberId;

    @Override
    public Map<String, String> extraProperties() {
        return new HashMap<>(smtp.properties());
    }

    @BeforeAll
    void setUp() {
        api = new Api(server);
        coalition = fixtures.coalition("uitnodigingspagina", LegalForm.COOPERATIE_UA);
        secretary = api.login(
                fixtures.member(coalition, "secretaris", CoalitionRole.SECRETARY)
                        .email(),
                Fixtures.PASSWORD);
        memberId = api.post(
                        "/api/v1/coalitions/" + coalition.slug() + "/members",
                        secretary,
                        Map.of("name", "Youké", "kind", "JEUGDHULP", "joinedOn", "2018-01-01"))
                .json()
                .get("id")
                .asText();
    }

    @AfterAll
    void tearDown() {
        smtp.close();
    }

    String invite(String email) {
        Api.Response response = api.post(
                "/api/v1/coalitions/" + coalition.slug() + "/members/" + memberId + "/invitations",
                secretary,
                Map.of("email", email, "displayName", "Pieter de Vries", "mayVote", true, "maySign", false));
        assertThat(response.status()).isEqualTo(201);
        dispatcher.dispatchDue();
        Matcher link = Pattern.compile("/invitations/([A-Za-z0-9_-]{43})")
                .matcher(Smtp.text(smtp.to(email).get(0)));
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    @Test
    void anUnknownLinkSaysSoWithA404() {
        Browser.Page page = new Browser(server).get("/invitations/" + "A".repeat(43));
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("hoort niet bij een uitnodiging");
    }

    @Test
    void anExpiredLinkSaysSoWithA410() throws Exception {
        String token = invite(Fixtures.unique("verlopen") + "@example.nl");
        TestDatabase db = DatabaseTest.database();
        try (Connection admin = DriverManager.getConnection(db.adminUrl(), db.adminUser(), db.adminPassword());
                PreparedStatement ps = admin.prepareStatement(
                        "UPDATE samenspel.invitation SET created_at = now() - interval '8 days',"
                                + " expires_at = now() - interval '1 day' WHERE coalition_id = ? AND accepted_at IS NULL")) {
            ps.setObject(1, coalition.id());
            ps.executeUpdate();
        }
        Browser.Page page = new Browser(server).get("/invitations/" + token);
        assertThat(page.status()).isEqualTo(410);
        assertThat(page.body()).contains("verlopen");
    }

    @Test
    void aShortPasswordIsRefusedOnTheFieldAndNothingIsAccepted() {
        String email = Fixtures.unique("kort") + "@example.nl";
        String token = invite(email);
        Browser browser = new Browser(server);
        String csrf = browser.get("/invitations/" + token).csrfToken();
        Browser.Page page = browser.post(
                "/invitations/" + token,
                Map.of("displayName", "Pieter", "password", "kort", "passwordRepeat", "kort", "csrfToken", csrf));
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("minstens 12 tekens");
        // Still open: the page shows the form again, and no account can log in.
        assertThat(browser.get("/invitations/" + token).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/auth/token", null, Map.of("email", email, "password", "kort"))
                        .status())
                .isEqualTo(401);
    }
}
