package nl.samenspel.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.samenspel.bench.Latencies.Result;

/**
 * Issue 8: a tenant-scoped read through the whole product against the same query over raw JDBC, and
 * the cost of row-level security. {@code GET /api/v1/coalitions/{c}/members} (bearer token, one page of
 * 50 current members) with N concurrent clients, against N JDBC clients that each run, as the
 * application role, what the product's transaction runs: {@code SET LOCAL samenspel.coalition_id}
 * ({@code TenantTransactions.bind}), Micronaut Data's page query and its count, commit. Then the same
 * two with row-level security switched off (NO FORCE + DISABLE) on every table that has it, in the
 * bench's own embedded database only; rounds alternate on and off so other load on the machine falls
 * on both. Targets: HTTP at least 60 % of raw JDBC's requests/s, RLS overhead at most 5 %.
 */
public final class ReadBench {

    static final String SLUG = "bench-lezen";
    private static final int CLIENTS = Integer.getInteger("bench.clients", 20);
    private static final int MEMBERS = Integer.getInteger("bench.members", 50);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 200);
    private static final int REQUESTS = Integer.getInteger("bench.requests", 500);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);

    private static final double TARGET_RATIO = 0.60;
    private static final double TARGET_RLS_OVERHEAD = 0.05;

    /**
     * The product's SQL for the first page of 50 current members by name ({@code member.MemberPages}): the
     * page, with the limit and offset bound, and then, since the page is full, the count.
     */
    /** The members endpoint's default page size, which the HTTP clients get. */
    static final int PAGE_SIZE = 50;

    static final String PAGE_SQL =
            "SELECT coalition_id, id, name, kind, kvk_number, rsin, joined_on, left_on, contribution_fte,"
                    + " contribution_cents, voting_weight, also_opdrachtgever, created_at, version FROM member"
                    + " WHERE coalition_id = ? AND left_on IS NULL ORDER BY name, id LIMIT ? OFFSET ?";

    static final String COUNT_SQL = "SELECT count(*) FROM member WHERE coalition_id = ? AND left_on IS NULL";

    private ReadBench() {}

    public static void main(String[] args) {
        Benchmarks.exitWith(ReadBench::run);
    }

    /** A coalition with members and reader accounts (SECRETARY), and the readers' tokens once logged in. */
    record Readers(UUID coalition, String slug, List<String> emails) {}

    static Readers setUpReaders(Connection c, String slug, int members, int readers) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        UUID coalition = Harness.coalition(c, slug, "Benchmark " + slug);
        Harness.members(c, coalition, members);
        List<String> emails = new ArrayList<>();
        for (int i = 1; i <= readers; i++) {
            String email = String.format(Locale.ROOT, "lezer-%03d@%s.bench.samenspel.local", i, slug);
            Harness.account(c, coalition, email, "SECRETARY");
            emails.add(email);
        }
        c.commit();
        c.setAutoCommit(autoCommit);
        return new Readers(coalition, slug, emails);
    }

    /** The measured HTTP request: the first page of the current members, one token per client. */
    static Latencies.Requests membersPage(Harness harness, String slug, List<String> tokens) {
        String path = "/api/v1/coalitions/" + slug + "/members";
        return (client, i) -> harness.get(path, tokens.get(client % tokens.size()));
    }

    /** Fails unless the endpoint answers the expected number of members (what is measured must be real work). */
    static void checkPage(Harness harness, String slug, String token, int expected) throws Exception {
        HttpResponse<String> response = Harness.client()
                .send(
                        harness.get("/api/v1/coalitions/" + slug + "/members", token),
                        HttpResponse.BodyHandlers.ofString());
        JsonNode items = Harness.JSON.readTree(response.body()).path("items");
        if (response.statusCode() != 200 || items.size() != Math.min(expected, 50)) {
            throw new IllegalStateException("GET members of " + slug + " answered " + response.statusCode() + " with "
                    + items.size() + " items, expected " + Math.min(expected, 50) + ": " + response.body());
        }
    }

    /** JDBC clients doing what the product's read transaction does, as the application role. */
    static Latencies.Clients jdbcPage(Harness harness, UUID coalition) {
        return client -> {
            Connection c = harness.appConnection();
            c.setAutoCommit(false);
            c.setReadOnly(true);
            return new Latencies.Client() {
                @Override
                public String call(int iteration) throws SQLException {
                    try (Statement bind = c.createStatement()) {
                        bind.execute("SET LOCAL samenspel.coalition_id = '" + coalition + "'");
                    }
                    int rows = 0;
                    try (PreparedStatement page = c.prepareStatement(PAGE_SQL)) {
                        page.setObject(1, coalition);
                        page.setInt(2, PAGE_SIZE);
                        page.setLong(3, 0);
                        try (ResultSet rs = page.executeQuery()) {
                            while (rs.next()) {
                                // read every column, as the mapping to the entity does
                                for (int col = 1; col <= 14; col++) {
                                    rs.getObject(col);
                                }
                                rows++;
                            }
                        }
                    }
                    long total;
                    try (PreparedStatement count = c.prepareStatement(COUNT_SQL)) {
                        count.setObject(1, coalition);
                        try (ResultSet rs = count.executeQuery()) {
                            rs.next();
                            total = rs.getLong(1);
                        }
                    }
                    c.commit();
                    return rows > 0 && total > 0 ? null : "no rows (" + rows + ", count " + total + ")";
                }

                @Override
                public void close() throws SQLException {
                    c.close();
                }
            };
        };
    }

    /** Switches row-level security on (ENABLE + FORCE) or off (NO FORCE + DISABLE) on every table that has a policy. */
    static int rowLevelSecurity(Harness harness, boolean on) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = harness.superConnection();
                Statement s = c.createStatement()) {
            try (ResultSet rs =
                    s.executeQuery("SELECT DISTINCT tablename FROM pg_policies WHERE schemaname = 'samenspel'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                if (on) {
                    s.execute("ALTER TABLE samenspel." + table + " ENABLE ROW LEVEL SECURITY");
                    s.execute("ALTER TABLE samenspel." + table + " FORCE ROW LEVEL SECURITY");
                } else {
                    s.execute("ALTER TABLE samenspel." + table + " NO FORCE ROW LEVEL SECURITY");
                    s.execute("ALTER TABLE samenspel." + table + " DISABLE ROW LEVEL SECURITY");
                }
            }
        }
        return tables.size();
    }

    private static int run() throws Exception {
        try (Harness harness = Harness.start("samenspel_read", "on")) {
            harness.startProduct(Map.of());
            Readers readers;
            try (Connection c = harness.superConnection()) {
                readers = setUpReaders(c, SLUG, MEMBERS, CLIENTS);
            }
            List<String> tokens = harness.login(readers.emails());
            checkPage(harness, SLUG, tokens.get(0), MEMBERS);
            Latencies.Requests http = membersPage(harness, SLUG, tokens);
            Latencies.Clients jdbc = jdbcPage(harness, readers.coalition());

            Harness.log("warming the product up (one round, not counted)");
            Latencies.http(CLIENTS, WARMUP, REQUESTS, 200, http);
            List<Result> httpOn = new ArrayList<>();
            List<Result> httpOff = new ArrayList<>();
            List<Result> jdbcOn = new ArrayList<>();
            List<Result> jdbcOff = new ArrayList<>();
            int tables = 0;
            for (int round = 1; round <= ROUNDS; round++) {
                // ABBA: on first in odd rounds, off first in even ones, so a drift of the machine's speed
                // (or of the JIT compiler's work) does not always fall on the same side.
                for (boolean on : round % 2 == 1 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                    tables = rowLevelSecurity(harness, on);
                    String rls = on ? "RLS on" : "RLS off";
                    Harness.log("round " + round + ", " + rls + ": " + CLIENTS + " clients x GET .../members (" + WARMUP
                            + " warm-up, " + REQUESTS + " measured each)");
                    (on ? httpOn : httpOff).add(Latencies.http(CLIENTS, WARMUP, REQUESTS, 200, http));
                    Harness.log("round " + round + ", " + rls + ": " + CLIENTS + " JDBC clients, same transaction");
                    (on ? jdbcOn : jdbcOff).add(Latencies.measure(CLIENTS, WARMUP, REQUESTS, jdbc));
                }
            }
            rowLevelSecurity(harness, true);
            checkPage(harness, SLUG, tokens.get(0), MEMBERS);
            return print(
                    Result.merge(httpOn), Result.merge(httpOff), Result.merge(jdbcOn), Result.merge(jdbcOff), tables);
        }
    }

    private static int print(Result httpOn, Result httpOff, Result jdbcOn, Result jdbcOff, int tables) {
        double ratio = httpOn.perSecond() / jdbcOn.perSecond();
        double overhead = 1 - httpOn.perSecond() / httpOff.perSecond();
        double overheadP50 = httpOn.p50Ms() / httpOff.p50Ms() - 1;
        double jdbcOverhead = 1 - jdbcOn.perSecond() / jdbcOff.perSecond();
        // What row-level security costs where it is evaluated: PostgreSQL's CPU per request, on vs off.
        double httpPgCost = httpOn.postgresCpuMs() / httpOff.postgresCpuMs() - 1;
        double jdbcPgCost = jdbcOn.postgresCpuMs() / jdbcOff.postgresCpuMs() - 1;
        StringBuilder out = new StringBuilder("\n");
        out.append(Benchmarks.format(
                "Read benchmark: %d concurrent clients, page of %d members, %d rounds alternating RLS on/off"
                        + " (%d tables), %d CPUs shared by client, product and PostgreSQL%n",
                CLIENTS,
                Math.min(MEMBERS, 50),
                ROUNDS,
                tables,
                Runtime.getRuntime().availableProcessors()));
        out.append(Latencies.header());
        out.append(Latencies.row("HTTP GET .../members, RLS on", httpOn));
        out.append(Latencies.row("HTTP GET .../members, RLS off", httpOff));
        out.append(Latencies.row("raw JDBC same transaction, RLS on", jdbcOn));
        out.append(Latencies.row("raw JDBC same transaction, RLS off", jdbcOff));
        out.append(Benchmarks.format("%-40s %9.1f %%%n", "HTTP / raw JDBC (req/s, RLS on)", ratio * 100));
        out.append(Benchmarks.format(
                "%-40s %9.1f %% (p50 %+.1f %%)%n", "RLS overhead, HTTP (req/s)", overhead * 100, overheadP50 * 100));
        out.append(Benchmarks.format("%-40s %9.1f %%%n", "RLS overhead, raw JDBC (req/s)", jdbcOverhead * 100));
        out.append(Benchmarks.format(
                "%-40s %+9.1f %% (raw JDBC %+.1f %%)%n",
                "RLS cost, PostgreSQL CPU per request", httpPgCost * 100, jdbcPgCost * 100));
        out.append(Benchmarks.format(
                "target HTTP >= %.0f %% of raw JDBC: %s (%.1f %%)%n",
                TARGET_RATIO * 100, ratio >= TARGET_RATIO ? "met" : "MISSED", ratio * 100));
        out.append(Benchmarks.format(
                "target RLS overhead <= %.0f %%:    %s (%.1f %%)%n",
                TARGET_RLS_OVERHEAD * 100, overhead <= TARGET_RLS_OVERHEAD ? "met" : "MISSED", overhead * 100));
        System.out.print(out);
        String name = "ReadBench";
        Benchmarks.summary(
                name,
                "HTTP members page req/s, " + CLIENTS + " clients",
                Benchmarks.format("%.0f (p50 %.1f, p99 %.1f ms)", httpOn.perSecond(), httpOn.p50Ms(), httpOn.p99Ms()));
        Benchmarks.summary(
                name,
                "raw JDBC same transaction req/s",
                Benchmarks.format("%.0f (p50 %.1f, p99 %.1f ms)", jdbcOn.perSecond(), jdbcOn.p50Ms(), jdbcOn.p99Ms()));
        Benchmarks.summary(
                name,
                "HTTP / raw JDBC",
                Benchmarks.format("%.1f %%", ratio * 100),
                Benchmarks.format(">= %.0f %%", TARGET_RATIO * 100),
                ratio >= TARGET_RATIO);
        Benchmarks.summary(
                name,
                "RLS overhead (HTTP req/s)",
                Benchmarks.format("%.1f %%", overhead * 100),
                Benchmarks.format("<= %.0f %%", TARGET_RLS_OVERHEAD * 100),
                overhead <= TARGET_RLS_OVERHEAD);
        Benchmarks.summary(name, "RLS overhead (raw JDBC req/s)", Benchmarks.format("%.1f %%", jdbcOverhead * 100));
        Benchmarks.summary(
                name,
                "RLS cost, PostgreSQL CPU/request (HTTP, JDBC)",
                Benchmarks.format("%+.1f %% / %+.1f %%", httpPgCost * 100, jdbcPgCost * 100));
        long errors = httpOn.errors() + httpOff.errors() + jdbcOn.errors() + jdbcOff.errors();
        return errors == 0 ? 0 : 1;
    }
}
