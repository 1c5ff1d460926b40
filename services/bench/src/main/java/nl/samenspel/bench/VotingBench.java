package nl.samenspel.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import nl.samenspel.core.db.DatabaseBootstrap;
import nl.samenspel.core.db.EmbeddedDatabase;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * Issue 4's performance goal: votes per second with 50 concurrent voters against the real product (the
 * governance jar as a subprocess on an embedded PostgreSQL), with p50/p99 latency, next to a baseline
 * measured in the same run (an authenticated {@code GET /api/v1/me}, the cheapest request that still
 * passes the same token check). Prints its figures; a missed target is reported, not a failure. Exits
 * non-zero when anything errs (a vote not answered 201 included).
 */
public final class VotingBench {

    private static final int VOTERS = Integer.getInteger("bench.voters", 50);
    private static final int PROPOSALS = Integer.getInteger("bench.proposals", 5);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 100);
    private static final int BASELINE_REQUESTS = Integer.getInteger("bench.baseline-requests", 100);
    private static final int VOTES = Integer.getInteger("bench.votes", 200);
    private static final String SYNCHRONOUS_COMMIT = System.getProperty("bench.synchronous-commit", "on");
    private static final boolean IDEMPOTENCY_KEYS =
            Boolean.parseBoolean(System.getProperty("bench.idempotency-keys", "true"));
    private static final Path JAR =
            Path.of(System.getProperty("bench.governance-jar", "services/governance/target/governance.jar"));
    private static final Path WORK = Path.of(System.getProperty("bench.work-dir", "services/bench/target"));

    private static final double TARGET_VOTES_PER_SECOND = 1_000;
    private static final double TARGET_P99_MS = 50;
    private static final String SLUG = "bench-stemmen";
    private static final String PASSWORD = "bench-" + UUID.randomUUID();
    private static final ObjectMapper JSON = new ObjectMapper();

    private VotingBench() {}

    public static void main(String[] args) {
        Benchmarks.exitWith(VotingBench::run);
    }

    private static int run() throws Exception {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: build it first with"
                    + " ./mvnw -q -pl services/governance -am package -DskipTests");
        }
        Files.createDirectories(WORK);
        Stopper stopper = new Stopper();
        Runtime.getRuntime().addShutdownHook(new Thread(stopper::stop, "bench-shutdown"));

        log("starting embedded PostgreSQL below " + WORK.resolve("bench-postgres"));
        EmbeddedDatabase postgres = EmbeddedDatabase.start(WORK.resolve("bench-postgres"));
        stopper.database = postgres;
        String database = "samenspel_bench";
        DatabaseBootstrap.createDatabase(postgres.url("postgres"), postgres.superuser(), "", database, true);
        String superUrl = postgres.url(database);
        DatabaseBootstrap.applyRoles(superUrl, postgres.superuser(), "");
        String rolePassword = randomSecret(24);
        DatabaseBootstrap.setDevelopmentPasswords(superUrl, postgres.superuser(), "", rolePassword);
        try (Connection c = DriverManager.getConnection(superUrl, postgres.superuser(), "");
                Statement s = c.createStatement()) {
            // zonky starts PostgreSQL with synchronous_commit=off; production commits wait for the disk.
            s.execute("ALTER DATABASE " + database + " SET synchronous_commit = '" + SYNCHRONOUS_COMMIT.replace("'", "")
                    + "'");
        }

        int port = freePort();
        Path appLog = WORK.resolve("bench-governance.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String jvmArgs = System.getProperty("bench.governance-jvm-args", "").trim();
        if (!jvmArgs.isEmpty()) {
            command.addAll(Arrays.asList(jvmArgs.split("\\s+")));
        }
        command.addAll(List.of("-Dsamenspel.secure-cookies=false", "-jar", JAR.toString()));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(appLog.toFile());
        Map<String, String> env = builder.environment();
        env.put("SAMENSPEL_DB_URL", superUrl.substring(0, superUrl.indexOf('?')));
        env.put("SAMENSPEL_DB_APP_PASSWORD", rolePassword);
        env.put("SAMENSPEL_DB_OWNER_PASSWORD", rolePassword);
        env.put("SAMENSPEL_JWT_SECRET", randomSecret(48));
        env.put("SAMENSPEL_PORT", Integer.toString(port));
        env.remove("MICRONAUT_ENVIRONMENTS");
        log("starting " + JAR + " on port " + port + " (output in " + appLog + ")");
        stopper.product = builder.start();

        String base = "http://localhost:" + port;
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        awaitReady(http, base, stopper.product, appLog);

        log("setting up a coalition with " + VOTERS + " voting members and " + PROPOSALS + " open proposals");
        Setup setup = setUp(superUrl, postgres.superuser());

        log("logging in " + VOTERS + " representatives");
        List<String> tokens = new ArrayList<>();
        for (String email : setup.emails()) {
            tokens.add(login(http, base, email));
        }

        log("baseline: " + VOTERS + " clients x GET /api/v1/me (" + WARMUP + " warm-up, " + BASELINE_REQUESTS
                + " measured each)");
        Result baseline = measure(VOTERS, WARMUP, BASELINE_REQUESTS, 200, (client, i) -> HttpRequest.newBuilder(
                        URI.create(base + "/api/v1/me"))
                .header("Authorization", "Bearer " + tokens.get(client))
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build());

        log("votes: " + VOTERS + " voters alternating FOR/AGAINST (" + WARMUP + " warm-up, " + VOTES
                + " measured each)");
        Result votes = measure(VOTERS, WARMUP, VOTES, 201, (client, i) -> {
            UUID proposal = setup.proposals().get(client % setup.proposals().size());
            String choice = i % 2 == 0 ? "FOR" : "AGAINST";
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create(base + "/api/v1/coalitions/" + SLUG + "/proposals/" + proposal + "/votes"))
                    .header("Authorization", "Bearer " + tokens.get(client))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"choice\":\"" + choice + "\"}"));
            if (IDEMPOTENCY_KEYS) {
                request.header("Idempotency-Key", UUID.randomUUID().toString());
            }
            return request.build();
        });

        long stored = countVotes(superUrl, postgres.superuser(), setup.coalition());
        long expected = (long) VOTERS * (WARMUP + VOTES);
        print(baseline, votes, stored, expected);
        boolean ok = baseline.errors() == 0 && votes.errors() == 0 && stored == expected;
        return ok ? 0 : 1;
    }

    // --- set-up (as the superuser: not what is measured)

    private record Setup(UUID coalition, List<String> emails, List<UUID> proposals) {}

    private static Setup setUp(String url, String superuser) throws SQLException {
        UUID coalition = UUID.randomUUID();
        UUID body = UUID.randomUUID();
        List<String> emails = new ArrayList<>();
        List<UUID> proposals = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, superuser, "")) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET search_path = samenspel");
            }
            update(
                    c,
                    "INSERT INTO coalition (id, slug, name, legal_form, opdrachtgever, status)"
                            + " VALUES (?, ?, 'Benchmark samenwerkingsverband', 'SAMENWERKINGSVERBAND',"
                            + " 'Gemeente Benchmark', 'ACTIVE')",
                    coalition,
                    SLUG);
            // No seats: every current member votes.
            update(
                    c,
                    "INSERT INTO body (coalition_id, id, kind, name, position, decision_types, formal)"
                            + " VALUES (?, ?, 'STUURGROEP', 'Stuurgroep', 0, '{ORDINARY}', true)",
                    coalition,
                    body);
            LocalDate since = LocalDate.now().minusYears(1);
            SecureRandom random = new SecureRandom();
            for (int i = 1; i <= VOTERS; i++) {
                UUID member = UUID.randomUUID();
                UUID account = UUID.randomUUID();
                String email = String.format(Locale.ROOT, "stemmer-%03d@bench.samenspel.local", i);
                byte[] salt = new byte[16];
                random.nextBytes(salt);
                String hash = OpenBSDBCrypt.generate("2y", PASSWORD.toCharArray(), salt, 4);
                update(
                        c,
                        "INSERT INTO member (coalition_id, id, name, kind, joined_on) VALUES (?, ?, ?, 'ZORGAANBIEDER', ?)",
                        coalition,
                        member,
                        "Zorgaanbieder " + i,
                        since);
                update(
                        c,
                        "INSERT INTO account (id, email, display_name, password_hash) VALUES (?, ?, ?, ?)",
                        account,
                        email,
                        "Stemmer " + i,
                        hash);
                update(
                        c,
                        "INSERT INTO representative (coalition_id, id, member_id, account_id, may_vote, may_sign,"
                                + " valid_from) VALUES (?, ?, ?, ?, true, true, ?)",
                        coalition,
                        UUID.randomUUID(),
                        member,
                        account,
                        since);
                update(
                        c,
                        "INSERT INTO coalition_role (coalition_id, account_id, role) VALUES (?, ?, 'REPRESENTATIVE')",
                        coalition,
                        account);
                emails.add(email);
            }
            for (int n = 1; n <= PROPOSALS; n++) {
                UUID proposal = UUID.randomUUID();
                update(
                        c,
                        "INSERT INTO proposal (coalition_id, id, number, title, text, decision_type, body_id, mode,"
                                + " status, votes_changeable, opened_at, closes_at, created_by)"
                                + " VALUES (?, ?, ?, ?, '', 'ORDINARY', ?, 'WRITTEN', 'OPEN', true, now(),"
                                + " now() + interval '1 day', 'bench')",
                        coalition,
                        proposal,
                        n,
                        "Benchmarkvoorstel " + n,
                        body);
                proposals.add(proposal);
            }
            c.commit();
        }
        return new Setup(coalition, emails, proposals);
    }

    private static void update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }

    private static long countVotes(String url, String superuser, UUID coalition) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, superuser, "");
                PreparedStatement s =
                        c.prepareStatement("SELECT count(*) FROM samenspel.vote WHERE coalition_id = ?")) {
            s.setObject(1, coalition);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    // --- HTTP

    private static void awaitReady(HttpClient http, String base, Process product, Path appLog) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(base + "/login"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        while (System.nanoTime() < deadline) {
            if (!product.isAlive()) {
                throw new IllegalStateException(
                        "the product exited with " + product.exitValue() + "; see " + appLog + ":\n" + tail(appLog));
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the product did not answer GET /login within 180 s; see " + appLog);
    }

    private static String login(HttpClient http, String base, String email) throws Exception {
        String body = JSON.writeValueAsString(Map.of("email", email, "password", PASSWORD));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "login of " + email + " answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode token = JSON.readTree(response.body()).get("accessToken");
        if (token == null || token.asText().isEmpty()) {
            throw new IllegalStateException("login of " + email + " gave no accessToken: " + response.body());
        }
        return token.asText();
    }

    // --- measuring

    @FunctionalInterface
    private interface Requests {
        HttpRequest request(int client, int iteration);
    }

    private record Result(int clients, long measured, double seconds, long p50Nanos, long p99Nanos, long errors) {
        double perSecond() {
            return measured / seconds;
        }
    }

    /**
     * {@code clients} threads, each on its own connection: {@code warmup} unmeasured requests, then all
     * start together and send {@code measured} requests each, one after the other. Every answer other
     * than {@code expected} counts as an error (warm-up included).
     */
    private static Result measure(int clients, int warmup, int measured, int expected, Requests requests)
            throws InterruptedException {
        long[][] latencies = new long[clients][measured];
        AtomicLong errors = new AtomicLong();
        List<String> samples = Collections.synchronizedList(new ArrayList<>());
        long[] start = new long[1];
        CyclicBarrier go = new CyclicBarrier(clients, () -> start[0] = System.nanoTime());
        CountDownLatch done = new CountDownLatch(clients);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(
                    () -> {
                        // One client per voter: its own keep-alive connection, as 50 separate devices would have.
                        HttpClient http = HttpClient.newBuilder()
                                .version(HttpClient.Version.HTTP_1_1)
                                .connectTimeout(Duration.ofSeconds(10))
                                .build();
                        try {
                            for (int i = 0; i < warmup; i++) {
                                call(http, requests.request(client, i), expected, errors, samples);
                            }
                            go.await();
                            for (int i = 0; i < measured; i++) {
                                long t0 = System.nanoTime();
                                call(http, requests.request(client, warmup + i), expected, errors, samples);
                                latencies[client][i] = System.nanoTime() - t0;
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            samples.add(e.toString());
                            go.reset();
                        } finally {
                            done.countDown();
                        }
                    },
                    "client-" + c);
            thread.start();
            threads.add(thread);
        }
        done.await();
        long end = System.nanoTime();
        for (Thread t : threads) {
            t.join();
        }
        synchronized (samples) {
            samples.stream().distinct().limit(5).forEach(s -> System.err.println("  error: " + s));
        }
        long[] all =
                Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(
                clients,
                all.length,
                (end - start[0]) / 1e9,
                percentile(all, 0.50),
                percentile(all, 0.99),
                errors.get());
    }

    private static void call(
            HttpClient http, HttpRequest request, int expected, AtomicLong errors, List<String> samples) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                errors.incrementAndGet();
                samples.add(response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            errors.incrementAndGet();
            samples.add(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Nearest rank. */
    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    // --- report

    private static void print(Result baseline, Result votes, long stored, long expected) {
        double ratio = votes.perSecond() / baseline.perSecond();
        boolean rateMet = votes.perSecond() >= TARGET_VOTES_PER_SECOND;
        boolean p99Met = votes.p99Nanos() / 1e6 <= TARGET_P99_MS;
        StringBuilder out = new StringBuilder();
        out.append('\n');
        out.append(String.format(
                Locale.ROOT,
                "Voting benchmark: %d concurrent voters, %d CPUs (shared by bench client, product and PostgreSQL),"
                        + " synchronous_commit=%s, Idempotency-Key %s%n",
                votes.clients(),
                Runtime.getRuntime().availableProcessors(),
                SYNCHRONOUS_COMMIT,
                IDEMPOTENCY_KEYS ? "sent" : "not sent"));
        out.append(String.format(
                Locale.ROOT, "%-32s %10s %9s %9s %9s %7s%n", "", "requests", "per s", "p50 ms", "p99 ms", "errors"));
        row(out, "baseline GET /api/v1/me", baseline);
        row(out, "votes POST .../votes", votes);
        out.append(String.format(Locale.ROOT, "%-32s %10.2f%n", "ratio votes/s / baseline req/s", ratio));
        out.append(String.format(Locale.ROOT, "%-32s %10d (expected %d)%n", "vote rows stored", stored, expected));
        out.append(String.format(
                Locale.ROOT,
                "target >= %,.0f votes/s: %s (%.1f)%n",
                TARGET_VOTES_PER_SECOND,
                rateMet ? "met" : "MISSED",
                votes.perSecond()));
        out.append(String.format(
                Locale.ROOT,
                "target p99 <= %.0f ms:     %s (%.1f ms)%n",
                TARGET_P99_MS,
                p99Met ? "met" : "MISSED",
                votes.p99Nanos() / 1e6));
        System.out.print(out);
    }

    private static void row(StringBuilder out, String name, Result r) {
        out.append(String.format(
                Locale.ROOT,
                "%-32s %10d %9.1f %9.1f %9.1f %7d%n",
                name,
                r.measured(),
                r.perSecond(),
                r.p50Nanos() / 1e6,
                r.p99Nanos() / 1e6,
                r.errors()));
    }

    // --- plumbing

    /** Stops the product, then PostgreSQL, whatever way the run ends. */
    private static final class Stopper {
        volatile Process product;
        volatile EmbeddedDatabase database;

        void stop() {
            Process p = product;
            if (p != null && p.isAlive()) {
                p.destroy();
                try {
                    if (!p.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                        p.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    p.destroyForcibly();
                }
            }
            EmbeddedDatabase db = database;
            if (db != null) {
                try {
                    db.close();
                } catch (RuntimeException e) {
                    System.err.println("could not stop PostgreSQL: " + e);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static String randomSecret(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void log(String message) {
        System.out.println("[bench] " + message);
    }
}
