package nl.samenspel.bench;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load: {@code clients} threads, each with its own client (an HTTP keep-alive connection,
 * a JDBC connection), send one request after the other; latency is measured in the client, from send
 * to the whole answer read. Requests/s is measured requests ÷ wall time from the common start.
 */
final class Latencies {

    private Latencies() {}

    /** One client's work: {@link #call} returns {@code null} when all went well, else what went wrong. */
    interface Client extends AutoCloseable {
        String call(int iteration) throws Exception;

        @Override
        default void close() throws Exception {}
    }

    @FunctionalInterface
    interface Clients {
        Client open(int client) throws Exception;
    }

    @FunctionalInterface
    interface Requests {
        HttpRequest request(int client, int iteration);
    }

    /** The least warm-up of every HTTP phase, in seconds ({@code bench.warmup-seconds}). */
    static final double HTTP_WARMUP_SECONDS = Double.parseDouble(System.getProperty("bench.warmup-seconds", "15"));

    /**
     * After its least warm-up a phase warms up on while the product's JIT compilers took more than this
     * share of its CPU over the last {@link #JIT_WINDOW_SECONDS} ({@code bench.warm-jit-share}).
     */
    static final double WARM_JIT_SHARE = Double.parseDouble(System.getProperty("bench.warm-jit-share", "0.05"));

    static final double JIT_WINDOW_SECONDS = 5;

    /** The longest warm-up, however busy the compilers still are ({@code bench.warmup-max-seconds}). */
    static final double WARMUP_MAX_SECONDS = Double.parseDouble(System.getProperty("bench.warmup-max-seconds", "120"));

    /** Reads the CPU time of product and PostgreSQL around each measured phase; set by {@link Harness}. */
    static volatile CpuMeter meter;

    /**
     * What a phase measured; {@code sorted} holds every measured latency in nanoseconds, ascending;
     * {@code cpu} the CPU seconds product and PostgreSQL spent meanwhile (NaN where not measured);
     * {@code warmupCalls} how many unmeasured calls came first, all clients together.
     */
    record Result(int clients, long[] sorted, double seconds, long errors, CpuMeter.Sample cpu, long warmupCalls) {

        /** Milliseconds of the product's CPU per measured request. */
        double productCpuMs() {
            return cpu.product() * 1000 / sorted.length;
        }

        /** Milliseconds of CPU per measured request that the product's JIT compilers took (part of its CPU). */
        double jitCpuMs() {
            return cpu.jit() * 1000 / sorted.length;
        }

        /** Milliseconds of PostgreSQL's CPU per measured request. */
        double postgresCpuMs() {
            return cpu.postgres() * 1000 / sorted.length;
        }

        double perSecond() {
            return sorted.length / seconds;
        }

        double p50Ms() {
            return percentile(0.50) / 1e6;
        }

        double p99Ms() {
            return percentile(0.99) / 1e6;
        }

