package nl.samenspel.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.samenspel.bench.Latencies.Result;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Issue 8: does a tenant's read slow down as the platform fills up? The same request as ReadBench
 * ({@code GET /api/v1/coalitions/{c}/members}, N concurrent clients) with 10 coalitions of 50 members in
 * the database, then again after bulk-loading the rest up to {@code bench.coalitions} (10,000) coalitions
 * of 50 members each (500,000 member rows) with COPY as the superuser, every constraint checked by
 * PostgreSQL as it loads (unique slugs and names, foreign keys, checks), then {@code VACUUM ANALYZE};
 * then small again, with the loaded coalitions deleted and both tables rewritten, so that the small
 * figures are measured before and after the large ones (merged). Target: p50 and p99 within 10 % of
 * the small database's.
 */
public final class ScaleBench {

    private static final int COALITIONS = Integer.getInteger("bench.coalitions", 10_000);
    private static final int SMALL = 10;
    private static final int MEMBERS = Integer.getInteger("bench.members", 50);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 20);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 200);
    private static final int REQUESTS = Integer.getInteger("bench.requests", 500);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
    private static final double TARGET = 0.10;
    private static final String SLUG = "bench-schaal";

    private ScaleBench() {}

    public static void main(String[] args) {
        Benchmarks.exitWith(ScaleBench::run);
    }

    private static int run() throws Exception {
        try (Harness harness = Harness.start("samenspel_scale", "on")) {
            harness.startProduct(Map.of());
            ReadBench.Readers readers;
            try (Connection c = harness.superConnection()) {
                readers = ReadBench.setUpReaders(c, SLUG, MEMBERS, CLIENTS);
                copy(c, 1, SMALL - 1);
                analyze(c);
            }
            List<String> tokens = harness.login(readers.emails());
            ReadBench.checkPage(harness, SLUG, tokens.get(0), MEMBERS);
            Latencies.Requests request = ReadBench.membersPage(harness, SLUG, tokens);

            Harness.log("warming the product up (one round, not counted)");
            Latencies.http(CLIENTS, WARMUP, REQUESTS, 200, request);
            Result smallBefore = measure("" + SMALL, request);

            long t0 = System.nanoTime();
            long members;
            long coalitions;
            try (Connection c = harness.superConnection()) {
                Harness.log("loading coalitions " + (SMALL + 1) + " to " + COALITIONS + " with " + MEMBERS
                        + " members each (COPY)");
                for (int from = SMALL; from < COALITIONS; from += 1_000) {
                    copy(c, from, Math.min(1_000, COALITIONS - from));
                }
                analyze(c);
                coalitions = Harness.count(c, "SELECT count(*) FROM coalition");
                members = Harness.count(c, "SELECT count(*) FROM member");
            }
            Harness.log(Benchmarks.format(
                    "loaded in %.1f s: %,d coalitions, %,d members",
                    (System.nanoTime() - t0) / 1e9, coalitions, members));
            ReadBench.checkPage(harness, SLUG, tokens.get(0), MEMBERS);

            Result large = measure(Benchmarks.format("%,d", coalitions), request);

            // Small again: a machine that slows down (or speeds up) during the run then falls on both
            // sizes, not on the large one alone, which the first measures before and the second after.
            try (Connection c = harness.superConnection()) {
                long t1 = System.nanoTime();
                int removed = shrink(c);
                Harness.log(Benchmarks.format(
                        "removed the %,d coalitions loaded, with their members, in %.1f s",
                        removed, (System.nanoTime() - t1) / 1e9));
                long left = Harness.count(c, "SELECT count(*) FROM coalition");
                if (left != SMALL) {
                    throw new IllegalStateException(left + " coalitions left, expected " + SMALL);
                }
            }
            ReadBench.checkPage(harness, SLUG, tokens.get(0), MEMBERS);
            Result smallAfter = measure("" + SMALL, request);
            Result small = Result.merge(List.of(smallBefore, smallAfter));

            double p50 = large.p50Ms() / small.p50Ms() - 1;
            double p99 = large.p99Ms() / small.p99Ms() - 1;
            double rate = large.perSecond() / small.perSecond() - 1;
            boolean met = p50 <= TARGET && p99 <= TARGET;
            StringBuilder out = new StringBuilder("\n");
            out.append(Benchmarks.format(
                    "Scale benchmark: %d concurrent clients x GET .../members (page of %d), %d rounds per size, %d CPUs%n",
                    CLIENTS, Math.min(MEMBERS, 50), ROUNDS, Runtime.getRuntime().availableProcessors()));
            out.append(Latencies.header());
            out.append(Latencies.row(SMALL + " coalitions, " + SMALL * MEMBERS + " members (before + after)", small));
            out.append(Latencies.row(Benchmarks.format("%,d coalitions, %,d members", coalitions, members), large));
            out.append(Benchmarks.format(
                    "%-40s p50 %+.1f %%, p99 %+.1f %%, req/s %+.1f %%%n",
                    "large vs small", p50 * 100, p99 * 100, rate * 100));
            out.append(
                    Benchmarks.format("target p50 and p99 within %.0f %%: %s%n", TARGET * 100, met ? "met" : "MISSED"));
            System.out.print(out);
            String name = "ScaleBench";
            Benchmarks.summary(
                    name,
                    "members page, " + SMALL + " coalitions",
                    Benchmarks.format(
                            "p50 %.1f, p99 %.1f ms, %.0f/s", small.p50Ms(), small.p99Ms(), small.perSecond()));
            Benchmarks.summary(
                    name,
                    Benchmarks.format("members page, %,d coalitions", coalitions),
                    Benchmarks.format(
                            "p50 %.1f, p99 %.1f ms, %.0f/s", large.p50Ms(), large.p99Ms(), large.perSecond()));
            Benchmarks.summary(
                    name,
                    "large vs small p50 / p99",
                    Benchmarks.format("%+.1f %% / %+.1f %%", p50 * 100, p99 * 100),
                    Benchmarks.format("within %.0f %%", TARGET * 100),
                    met);
            return small.errors() + large.errors() == 0 && coalitions == Math.max(COALITIONS, SMALL) ? 0 : 1;
        }
    }

    private static Result measure(String size, Latencies.Requests request) throws InterruptedException {
        List<Result> rounds = new java.util.ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            Harness.log("round " + round + " with " + size + " coalitions: " + CLIENTS + " clients x GET .../members ("
                    + WARMUP + " warm-up, " + REQUESTS + " measured each)");
            rounds.add(Latencies.http(CLIENTS, WARMUP, REQUESTS, 200, request));
        }
        return Result.merge(rounds);
    }

    /** Coalitions number {@code first+1 … first+count}, each with {@link #MEMBERS} current members, by COPY. */
    private static void copy(Connection c, int first, int count) throws Exception {
        if (count <= 0) {
            return;
        }
        StringBuilder coalitions = new StringBuilder();
        StringBuilder members = new StringBuilder();
        String since = LocalDate.now().minusYears(2).toString();
        for (int n = first + 1; n <= first + count; n++) {
            UUID id = UUID.randomUUID();
            coalitions
                    .append(id)
                    .append('\t')
                    .append(String.format(Locale.ROOT, "schaal-%05d", n))
                    .append('\t')
                    .append("Samenwerkingsverband ")
                    .append(n)
                    .append('\t')
                    .append("SAMENWERKINGSVERBAND\tGemeente ")
                    .append(n)
                    .append("\tACTIVE\n");
            for (int m = 1; m <= MEMBERS; m++) {
                members.append(id)
                        .append('\t')
                        .append(UUID.randomUUID())
                        .append('\t')
                        .append(Harness.memberName(m))
                        .append('\t')
                        .append(m % 5 == 0 ? "WELZIJN" : "ZORGAANBIEDER")
                        .append('\t')
                        .append(since)
                        .append('\n');
            }
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        copy.copyIn(
                "COPY coalition (id, slug, name, legal_form, opdrachtgever, status) FROM STDIN",
                new StringReader(coalitions.toString()));
        copy.copyIn(
                "COPY member (coalition_id, id, name, kind, joined_on) FROM STDIN",
                new StringReader(members.toString()));
        c.commit();
        c.setAutoCommit(autoCommit);
    }

    /**
     * Back to the small database: the coalitions that {@link #copy} loaded after the first {@link #SMALL}
     * deleted with their members (the foreign-key triggers skipped, as nothing refers to these rows), and
     * both tables rewritten, so the small measurement is of a small table and index again, not of a large
     * one with empty pages. Returns how many coalitions it removed.
     */
    private static int shrink(Connection c) throws Exception {
        String loaded = String.format(Locale.ROOT, "slug LIKE 'schaal-%%' AND slug > 'schaal-%05d'", SMALL);
        int removed;
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL session_replication_role = replica");
            s.executeUpdate("DELETE FROM member WHERE coalition_id IN (SELECT id FROM coalition WHERE " + loaded + ")");
            removed = s.executeUpdate("DELETE FROM coalition WHERE " + loaded);
        }
        c.commit();
        c.setAutoCommit(autoCommit);
        try (Statement s = c.createStatement()) {
            s.execute("VACUUM FULL ANALYZE coalition");
            s.execute("VACUUM FULL ANALYZE member");
        }
        return removed;
    }

    private static void analyze(Connection c) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE coalition");
            s.execute("VACUUM ANALYZE member");
        }
    }
}
