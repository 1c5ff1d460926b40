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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import nl.samenspel.core.db.DatabaseBootstrap;
import nl.samenspel.core.db.EmbeddedDatabase;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * What the benchmarks that drive the real product share: an embedded PostgreSQL bootstrapped like
 * production (roles, role passwords), the governance jar started as a subprocess against it (so Flyway
 * migrates it and no demo data loads), set-up rows written as the superuser (not measured), logins
 * through the API. A shutdown hook stops the product, then PostgreSQL, however the run ends.
 */
final class Harness implements AutoCloseable {

    static final Path JAR =
            Path.of(System.getProperty("bench.governance-jar", "services/governance/target/governance.jar"));
    static final Path WORK = Path.of(System.getProperty("bench.work-dir", "services/bench/target"));
    static final String PASSWORD = "bench-" + UUID.randomUUID();
    static final ObjectMapper JSON = new ObjectMapper();

    final EmbeddedDatabase postgres;
    final String database;
    /** Superuser JDBC URL of the benchmark database. */
    final String superUrl;

    private final String rolePassword = randomSecret(24);
    private final String jwtSecret = randomSecret(48);
    private final Path appLog;
    private final HttpClient http = client();
    private volatile Process product;
    /** When {@link #awaitReady} first connected to the port, got its first HTTP answer (any status), that answer. */
    volatile long listeningNanos;

    volatile long firstAnswerNanos;

    volatile String firstAnswer;
    private int port;

    private Harness(EmbeddedDatabase postgres, String database) {
        this.postgres = postgres;
        this.database = database;
        this.superUrl = postgres.url(database);
        this.appLog = WORK.resolve("bench-governance-" + database + ".log");
    }

