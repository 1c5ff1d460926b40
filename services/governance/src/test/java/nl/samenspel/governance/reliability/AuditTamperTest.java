package nl.samenspel.governance.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import nl.samenspel.core.audit.AuditChain;
import nl.samenspel.core.audit.AuditRecord;
import nl.samenspel.core.testing.TestDatabase;
import nl.samenspel.governance.coalition.CoalitionResponse;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import nl.samenspel.governance.support.Superuser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Someone with database access rewrites a coalition's history; the verification the secretary and the
 * accountant read (API and audit page) must say the chain is broken, and where. The hash rules themselves
 * are core's {@code AuditChainTest}; the plain edit, delete and cut-off tail are also in
 * {@code audit.AuditTrailTest}. Here: the moves an informed attacker makes.
 */
@MicronautTest(transactional = false)
class AuditTamperTest implements DatabaseTest {

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    Api api;
    final AtomicInteger detected = new AtomicInteger();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger serverErrors = new AtomicInteger();

    @BeforeAll
    void setUp() {
        api = new Api(server);
    }

    @AfterAll
    void summary() {
        System.out.printf(
                "reliability: audit-tamper tamperings detected=%d, requests sent=%d, 5xx seen=%d%n",
                detected.get(), requests.get(), serverErrors.get());
        assertThat(serverErrors.get()).isZero();
    }

    /** A coalition's chain: its creation and first bodies, then three members, the last {@code n}. */
    record Chain(CoalitionResponse coalition, String secretary, String base, long n) {

        UUID id() {
            return coalition.id();
        }
    }

    Chain chain() {
        CoalitionResponse coalition = fixtures.coalition("tamper", LegalForm.SAMENWERKINGSVERBAND);
        String token = api.login(
                fixtures.member(coalition, "tamper-secretaris", CoalitionRole.SECRETARY)
                        .email(),
                Fixtures.PASSWORD);
        String base = "/api/v1/coalitions/" + coalition.slug();
        for (String name : new String[] {"Raster", "De Kern", "MEE IJsseloevers"}) {
            Api.Response created = api.post(
                    base + "/members", token, Map.of("name", name, "kind", "WELZIJN", "joinedOn", "2021-01-01"));
            assertThat(created.status()).isEqualTo(201);
        }
        Chain chain = new Chain(coalition, token, base, 0);
        JsonNode intact = verification(chain);
        assertThat(intact.get("intact").asBoolean()).isTrue();
        assertThat(intact.get("events").asLong()).isGreaterThanOrEqualTo(5);
        return new Chain(coalition, token, base, intact.get("events").asLong());
    }

    @Test
    void anEditedEventWhoseOwnHashIsRecomputedBreaksTheLinkAfterIt() {
        Chain chain = chain();
        long raster = chain.n() - 2;
        AuditRecord event = read(chain.id(), raster);
        assertThat(event.after()).contains("Raster");
        String forged = event.after().replace("Raster", "Raster (vervalst)");
        AuditRecord rewritten = new AuditRecord(
                event.coalitionId(),
                event.seq(),
                event.occurredAt(),
                event.actor(),
                event.action(),
                event.entityType(),
                event.entityId(),
                event.before(),
                forged,
                event.prevHash(),
                null);
        assertThat(Superuser.update(
                        "UPDATE samenspel.audit_event SET after_state = ?, hash = ? WHERE coalition_id = ? AND seq = ?",
                        forged,
                        AuditChain.hashOf(rewritten),
                        chain.id(),
                        raster))
                .isEqualTo(1);
        // The edited event is consistent in itself now; the one after it still names the old hash.
        broken(chain, raster + 1, "does not link");
    }

    @Test
    void anEditedActorIsReported() {
        Chain chain = chain();
        Superuser.update(
                "UPDATE samenspel.audit_event SET actor = 'iemand-anders@example.nl' WHERE coalition_id = ? AND seq = 2",
                chain.id());
        broken(chain, 2, "changed");
    }

    @Test
    void aDeletedEventInTheMiddleIsReported() {
        Chain chain = chain();
        assertThat(Superuser.update("DELETE FROM samenspel.audit_event WHERE coalition_id = ? AND seq = 3", chain.id()))
                .isEqualTo(1);
        broken(chain, 3, "missing");
    }

    @Test
    void twoEventsSwappedInOrderAreReported() {
        Chain chain = chain();
        // Swap the places of two members' events (through a free number, the key being (coalition_id, seq)).
        long a = chain.n() - 2;
        String swap = "UPDATE samenspel.audit_event SET seq = ? WHERE coalition_id = ? AND seq = ?";
        assertThat(Superuser.update(swap, 1000, chain.id(), a)).isEqualTo(1);
        assertThat(Superuser.update(swap, a, chain.id(), a + 1)).isEqualTo(1);
        assertThat(Superuser.update(swap, a + 1, chain.id(), 1000)).isEqualTo(1);
        broken(chain, a, "does not link");
    }

    @Test
    void theTimesOfTwoEventsSwappedAreReported() {
        Chain chain = chain();
        Superuser.update(
                """
                UPDATE samenspel.audit_event e SET occurred_at = o.occurred_at
                  FROM samenspel.audit_event o
                 WHERE e.coalition_id = ? AND o.coalition_id = e.coalition_id
                   AND ((e.seq = 2 AND o.seq = ?) OR (e.seq = ? AND o.seq = 2))""",
                chain.id(),
                chain.n(),
                chain.n());
        broken(chain, 2, "changed");
    }

