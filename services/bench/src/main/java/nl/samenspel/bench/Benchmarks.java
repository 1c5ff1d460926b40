package nl.samenspel.bench;

import java.util.Locale;
import java.util.concurrent.Callable;

/** What every benchmark's main does: run, report a failure, exit with the status (0 when all went well). */
final class Benchmarks {

    /** Lines starting with this are collected by {@code run-all.sh} into one table. */
    static final String SUMMARY = "@summary";

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
        System.exit(status); // runs the shutdown hooks, e.g. Harness's: the product, then PostgreSQL
    }

    /** One row of the summary table: a figure with its target and whether it was met. */
    static void summary(String bench, String figure, String measured, String target, boolean met) {
        System.out.println(String.join("\t", SUMMARY, bench, figure, measured, target, met ? "met" : "MISSED"));
    }

    /** One row of the summary table without a target (a baseline, a figure for reference). */
    static void summary(String bench, String figure, String measured) {
        System.out.println(String.join("\t", SUMMARY, bench, figure, measured, "-", "-"));
    }

    static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
