package nl.samenspel.governance.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Closing proposals in a coöperatie of six members: the engine's outcome, its validity record, a
 * statute amendment that becomes a version only with two thirds, a written decision that needs everyone,
 * and votes racing the close.
 */
@MicronautTest(transactional = false)
class ProposalOutcomeTest implements DatabaseTest {

    static final List<String> FOUNDERS =
            List.of("Gemeente Woudenberg", "MEE", "Youké", "Stichting Schuilplaats", "Kwintes", "Welzijn Woudenberg");

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    Api api;
    CoalitionResponse coop;
    String secretary;
    String slug;
    String alv;
    String meeting;
    final Map<String, String> voters = new HashMap<>();

    @BeforeAll
    void setUp() {
        api = new Api(server);
        coop = fixtures.coalition("kleine-schans", LegalForm.COOPERATIE_UA);
        secretary = api.login(
                fixtures.member(coop, "secretaris", CoalitionRole.SECRETARY).email(), Fixtures.PASSWORD);
        slug = "/api/v1/coalitions/" + coop.slug();
        for (JsonNode b : api.get(slug + "/bodies", secretary).json()) {
            if (b.get("kind").asText().equals("ALV")) {
                alv = b.get("id").asText();
                Api.Response decides = api.put(
                        slug + "/bodies/" + alv,
                        secretary,
                        Map.of(
                                "name", b.get("name").asText(),
                                "decisionTypes",
                                        List.of("ORDINARY", "STATUTE_AMENDMENT", "ADMISSION", "PENVOERDER_APPOINTMENT"),
                                "formal", true,
                                "version", b.get("version").asInt()));
                assertThat(decides.status()).as(decides.toString()).isEqualTo(200);
            }
        }
        for (String name : FOUNDERS) {
            String id = api.post(
                            slug + "/members",
                            secretary,
                            Map.of("name", name, "kind", "OVERIG", "joinedOn", "2024-01-01"))
                    .json()
                    .get("id")
                    .asText();
            Account rep = fixtures.representative(coop, UUID.fromString(id), "lid");
            voters.put(name, api.login(rep.email(), Fixtures.PASSWORD));
        }
        String startsAt = LocalDate.now(ZoneId.of("Europe/Amsterdam"))
                .plusDays(10)
                .atTime(19, 30)
                .atZone(ZoneId.of("Europe/Amsterdam"))
                .toOffsetDateTime()
                .toString();
        meeting = api.post(
                        slug + "/meetings",
                        secretary,
                        Map.of("bodyId", alv, "title", "ALV", "startsAt", startsAt, "location", "Dorpshuis"))
                .json()
                .get("id")
                .asText();
    }

    String statuteDraft(String title) {
        JsonNode draft =
                api.post(slug + "/statutes", secretary, Map.of("title", title)).json();
        Api.Response filled = api.put(
                slug + "/statutes/" + draft.get("id").asText(),
                secretary,
                Map.of(
                        "title", title,
                        "articles",
                                List.of(Map.of(
                                        "number",
                                        "1",
                                        "title",
                                        "Naam",
                                        "body",
                                        "De coöperatie heet De Kleine Schans.")),
                        "version", draft.get("version").asInt()));
        assertThat(filled.status()).as(filled.toString()).isEqualTo(200);
        return draft.get("id").asText();
    }

    String openProposal(Map<String, Object> draft) {
        Api.Response drafted = api.post(slug + "/proposals", secretary, draft);
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        String id = drafted.json().get("id").asText();
        Api.Response opened = api.post(
                slug + "/proposals/" + id + "/opening",
                secretary,
                Map.of("closesAt", OffsetDateTime.now().plusDays(3).toString(), "version", 0));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
        return id;
    }

    String amendment(String statute) {
        Map<String, Object> draft = new HashMap<>();
        draft.put("title", "Statutenwijziging " + Fixtures.unique(""));
        draft.put("text", "De ALV stelt de gewijzigde statuten vast.");
        draft.put("decisionType", "STATUTE_AMENDMENT");
        draft.put("bodyId", alv);
        draft.put("mode", "MEETING");
        draft.put("meetingId", meeting);
        draft.put("statuteVersionId", statute);
        return openProposal(draft);
    }

