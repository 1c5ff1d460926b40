package nl.samenspel.governance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.samenspel.core.audit.AuditChain;
import nl.samenspel.core.audit.AuditLog;
import nl.samenspel.core.audit.AuditRecord;
import nl.samenspel.core.tenancy.CoalitionId;
import nl.samenspel.core.tenancy.TenantTransactions;
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

@MicronautTest(transactional = false)
class AuditTrailTest implements DatabaseTest {

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Inject
    AuditLog audit;

    @Inject
    TenantTransactions tx;

    Api api;

    @BeforeAll
    void setUp() {
        api = new Api(server);
    }

    record Trail(CoalitionResponse coalition, String secretary, String base) {}

    Trail trailWithMutations() {
        CoalitionResponse coalition = fixtures.coalition("audit", LegalForm.COOPERATIE_UA);
        Account account = fixtures.member(coalition, "secretary", CoalitionRole.SECRETARY);
        String token = api.login(account.email(), Fixtures.PASSWORD);
        String base = "/api/v1/coalitions/" + coalition.slug();
        for (String name : new String[] {"Gemeente Woudenberg", "MEE", "Youké"}) {
            Api.Response created = api.post(
                    base + "/members", token, Map.of("name", name, "kind", "OVERIG", "joinedOn", "2017-06-01"));
            assertThat(created.status()).isEqualTo(201);
        }
        String id = api.get(base + "/members", token)
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asText();
        api.put(
                base + "/members/" + id,
                token,
                Map.of(
                        "name",
                        "Gemeente Woudenberg",
                        "kind",
                        "GEMEENTE",
                        "joinedOn",
                        "2017-06-01",
                        "alsoOpdrachtgever",
                        true,
                        "version",
                        0));
        api.post(base + "/status", token, Map.of("status", "ONBOARDING", "version", 0));
        return new Trail(coalition, token, base);
    }

    @Test
    void everyMutationIsAnEventWithWhoWhatBeforeAndAfter() {
        Trail trail = trailWithMutations();
        JsonNode page =
                api.get(trail.base() + "/audit?size=3", trail.secretary()).json();
        JsonNode newest = page.get("items").get(0);
        assertThat(newest.get("action").asText()).isEqualTo("coalition.status-changed");
        assertThat(newest.get("before").asText()).contains("DRAFT");
        assertThat(newest.get("after").asText()).contains("ONBOARDING");
        assertThat(newest.get("actor").asText()).endsWith("@example.nl");
        JsonNode update = page.get("items").get(1);
        assertThat(update.get("action").asText()).isEqualTo("member.updated");
        assertThat(update.get("after").asText()).contains("\"alsoOpdrachtgever\":true");
        assertThat(page.get("nextBefore").asLong()).isEqualTo(newest.get("seq").asLong() - 2);
    }

    @Test
    void theChainVerifiesAfterASeriesOfMutations() {
        Trail trail = trailWithMutations();
        JsonNode verification =
                api.get(trail.base() + "/audit/verification", trail.secretary()).json();
        assertThat(verification.get("intact").asBoolean()).isTrue();
        // created, 2 bodies (ALV, bestuur), 3 members, 1 update, 1 status change
        assertThat(verification.get("events").asLong()).isEqualTo(8);
    }

