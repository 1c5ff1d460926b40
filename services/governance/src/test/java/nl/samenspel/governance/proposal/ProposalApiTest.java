package nl.samenspel.governance.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.samenspel.core.testing.TestDatabase;
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

/** Proposals and votes over HTTP against real PostgreSQL, including the races voting must survive. */
@MicronautTest(transactional = false)
class ProposalApiTest implements DatabaseTest {

    final Smtp smtp = new Smtp();

    @Inject
    EmbeddedServer server;

    @Inject
    OutboxDispatcher dispatcher;

    @Inject
    ProposalNotifier notifier;

    @Inject
    Fixtures fixtures;

    Api api;
    CoalitionResponse deventer;
    String secretary;
    String observer;
    String base;
    String stuurgroep;
    final Map<String, String> members = new HashMap<>();
    final Map<String, String> voters = new HashMap<>();
    final Map<String, String> emails = new HashMap<>();

    @Override
    public Map<String, String> extraProperties() {
        return smtp.properties();
    }

    @AfterAll
    void stopSmtp() {
        smtp.close();
    }

    @BeforeAll
    void setUp() {
        api = new Api(server);
        deventer = fixtures.coalition("stemmen", LegalForm.SAMENWERKINGSVERBAND);
        secretary = api.login(
                fixtures.member(deventer, "secretaris", CoalitionRole.SECRETARY).email(), Fixtures.PASSWORD);
        observer = api.login(
                fixtures.member(deventer, "waarnemer", CoalitionRole.OBSERVER).email(), Fixtures.PASSWORD);
        String slug = "/api/v1/coalitions/" + deventer.slug();
        base = slug + "/proposals";
        for (JsonNode b : api.get(slug + "/bodies", secretary).json()) {
            if (b.get("kind").asText().equals("STUURGROEP")) {
                stuurgroep = b.get("id").asText();
                Api.Response decides = api.put(
                        slug + "/bodies/" + stuurgroep,
                        secretary,
                        Map.of(
                                "name", b.get("name").asText(),
                                "decisionTypes", List.of("ORDINARY", "BUDGET"),
                                "formal", true,
                                "version", b.get("version").asInt()));
                assertThat(decides.status()).as(decides.toString()).isEqualTo(200);
            }
        }
        for (String name : List.of("Raster", "De Kern", "MEE IJsseloevers", "Zorggroep Solis")) {
            String id = api.post(
                            slug + "/members",
                            secretary,
                            Map.of("name", name, "kind", "WELZIJN", "joinedOn", "2021-01-01"))
                    .json()
                    .get("id")
                    .asText();
            members.put(name, id);
            assertThat(api.post(
                                    slug + "/bodies/" + stuurgroep + "/seats",
                                    secretary,
                                    Map.of(
                                            "memberId",
                                            id,
                                            "personName",
                                            "Bestuurder " + name,
                                            "role",
                                            "MEMBER",
                                            "termFrom",
                                            "2021-01-01"))
                            .status())
                    .isEqualTo(201);
            Account rep = fixtures.representative(deventer, UUID.fromString(id), "stem");
            voters.put(name, api.login(rep.email(), Fixtures.PASSWORD));
            emails.put(name, rep.email());
        }
    }

    JsonNode open(String title, boolean changeable) {
        return open(title, changeable, OffsetDateTime.now().plusDays(7));
    }

    JsonNode open(String title, boolean changeable, OffsetDateTime closesAt) {
        Map<String, Object> draft = new HashMap<>();
        draft.put("title", title);
        draft.put("text", "Voorstel: " + title);
        draft.put("decisionType", "ORDINARY");
        draft.put("bodyId", stuurgroep);
        draft.put("mode", "WRITTEN");
        draft.put("votesChangeable", changeable);
        Api.Response drafted = api.post(base, secretary, draft);
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        String id = drafted.json().get("id").asText();
        Api.Response opened = api.post(
                base + "/" + id + "/opening", secretary, Map.of("closesAt", closesAt.toString(), "version", 0));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
        return opened.json();
    }

