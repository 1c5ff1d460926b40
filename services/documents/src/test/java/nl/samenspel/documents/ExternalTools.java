package nl.samenspel.documents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the independent checkers from Debian (qpdf, poppler-utils) on a PDF written to a file. */
public final class ExternalTools {

    private ExternalTools() {}

    public record Run(int exitCode, String output) {}

    public static Run run(Path pdf, String... command) {
        String tool = command[0];
        if (!onPath(tool)) {
            throw new AssertionError(tool + " is not installed: apt-get install -y qpdf poppler-utils (.ci/run does)");
        }
        List<String> line = new ArrayList<>(List.of(command));
        line.add(pdf.toString());
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(tool + " did not finish within 60 s");
            }
            return new Run(process.exitValue(), output);
        } catch (IOException e) {
            throw new AssertionError("Cannot run " + tool, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static Path write(Path directory, String name, byte[] pdf) throws IOException {
        return Files.write(directory.resolve(name), pdf);
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