    @Test
    void parallelWritersExtendOneUnforkedChainEvenFromAnEmptyOne() throws Exception {
        Trail trail = trailWithMutations();
        TestDatabase db = DatabaseTest.database();
        try (Connection admin = DriverManager.getConnection(db.adminUrl(), db.adminUser(), db.adminPassword());
                PreparedStatement events =
                        admin.prepareStatement("DELETE FROM samenspel.audit_event WHERE coalition_id = ?");
                PreparedStatement head =
                        admin.prepareStatement("DELETE FROM samenspel.audit_head WHERE coalition_id = ?")) {
            events.setObject(1, trail.coalition().id());
            events.executeUpdate();
            head.setObject(1, trail.coalition().id());
            head.executeUpdate();
        }
        CoalitionId coalition = CoalitionId.of(trail.coalition().id());
        // First 24 writers race for the very first event (no head row to lock yet), then 24 more extend it.
        for (int round = 0; round < 2; round++) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                int n = round * 24 + i;
                writes.add(pool.submit(() -> {
                    go.await();
                    return tx.write(
                            coalition,
                            () -> audit.append(
                                    coalition, "test", "test.parallel", "test", n, Map.of(), Map.of("n", n)));
                }));
            }
            go.countDown();
            for (Future<?> write : writes) {
                write.get(30, TimeUnit.SECONDS);
            }
            pool.shutdown();
        }
        JsonNode verification =
                api.get(trail.base() + "/audit/verification", trail.secretary()).json();
        assertThat(verification.get("intact").asBoolean())
                .as(verification.toString())
                .isTrue();
        assertThat(verification.get("events").asLong()).isEqualTo(48);
    }

    @Test
    void theHashTheDatabaseMakesIsTheChainsOwnAlsoForOddTextAndMissingStates() {
        Trail trail = trailWithMutations();
        CoalitionId coalition = CoalitionId.of(trail.coalition().id());
        // Multi-byte and astral characters, combining marks, a line break, quotes and no before state:
        // the lengths in the hashed bytes are UTF-8 byte counts, in Java and in PostgreSQL alike.
        Map<String, Object> after = new java.util.LinkedHashMap<>();
        after.put("naam", "Youké \uD83D\uDE00 cafe\u0301 \"schans\"\nWoudenberg");
        AuditRecord written = tx.write(
                coalition,
                () -> audit.append(coalition, "sécrétaire@example.nl", "test.unicode", "tëst", "ü-1", null, after));
        List<AuditRecord> stored = tx.read(coalition, () -> audit.page(coalition, written.seq() - 1, 1));
        assertThat(stored).containsExactly(written);
        assertThat(written.before()).isNull();
        assertThat(written.hash()).isEqualTo(AuditChain.hashOf(written));
        AuditRecord previous = tx.read(coalition, () -> audit.page(coalition, written.seq() - 2, 1))
                .get(0);
        assertThat(written.prevHash()).isEqualTo(previous.hash());
        JsonNode verification =
                api.get(trail.base() + "/audit/verification", trail.secretary()).json();
        assertThat(verification.get("intact").asBoolean())
                .as(verification.toString())
                .isTrue();
    }

    @Test
    void aRowEditedDirectlyInTheDatabaseIsReported() throws Exception {
        Trail trail = trailWithMutations();
        TestDatabase db = DatabaseTest.database();
        try (Connection admin = DriverManager.getConnection(db.adminUrl(), db.adminUser(), db.adminPassword());
                PreparedStatement ps = admin.prepareStatement(
                        "UPDATE samenspel.audit_event SET after_state = replace(after_state, 'MEE', 'MEE (gewijzigd)')"
                                + " WHERE coalition_id = ? AND action = 'member.created' AND after_state LIKE '%\"MEE\"%'")) {
            ps.setObject(1, trail.coalition().id());
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        JsonNode verification =
                api.get(trail.base() + "/audit/verification", trail.secretary()).json();
        assertThat(verification.get("intact").asBoolean()).isFalse();
        // 1 created, 2-3 bodies, 4 Gemeente Woudenberg, 5 MEE
        assertThat(verification.get("brokenAt").asLong()).isEqualTo(5);
        assertThat(verification.get("reason").asText()).contains("changed");
    }

    @Test
    void aDeletedRowIsReported() throws Exception {
        Trail trail = trailWithMutations();
        TestDatabase db = DatabaseTest.database();
        try (Connection admin = DriverManager.getConnection(db.adminUrl(), db.adminUser(), db.adminPassword());
                PreparedStatement ps = admin.prepareStatement(
                        "DELETE FROM samenspel.audit_event WHERE coalition_id = ? AND seq = 4")) {
            ps.setObject(1, trail.coalition().id());
            ps.executeUpdate();
        }
        JsonNode verification =
                api.get(trail.base() + "/audit/verification", trail.secretary()).json();
        assertThat(verification.get("intact").asBoolean()).isFalse();
        assertThat(verification.get("brokenAt").asLong()).isEqualTo(4);
    }

    @Test
    void deletingTheNewestEventsIsReported() throws Exception {
        Trail trail = trailWithMutations();
        TestDatabase db = DatabaseTest.database();
        try (Connection admin = DriverManager.getConnection(db.adminUrl(), db.adminUser(), db.adminPassword());
                PreparedStatement ps = admin.prepareStatement(
                        "DELETE FROM samenspel.audit_event WHERE coalition_id = ? AND seq >= 7")) {
            ps.setObject(1, trail.coalition().id());
            assertThat(ps.executeUpdate()).isEqualTo(2);
        }
        JsonNode verification =
                api.get(trail.base() + "/audit/verification", trail.secretary()).json();
        assertThat(verification.get("intact").asBoolean()).isFalse();
        assertThat(verification.get("brokenAt").asLong()).isEqualTo(7);
    }

    @Test
    void representativesAndObserversCannotReadTheTrail() {
        Trail trail = trailWithMutations();
        Account observer = fixtures.member(trail.coalition(), "observer", CoalitionRole.OBSERVER);
        String token = api.login(observer.email(), Fixtures.PASSWORD);
        assertThat(api.get(trail.base() + "/audit", token).status()).isEqualTo(403);
    }
}
