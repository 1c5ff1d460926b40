package nl.samenspel.core.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server from Maven Central binaries (zonky), for the one-command local run and for
 * tests on machines with neither a configured database nor Docker.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private final Path workDir;
    private final Path data;
    private final boolean restartable;
    private final int port;
    private final Map<String, String> serverConfig;
    private EmbeddedPostgres postgres;

    private EmbeddedDatabase(Path workDir, Path data, boolean restartable, int port, Map<String, String> serverConfig) {
        this.workDir = workDir;
        this.data = data;
        this.restartable = restartable;
        this.serverConfig = Map.copyOf(serverConfig);
        this.postgres = launch(workDir, data, restartable, port, this.serverConfig);
        this.port = postgres.getPort();
    }

    /** Extracts the binaries below {@code workDir} (not the system temp folder, which it never cleans). */
    public static EmbeddedDatabase start(Path workDir) {
        return start(workDir, Map.of());
    }

    /** As {@link #start(Path)}, with server settings ({@code postgresql.conf} names) added to zonky's. */
    public static EmbeddedDatabase start(Path workDir, Map<String, String> serverConfig) {
        return new EmbeddedDatabase(workDir, dataDirectory(workDir), false, 0, serverConfig);
    }

    /**
     * A server that {@link #stop()} shuts down (as {@code pg_ctl stop -m fast} does: sessions are ended)
     * and {@link #restart()} brings back on the same port with the same data, as an operator's restart or
     * a fail-over would; commits are synchronous, as on a production server. {@link #close()} removes the data.
     */
    public static EmbeddedDatabase startRestartable(Path workDir) {
        return new EmbeddedDatabase(workDir, dataDirectory(workDir), true, 0, Map.of());
    }

    private static Path dataDirectory(Path workDir) {
        try {
            Files.createDirectories(workDir);
            return Files.createTempDirectory(workDir, "data-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }

    private static EmbeddedPostgres launch(
            Path workDir, Path data, boolean restartable, int port, Map<String, String> serverConfig) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(workDir.toFile())
                    .setDataDirectory(data)
                    .setCleanDataDirectory(!restartable)
                    .setPort(port);
            serverConfig.forEach(builder::setServerConfig);
            if (restartable) {
                // zonky turns it off for speed; an acknowledged commit must survive the restart.
                builder.setServerConfig("synchronous_commit", "on").setRegisterShutdownHook(false);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }

    /** Superuser URL of the given database. */
    public String url(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database + "?user=postgres";
    }

    public String superuser() {
        return "postgres";
    }

    public int port() {
        return port;
    }

    /** Shuts the server down, keeping its data; only for {@link #startRestartable}. */
    public synchronized void stop() {
        if (!restartable) {
            throw new IllegalStateException("this embedded PostgreSQL cannot be restarted");
        }
        if (postgres != null) {
            shutDown(postgres);
            postgres = null;
        }
    }

    /** Starts a stopped server again on its port with its data. */
    public synchronized void restart() {
        stop();
        postgres = launch(workDir, data, true, port, serverConfig);
    }

    @Override
    public synchronized void close() {
        if (postgres != null) {
            shutDown(postgres);
            postgres = null;
        }
        if (restartable) {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void shutDown(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
