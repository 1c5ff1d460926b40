package nl.samenspel.governance.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import nl.samenspel.core.db.EmbeddedDatabase;
import nl.samenspel.core.testing.TestDatabase;
import nl.samenspel.governance.coalition.CoalitionResponse;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.identity.Account;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes down in the middle of a vote and comes back on the same port with the same data, the
 * application running on. On a server of this test's own: the machine's PostgreSQL is shared.
 */
@MicronautTest(transactional = false)
class DatabaseRestartTest implements DatabaseTest {

    private static final int MEMBERS = 16;
    private static final int PROPOSALS = 4;
    private static final int CLIENTS = 8;

    final EmbeddedDatabase postgres = EmbeddedDatabase.startRestartable(Path.of("target", "embedded-postgres-restart"));
    final TestDatabase database = TestDatabase.on(postgres, "samenspel_restart");

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Api api;
    String secretary;
    String base;
    final List<String> proposals = new ArrayList<>();
    final Map<String, String> voters = new HashMap<>();

    @Override
    public TestDatabase testDatabase() {
        return database;
    }

    @AfterAll
    void stopPostgres() {
        postgres.close();
    }

    @BeforeAll
    void setUp() {
        api = new Api(server);
        CoalitionResponse coalition = fixtures.coalition("herstart", LegalForm.SAMENWERKINGSVERBAND);
        secretary = api.login(
                fixtures.member(coalition, "herstart-secretaris", CoalitionRole.SECRETARY)
                        .email(),
                Fixtures.PASSWORD);
        String slug = "/api/v1/coalitions/" + coalition.slug();
        base = slug + "/proposals";
        String stuurgroep = null;
        for (JsonNode b : api.get(slug + "/bodies", secretary).json()) {
            if (b.get("kind").asText().equals("STUURGROEP")) {
                stuurgroep = b.get("id").asText();
                assertThat(api.put(
                                        slug + "/bodies/" + stuurgroep,
                                        secretary,
                                        Map.of(
                                                "name", b.get("name").asText(),
                                                "decisionTypes", List.of("ORDINARY"),
                                                "formal", true,
                                                "version", b.get("version").asInt()))
                                .status())
                        .isEqualTo(200);
            }
        }
        for (int i = 0; i < MEMBERS; i++) {
            String id = api.post(
                            slug + "/members",
                            secretary,
                            Map.of("name", "Partner " + i, "kind", "WELZIJN", "joinedOn", "2021-01-01"))
                    .json()
                    .get("id")
                    .asText();
            assertThat(api.post(
                                    slug + "/bodies/" + stuurgroep + "/seats",
                                    secretary,
                                    Map.of(
                                            "memberId",
                                            id,
                                            "personName",
                                            "Bestuurder " + i,
                                            "role",
                                            "MEMBER",
                                            "termFrom",
                                            "2021-01-01"))
                            .status())
                    .isEqualTo(201);
            Account rep = fixtures.representative(coalition, UUID.fromString(id), "herstart-stem");
            voters.put(id, api.login(rep.email(), Fixtures.PASSWORD));
        }
        for (int p = 0; p < PROPOSALS; p++) {
            Map<String, Object> draft = Map.of(
                    "title",
                    "Jaarplan " + (2027 + p),
                    "text",
                    "Het jaarplan vaststellen.",
                    "decisionType",
                    "ORDINARY",
                    "bodyId",
                    stuurgroep,
                    "mode",
                    "WRITTEN",
                    "votesChangeable",
                    false);
            Api.Response drafted = api.post(base, secretary, draft);
            assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
            String id = drafted.json().get("id").asText();
            Api.Response opened = api.post(
                    base + "/" + id + "/opening",
                    secretary,
                    Map.of("closesAt", OffsetDateTime.now().plusDays(7).toString(), "version", 0));
            assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
            proposals.add(id);
        }
    }

    record Ballot(String proposal, String member, String key) {}

    final Set<Ballot> acknowledged = ConcurrentHashMap.newKeySet();
    final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    final List<String> badOutageAnswers = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger requests = new AtomicInteger();
    final AtomicLong lastAckAt = new AtomicLong();