    void vote(String proposal, String member, String choice) {
        Api.Response cast =
                api.post(slug + "/proposals/" + proposal + "/votes", voters.get(member), Map.of("choice", choice));
        assertThat(cast.status()).as(member + " " + cast).isEqualTo(201);
    }

    JsonNode close(String proposal) {
        Api.Response closed = api.post(slug + "/proposals/" + proposal + "/closing", secretary, Map.of());
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        return closed.json();
    }

    @Test
    void aStatuteAmendmentWithTwoThirdsBecomesTheNewVersion() {
        String statute = statuteDraft("Statuten 2027 " + Fixtures.unique(""));
        String proposal = amendment(statute);
        for (int i = 0; i < 6; i++) {
            vote(proposal, FOUNDERS.get(i), i < 4 ? "FOR" : "AGAINST");
        }
        JsonNode closed = close(proposal);
        assertThat(closed.get("outcome").asText()).isEqualTo("ADOPTED");
        JsonNode result = closed.get("result");
        assertThat(result.get("tally").get("for").asInt()).isEqualTo(4);
        assertThat(result.get("tally").get("against").asInt()).isEqualTo(2);
        assertThat(result.get("explanation").toString())
                .contains("artikel 2:43 lid 1 BW")
                .contains("twee derde");
        assertThat(closed.get("voters").get(0).has("choice"))
                .as("after the close, how each voted is shown")
                .isTrue();
        JsonNode version = api.get(slug + "/statutes/" + statute, secretary).json();
        assertThat(version.get("status").asText()).isEqualTo("ADOPTED");
        assertThat(version.get("effectiveFrom").asText())
                .isEqualTo(LocalDate.now(ZoneId.of("Europe/Amsterdam")).toString());
    }

