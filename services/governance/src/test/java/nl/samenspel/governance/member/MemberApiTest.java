package nl.samenspel.governance.member;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import nl.samenspel.governance.coalition.CoalitionResponse;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.identity.Account;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class MemberApiTest implements DatabaseTest {

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    Api api;
    CoalitionResponse coalition;
    String secretary;
    String observer;
    String members;

    @BeforeAll
    void setUp() {
        api = new Api(server);
        coalition = fixtures.coalition("members", LegalForm.SAMENWERKINGSVERBAND);
        Account s = fixtures.member(coalition, "secretary", CoalitionRole.SECRETARY);
        Account o = fixtures.member(coalition, "observer", CoalitionRole.OBSERVER);
        secretary = api.login(s.email(), Fixtures.PASSWORD);
        observer = api.login(o.email(), Fixtures.PASSWORD);
        members = "/api/v1/coalitions/" + coalition.slug() + "/members";
    }

    static Map<String, Object> raster() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Raster " + Fixtures.unique("r"));
        body.put("kind", "WELZIJN");
        body.put("kvkNumber", "08127395");
        body.put("joinedOn", "2021-01-01");
        body.put("contributionFte", "16.41");
        body.put("contributionCents", 120950500L);
        return body;
    }

    @Test
    void aSecretaryAddsAMemberWithItsFiguresExactly() {
        Api.Response created = api.post(members, secretary, raster());
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith(created.json().get("id").asText());
        JsonNode member = api.get(created.header("Location"), observer).json();
        assertThat(member.get("contributionFte").decimalValue()).isEqualByComparingTo("16.41");
        assertThat(member.get("contributionCents").asLong()).isEqualTo(120950500L);
        assertThat(member.get("votingWeight").asInt()).isEqualTo(1);
        assertThat(member.get("current").asBoolean()).isTrue();
    }

    @Test
    void anObserverReadsButCannotAdd() {
        Api.Response response = api.post(members, observer, raster());
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("code").asText()).isEqualTo("auth.role-required");
    }

    @Test
    void aSecondCurrentMemberWithTheSameNameIsAConflict() {
        Map<String, Object> body = raster();
        assertThat(api.post(members, secretary, body).status()).isEqualTo(201);
        Api.Response again = api.post(members, secretary, body);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("member.name-taken");
    }

    @Test
    void anUpdateWithAStaleVersionIsAConflictAndChangesNothing() {
        JsonNode created = api.post(members, secretary, raster()).json();
        String path = members + "/" + created.get("id").asText();
        Map<String, Object> change = raster();
        change.put("name", created.get("name").asText());
        change.put("votingWeight", 2);
        change.put("version", 0);
        Api.Response first = api.put(path, secretary, change);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("version").asInt()).isEqualTo(1);
        assertThat(first.header("ETag")).isEqualTo("W/\"1\"");

        change.put("votingWeight", 3);
        Api.Response stale = api.put(path, secretary, change);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("code").asText()).isEqualTo("member.version-conflict");
        assertThat(api.get(path, secretary).json().get("votingWeight").asInt()).isEqualTo(2);
    }

    @Test
    void endingAMembershipKeepsTheMemberInTheHistory() {
        JsonNode created = api.post(members, secretary, raster()).json();
        String id = created.get("id").asText();
        Api.Response ended =
                api.post(members + "/" + id + "/end", secretary, Map.of("leftOn", "2024-12-31", "version", 0));
        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.json().get("current").asBoolean()).isFalse();

        assertThat(api.get(members, secretary).body()).doesNotContain(id);
        assertThat(api.get(members + "?status=FORMER", secretary).body()).contains(id);
        assertThat(api.get(members + "?status=ALL&size=200", secretary).body()).contains(id);

        Api.Response twice =
                api.post(members + "/" + id + "/end", secretary, Map.of("leftOn", "2025-01-31", "version", 1));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("code").asText()).isEqualTo("member.already-ended");
    }

    @Test
    void leavingBeforeJoiningIsRefusedOnTheField() {
        String id = api.post(members, secretary, raster()).json().get("id").asText();
        Api.Response response =
                api.post(members + "/" + id + "/end", secretary, Map.of("leftOn", "2020-12-31", "version", 0));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("leftOn");
    }

    @Test
    void listsArePagedInNameOrder() {
        for (int i = 0; i < 3; i++) {
            api.post(members, secretary, raster());
        }
        JsonNode page = api.get(members + "?size=2&page=0", secretary).json();
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("size").asInt()).isEqualTo(2);
        assertThat(page.get("totalItems").asLong()).isGreaterThanOrEqualTo(3);
        String first = page.get("items").get(0).get("name").asText();
        String second = page.get("items").get(1).get("name").asText();
        assertThat(first.compareToIgnoreCase(second)).isLessThanOrEqualTo(0);
        JsonNode next = api.get(members + "?size=2&page=1", secretary).json();
        assertThat(next.get("items").get(0).get("name").asText()).isNotIn(first, second);
    }

    @Test
    void everyPageTellsTheSameTotalAlsoTheLastAndOnePastIt() {
        for (int i = 0; i < 3; i++) {
            api.post(members, secretary, raster());
        }
        long total =
                api.get(members + "?size=1", secretary).json().get("totalItems").asLong();
        assertThat(total).isGreaterThanOrEqualTo(3);

        // a page with room to spare, one that is the last and not full, one past the end
        JsonNode roomy = api.get(members + "?size=" + (total + 1), secretary).json();
        assertThat(roomy.get("items")).hasSize((int) total);
        assertThat(roomy.get("totalItems").asLong()).isEqualTo(total);
        assertThat(roomy.get("totalPages").asInt()).isEqualTo(1);
        long lastPage = (total - 1) / 2;
        JsonNode last = api.get(members + "?size=2&page=" + lastPage, secretary).json();
        assertThat(last.get("items")).hasSize((int) (total - 2 * lastPage));
        assertThat(last.get("totalItems").asLong()).isEqualTo(total);
        assertThat(last.get("totalPages").asInt()).isEqualTo((int) ((total + 1) / 2));
        JsonNode past =
                api.get(members + "?size=2&page=" + (lastPage + 1), secretary).json();
        assertThat(past.get("items")).isEmpty();
        assertThat(past.get("totalItems").asLong()).isEqualTo(total);
    }
}