    @Test
    void acknowledgedVotesSurviveARestartAndTheServiceRecoversWithoutOne() throws Exception {
        List<Ballot> first = new ArrayList<>();
        List<Ballot> second = new ArrayList<>();
        for (int p = 0; p < PROPOSALS; p++) {
            for (String member : voters.keySet()) {
                (p < PROPOSALS / 2 ? first : second)
                        .add(new Ballot(
                                proposals.get(p), member, UUID.randomUUID().toString()));
            }
        }
        Collections.shuffle(first);
        Collections.shuffle(second);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        List<Future<?>> load = new ArrayList<>();
        CountDownLatch secondWave = new CountDownLatch(1);
        try {
            for (Ballot b : first) {
                load.add(clients.submit(() -> {
                    castUntilAcknowledged(b, deadline);
                    return null;
                }));
            }
            // Mid-load: a quarter of the votes in, the rest in flight or queued.
            while (acknowledged.size() < first.size() / 4 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            int before = acknowledged.size();
            postgres.stop();
            long down = System.nanoTime();
            for (Ballot b : second) {
                load.add(clients.submit(() -> {
                    secondWave.await();
                    castUntilAcknowledged(b, deadline);
                    return null;
                }));
            }
            secondWave.countDown();
            // Voters keep voting for a while into the outage.
            Thread.sleep(3000);
            postgres.restart();
            long up = System.nanoTime();
            long downMs = TimeUnit.NANOSECONDS.toMillis(up - down);
            long recoveredAt = awaitFirstVoteAfter(up, deadline);
            for (Future<?> f : load) {
                f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            long recoveryMs = TimeUnit.NANOSECONDS.toMillis(recoveredAt - up);

            Map<String, Long> stored = storedVotes();
            long duplicates = stored.values().stream().filter(n -> n > 1).count();
            int serverErrors = statuses.entrySet().stream()
                    .filter(e -> e.getKey() >= 500 && e.getKey() != 503)
                    .mapToInt(e -> e.getValue().get())
                    .sum();
            int unavailable = statuses.getOrDefault(503, new AtomicInteger()).get();
            System.out.printf(
                    "reliability: db-restart votes acknowledged=%d (%d before the stop), stored=%d, duplicates=%d,"
                            + " requests sent=%d, 503 during the outage=%d, other 5xx=%d, down %d ms,"
                            + " recovered in %d ms, statuses=%s%n",
                    acknowledged.size(),
                    before,
                    stored.values().stream().mapToLong(Long::longValue).sum(),
                    duplicates,
                    requests.get(),
                    unavailable,
                    serverErrors,
                    downMs,
                    recoveryMs,
                    statuses);

            assertThat(acknowledged).hasSize(MEMBERS * PROPOSALS);
            for (Ballot b : acknowledged) {
                assertThat(stored.get(b.proposal() + "/" + b.member()))
                        .as(b.toString())
                        .isEqualTo(1L);
            }
            assertThat(stored.values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(MEMBERS * PROPOSALS);
            assertThat(unavailable).as("requests that met the outage").isPositive();
            assertThat(badOutageAnswers).isEmpty();
            assertThat(serverErrors).as("5xx other than 503").isZero();
            assertThat(recoveryMs)
                    .as("a vote lands within 10 s of PostgreSQL being back")
                    .isLessThan(10_000);
            // The audit chain has each vote once, and holds together after the restart.
            JsonNode verification = api.get(base.replace("/proposals", "/audit/verification"), secretary)
                    .json();
            assertThat(verification.get("intact").asBoolean())
                    .as(verification.toString())
                    .isTrue();
        } finally {
            clients.shutdownNow();
        }
    }

    /** A careful client: the same Idempotency-Key again after a 503, until the vote is acknowledged. */
    private void castUntilAcknowledged(Ballot b, long deadline) throws InterruptedException {
        while (System.nanoTime() < deadline) {
            int status;
            HttpResponse<String> response = null;
            try {
                response = http.send(
                        HttpRequest.newBuilder(server.getURI().resolve(base + "/" + b.proposal() + "/votes"))
                                .timeout(Duration.ofSeconds(40))
                                .header("Authorization", "Bearer " + voters.get(b.member()))
                                .header("Content-Type", "application/json")
                                .header("Accept", "application/json")
                                .header("Idempotency-Key", b.key())
                                .POST(HttpRequest.BodyPublishers.ofString("{\"choice\":\"FOR\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
            } catch (java.io.IOException e) {
                status = -1;
            }
            requests.incrementAndGet();
            statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
            if (status == 201) {
                acknowledged.add(b);
                lastAckAt.set(System.nanoTime());
                return;
            }
            if (status == 503) {
                String type = response.headers().firstValue("Content-Type").orElse("");
                String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
                if (!type.startsWith("application/problem+json")
                        || retryAfter == null
                        || response.body().contains("Exception")
                        || response.body().contains("SQL")) {
                    badOutageAnswers.add(type + " Retry-After=" + retryAfter + " " + response.body());
                }
            } else if (status >= 400 && status < 500) {
                badOutageAnswers.add(status + " " + (response == null ? "" : response.body()));
                return;
            }
            Thread.sleep(200);
        }
    }

    private long awaitFirstVoteAfter(long up, long deadline) throws InterruptedException {
        while (System.nanoTime() < deadline) {
            long at = lastAckAt.get();
            if (at > up) {
                return at;
            }
            Thread.sleep(10);
        }
        return deadline;
    }

    /** Rows per proposal/member, read as the superuser past row-level security. */
    private Map<String, Long> storedVotes() throws SQLException {
        Map<String, Long> rows = new HashMap<>();
        try (Connection admin = DriverManager.getConnection(
                        database.adminUrl(), database.adminUser(), database.adminPassword());
                PreparedStatement ps = admin.prepareStatement(
                        "SELECT proposal_id, member_id, count(*) FROM samenspel.vote GROUP BY proposal_id, member_id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3));
            }
        }
        return rows;
    }
}