    @Test
    void theNewestEventDeletedIsReportedThroughTheHead() {
        Chain chain = chain();
        assertThat(Superuser.update(
                        "DELETE FROM samenspel.audit_event WHERE coalition_id = ? AND seq = ?", chain.id(), chain.n()))
                .isEqualTo(1);
        // The events before it link perfectly; only the recorded head knows one more was written.
        broken(chain, chain.n(), chain.n() + " were recorded");
    }

    @Test
    void aForgedEventAppendedAfterTheHeadIsReported() {
        Chain chain = chain();
        AuditRecord last = read(chain.id(), chain.n());
        AuditRecord forged = new AuditRecord(
                last.coalitionId(),
                chain.n() + 1,
                last.occurredAt().plusSeconds(1),
                last.actor(),
                "member.created",
                "member",
                UUID.randomUUID().toString(),
                null,
                "{\"name\":\"Stroman BV\"}",
                last.hash(),
                null);
        Superuser.update(
                """
                INSERT INTO samenspel.audit_event (coalition_id, seq, occurred_at, actor, action, entity_type,
                                                   entity_id, before_state, after_state, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)""",
                chain.id(),
                forged.seq(),
                java.sql.Timestamp.from(forged.occurredAt()),
                forged.actor(),
                forged.action(),
                forged.entityType(),
                forged.entityId(),
                forged.after(),
                forged.prevHash(),
                AuditChain.hashOf(forged));
        // Link by link the forged event fits; the head says the chain ended before it.
        broken(chain, forged.seq(), chain.n() + " were recorded");
    }

    @Test
    void tamperingWithOneCoalitionLeavesAnotherIntactAndUnnamed() {
        Chain tampered = chain();
        Chain neighbour = chain();
        Superuser.update("DELETE FROM samenspel.audit_event WHERE coalition_id = ? AND seq = 2", tampered.id());
        broken(tampered, 2, "missing");
        JsonNode other = verification(neighbour);
        assertThat(other.get("intact").asBoolean()).isTrue();
        assertThat(other.get("events").asLong()).isEqualTo(neighbour.n());
    }

    @Test
    void theApplicationsOwnRoleCannotRewriteHistory() throws SQLException {
        Chain chain = chain();
        TestDatabase db = DatabaseTest.database();
        try (Connection app = DriverManager.getConnection(db.appUrl(), db.appUser(), db.rolePassword())) {
            app.setAutoCommit(false);
            try (PreparedStatement bind =
                    app.prepareStatement("SELECT set_config('samenspel.coalition_id', ?, true)")) {
                bind.setString(1, chain.id().toString());
                bind.execute();
            }
            for (String sql : new String[] {
                "UPDATE samenspel.audit_event SET actor = 'x' WHERE coalition_id = ?",
                "DELETE FROM samenspel.audit_event WHERE coalition_id = ?",
                "DELETE FROM samenspel.audit_head WHERE coalition_id = ?"
            }) {
                try (PreparedStatement ps = app.prepareStatement(sql)) {
                    ps.setObject(1, chain.id());
                    assertThatThrownBy(ps::executeUpdate)
                            .as(sql)
                            .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState())
                                    .isEqualTo("42501"));
                }
                app.rollback();
                try (PreparedStatement bind =
                        app.prepareStatement("SELECT set_config('samenspel.coalition_id', ?, true)")) {
                    bind.setString(1, chain.id().toString());
                    bind.execute();
                }
            }
        }
        assertThat(verification(chain).get("intact").asBoolean()).isTrue();
    }

    private void broken(Chain chain, long at, String reason) {
        JsonNode verification = verification(chain);
        assertThat(verification.get("intact").asBoolean())
                .as(verification.toString())
                .isFalse();
        assertThat(verification.get("brokenAt").asLong())
                .as(verification.toString())
                .isEqualTo(at);
        if (reason != null) {
            assertThat(verification.get("reason").asText()).contains(reason);
        }
        assertThat(verification.has("headHash")).isFalse();
        // The trail itself still reads (newest first), tampered rows and all: nothing to hide behind a 500.
        Api.Response trail = count(api.get(chain.base() + "/audit?size=500", chain.secretary()));
        assertThat(trail.status()).isEqualTo(200);
        detected.incrementAndGet();
    }

    private JsonNode verification(Chain chain) {
        Api.Response response = count(api.get(chain.base() + "/audit/verification", chain.secretary()));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private Api.Response count(Api.Response response) {
        requests.incrementAndGet();
        if (response.status() >= 500) {
            serverErrors.incrementAndGet();
        }
        return response;
    }

    private static AuditRecord read(UUID coalition, long seq) {
        TestDatabase db = DatabaseTest.database();
        try (Connection admin = DriverManager.getConnection(db.adminUrl(), db.adminUser(), db.adminPassword());
                PreparedStatement ps = admin.prepareStatement(
                        "SELECT * FROM samenspel.audit_event WHERE coalition_id = ? AND seq = ?")) {
            ps.setObject(1, coalition);
            ps.setLong(2, seq);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return new AuditRecord(
                        rs.getObject("coalition_id", UUID.class),
                        rs.getLong("seq"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("entity_type"),
                        rs.getString("entity_id"),
                        rs.getString("before_state"),
                        rs.getString("after_state"),
                        rs.getString("prev_hash"),
                        rs.getString("hash"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
