package nl.samenspel.governance.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import nl.samenspel.governance.coalition.CoalitionResponse;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.identity.Account;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.mail.OutboxDispatcher;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import nl.samenspel.governance.support.Smtp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class InvitationApiTest implements DatabaseTest {

    private static final Pattern LINK = Pattern.compile("https://samenspel\\.test/invitations/([A-Za-z0-9_-]{43})");
    private static final String NEW_PASSWORD = "a long enough passphrase";

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

    @Override
    public Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(smtp.properties());
        properties.put("samenspel.public-url", "https://samenspel.test/");
        return properties;
    }

    @BeforeAll
    void setUp() {
        api = new Api(server);
        coalition = fixtures.coalition("uitnodigen", LegalForm.SAMENWERKINGSVERBAND);
        secretary = login(fixtures.member(coalition, "secretaris", CoalitionRole.SECRETARY));
    }

    @AfterAll
    void tearDown() {
        smtp.close();
    }

    @Test
    void anInviteeReceivesTheLinkAcceptsAndBecomesARepresentative() throws Exception {
        String memberId = member(coalition, secretary, "Welzijn Oost");
        String email = Fixtures.unique("Jan").toLowerCase() + "@example.nl";

        Api.Response created = invite(coalition, secretary, memberId, email.toUpperCase(), true, false);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("email").asText()).isEqualTo(email);
        assertThat(created.json().get("status").asText()).isEqualTo("open");
        assertThat(created.body()).doesNotContainIgnoringCase("token");

        assertThat(smtp.to(email)).isEmpty();
        dispatcher.dispatchDue();
        List<MimeMessage> mail = smtp.to(email);
        assertThat(mail).hasSize(1);
        String text = Smtp.text(mail.get(0));
        assertThat(mail.get(0).getSubject()).contains("Welzijn Oost");
        assertThat(text).contains(coalition.name(), "Welzijn Oost", "7 dagen", "7 days");
        String token = token(text);
        assertThat(text.indexOf("Beste")).isLessThan(text.indexOf("Dear"));
        assertThat(outboxBody(email))
                .as("the sent body with the link is not kept")
                .isEmpty();
        assertThat(count("SELECT count(*) FROM samenspel.invitation WHERE token_hash = ?", token))
                .as("the token itself is never stored")
                .isZero();

        Api.Response view = api.get("/api/v1/invitations/" + token, null);
        assertThat(view.status()).as(view.toString()).isEqualTo(200);
        assertThat(view.json().get("coalitionName").asText()).isEqualTo(coalition.name());
        assertThat(view.json().get("memberName").asText()).isEqualTo("Welzijn Oost");
        assertThat(view.json().get("email").asText()).isEqualTo(email);
        assertThat(view.json().get("accountHasPassword").asBoolean()).isFalse();

        Api.Response accepted = accept(token, NEW_PASSWORD);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().get("tokenType").asText()).isEqualTo("Bearer");
        String sessionToken = accepted.json().get("accessToken").asText();
        assertThat(api.get("/api/v1/me", sessionToken).status()).isEqualTo(200);

        String representative = api.login(email, NEW_PASSWORD);
        JsonNode me = api.get("/api/v1/me", representative).json();
        JsonNode membership = StreamSupport.stream(me.get("coalitions").spliterator(), false)
                .filter(c -> c.get("slug").asText().equals(coalition.slug()))
                .findFirst()
                .orElseThrow();
        assertThat(membership.get("roles").toString()).contains("REPRESENTATIVE");

        Api.Response list = api.get(representativesPath(coalition, memberId), representative);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json()).hasSize(1);
        JsonNode mandate = list.json().get(0);
        assertThat(mandate.get("email").asText()).isEqualTo(email);
        assertThat(mandate.get("mayVote").asBoolean()).isTrue();
        assertThat(mandate.get("maySign").asBoolean()).isFalse();
        assertThat(mandate.get("current").asBoolean()).isTrue();
        assertThat(mandate.get("validFrom").asText())
                .isEqualTo(LocalDate.now(ZoneId.of("Europe/Amsterdam")).toString());

        JsonNode invitations =
                api.get(invitationsPath(coalition, memberId), secretary).json();
        assertThat(invitations.get(0).get("status").asText()).isEqualTo("accepted");

        Api.Response again = accept(token, NEW_PASSWORD);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("invitation.used");
        assertThat(api.get("/api/v1/invitations/" + token, null).status()).isEqualTo(409);
        assertThat(api.get(representativesPath(coalition, memberId), secretary).json())
                .hasSize(1);
    }

    @Test
    void anExistingAccountMustGiveItsPasswordKeepsItAndOnlyGainsTheRole() throws Exception {
        String memberId = member(coalition, secretary, "Zorg West");
        Account existing = fixtures.account("bestaand");
        invite(coalition, secretary, memberId, existing.email(), false, true);
        String token = deliveredToken(existing.email());

        assertThat(api.get("/api/v1/invitations/" + token, null)
                        .json()
                        .get("accountHasPassword")
                        .asBoolean())
                .isTrue();
        // The link alone does not open an existing account: its own password is asked for.
        Api.Response withoutPassword = api.post("/api/v1/invitations/" + token + "/accept", null, Map.of());
        assertThat(withoutPassword.status()).isEqualTo(401);
        Api.Response wrongPassword = accept(token, "not the password at all");
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(api.get(representativesPath(coalition, memberId), secretary).json())
                .as("nothing accepted yet")
                .isEmpty();
        Api.Response accepted = accept(token, Fixtures.PASSWORD);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);

        String token2 = api.login(existing.email(), Fixtures.PASSWORD);
        assertThat(api.get(representativesPath(coalition, memberId), token2).json())
                .hasSize(1);
    }

    @Test
    void aFailedAcceptanceWritesNothing() throws Exception {
        String memberId = member(coalition, secretary, "Jeugdhulp Noord");
        String email = Fixtures.unique("kort").toLowerCase() + "@example.nl";
        invite(coalition, secretary, memberId, email, true, true);
        String token = deliveredToken(email);

        Api.Response weak = accept(token, "te kort");
        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.contentType()).startsWith("application/problem+json");
        assertThat(weak.json().get("errors").get(0).get("field").asText()).isEqualTo("password");

        Api.Response tooLong = accept(token, "é".repeat(40));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().get("errors").get(0).get("field").asText()).isEqualTo("password");

        Api.Response missing = api.post("/api/v1/invitations/" + token + "/accept", null, Map.of());
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("errors").get(0).get("field").asText()).isEqualTo("password");

        assertThat(count("SELECT count(*) FROM samenspel.account WHERE email = ?", email))
                .isZero();
        assertThat(count("SELECT count(*) FROM samenspel.representative WHERE member_id = ?::uuid", memberId))
                .isZero();
        assertThat(api.get(invitationsPath(coalition, memberId), secretary)
                        .json()
                        .get(0)
                        .get("status")
                        .asText())
                .isEqualTo("open");

        assertThat(accept(token, NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aPersonRepresentsOneMemberAtATimeAndAFailedSecondAcceptanceRollsBack() throws Exception {
        String first = member(coalition, secretary, "Eerste Lid");
        String second = member(coalition, secretary, "Tweede Lid");
        String email = Fixtures.unique("dubbel").toLowerCase() + "@example.nl";
        invite(coalition, secretary, first, email, true, true);
        assertThat(accept(deliveredToken(email), NEW_PASSWORD).status()).isEqualTo(200);

        invite(coalition, secretary, second, email, true, true);
        dispatcher.dispatchDue();
        String token = token(Smtp.text(smtp.to(email).get(1)));
        Api.Response overlap = accept(token, NEW_PASSWORD);
        assertThat(overlap.status()).as(overlap.toString()).isEqualTo(409);
        assertThat(overlap.json().get("code").asText()).isEqualTo("representative.overlap");
        assertThat(api.get(representativesPath(coalition, second), secretary).json())
                .isEmpty();
        assertThat(api.get(invitationsPath(coalition, second), secretary)
                        .json()
                        .get(0)
                        .get("status")
                        .asText())
                .isEqualTo("open");
    }

    @Test
    void expiredAndUnknownTokensAreRefused() throws Exception {
        String memberId = member(coalition, secretary, "Onderwijs Zuid");
        String email = Fixtures.unique("laat").toLowerCase() + "@example.nl";
        invite(coalition, secretary, memberId, email, true, true);
        String token = deliveredToken(email);
        admin(
                "UPDATE samenspel.invitation SET created_at = now() - interval '8 days',"
                        + " expires_at = now() - interval '1 day' WHERE email = ?",
                email);

        Api.Response view = api.get("/api/v1/invitations/" + token, null);
        assertThat(view.status()).isEqualTo(410);
        assertThat(view.json().get("code").asText()).isEqualTo("invitation.expired");
        Api.Response expired = accept(token, NEW_PASSWORD);
        assertThat(expired.status()).isEqualTo(410);
        assertThat(count("SELECT count(*) FROM samenspel.account WHERE email = ?", email))
                .isZero();
        assertThat(api.get(invitationsPath(coalition, memberId), secretary)
                        .json()
                        .get(0)
                        .get("status")
                        .asText())
                .isEqualTo("expired");

        String unknown = "A".repeat(43);
        Api.Response notFound = api.get("/api/v1/invitations/" + unknown, null);
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.json().get("code").asText()).isEqualTo("invitation.not-found");
        assertThat(accept(unknown, NEW_PASSWORD).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/invitations/nonsense", null).status()).isEqualTo(404);
    }

    @Test
    void anEndedMemberCannotBeInvitedFor() {
        String memberId = member(coalition, secretary, "Vertrokken Lid");
        Api.Response ended = api.post(
                "/api/v1/coalitions/" + coalition.slug() + "/members/" + memberId + "/end",
                secretary,
                Map.of("leftOn", LocalDate.now().minusDays(1).toString(), "version", 0));
        assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
        Api.Response invited = invite(coalition, secretary, memberId, "x@example.nl", true, true);
        assertThat(invited.status()).isEqualTo(409);
        assertThat(invited.json().get("code").asText()).isEqualTo("member.not-current");
    }

    @Test
    void aFailingSmtpServerLosesNothingAndDeliversOnce() throws Exception {
        String memberId = member(coalition, secretary, "Stil Lid");
        String email = Fixtures.unique("uitval").toLowerCase() + "@example.nl";
        smtp.stop();
        try {
            assertThat(invite(coalition, secretary, memberId, email, true, true).status())
                    .isEqualTo(201);
            dispatcher.dispatchDue();
            try (Connection c = adminConnection();
                    PreparedStatement ps = c.prepareStatement("SELECT attempts, last_error, sent_at, next_attempt_at"
                            + " > now() FROM samenspel.outbox_email WHERE recipient = ?")) {
                ps.setString(1, email);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).isEqualTo(1);
                    assertThat(rs.getString(2)).isNotBlank().hasSizeLessThanOrEqualTo(500);
                    assertThat(rs.getTimestamp(3)).isNull();
                    assertThat(rs.getBoolean(4))
                            .as("retried later, not at once")
                            .isTrue();
                    assertThat(rs.next()).isFalse();
                }
            }
        } finally {
            smtp.start();
        }
        dispatcher.dispatchDue();
        assertThat(smtp.to(email)).as("not due yet").isEmpty();

        admin(
                "UPDATE samenspel.outbox_email SET next_attempt_at = now() - interval '1 second' WHERE recipient = ?",
                email);
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();
        assertThat(smtp.to(email)).hasSize(1);
        assertThat(count(
                        "SELECT count(*) FROM samenspel.outbox_email WHERE recipient = ? AND sent_at IS NOT NULL"
                                + " AND attempts = 2 AND last_error IS NULL",
                        email))
                .isEqualTo(1);
    }

    @Test
    void anotherCoalitionsSecretarySeesNothingOfThisOne() throws Exception {
        String memberId = member(coalition, secretary, "Geheim Lid");
        String email = Fixtures.unique("isolatie").toLowerCase() + "@example.nl";
        invite(coalition, secretary, memberId, email, true, true);
        String accepted = accept(deliveredToken(email), NEW_PASSWORD)
                .json()
                .get("representativeId")
                .asText();

        CoalitionResponse other = fixtures.coalition("ander", LegalForm.COOPERATIE_UA);
        String outsider = login(fixtures.member(other, "buitenstaander", CoalitionRole.SECRETARY));
        Map<String, Object> end =
                Map.of("validUntil", LocalDate.now().plusDays(30).toString(), "version", 0);

        for (CoalitionResponse slugOf : List.of(coalition, other)) {
            Api.Response invite = invite(slugOf, outsider, memberId, "spion@example.nl", true, true);
            assertThat(invite.status()).as(invite.toString()).isEqualTo(404);
            assertThat(invite.body()).doesNotContain("Geheim Lid");
            assertThat(api.get(invitationsPath(slugOf, memberId), outsider).status())
                    .isEqualTo(404);
            Api.Response reps = api.get(representativesPath(slugOf, memberId), outsider);
            assertThat(reps.status()).isEqualTo(404);
            assertThat(reps.body()).doesNotContain(email);
            assertThat(api.post(representativesPath(slugOf, memberId) + "/" + accepted + "/end", outsider, end)
                            .status())
                    .isEqualTo(404);
        }
        assertThat(count("SELECT count(*) FROM samenspel.outbox_email WHERE recipient = 'spion@example.nl'"))
                .isZero();
        assertThat(api.get(representativesPath(coalition, memberId), secretary)
                        .json()
                        .get(0)
                        .hasNonNull("validUntil"))
                .as("the mandate was not ended by the outsider")
                .isFalse();
    }

    @Test
    void onlyTheSecretaryInvites() {
        String memberId = member(coalition, secretary, "Rollen Lid");
        for (CoalitionRole role : List.of(CoalitionRole.REPRESENTATIVE, CoalitionRole.OBSERVER)) {
            String token = login(
                    role == CoalitionRole.REPRESENTATIVE
                            ? fixtures.representative(
                                    coalition, java.util.UUID.fromString(memberId), "vertegenwoordiger")
                            : fixtures.member(coalition, role.name().toLowerCase(), role));
            Api.Response invite = invite(coalition, token, memberId, "iemand@example.nl", true, true);
            assertThat(invite.status()).as(role + ": " + invite).isEqualTo(403);
            assertThat(invite.json().get("code").asText()).isEqualTo("auth.role-required");
            assertThat(api.get(invitationsPath(coalition, memberId), token).status())
                    .isEqualTo(403);
            assertThat(api.get(representativesPath(coalition, memberId), token).status())
                    .isEqualTo(200);
        }
        assertThat(api.get(invitationsPath(coalition, memberId), secretary).json())
                .isEmpty();
    }

    @Test
    void badInputIsAProblemAndWritesNothing() {
        String memberId = member(coalition, secretary, "Invoer Lid");
        String path = invitationsPath(coalition, memberId);

        Api.Response malformed =
                api.send("POST", path, secretary, "application/json", "{\"email\": ".getBytes(StandardCharsets.UTF_8));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");

        Api.Response missing =
                api.post(path, secretary, Map.of("displayName", "Iemand", "mayVote", true, "maySign", true));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().get("errors").get(0).get("field").asText()).isEqualTo("email");

        Api.Response invalid = invite(coalition, secretary, memberId, "geen-adres", true, true);
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().get("errors").get(0).get("field").asText()).isEqualTo("email");

        Api.Response noFlags = api.post(path, secretary, Map.of("email", "a@example.nl", "displayName", "A"));
        assertThat(noFlags.status()).isEqualTo(422);

        Api.Response unknownMember =
                invite(coalition, secretary, java.util.UUID.randomUUID().toString(), "a@example.nl", true, true);
        assertThat(unknownMember.status()).isEqualTo(404);
        assertThat(unknownMember.json().get("code").asText()).isEqualTo("member.not-found");

        assertThat(api.get(path, secretary).json()).isEmpty();
        assertThat(
                        count(
                                "SELECT count(*) FROM samenspel.outbox_email WHERE recipient IN ('geen-adres', 'a@example.nl')"))
                .isZero();
    }

    @Test
    void theSecretaryEndsAMandateOnceAndWithTheCurrentVersion() throws Exception {
        String memberId = member(coalition, secretary, "Einde Lid");
        String email = Fixtures.unique("einde").toLowerCase() + "@example.nl";
        invite(coalition, secretary, memberId, email, true, true);
        String id = accept(deliveredToken(email), NEW_PASSWORD)
                .json()
                .get("representativeId")
                .asText();
        String endPath = representativesPath(coalition, memberId) + "/" + id + "/end";
        String tomorrow =
                LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusDays(1).toString();

        Api.Response stale = api.post(endPath, secretary, Map.of("validUntil", tomorrow, "version", 3));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("code").asText()).isEqualTo("representative.version-conflict");

        String today = LocalDate.now(ZoneId.of("Europe/Amsterdam")).toString();
        Api.Response tooEarly = api.post(endPath, secretary, Map.of("validUntil", today, "version", 0));
        assertThat(tooEarly.status()).isEqualTo(422);
        assertThat(tooEarly.json().get("errors").get(0).get("field").asText()).isEqualTo("validUntil");

        Api.Response ended = api.post(endPath, secretary, Map.of("validUntil", tomorrow, "version", 0));
        assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
        assertThat(ended.json().get("validUntil").asText()).isEqualTo(tomorrow);
        assertThat(ended.json().get("version").asInt()).isEqualTo(1);

        Api.Response twice = api.post(endPath, secretary, Map.of("validUntil", tomorrow, "version", 1));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("code").asText()).isEqualTo("representative.already-ended");

        assertThat(count(
                        "SELECT count(*) FROM samenspel.audit_event WHERE action = 'representative.ended' AND entity_id = ?",
                        id))
                .isEqualTo(1);
    }

    // ------------------------------------------------------------------ helpers

    private String login(Account account) {
        return api.login(account.email(), Fixtures.PASSWORD);
    }

    private String member(CoalitionResponse c, String token, String name) {
        Api.Response created = api.post(
                "/api/v1/coalitions/" + c.slug() + "/members",
                token,
                Map.of("name", name, "kind", "WELZIJN", "joinedOn", "2024-01-01"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private Api.Response invite(
            CoalitionResponse c, String token, String memberId, String email, boolean mayVote, boolean maySign) {
        return api.post(
                invitationsPath(c, memberId),
                token,
                Map.of("email", email, "displayName", "Jan de Vries", "mayVote", mayVote, "maySign", maySign));
    }

    private Api.Response accept(String token, String password) {
        Map<String, Object> body = new HashMap<>();
        if (password != null) {
            body.put("password", password);
        }
        return api.post("/api/v1/invitations/" + token + "/accept", null, body);
    }

    private String deliveredToken(String email) {
        dispatcher.dispatchDue();
        List<MimeMessage> mail = smtp.to(email);
        assertThat(mail).hasSize(1);
        return token(Smtp.text(mail.get(0)));
    }

    private static String token(String text) {
        Matcher matcher = LINK.matcher(text);
        assertThat(matcher.find()).as("a link in: " + text).isTrue();
        return matcher.group(1);
    }

    private static String invitationsPath(CoalitionResponse c, String memberId) {
        return "/api/v1/coalitions/" + c.slug() + "/members/" + memberId + "/invitations";
    }

    private static String representativesPath(CoalitionResponse c, String memberId) {
        return "/api/v1/coalitions/" + c.slug() + "/members/" + memberId + "/representatives";
    }

    private String outboxBody(String email) throws SQLException {
        try (Connection c = adminConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT body_text FROM samenspel.outbox_email WHERE recipient = ?")) {
            ps.setString(1, email);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static Connection adminConnection() throws SQLException {
        var db = DatabaseTest.database();
        return DriverManager.getConnection(db.adminUrl(), db.adminUser(), db.adminPassword());
    }

    private static long count(String sql, Object... args) {
        try (Connection c = adminConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void admin(String sql, Object... args) throws SQLException {
        try (Connection c = adminConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }
}
