package nl.samenspel.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.samenspel.bench.Latencies.Result;

/**
 * Issue 8: how long governance takes from process start until {@code GET /health/readiness} answers 200,
 * and its resident memory (VmRSS) once ready and after a short load. The database is migrated and
 * running before the first timed start, and the product starts as in production with
 * {@code SAMENSPEL_MIGRATE_ON_START=false} (the migration job migrates), so only the product's own start
 * is timed; readiness is polled every 10 ms. Several runs, medians. Baseline in the same run: a JVM that
 * starts, prints its VmRSS and exits ({@link Hello}, from the bench's own jar). Targets: ≤ 2 s, ≤ 300 MB.
 */
public final class StartupBench {

    private static final int RUNS = Integer.getInteger("bench.runs", 5);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 20);
    private static final int LOAD = Integer.getInteger("bench.requests", 250);
    private static final double TARGET_SECONDS = 2.0;
    private static final double TARGET_RSS_MB = 300;
    private static final Pattern STARTUP = Pattern.compile("Startup completed in (\\d+)ms");

    private StartupBench() {}

    /** What the product's JVM was given, for the report. */
    static String jvmOptions() {
        String all = (String.join(" ", Harness.productJvmOptions()) + " "
                        + System.getProperty("bench.governance-jvm-args", ""))
                .trim();
        return all.isEmpty() ? "none (the JVM's defaults on this machine)" : all;
    }

    public static void main(String[] args) {
        Benchmarks.exitWith(StartupBench::run);
    }

    private static int run() throws Exception {
        try (Harness harness = Harness.start("samenspel_startup", "on")) {
            Harness.log("first start: migrates the database (not timed)");
            harness.startProduct(Map.of());
            ReadBench.Readers readers;
            try (Connection c = harness.superConnection()) {
                readers = ReadBench.setUpReaders(c, "bench-opstart", 50, CLIENTS);
            }
            harness.stopProduct();

            List<Double> seconds = new ArrayList<>();
            List<Double> reported = new ArrayList<>();
            List<Double> firstAnswers = new ArrayList<>();
            List<Double> listenings = new ArrayList<>();
            List<Double> rssReady = new ArrayList<>();
            List<Double> rssLoaded = new ArrayList<>();
            long errors = 0;
            for (int run = 1; run <= RUNS; run++) {
                long logOffset = Files.exists(harness.appLog()) ? Files.size(harness.appLog()) : 0;
                long t0 = System.nanoTime();
                Process product = harness.launch(Map.of("SAMENSPEL_MIGRATE_ON_START", "false"));
                harness.awaitReady(Duration.ofSeconds(120), 10);
                double s = (System.nanoTime() - t0) / 1e9;
                double listening = (harness.listeningNanos - t0) / 1e9;
                double answered = (harness.firstAnswerNanos - t0) / 1e9;
                String firstAnswer = harness.firstAnswer;
                double ready = rssMb(product.pid());
                List<String> tokens = harness.login(readers.emails());
                Result load = Latencies.http(
                        CLIENTS, 0, 0, LOAD, 200, ReadBench.membersPage(harness, readers.slug(), tokens));
                errors += load.errors();
                if (!product.isAlive()) {
                    throw new IllegalStateException("the product exited during the load with " + product.exitValue()
                            + "; see " + harness.appLog());
                }
                double loaded = rssMb(product.pid());
                harness.stopProduct();
                Double micronaut = micronautStartup(harness.appLog(), logOffset);
                Harness.log(Benchmarks.format(
                        "run %d: port open after %.2f s, first answer after %.2f s (%s), ready after %.2f s (Micronaut says %s ms), VmRSS %.0f MB ready, %.0f MB after %d"
                                + " requests (%.0f req/s)",
                        run,
                        listening,
                        answered,
                        firstAnswer.length() > 80 ? firstAnswer.substring(0, 80) : firstAnswer,
                        s,
                        micronaut == null ? "?" : Benchmarks.format("%.0f", micronaut),
                        ready,
                        loaded,
                        load.sorted().length,
                        load.perSecond()));
                seconds.add(s);
                listenings.add(listening);
                firstAnswers.add(answered);
                rssReady.add(ready);
                rssLoaded.add(loaded);
                if (micronaut != null) {
                    reported.add(micronaut / 1000);
                }
            }

            List<Double> helloSeconds = new ArrayList<>();
            List<Double> helloRss = new ArrayList<>();
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String classpath = System.getProperty("java.class.path");
            for (int run = 1; run <= RUNS; run++) {
                long t0 = System.nanoTime();
                Process hello = new ProcessBuilder(java, "-cp", classpath, Hello.class.getName())
                        .redirectErrorStream(true)
                        .start();
                String out = new String(hello.getInputStream().readAllBytes()).trim();
                int status = hello.waitFor();
                helloSeconds.add((System.nanoTime() - t0) / 1e9);
                if (status != 0 || !out.startsWith("hello ")) {
                    throw new IllegalStateException("the baseline JVM answered " + status + ": " + out);
                }
                helloRss.add(Long.parseLong(out.substring(6)) / 1024.0);
            }

            double start = median(seconds);
            double ready = median(rssReady);
            double loaded = median(rssLoaded);
            double baseline = median(helloSeconds);
            double baselineRss = median(helloRss);
            StringBuilder out = new StringBuilder("\n");
            out.append(Benchmarks.format(
                    "Startup benchmark: %d runs, %d CPUs, %s, JVM options of the product: %s%n",
                    RUNS,
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                    jvmOptions()));
            out.append(Benchmarks.format("%-44s %8s %8s %8s%n", "", "median", "min", "max"));
            line(out, "governance start to ready, s", seconds);
            line(out, "  port accepting connections, s", listenings);
            line(out, "  first HTTP answer of any status, s", firstAnswers);
            if (!reported.isEmpty()) {
                line(out, "  of which Micronaut's 'Startup completed', s", reported);
            }
            line(out, "governance VmRSS when ready, MB", rssReady);
            line(out, "governance VmRSS after " + CLIENTS * LOAD + " reads, MB", rssLoaded);
            line(out, "baseline JVM hello start to exit, s", helloSeconds);
            line(out, "baseline JVM hello VmRSS, MB", helloRss);
            out.append(Benchmarks.format("%-44s %8.1f%n", "ratio start / baseline JVM", start / baseline));
            boolean startMet = start <= TARGET_SECONDS;
            boolean rssMet = Math.max(ready, loaded) <= TARGET_RSS_MB;
            out.append(Benchmarks.format(
                    "target start to ready <= %.0f s: %s (median %.2f s)%n",
                    TARGET_SECONDS, startMet ? "met" : "MISSED", start));
            out.append(Benchmarks.format(
                    "target VmRSS <= %.0f MB:        %s (median %.0f MB ready, %.0f MB after load)%n",
                    TARGET_RSS_MB, rssMet ? "met" : "MISSED", ready, loaded));
            System.out.print(out);
            String name = "StartupBench";
            Benchmarks.summary(
                    name,
                    "start to ready (median of " + RUNS + ")",
                    Benchmarks.format("%.2f s", start),
                    Benchmarks.format("<= %.0f s", TARGET_SECONDS),
                    startMet);
            Benchmarks.summary(
                    name,
                    "VmRSS ready / after load",
                    Benchmarks.format("%.0f / %.0f MB", ready, loaded),
                    Benchmarks.format("<= %.0f MB", TARGET_RSS_MB),
                    rssMet);
            Benchmarks.summary(
                    name,
                    "baseline JVM hello start, VmRSS",
                    Benchmarks.format("%.2f s, %.0f MB", baseline, baselineRss));
            return errors == 0 ? 0 : 1;
        }
    }

    private static void line(StringBuilder out, String name, List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        out.append(Benchmarks.format("%-44s %8.2f %8.2f %8.2f%n", name, median(values), v[0], v[v.length - 1]));
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** VmRSS of a process from /proc/&lt;pid&gt;/status, in MB. */
    private static double rssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS for process " + pid);
    }

    /** Micronaut's own "Startup completed in N ms" from this run's part of the log, if it printed one. */
    private static Double micronautStartup(Path log, long offset) throws IOException {
        byte[] all = Files.readAllBytes(log);
        String part = new String(Arrays.copyOfRange(all, (int) Math.min(offset, all.length), all.length));
        Matcher m = STARTUP.matcher(part);
        Double found = null;
        while (m.find()) {
            found = Double.parseDouble(m.group(1));
        }
        return found;
    }
}