        /** Nearest rank. */
        long percentile(double p) {
            if (sorted.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(p * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
        }

        /** Several rounds of the same phase as one: all latencies, summed wall time and errors. */
        static Result merge(List<Result> rounds) {
            long[] all = rounds.stream()
                    .flatMapToLong(r -> Arrays.stream(r.sorted()))
                    .sorted()
                    .toArray();
            return new Result(
                    rounds.get(0).clients(),
                    all,
                    rounds.stream().mapToDouble(Result::seconds).sum(),
                    rounds.stream().mapToLong(Result::errors).sum(),
                    new CpuMeter.Sample(
                            rounds.stream().mapToDouble(r -> r.cpu().product()).sum(),
                            rounds.stream().mapToDouble(r -> r.cpu().postgres()).sum(),
                            rounds.stream().mapToDouble(r -> r.cpu().jit()).sum()),
                    rounds.stream().mapToLong(Result::warmupCalls).sum());
        }
    }

    /**
     * HTTP clients, each on its own keep-alive connection ({@link WireClient}); any status other than
     * {@code expected} is an error.
     */
    static Result http(int clients, int warmup, int measured, int expected, Requests requests)
            throws InterruptedException {
        return http(clients, warmup, HTTP_WARMUP_SECONDS, measured, expected, requests);
    }

    /** As {@link #http(int, int, int, int, Requests)}, with a warm-up of at least {@code warmupSeconds}. */
    static Result http(int clients, int warmup, double warmupSeconds, int measured, int expected, Requests requests)
            throws InterruptedException {
        return measure(clients, warmup, warmupSeconds, measured, client -> {
            WireClient http = new WireClient();
            return new Client() {
                @Override
                public String call(int iteration) {
                    try {
                        WireClient.Answer answer = http.send(requests.request(client, iteration));
                        return answer.status() == expected ? null : answer.status() + " " + answer.body();
                    } catch (IOException e) {
                        return e.toString();
                    }
                }

                @Override
                public void close() {
                    http.close();
                }
            };
        });
    }

    /**
     * Each client does {@code warmup} unmeasured calls, then all start together and do {@code measured}
     * calls each. Every failed call counts as an error (warm-up included); a client that throws stops.
     */
    static Result measure(int clients, int warmup, int measured, Clients factory) throws InterruptedException {
        return measure(clients, warmup, 0, measured, factory);
    }

    /**
     * As {@link #measure(int, int, int, Clients)}, but every client goes on warming up until at least
     * {@code warmupSeconds} have passed since the phase began and, where the product's CPU is measured,
     * until its JIT compilers take at most {@link #WARM_JIT_SHARE} of it (or {@link #WARMUP_MAX_SECONDS}
     * have passed): the compilers are still busy for tens of seconds after a new kind of request first
     * arrives (on 2 CPUs a quarter of the product's CPU after 15 s of votes), and figures taken meanwhile
     * measure the compiler as much as the product.
     */
    static Result measure(int clients, int warmup, double warmupSeconds, int measured, Clients factory)
            throws InterruptedException {
        long[][] latencies = new long[clients][measured];
        AtomicLong errors = new AtomicLong();
        AtomicLong warmupCalls = new AtomicLong();
        List<String> samples = Collections.synchronizedList(new ArrayList<>());
        long[] start = new long[1];
        CpuMeter cpuMeter = meter;
        AtomicBoolean warm = new AtomicBoolean(warmupSeconds <= 0);
        Thread watch = warm.get() ? null : watchWarmUp(warmupSeconds, cpuMeter, warm);
        CpuMeter.Sample[] cpuStart = {CpuMeter.Sample.NONE};
        CyclicBarrier go = new CyclicBarrier(clients, () -> {
            if (cpuMeter != null) {
                cpuStart[0] = cpuMeter.sample();
            }
            start[0] = System.nanoTime();
        });
        // The end is read when the last client has its last answer, before any client closes its
        // connection: a PostgreSQL backend that exits takes its CPU time with it.
        CountDownLatch finished = new CountDownLatch(clients);
        CountDownLatch endRead = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(clients);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(
                    () -> {
                        boolean counted = false;
                        try (Client work = factory.open(client)) {
                            int i = 0;
                            for (; i < warmup || !warm.get(); i++) {
                                note(work.call(i), errors, samples);
                            }
                            warmupCalls.addAndGet(i);
                            int first = i;
                            go.await();
                            for (int m = 0; m < measured; m++) {
                                long t0 = System.nanoTime();
                                note(work.call(first + m), errors, samples);
                                latencies[client][m] = System.nanoTime() - t0;
                            }
                            counted = true;
                            finished.countDown();
                            endRead.await();
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            samples.add(e.toString());
                            go.reset();
                        } finally {
                            if (!counted) {
                                finished.countDown();
                            }
                            done.countDown();
                        }
                    },
                    "client-" + c);
            thread.start();
            threads.add(thread);
        }
        finished.await();
        long end = System.nanoTime();
        if (watch != null) {
            watch.interrupt();
        }
        CpuMeter.Sample cpu =
                cpuMeter == null ? CpuMeter.Sample.NONE : cpuMeter.sample().minus(cpuStart[0]);
        endRead.countDown();
        done.await();
        for (Thread t : threads) {
            t.join();
        }
        synchronized (samples) {
            samples.stream().distinct().limit(5).forEach(s -> System.err.println("  error: " + s));
        }
        long[] all =
                Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(clients, all, (end - start[0]) / 1e9, errors.get(), cpu, warmupCalls.get());
    }