    Api.Response vote(String voter, String proposal, String choice, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve(base + "/" + proposal + "/votes"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + voter)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"choice\":\"" + choice + "\"}"));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Response(response.statusCode(), response);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static long voteRows(String proposal, String member) {
        TestDatabase db = DatabaseTest.database();
        try (Connection admin = DriverManager.getConnection(db.adminUrl(), db.adminUser(), db.adminPassword());
                PreparedStatement ps = admin.prepareStatement(
                        "SELECT count(*) FROM samenspel.vote WHERE proposal_id = ? AND member_id = ?")) {
            ps.setObject(1, UUID.fromString(proposal));
            ps.setObject(2, UUID.fromString(member));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void closeWindowNow(String proposal) {
        TestDatabase db = DatabaseTest.database();
        try (Connection admin = DriverManager.getConnection(db.adminUrl(), db.adminUser(), db.adminPassword());
                PreparedStatement ps =
                        admin.prepareStatement("UPDATE samenspel.proposal SET opened_at = now() - interval '2 hours',"
                                + " closes_at = now() - interval '1 minute' WHERE id = ?")) {
            ps.setObject(1, UUID.fromString(proposal));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRepresentativeVotesForItsMemberAndOthersSeeWhoVotedButNotHow() {
        JsonNode proposal = open("Jaarplan " + Fixtures.unique(""), true);
        String id = proposal.get("id").asText();
        Api.Response cast = vote(voters.get("Raster"), id, "FOR", null);
        assertThat(cast.status()).as(cast.toString()).isEqualTo(201);
        assertThat(cast.json().get("memberId").asText()).isEqualTo(members.get("Raster"));
        JsonNode seen = api.get(base + "/" + id, observer).json();
        JsonNode raster = null;
        for (JsonNode v : seen.get("voters")) {
            if (v.get("memberId").asText().equals(members.get("Raster"))) {
                raster = v;
            }
        }
        assertThat(raster).isNotNull();
        assertThat(raster.get("voted").asBoolean()).isTrue();
        assertThat(raster.has("choice"))
                .as("how a member voted stays hidden while voting is open")
                .isFalse();

        Api.Response changed = vote(voters.get("Raster"), id, "AGAINST", null);
        assertThat(changed.json().get("revision").asInt()).isEqualTo(1);
        assertThat(voteRows(id, members.get("Raster")))
                .as("a change is a new revision, nothing overwritten")
                .isEqualTo(2);
        JsonNode mine = api.get(base + "/" + id, voters.get("Raster")).json().get("myVote");
        assertThat(mine.get("choice").asText()).isEqualTo("AGAINST");
    }

    @Test
    void onlyAVoterCastsAndOnlyTheSecretaryDraftsAndOpens() {
        JsonNode proposal = open("Rechten " + Fixtures.unique(""), true);
        String id = proposal.get("id").asText();
        Api.Response byObserver = vote(observer, id, "FOR", null);
        assertThat(byObserver.status()).isEqualTo(403);
        assertThat(byObserver.json().get("code").asText()).isEqualTo("vote.no-mandate");
        Map<String, Object> draft = new HashMap<>();
        draft.put("title", "Door een waarnemer");
        draft.put("decisionType", "ORDINARY");
        draft.put("bodyId", stuurgroep);
        draft.put("mode", "WRITTEN");
        assertThat(api.post(base, observer, draft).status()).isEqualTo(403);
        assertThat(api.post(base, voters.get("Raster"), draft).status()).isEqualTo(403);
    }

    @Test
    void fiftyParallelAttemptsToVoteForOneMemberLeaveExactlyOneVote() throws Exception {
        JsonNode proposal = open("Gelijktijdig " + Fixtures.unique(""), false);
        String id = proposal.get("id").asText();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                String choice = i % 2 == 0 ? "FOR" : "AGAINST";
                results.add(pool.submit(() -> {
                    start.await();
                    return vote(voters.get("De Kern"), id, choice, null).status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses).isSubsetOf(201, 409);
            assertThat(statuses).contains(201);
        } finally {
            pool.shutdownNow();
        }
        assertThat(voteRows(id, members.get("De Kern"))).isEqualTo(1);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheSameVote() {
        JsonNode proposal = open("Opnieuw " + Fixtures.unique(""), true);
        String id = proposal.get("id").asText();
        String key = UUID.randomUUID().toString();
        Api.Response first = vote(voters.get("MEE IJsseloevers"), id, "ABSTAIN", key);
        Api.Response retry = vote(voters.get("MEE IJsseloevers"), id, "ABSTAIN", key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.json().get("revision").asInt())
                .isEqualTo(first.json().get("revision").asInt());
        assertThat(retry.json().get("castAt").asText())
                .isEqualTo(first.json().get("castAt").asText());
        assertThat(voteRows(id, members.get("MEE IJsseloevers"))).isEqualTo(1);
        Api.Response reused = vote(voters.get("MEE IJsseloevers"), id, "FOR", key);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("code").asText()).isEqualTo("idempotency.key-reused");
    }

    @Test
    void aVoteAfterTheCloseIsA409AndTheDatabaseRefusesItToo() throws SQLException {
        JsonNode proposal = open("Te laat " + Fixtures.unique(""), true);
        String id = proposal.get("id").asText();
        closeWindowNow(id);
        Api.Response late = vote(voters.get("Zorggroep Solis"), id, "FOR", null);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("code").asText()).isEqualTo("vote.closed");
        assertThat(voteRows(id, members.get("Zorggroep Solis"))).isZero();

        TestDatabase db = DatabaseTest.database();
        try (Connection app = DriverManager.getConnection(db.appUrl(), db.appUser(), db.rolePassword())) {
            app.setAutoCommit(false);
            try (PreparedStatement bind =
                    app.prepareStatement("SELECT set_config('samenspel.coalition_id', ?, true)")) {
                bind.setString(1, deventer.id().toString());
                bind.execute();
            }
            assertThatThrownBy(() -> {
                        try (PreparedStatement ps = app.prepareStatement(
                                "INSERT INTO vote (coalition_id, proposal_id, member_id, revision, choice, cast_by, cast_at)"
                                        + " SELECT ?, ?, ?, 0, 'FOR', account_id, now() FROM representative"
                                        + " WHERE coalition_id = ? LIMIT 1")) {
                            ps.setObject(1, deventer.id());
                            ps.setObject(2, UUID.fromString(id));
                            ps.setObject(3, UUID.fromString(members.get("Zorggroep Solis")));
                            ps.setObject(4, deventer.id());
                            ps.executeUpdate();
                        }
                    })
                    .hasMessageContaining("voting on this proposal is closed");
            app.rollback();
        }
    }

    @Test
    void aProxyWithinTheCapIsRegisteredAndOneBeyondItIsRefused() {
        JsonNode proposal = open("Volmacht " + Fixtures.unique(""), true);
        String id = proposal.get("id").asText();
        Api.Response first = api.post(
                base + "/" + id + "/proxies",
                voters.get("De Kern"),
                Map.of("grantorId", members.get("De Kern"), "holderId", members.get("Raster"), "instruction", "FOR"));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("proxies").get(0).get("holderName").asText())
                .isEqualTo("Raster");
        Api.Response second = api.post(
                base + "/" + id + "/proxies",
                secretary,
                Map.of("grantorId", members.get("Zorggroep Solis"), "holderId", members.get("Raster")));
        assertThat(second.status()).isEqualTo(422);
        assertThat(second.json().get("code").asText()).isEqualTo("proxy.cap");
        Api.Response forAnother = api.post(
                base + "/" + id + "/proxies",
                voters.get("De Kern"),
                Map.of("grantorId", members.get("MEE IJsseloevers"), "holderId", members.get("De Kern")));
        assertThat(forAnother.status()).as("only for one's own member").isEqualTo(403);
    }

    @Test
    void aMemberWithAConflictOfInterestCannotVote() {
        JsonNode proposal = open("Belang " + Fixtures.unique(""), true);
        String id = proposal.get("id").asText();
        Api.Response declared = api.post(
                base + "/" + id + "/conflicts",
                voters.get("Zorggroep Solis"),
                Map.of(
                        "memberId",
                        members.get("Zorggroep Solis"),
                        "reason",
                        "Solis is zelf de aanbieder in dit voorstel."));
        assertThat(declared.status()).as(declared.toString()).isEqualTo(200);
        assertThat(declared.json().get("recusals").get(0).get("memberName").asText())
                .isEqualTo("Zorggroep Solis");
        Api.Response refused = vote(voters.get("Zorggroep Solis"), id, "FOR", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("vote.recused");
    }

    @Test
    void draftsAreCheckedAndOpenedOnlyOnce() {
        Map<String, Object> draft = new HashMap<>();
        draft.put("title", "Ontbinden");
        draft.put("decisionType", "DISSOLUTION");
        draft.put("bodyId", stuurgroep);
        draft.put("mode", "WRITTEN");
        Api.Response refused = api.post(base, secretary, draft);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("decisionType");
        draft.put("decisionType", "ORDINARY");
        draft.put("mode", "MEETING");
        assertThat(api.post(base, secretary, draft)
                        .json()
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asText())
                .isEqualTo("meetingId");
        JsonNode proposal = open("Eenmaal " + Fixtures.unique(""), true);
        Api.Response again = api.post(
                base + "/" + proposal.get("id").asText() + "/opening",
                secretary,
                Map.of(
                        "closesAt",
                        OffsetDateTime.now().plusDays(3).toString(),
                        "version",
                        proposal.get("version").asInt()));
        assertThat(again.status()).isEqualTo(409);
        Api.Response past = api.post(
                base + "/" + proposal.get("id").asText() + "/opening",
                secretary,
                Map.of("closesAt", OffsetDateTime.now().minusDays(1).toString(), "version", 0));
        assertThat(past.status()).isEqualTo(422);
    }

    List<String> subjects(String name, String containing) {
        return smtp.to(emails.get(name)).stream()
                .map(m -> {
                    try {
                        return m.getSubject();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .filter(subject -> subject.contains(containing))
                .toList();
    }

    @Test
    void votersAreToldVotingOpenedAndOnlyTheSilentOnesAreRemindedOnceADayBeforeTheClose() {
        String title = "Herinnering " + Fixtures.unique("");
        JsonNode proposal = open(title, true, OffsetDateTime.now().plusHours(5));
        dispatcher.dispatchDue();
        for (String name : emails.keySet()) {
            assertThat(subjects(name, "Stemming geopend: " + title)).as(name).hasSize(1);
        }
        String id = proposal.get("id").asText();
        assertThat(vote(voters.get("Raster"), id, "FOR", null).status()).isEqualTo(201);
        assertThat(api.post(
                                base + "/" + id + "/conflicts",
                                secretary,
                                Map.of("memberId", members.get("Zorggroep Solis"), "reason", "Eigen aanbod."))
                        .status())
                .isEqualTo(200);

        notifier.remindDue();
        notifier.remindDue();
        dispatcher.dispatchDue();
        assertThat(subjects("Raster", "Herinnering: stemming sluit binnenkort — " + title))
                .as("voted")
                .isEmpty();
        assertThat(subjects("Zorggroep Solis", "Herinnering: stemming sluit binnenkort — " + title))
                .as("recused")
                .isEmpty();
        assertThat(subjects("De Kern", "Herinnering: stemming sluit binnenkort — " + title))
                .hasSize(1);
        assertThat(subjects("MEE IJsseloevers", "Herinnering: stemming sluit binnenkort — " + title))
                .hasSize(1);
    }

    @Test
    void brokenAndDamagedBodiesOnEveryProposalEndpointAreA4xxProblemNeverA500() {
        JsonNode proposal = open("Beschadigd " + Fixtures.unique(""), true);
        String id = proposal.get("id").asText();
        List<String[]> endpoints = List.of(
                new String[] {
                    "POST",
                    base,
                    "{\"title\":\"Nieuw\",\"decisionType\":\"ORDINARY\",\"bodyId\":\"" + stuurgroep
                            + "\",\"mode\":\"WRITTEN\"}"
                },
                new String[] {
                    "PUT",
                    base + "/" + id,
                    "{\"title\":\"Nieuw\",\"decisionType\":\"ORDINARY\",\"bodyId\":\"" + stuurgroep
                            + "\",\"mode\":\"WRITTEN\",\"version\":0}"
                },
                new String[] {
                    "POST", base + "/" + id + "/opening", "{\"closesAt\":\"2030-01-01T10:00:00+01:00\",\"version\":0}"
                },
                new String[] {"POST", base + "/" + id + "/votes", "{\"choice\":\"FOR\"}"},
                new String[] {
                    "POST",
                    base + "/" + id + "/proxies",
                    "{\"grantorId\":\"" + members.get("Raster") + "\",\"holderId\":\"" + members.get("De Kern") + "\"}"
                },
                new String[] {
                    "POST",
                    base + "/" + id + "/conflicts",
                    "{\"memberId\":\"" + members.get("Raster") + "\",\"reason\":\"Belang\"}"
                });
        java.util.Random random = new java.util.Random(20261122);
        String damage = "{}[]\":,0123456789-.aZé\\ \u0000";
        List<String> failures = new ArrayList<>();
        for (String[] e : endpoints) {
            List<String> bodies =
                    new ArrayList<>(List.of("{", "[]", "null", "{\"choice\":\"MAYBE\"}", "{\"version\":\"x\"}"));
            for (int i = 0; i < 30; i++) {
                char[] json = e[2].toCharArray();
                for (int j = 0; j < 1 + random.nextInt(3); j++) {
                    json[random.nextInt(json.length)] = damage.charAt(random.nextInt(damage.length()));
                }
                bodies.add(new String(json));
            }
            for (String body : bodies) {
                Api.Response r = api.send(
                        e[0],
                        e[1],
                        e[1].endsWith("/votes") ? voters.get("Raster") : secretary,
                        "application/json",
                        body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                if (r.status() >= 500
                        || r.body().contains("Exception")
                        || r.body().contains("SQL")
                        || r.body().contains("at nl.")) {
                    failures.add(e[0] + " " + e[1] + " " + body + " -> " + r);
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(api.get(base + "/" + UUID.randomUUID(), secretary).status()).isEqualTo(404);
        assertThat(api.get(base + "/geen-id", secretary).status()).isBetween(400, 404);
    }
}
