package nl.samenspel.bench;

import java.util.concurrent.Callable;

/** What every benchmark's main does: run, report a failure, exit with the status (0 when all went well). */
final class Benchmarks {

    private Benchmarks() {}

    static void exitWith(Callable<Integer> bench) {
        int status;
        try {
            status = bench.call();
        } catch (Exception e) {
            System.err.println("benchmark failed: " + e);
            e.printStackTrace();
            status = 1;
        }
        System.exit(status); // runs the shutdown hooks, e.g. VotingBench's: the product, then PostgreSQL
    }
}