    /**
     * Sets {@code warm} once {@code leastSeconds} have passed and the JIT compilers' share of the
     * product's CPU over the last {@link #JIT_WINDOW_SECONDS} is at most {@link #WARM_JIT_SHARE} (without a
     * meter: once {@code leastSeconds} have passed), or at {@link #WARMUP_MAX_SECONDS}; logs which.
     */
    private static Thread watchWarmUp(double leastSeconds, CpuMeter cpuMeter, AtomicBoolean warm) {
        Thread watch = new Thread(
                () -> {
                    long begin = System.nanoTime();
                    ArrayDeque<CpuMeter.Sample> window = new ArrayDeque<>();
                    try {
                        while (true) {
                            double elapsed = (System.nanoTime() - begin) / 1e9;
                            CpuMeter.Sample now = cpuMeter == null ? CpuMeter.Sample.NONE : cpuMeter.sample();
                            window.addLast(now);
                            while (window.size() > JIT_WINDOW_SECONDS + 1) {
                                window.removeFirst();
                            }
                            CpuMeter.Sample recent = now.minus(window.getFirst());
                            double share = recent.jit() / recent.product();
                            boolean settled = window.size() > JIT_WINDOW_SECONDS
                                    && (Double.isNaN(now.jit()) || !(share > WARM_JIT_SHARE));
                            if (elapsed >= leastSeconds && (settled || elapsed >= WARMUP_MAX_SECONDS)) {
                                Harness.log(String.format(
                                        Locale.ROOT,
                                        "warm after %.0f s%s",
                                        elapsed,
                                        Double.isNaN(share)
                                                ? ""
                                                : String.format(
                                                        Locale.ROOT,
                                                        " (JIT compilers %.0f %% of the product's CPU over the last %.0f s%s)",
                                                        share * 100,
                                                        JIT_WINDOW_SECONDS,
                                                        settled ? "" : "; longest warm-up reached")));
                                warm.set(true);
                                return;
                            }
                            Thread.sleep(1000);
                        }
                    } catch (InterruptedException e) {
                        warm.set(true);
                    }
                },
                "warm-up-watch");
        watch.setDaemon(true);
        watch.start();
        return watch;
    }

    private static void note(String failure, AtomicLong errors, List<String> samples) {
        if (failure != null) {
            errors.incrementAndGet();
            samples.add(failure);
        }
    }

    /**
     * Column heads; "app cpu", "of it jit" and "pg cpu" are milliseconds of CPU per request (the product,
     * of that its JIT compiler threads, PostgreSQL).
     */
    static String header() {
        return String.format(
                Locale.ROOT,
                "%-40s %10s %9s %9s %9s %7s %9s %9s %9s%n",
                "",
                "requests",
                "per s",
                "p50 ms",
                "p99 ms",
                "errors",
                "app cpu",
                "of it jit",
                "pg cpu");
    }

    static String row(String name, Result r) {
        return String.format(
                Locale.ROOT,
                "%-40s %10d %9.1f %9.2f %9.2f %7d %9.3f %9.3f %9.3f%n",
                name,
                r.sorted().length,
                r.perSecond(),
                r.p50Ms(),
                r.p99Ms(),
                r.errors(),
                r.productCpuMs(),
                r.jitCpuMs(),
                r.postgresCpuMs());
    }
}