    /** Starts PostgreSQL below {@code bench.work-dir} and creates a fresh, bootstrapped database. */
    static Harness start(String database, String synchronousCommit) throws Exception {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: build it first with"
                    + " ./mvnw -q -pl services/governance,services/bench -am package -DskipTests");
        }
        Files.createDirectories(WORK);
        log("starting embedded PostgreSQL below " + WORK.resolve("bench-postgres"));
        EmbeddedDatabase postgres = EmbeddedDatabase.start(
                WORK.resolve("bench-postgres"),
                STATEMENTS > 0 ? Map.of("shared_preload_libraries", "pg_stat_statements") : Map.of());
        Harness harness = new Harness(postgres, database);
        Latencies.meter = new CpuMeter(
                () -> {
                    Process p = harness.product;
                    return p != null && p.isAlive() ? p.pid() : -1;
                },
                "bench-postgres");
        Runtime.getRuntime().addShutdownHook(new Thread(harness::close, "bench-shutdown"));
        DatabaseBootstrap.createDatabase(postgres.url("postgres"), postgres.superuser(), "", database, true);
        DatabaseBootstrap.applyRoles(harness.superUrl, postgres.superuser(), "");
        DatabaseBootstrap.setDevelopmentPasswords(harness.superUrl, postgres.superuser(), "", harness.rolePassword);
        try (Connection c = harness.superConnection();
                Statement s = c.createStatement()) {
            // zonky starts PostgreSQL with synchronous_commit=off; production commits wait for the disk.
            s.execute("ALTER DATABASE " + database + " SET synchronous_commit = '" + synchronousCommit.replace("'", "")
                    + "'");
        }
        return harness;
    }

    // --- the product

    /**
     * Starts the product (migrating the database on start unless {@code env} says otherwise) and waits
     * until {@code GET /health/readiness} answers 200.
     */
    void startProduct(Map<String, String> env) throws Exception {
        launch(env);
        awaitReady(Duration.ofSeconds(180), 250);
    }

    /** Starts the product's process and returns at once; {@link #awaitReady} waits for it. */
    Process launch(Map<String, String> extraEnv) throws IOException {
        if (product != null && product.isAlive()) {
            throw new IllegalStateException("the product is already running");
        }
        port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(productJvmOptions());
        String jvmArgs = System.getProperty("bench.governance-jvm-args", "").trim();
        if (!jvmArgs.isEmpty()) {
            command.addAll(Arrays.asList(jvmArgs.split("\\s+")));
        }
        command.addAll(List.of("-Dsamenspel.secure-cookies=false", "-jar", JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(appLog.toFile()));
        Map<String, String> env = builder.environment();
        env.put("SAMENSPEL_DB_URL", superUrl.substring(0, superUrl.indexOf('?')));
        env.put("SAMENSPEL_DB_APP_PASSWORD", rolePassword);
        env.put("SAMENSPEL_DB_OWNER_PASSWORD", rolePassword);
        env.put("SAMENSPEL_JWT_SECRET", jwtSecret);
        env.put("SAMENSPEL_PORT", Integer.toString(port));
        env.remove("MICRONAUT_ENVIRONMENTS");
        env.putAll(extraEnv);
        log("starting " + JAR + " on port " + port + " (output in " + appLog + ")");
        product = builder.start();
        return product;
    }

    /**
     * The JVM options the product runs with in production: those of the image's {@code ENTRYPOINT}
     * ({@code bench.dockerfile}, deploy/governance.Dockerfile), and {@code -XX:MaxRAM} set to the
     * container's memory limit ({@code bench.container-memory}, the chart's 1 GiB), which the JVM in a
     * container reads from its cgroup and here would otherwise take from the whole machine. With
     * {@code -Dbench.container-memory=none} neither is given: the JVM's defaults on this machine.
     */
    static List<String> productJvmOptions() {
        String memory = System.getProperty("bench.container-memory", "1g").trim();
        if (memory.equals("none")) {
            return List.of();
        }
        Path dockerfile = Path.of(System.getProperty("bench.dockerfile", "deploy/governance.Dockerfile"));
        List<String> options = new ArrayList<>();
        try {
            String entrypoint = Files.readAllLines(dockerfile, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith("ENTRYPOINT ["))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(dockerfile + " has no ENTRYPOINT [...]"));
            for (JsonNode word : JSON.readTree(entrypoint.substring("ENTRYPOINT ".length()))) {
                String w = word.asText();
                if (w.equals("-jar")) {
                    break;
                }
                if (w.startsWith(SHARED_ARCHIVE)) {
                    options.add(SHARED_ARCHIVE + cdsArchive(options, memory).toAbsolutePath());
                } else if (w.startsWith("-")) {
                    options.add(w);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the product's JVM options from " + dockerfile, e);
        }
        options.add("-XX:MaxRAM=" + memory);
        return options;
    }

    private static final String SHARED_ARCHIVE = "-XX:SharedArchiveFile=";
    private static final Path CDS_ARCHIVE = WORK.resolve("governance.jsa");

    /**
     * The class-data sharing archive the image's {@code ENTRYPOINT} maps, made here as the image build
     * makes it: the training run {@code nl.samenspel.governance.CdsTraining} of this jar (the local demo on
     * an embedded PostgreSQL, the first requests, exit) with {@code -XX:ArchiveClassesAtExit}, with the
     * JVM options that precede it there. Made once and kept while its stamp (the JVM, the options, the
     * jar's size and time) is unchanged; the JVM would otherwise ignore a stale archive without failing.
     */
    private static synchronized Path cdsArchive(List<String> options, String memory) {
        try {
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String stamp = String.join(
                    "\n",
                    java,
                    System.getProperty("java.vm.version"),
                    String.join(" ", options),
                    memory,
                    JAR.toAbsolutePath().toString(),
                    Long.toString(Files.size(JAR)),
                    Files.getLastModifiedTime(JAR).toString());
            Path stampFile = WORK.resolve("governance.jsa.stamp");
            if (Files.isRegularFile(CDS_ARCHIVE)
                    && Files.isRegularFile(stampFile)
                    && Files.readString(stampFile).equals(stamp)) {
                return CDS_ARCHIVE;
            }
            Files.deleteIfExists(CDS_ARCHIVE);
            Files.deleteIfExists(stampFile);
            Path dir = WORK.resolve("cds-training");
            deleteTree(dir);
            Files.createDirectories(dir);
            List<String> command = new ArrayList<>();
            command.add(java);
            command.addAll(options);
            command.add("-XX:MaxRAM=" + memory);
            command.add("-XX:ArchiveClassesAtExit=" + CDS_ARCHIVE.toAbsolutePath());
            command.addAll(List.of("-cp", JAR.toAbsolutePath().toString(), "nl.samenspel.governance.CdsTraining"));
            Path log = WORK.resolve("cds-training.log");
            log("making the class-data sharing archive " + CDS_ARCHIVE + " by the image's training run (output in "
                    + log + ")");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().remove("MICRONAUT_ENVIRONMENTS");
            builder.environment().remove("SAMENSPEL_DB_URL");
            Process training = builder.start();
            if (!training.waitFor(5, TimeUnit.MINUTES)) {
                // Its embedded PostgreSQL too.
                training.descendants().forEach(ProcessHandle::destroyForcibly);
                training.destroyForcibly();
                throw new IllegalStateException("the training run did not end within 5 minutes; see " + log);
            }
            if (training.exitValue() != 0 || !Files.isRegularFile(CDS_ARCHIVE)) {
                throw new IllegalStateException(
                        "the training run exited with " + training.exitValue() + " and no archive; see " + log);
            }
            Files.writeString(stampFile, stamp);
            deleteTree(dir);
            return CDS_ARCHIVE;
        } catch (IOException e) {
            throw new UncheckedIOException("could not make the class-data sharing archive", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making the class-data sharing archive", e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Polls {@code GET /health/readiness} every {@code pollMillis} until it answers 200. */
    void awaitReady(Duration timeout, long pollMillis) throws Exception {
        listeningNanos = 0;
        firstAnswerNanos = 0;
        firstAnswer = null;
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(base() + "/health/readiness"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        while (System.nanoTime() < deadline) {
            Process p = product;
            if (!p.isAlive()) {
                throw new IllegalStateException(
                        "the product exited with " + p.exitValue() + "; see " + appLog + ":\n" + tail(appLog));
            }
            if (listeningNanos == 0) {
                try (java.net.Socket socket = new java.net.Socket()) {
                    socket.connect(new java.net.InetSocketAddress("localhost", port), 1_000);
                    listeningNanos = System.nanoTime();
                } catch (IOException e) {
                    Thread.sleep(pollMillis);
                    continue;
                }
            }
            try {
                HttpResponse<String> answer = http.send(probe, HttpResponse.BodyHandlers.ofString());
                if (firstAnswerNanos == 0) {
                    firstAnswerNanos = System.nanoTime();
                    firstAnswer = answer.statusCode() + " " + answer.body();
                }
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(pollMillis);
        }
        throw new IllegalStateException("the product was not ready within " + timeout + "; see " + appLog);
    }

    void stopProduct() {
        Process p = product;
        if (p != null && p.isAlive()) {
            p.destroy();
            try {
                if (!p.waitFor(15, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        product = null;
    }

    Process product() {
        return product;
    }

    String base() {
        return "http://localhost:" + port;
    }

    Path appLog() {
        return appLog;
    }

    /** Logs an account in through {@code POST /api/v1/auth/token} and returns its bearer token. */
    String login(String email) throws Exception {
        String body = JSON.writeValueAsString(Map.of("email", email, "password", PASSWORD));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/v1/auth/token"))
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

    List<String> login(List<String> emails) throws Exception {
        List<String> tokens = new ArrayList<>();
        for (String email : emails) {
            tokens.add(login(email));
        }
        return tokens;
    }

    /** An authenticated JSON GET of {@code path}. */
    HttpRequest get(String path, String token) {
        return HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
    }

    // --- the database

    /** As the superuser, in the samenspel schema (bypasses row-level security: for set-up and checks). */
    Connection superConnection() throws SQLException {
        Connection c = DriverManager.getConnection(superUrl, postgres.superuser(), "");
        try (Statement s = c.createStatement()) {
            s.execute("SET search_path = samenspel");
        }
        return c;
    }

    /** As the application role, exactly as the product connects (its search_path comes with the role). */
    Connection appConnection() throws SQLException {
        return DriverManager.getConnection(
                superUrl.substring(0, superUrl.indexOf('?')), DatabaseBootstrap.APP_ROLE, rolePassword);
    }

    /** Inserts an active coalition with {@code slug}; returns its id. */
    static UUID coalition(Connection c, String slug, String name) throws SQLException {
        UUID id = UUID.randomUUID();
        update(
                c,
                "INSERT INTO coalition (id, slug, name, legal_form, opdrachtgever, status)"
                        + " VALUES (?, ?, ?, 'SAMENWERKINGSVERBAND', 'Gemeente Benchmark', 'ACTIVE')",
                id,
                slug,
                name);
        return id;
    }

    /** Inserts {@code count} current members named "Lid 001"…; returns their ids. */
    static List<UUID> members(Connection c, UUID coalition, int count) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        LocalDate since = LocalDate.now().minusYears(1);
        for (int i = 1; i <= count; i++) {
            UUID member = UUID.randomUUID();
            update(
                    c,
                    "INSERT INTO member (coalition_id, id, name, kind, joined_on) VALUES (?, ?, ?, 'ZORGAANBIEDER', ?)",
                    coalition,
                    member,
                    memberName(i),
                    since);
            ids.add(member);
        }
        return ids;
    }

    static String memberName(int i) {
        return String.format(Locale.ROOT, "Zorgaanbieder %03d", i);
    }

    /**
     * Inserts an account with {@link #PASSWORD} (bcrypt cost 4: logging in is not what is measured) and
     * grants it {@code role} in the coalition; returns the account's id.
     */
    static UUID account(Connection c, UUID coalition, String email, String role) throws SQLException {
        UUID account = UUID.randomUUID();
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        update(
                c,
                "INSERT INTO account (id, email, display_name, password_hash) VALUES (?, ?, ?, ?)",
                account,
                email,
                email.substring(0, email.indexOf('@')),
                OpenBSDBCrypt.generate("2y", PASSWORD.toCharArray(), salt, 4));
        update(
                c,
                "INSERT INTO coalition_role (coalition_id, account_id, role) VALUES (?, ?, ?)",
                coalition,
                account,
                role);
        return account;
    }

    static int update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            return s.executeUpdate();
        }
    }

    /**
     * How many of PostgreSQL's statements to list after a phase ({@code bench.statements}, 0 for none):
     * with it PostgreSQL runs with {@code pg_stat_statements}, which costs a little itself.
     */
    static final int STATEMENTS = Integer.getInteger("bench.statements", 0);

    /** Forgets the statement statistics so far (with {@link #STATEMENTS} only). */
    void resetStatements() throws SQLException {
        if (STATEMENTS > 0) {
            try (Connection c = superConnection();
                    Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                s.execute("SELECT pg_stat_statements_reset()");
            }
        }
    }

    /**
     * Prints the statements PostgreSQL spent most time executing since {@link #resetStatements}, per
     * {@code unit} (e.g. per vote, warm-up included): calls, and milliseconds, waits for locks included.
     */
    void printStatements(String unit, long units) throws SQLException {
        if (STATEMENTS <= 0 || units <= 0) {
            return;
        }
        System.out.printf(
                Locale.ROOT, "%nPostgreSQL statements per %s (%d %ss), by execution time%n", unit, units, unit);
        System.out.printf(Locale.ROOT, "%9s %9s  %s%n", "calls", "exec ms", "statement");
        try (Connection c = superConnection();
                PreparedStatement s = c.prepareStatement(
                        """
                        SELECT calls, total_exec_time, regexp_replace(query, '\\s+', ' ', 'g')
                          FROM pg_stat_statements
                         WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                         ORDER BY total_exec_time DESC LIMIT ?""")) {
            s.setInt(1, STATEMENTS);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    String query = rs.getString(3);
                    System.out.printf(
                            Locale.ROOT,
                            "%9.2f %9.3f  %s%n",
                            rs.getLong(1) / (double) units,
                            rs.getDouble(2) / units,
                            query.length() > 110 ? query.substring(0, 110) + "…" : query);
                }
            }
        }
    }

    static long count(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Stops the product, then PostgreSQL; safe to call more than once. */
    @Override
    public void close() {
        stopProduct();
        try {
            postgres.close();
        } catch (RuntimeException e) {
            System.err.println("could not stop PostgreSQL: " + e);
        }
    }

    // --- plumbing

    static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    static String randomSecret(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void log(String message) {
        System.out.println("[bench] " + message);
    }
}
