package nl.samenspel.core.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL server from Maven Central binaries (zonky), for the one-command local run and for
 * tests on machines with neither a configured database nor Docker.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Extracts the binaries below {@code workDir} (not the system temp folder, which it never cleans). */
    public static EmbeddedDatabase start(Path workDir) {
        try {
            Files.createDirectories(workDir);
            Path data = Files.createTempDirectory(workDir, "data-");
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(workDir.toFile())
                    .setDataDirectory(data)
                    .setCleanDataDirectory(true)
                    .start();
            return new EmbeddedDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }

    /** Superuser URL of the given database. */
    public String url(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    public String superuser() {
        return "postgres";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