    @Test
    void sixtyPercentRejectsAStatuteAmendmentAndTheDraftStaysADraft() {
        String statute = statuteDraft("Statuten 2028 " + Fixtures.unique(""));
        String proposal = amendment(statute);
        vote(proposal, "Gemeente Woudenberg", "FOR");
        vote(proposal, "MEE", "FOR");
        vote(proposal, "Youké", "FOR");
        vote(proposal, "Stichting Schuilplaats", "AGAINST");
        vote(proposal, "Kwintes", "AGAINST");
        JsonNode closed = close(proposal);
        assertThat(closed.get("outcome").asText()).isEqualTo("REJECTED");
        assertThat(closed.get("result").get("explanation").toString()).contains("60");
        assertThat(api.get(slug + "/statutes/" + statute, secretary)
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("DRAFT");
        Api.Response late = api.post(
                slug + "/proposals/" + proposal + "/votes", voters.get("Welzijn Woudenberg"), Map.of("choice", "FOR"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(api.post(slug + "/proposals/" + proposal + "/closing", secretary, Map.of())
                        .status())
                .as("closed once")
                .isEqualTo(409);
    }

    @Test
    void aWrittenDecisionWithOneMemberSilentIsNotAdopted() {
        Map<String, Object> draft = new HashMap<>();
        draft.put("title", "Schriftelijk besluit " + Fixtures.unique(""));
        draft.put("decisionType", "ORDINARY");
        draft.put("bodyId", alv);
        draft.put("mode", "WRITTEN");
        String proposal = openProposal(draft);
        for (String member : FOUNDERS.subList(0, 5)) {
            vote(proposal, member, "FOR");
        }
        JsonNode closed = close(proposal);
        assertThat(closed.get("outcome").asText()).isNotEqualTo("ADOPTED");
        assertThat(closed.get("result").get("explanation").toString()).contains("2:40");
    }

    @Test
    void votesRacingTheCloseEitherLandBeforeItOrGetA409() throws Exception {
        Map<String, Object> draft = new HashMap<>();
        draft.put("title", "Race " + Fixtures.unique(""));
        draft.put("decisionType", "ORDINARY");
        draft.put("bodyId", alv);
        draft.put("mode", "MEETING");
        draft.put("meetingId", meeting);
        String proposal = openProposal(draft);
        ExecutorService pool = Executors.newFixedThreadPool(FOUNDERS.size() + 1);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Integer>>> voting = new ArrayList<>();
        try {
            for (String member : FOUNDERS) {
                voting.add(pool.submit(() -> {
                    start.await();
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < 15; i++) {
                        statuses.add(api.post(
                                        slug + "/proposals/" + proposal + "/votes",
                                        voters.get(member),
                                        Map.of("choice", i % 2 == 0 ? "FOR" : "AGAINST"))
                                .status());
                    }
                    return statuses;
                }));
            }
            Future<Integer> closing = pool.submit(() -> {
                start.await();
                Thread.sleep(20);
                return api.post(slug + "/proposals/" + proposal + "/closing", secretary, Map.of())
                        .status();
            });
            start.countDown();
            assertThat(closing.get()).isEqualTo(200);
            for (Future<List<Integer>> f : voting) {
                assertThat(f.get()).isSubsetOf(201, 409);
            }
        } finally {
            pool.shutdownNow();
        }
        TestDatabase db = DatabaseTest.database();
        try (Connection admin = DriverManager.getConnection(db.adminUrl(), db.adminUser(), db.adminPassword());
                PreparedStatement ps = admin.prepareStatement(
                        "SELECT p.closed_at, max(v.cast_at), count(v.*) FROM samenspel.proposal p"
                                + " LEFT JOIN samenspel.vote v ON v.coalition_id = p.coalition_id AND v.proposal_id = p.id"
                                + " WHERE p.id = ? GROUP BY p.closed_at")) {
            ps.setObject(1, UUID.fromString(proposal));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp closedAt = rs.getTimestamp(1);
                Timestamp lastVote = rs.getTimestamp(2);
                if (lastVote != null) {
                    assertThat(lastVote).as("no vote landed after the close").isBefore(closedAt);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        JsonNode record = api.get(slug + "/proposals/" + proposal, secretary).json();
        assertThat(record.get("status").asText()).isEqualTo("CLOSED");
    }

    @Test
    void theDecisionRegisterListsClosedProposalsWithTheirValidityRecordAndExportsThemAsCsv() {
        Map<String, Object> draft = new HashMap<>();
        String title = "Begrotingswijziging buurtcentrum " + Fixtures.unique("");
        draft.put("title", title);
        draft.put("text", "Extra middelen voor het buurtcentrum.");
        draft.put("decisionType", "ORDINARY");
        draft.put("bodyId", alv);
        draft.put("mode", "MEETING");
        draft.put("meetingId", meeting);
        String proposal = openProposal(draft);
        vote(proposal, "Gemeente Woudenberg", "FOR");
        vote(proposal, "MEE", "FOR");
        vote(proposal, "Youké", "AGAINST");
        vote(proposal, "Kwintes", "ABSTAIN");
        assertThat(api.post(
                                slug + "/proposals/" + proposal + "/conflicts",
                                secretary,
                                Map.of(
                                        "memberId",
                                        memberId("Stichting Schuilplaats"),
                                        "reason",
                                        "Huurder van het buurtcentrum."))
                        .status())
                .isEqualTo(200);
        close(proposal);

        JsonNode found = api.get(slug + "/decision-register?q=buurtcentrum", voters.get("MEE"))
                .json();
        JsonNode entry = null;
        for (JsonNode e : found) {
            if (e.get("title").asText().equals(title)) {
                entry = e;
            }
        }
        assertThat(entry).as("found by a word of its title").isNotNull();
        assertThat(entry.get("outcome").asText()).isEqualTo("ADOPTED");
        assertThat(entry.get("votesFor").asInt()).isEqualTo(2);
        assertThat(entry.get("votesAgainst").asInt()).isEqualTo(1);
        assertThat(entry.get("abstentions").asInt()).isEqualTo(1);
        assertThat(entry.get("recused").toString()).contains("Stichting Schuilplaats");
        assertThat(api.get(slug + "/decision-register?q=onvindbaar-woord", secretary)
                        .json())
                .isEmpty();

        Api.Response csv = api.get(slug + "/decision-register/export.csv?q=buurtcentrum", secretary);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.body().replace("\uFEFF", "").split("\r\n");
        assertThat(lines[0]).startsWith("nummer;titel;soort besluit;orgaan;wijze;gesloten;uitkomst");
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .contains(title)
                .contains(";aangenomen;")
                .contains("Stichting Schuilplaats"));
    }

    @Test
    void aMemberRepresentedAtTheMeetingIsRepresentedInItsVotesAndTheChairDeclaresTheResult() {
        String startsAt = LocalDate.now(ZoneId.of("Europe/Amsterdam"))
                .plusDays(12)
                .atTime(19, 30)
                .atZone(ZoneId.of("Europe/Amsterdam"))
                .toOffsetDateTime()
                .toString();
        String own = api.post(
                        slug + "/meetings",
                        secretary,
                        Map.of("bodyId", alv, "title", "ALV voorjaar", "startsAt", startsAt, "location", "Dorpshuis"))
                .json()
                .get("id")
                .asText();
        Api.Response seat = api.post(
                slug + "/bodies/" + alv + "/seats",
                secretary,
                Map.of(
                        "memberId", memberId("MEE"),
                        "personName", "Anna de Vries",
                        "role", "CHAIR",
                        "votes", false,
                        "termFrom", "2024-01-01"));
        assertThat(seat.status()).as(seat.toString()).isIn(200, 201);
        List<Map<String, Object>> entries = new java.util.ArrayList<>();
        for (String name : List.of("Gemeente Woudenberg", "MEE", "Youké", "Stichting Schuilplaats")) {
            entries.add(Map.of("memberId", memberId(name), "status", "PRESENT", "personName", "Bestuurder " + name));
        }
        entries.add(Map.of(
                "memberId", memberId("Welzijn Woudenberg"), "status", "REPRESENTED", "proxyHolderId", memberId("MEE")));
        entries.add(Map.of("memberId", memberId("Kwintes"), "status", "ABSENT"));
        Api.Response attended =
                api.put(slug + "/meetings/" + own + "/attendance", secretary, Map.of("entries", entries));
        assertThat(attended.status()).as(attended.toString()).isEqualTo(200);

        Map<String, Object> draft = new HashMap<>();
        String title = "Inkoop jongerenwerk " + Fixtures.unique("");
        draft.put("title", title);
        draft.put("decisionType", "ORDINARY");
        draft.put("bodyId", alv);
        draft.put("mode", "MEETING");
        draft.put("meetingId", own);
        String proposal = openProposal(draft);
        vote(proposal, "MEE", "FOR");
        vote(proposal, "Youké", "FOR");
        vote(proposal, "Gemeente Woudenberg", "AGAINST");
        vote(proposal, "Stichting Schuilplaats", "AGAINST");
        JsonNode closed = close(proposal);
        // Two against two, and Welzijn Woudenberg follows MEE, which holds its proxy for the meeting.
        assertThat(closed.get("outcome").asText()).isEqualTo("ADOPTED");
        JsonNode result = closed.get("result");
        assertThat(result.get("tally").get("for").asInt()).isEqualTo(3);
        assertThat(result.get("proxies").toString())
                .contains("Welzijn Woudenberg")
                .contains("MEE");
        assertThat(result.get("explanation").toString()).contains("Welzijn Woudenberg is vertegenwoordigd door MEE");
        String declared =
                "De voorzitter, Anna de Vries (MEE), stelt ter vergadering vast dat het voorstel is aangenomen."
                        + " Dit oordeel is beslissend (artikel 2:13 lid 1 BW).";
        assertThat(result.get("declaration").get("text").asText()).isEqualTo(declared);

        JsonNode entry = null;
        for (JsonNode e : api.get(slug + "/decision-register?outcome=ADOPTED&q=jongerenwerk", secretary)
                .json()) {
            if (e.get("title").asText().equals(title)) {
                entry = e;
            }
        }
        assertThat(entry).as("in the register of adopted decisions").isNotNull();
        assertThat(entry.get("declaration").asText()).isEqualTo(declared);
        assertThat(api.get(slug + "/decision-register/export.csv?q=" + title.replace(" ", "%20"), secretary)
                        .body())
                .contains(declared);

        // A proxy given for the proposal itself wins over the one for the meeting.
        draft.put("title", "Huur ontmoetingsruimte " + Fixtures.unique(""));
        String second = openProposal(draft);
        Api.Response proxy = api.post(
                slug + "/proposals/" + second + "/proxies",
                secretary,
                Map.of(
                        "grantorId", memberId("Welzijn Woudenberg"),
                        "holderId", memberId("Youké"),
                        "instruction", "AGAINST"));
        assertThat(proxy.status()).as(proxy.toString()).isIn(200, 201);
        vote(second, "MEE", "FOR");
        vote(second, "Youké", "FOR");
        vote(second, "Gemeente Woudenberg", "AGAINST");
        vote(second, "Stichting Schuilplaats", "AGAINST");
        JsonNode rejected = close(second);
        assertThat(rejected.get("outcome").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("result").get("tally").get("against").asInt()).isEqualTo(3);
        assertThat(rejected.get("result").get("explanation").toString())
                .contains("Welzijn Woudenberg is vertegenwoordigd door Youké")
                .contains("Volmacht van Welzijn Woudenberg aan MEE telt niet");
    }

    String memberId(String name) {
        for (JsonNode m : api.get(slug + "/members?size=100", secretary).json().get("items")) {
            if (m.get("name").asText().equals(name)) {
                return m.get("id").asText();
            }
        }
        throw new AssertionError("no member " + name);
    }

    String draftOf(String type, String title) {
        Map<String, Object> draft = new HashMap<>();
        draft.put("title", title);
        draft.put("decisionType", type);
        draft.put("bodyId", alv);
        draft.put("mode", "MEETING");
        draft.put("meetingId", meeting);
        Api.Response drafted = api.post(slug + "/proposals", secretary, draft);
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        return drafted.json().get("id").asText();
    }

    void openDrafted(String id) {
        Api.Response opened = api.post(
                slug + "/proposals/" + id + "/opening",
                secretary,
                Map.of("closesAt", OffsetDateTime.now().plusDays(3).toString(), "version", 0));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
    }

    @Test
    void anAdoptedAdmissionEnrolsTheNewMemberAndAnAppointmentMakesThePenvoerder() {
        String name = "Stichting Buurtkracht " + Fixtures.unique("");
        String admission = draftOf("ADMISSION", "Toelating " + name);
        Api.Response early = api.post(
                slug + "/proposals/" + admission + "/opening",
                secretary,
                Map.of("closesAt", OffsetDateTime.now().plusDays(3).toString(), "version", 0));
        assertThat(early.status()).as("whom it admits comes first").isEqualTo(409);
        assertThat(api.put(
                                slug + "/proposals/" + admission + "/consequence",
                                secretary,
                                Map.of("admission", Map.of("name", name, "kind", "WELZIJN")))
                        .status())
                .isEqualTo(200);
        openDrafted(admission);
        for (String member : FOUNDERS) {
            vote(admission, member, "FOR");
        }
        JsonNode admitted = close(admission);
        assertThat(admitted.get("outcome").asText()).isEqualTo("ADOPTED");
        assertThat(admitted.get("result").get("explanation").toString()).contains(name + " is met ingang van");
        assertThat(api.get(slug + "/members?size=100", secretary).body()).contains(name);

        String scope = "Subsidie sociale basis " + Fixtures.unique("");
        String appointment = draftOf("PENVOERDER_APPOINTMENT", "Penvoerder " + scope);
        Map<String, Object> who = new HashMap<>();
        who.put("scope", scope);
        who.put("memberId", memberId("MEE"));
        who.put("mandate", "Vraagt de subsidie aan en legt verantwoording af.");
        assertThat(api.put(slug + "/proposals/" + appointment + "/consequence", secretary, Map.of("appointment", who))
                        .status())
                .isEqualTo(200);
        openDrafted(appointment);
        vote(appointment, "Gemeente Woudenberg", "FOR");
        vote(appointment, "Youké", "FOR");
        vote(appointment, "Kwintes", "AGAINST");
        JsonNode appointed = close(appointment);
        assertThat(appointed.get("outcome").asText()).isEqualTo("ADOPTED");
        String penvoerders = api.get(slug + "/penvoerderschap", secretary).body();
        assertThat(penvoerders).contains(scope).contains("MEE");
    }
}
