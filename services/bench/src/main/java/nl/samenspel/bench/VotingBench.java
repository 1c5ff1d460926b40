package nl.samenspel.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.samenspel.bench.Latencies.Result;

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

    private static final double TARGET_VOTES_PER_SECOND = 1_000;
    private static final double TARGET_P99_MS = 50;
    private static final String SLUG = "bench-stemmen";

    private VotingBench() {}

    public static void main(String[] args) {
        Benchmarks.exitWith(VotingBench::run);
    }

    private static int run() throws Exception {
        try (Harness harness = Harness.start("samenspel_bench", SYNCHRONOUS_COMMIT)) {
            harness.startProduct(Map.of());

            log("setting up a coalition with " + VOTERS + " voting members and " + PROPOSALS + " open proposals");
            Setup setup = setUp(harness);

            log("logging in " + VOTERS + " representatives");
            List<String> tokens = harness.login(setup.emails());

            log("baseline: " + VOTERS + " clients x GET /api/v1/me (" + WARMUP + " warm-up, " + BASELINE_REQUESTS
                    + " measured each)");
            Result baseline = Latencies.http(
                    VOTERS,
                    WARMUP,
                    BASELINE_REQUESTS,
                    200,
                    (client, i) -> harness.get("/api/v1/me", tokens.get(client)));

            harness.resetStatements();
            log("votes: " + VOTERS + " voters alternating FOR/AGAINST (" + WARMUP + " warm-up, " + VOTES
                    + " measured each)");
            Result votes = Latencies.http(VOTERS, WARMUP, VOTES, 201, (client, i) -> {
                UUID proposal = setup.proposals().get(client % setup.proposals().size());
                String choice = i % 2 == 0 ? "FOR" : "AGAINST";
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
                                harness.base() + "/api/v1/coalitions/" + SLUG + "/proposals/" + proposal + "/votes"))
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

            long stored;
            try (Connection c = harness.superConnection()) {
                stored = Harness.count(c, "SELECT count(*) FROM vote WHERE coalition_id = ?", setup.coalition());
            }
            // Every call, warm-up included, casts a new revision: FOR and AGAINST alternate.
            long expected = votes.warmupCalls() + votes.sorted().length;
            print(baseline, votes, stored, expected);
            harness.printStatements("vote", expected);
            boolean ok = baseline.errors() == 0 && votes.errors() == 0 && stored == expected;
            return ok ? 0 : 1;
        }
    }

    // --- set-up (as the superuser: not what is measured)

    private record Setup(UUID coalition, List<String> emails, List<UUID> proposals) {}

    private static Setup setUp(Harness harness) throws SQLException {
        UUID body = UUID.randomUUID();
        List<String> emails = new ArrayList<>();
        List<UUID> proposals = new ArrayList<>();
        try (Connection c = harness.superConnection()) {
            c.setAutoCommit(false);
            UUID coalition = Harness.coalition(c, SLUG, "Benchmark samenwerkingsverband");
            // No seats: every current member votes.
            Harness.update(
                    c,
                    "INSERT INTO body (coalition_id, id, kind, name, position, decision_types, formal)"
                            + " VALUES (?, ?, 'STUURGROEP', 'Stuurgroep', 0, '{ORDINARY}', true)",
                    coalition,
                    body);
            LocalDate since = LocalDate.now().minusYears(1);
            List<UUID> members = Harness.members(c, coalition, VOTERS);
            for (int i = 1; i <= VOTERS; i++) {
                String email = String.format(Locale.ROOT, "stemmer-%03d@bench.samenspel.local", i);
                UUID account = Harness.account(c, coalition, email, "REPRESENTATIVE");
                Harness.update(
                        c,
                        "INSERT INTO representative (coalition_id, id, member_id, account_id, may_vote, may_sign,"
                                + " valid_from) VALUES (?, ?, ?, ?, true, true, ?)",
                        coalition,
                        UUID.randomUUID(),
                        members.get(i - 1),
                        account,
                        since);
                emails.add(email);
            }
            for (int n = 1; n <= PROPOSALS; n++) {
                UUID proposal = UUID.randomUUID();
                Harness.update(
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
            return new Setup(coalition, emails, proposals);
        }
    }

    // --- report

    private static void print(Result baseline, Result votes, long stored, long expected) {
        double ratio = votes.perSecond() / baseline.perSecond();
        boolean rateMet = votes.perSecond() >= TARGET_VOTES_PER_SECOND;
        boolean p99Met = votes.p99Ms() <= TARGET_P99_MS;
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
        out.append(Latencies.header());
        out.append(Latencies.row("baseline GET /api/v1/me", baseline));
        out.append(Latencies.row("votes POST .../votes", votes));
        out.append(String.format(Locale.ROOT, "%-40s %10.2f%n", "ratio votes/s / baseline req/s", ratio));
        out.append(String.format(Locale.ROOT, "%-40s %10d (expected %d)%n", "vote rows stored", stored, expected));
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
                votes.p99Ms()));
        System.out.print(out);
        String name = "VotingBench";
        Benchmarks.summary(
                name,
                "votes/s, " + votes.clients() + " voters",
                Benchmarks.format("%.0f", votes.perSecond()),
                ">= 1000",
                rateMet);
        Benchmarks.summary(name, "vote p99", Benchmarks.format("%.1f ms", votes.p99Ms()), "<= 50 ms", p99Met);
        Benchmarks.summary(name, "vote p50", Benchmarks.format("%.1f ms", votes.p50Ms()));
        Benchmarks.summary(name, "baseline GET /api/v1/me req/s", Benchmarks.format("%.0f", baseline.perSecond()));
        Benchmarks.summary(name, "ratio votes/s / baseline", Benchmarks.format("%.2f", ratio));
    }

    private static void log(String message) {
        Harness.log(message);
    }
}
