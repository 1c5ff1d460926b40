package nl.samenspel.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** StartupBench's baseline: a JVM that starts, prints its resident memory (VmRSS, kB) and exits. */
public final class Hello {

    private Hello() {}

    public static void main(String[] args) throws IOException {
        String rss = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmRSS:"))
                .findFirst()
                .orElse("VmRSS: 0 kB");
        System.out.println("hello " + rss.replaceAll("\\D+", ""));
    }
}
