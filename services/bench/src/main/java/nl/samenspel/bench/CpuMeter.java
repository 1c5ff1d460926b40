package nl.samenspel.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * CPU time the product and PostgreSQL spend, read from {@code /proc} (Linux): user plus system time of
 * the product's process, and of the PostgreSQL postmaster and its children (the backends that serve
 * the product's and the benchmark's connections, the WAL writer, ...). Per request, it is steadier than
 * requests per second on a machine whose other load comes and goes, and says which side the time goes
 * to. Where {@code /proc} is missing, every figure is NaN.
 */
final class CpuMeter {

    /** Clock ticks per second of {@code /proc/<pid>/stat}'s utime and stime (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100;

    private final LongSupplier productPid;
    private final String postgresDataMarker;

    /**
     * Seconds of CPU at one moment: the product's, PostgreSQL's, and of the product's the part its JIT
     * compiler threads took (a phase that is still compiling has not reached its steady state).
     */
    record Sample(double product, double postgres, double jit) {

        static final Sample NONE = new Sample(Double.NaN, Double.NaN, Double.NaN);

        Sample minus(Sample earlier) {
            return new Sample(product - earlier.product, postgres - earlier.postgres, jit - earlier.jit);
        }
    }

    /** {@code postgresDataMarker}: a piece of the postmaster's command line that only it has (its data directory). */
    CpuMeter(LongSupplier productPid, String postgresDataMarker) {
        this.productPid = productPid;
        this.postgresDataMarker = postgresDataMarker;
    }

    Sample sample() {
        if (!Files.isDirectory(Path.of("/proc/self"))) {
            return Sample.NONE;
        }
        long product = productPid.getAsLong();
        double productSeconds = product > 0 ? ticks(product) / TICKS_PER_SECOND : Double.NaN;
        double jitSeconds = product > 0 ? compilerTicks(product) / TICKS_PER_SECOND : Double.NaN;
        long postmaster = -1;
        long postgresTicks = 0;
        List<long[]> processes = processes();
        for (long[] p : processes) {
            String command = cmdline(p[0]);
            if (command.contains(postgresDataMarker) && command.contains("postgres")) {
                postmaster = p[0];
                break;
            }
        }
        if (postmaster < 0) {
            return new Sample(productSeconds, Double.NaN, jitSeconds);
        }
        for (long[] p : processes) {
            if (p[0] == postmaster || p[1] == postmaster) {
                postgresTicks += p[2];
            }
        }
        return new Sample(productSeconds, postgresTicks / TICKS_PER_SECOND, jitSeconds);
    }

    /** {pid, ppid, utime + stime} of every process. */
    private static List<long[]> processes() {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .map(p -> stat(Long.parseLong(p.getFileName().toString())))
                    .filter(s -> s != null)
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long ticks(long pid) {
        long[] s = stat(pid);
        return s == null ? 0 : s[2];
    }

    /** utime + stime of the process's HotSpot compiler threads ("C1 CompilerThre", "C2 CompilerThre"). */
    private static long compilerTicks(long pid) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return tasks.map(task -> stat(task.resolve("stat")))
                    .filter(t -> t != null && t.command().contains("CompilerThre"))
                    .mapToLong(Stat::ticks)
                    .sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Of a {@code /proc/.../stat} line: field 2 (the command name), 4 (ppid), 14 (utime) + 15 (stime). */
    private record Stat(String command, long ppid, long ticks) {}

    /** {pid, ppid, utime + stime} of {@code /proc/<pid>/stat}; null when the process is gone. */
    private static long[] stat(long pid) {
        Stat s = stat(Path.of("/proc", Long.toString(pid), "stat"));
        return s == null ? null : new long[] {pid, s.ppid(), s.ticks()};
    }

    /** A process's or a thread's stat file; null when it is gone. */
    private static Stat stat(Path file) {
        try {
            String line = Files.readString(file, StandardCharsets.UTF_8);
            // The command name (field 2) is in parentheses and may hold spaces: count from its end.
            int end = line.lastIndexOf(')');
            String[] f = line.substring(end + 2).trim().split(" ");
            return new Stat(
                    line.substring(line.indexOf('(') + 1, end),
                    Long.parseLong(f[1]),
                    Long.parseLong(f[11]) + Long.parseLong(f[12]));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String cmdline(long pid) {
        try {
            return new String(
                            Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }
}
