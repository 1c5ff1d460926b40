package nl.samenspel.governance.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.samenspel.core.testing.TestDatabase;
import nl.samenspel.governance.support.DatabaseTest;
import org.junit.jupiter.api.Test;

/**
 * The migrated schema can be distributed with Citus by {@code coalition_id} as it is (deploy/README.md,
 * "Scale-out"): the tenant tables, with the platform tables that point into tenant rows, become
 * colocated distributed tables, the other platform tables reference or coordinator-local tables.
 */
@MicronautTest(transactional = false)
class CitusReadinessTest implements DatabaseTest {

    /**
     * Platform tables (outside row-level security, {@link RowLevelSecurityTest#PLATFORM_TABLES}) that are
     * distributed with the tenant tables all the same: their foreign keys point into tenant rows, and
     * Citus has no foreign key from a reference or local table into a distributed one.
     */
    static final Set<String> DISTRIBUTED_PLATFORM_TABLES = Set.of("invitation", "sealed_hash");

    static final Path SCRIPT = Path.of("../../deploy/citus/distribute.sql");

    static Set<String> distributedTables() throws SQLException {
        Set<String> tables = new TreeSet<>(RowLevelSecurityTest.tenantTables());
        tables.addAll(DISTRIBUTED_PLATFORM_TABLES);
        return tables;
    }

    @Test
    void everyTenantTableCanBeDistributedByCoalitionId() throws SQLException {
        assertThat(RowLevelSecurityTest.PLATFORM_TABLES).containsAll(DISTRIBUTED_PLATFORM_TABLES);
        Set<String> distributed = distributedTables();
        assertThat(distributed).contains("member", "vote", "signatory", "audit_head", "jaarverklaring", "invitation");
        try (Connection c = admin()) {
            List<String> violations =
                    new CitusDistributionCheck(c, "samenspel", distributed, "coalition_id").violations();
            assertThat(violations).as("what Citus would refuse").isEmpty();
        }
    }

    @Test
    void theCheckReportsWhatCitusWouldRefuse() throws SQLException {
        try (Connection c = admin();
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS citus_check_scratch CASCADE");
            s.execute("CREATE SCHEMA citus_check_scratch");
            try {
                s.execute(
                        """
                        SET search_path = citus_check_scratch, public;
                        CREATE FUNCTION is_token(text) RETURNS boolean IMMUTABLE LANGUAGE sql AS $$ SELECT $1 <> '' $$;
                        CREATE TABLE directory (id uuid PRIMARY KEY);
                        CREATE TABLE parent (
                            coalition_id uuid NOT NULL,
                            id           uuid NOT NULL,
                            token        text NOT NULL CONSTRAINT parent_token_check CHECK (is_token(token)),
                            PRIMARY KEY (coalition_id, id),
                            CONSTRAINT parent_token_unique UNIQUE (token));
                        CREATE UNIQUE INDEX parent_lower_token ON parent (lower(token)) WHERE token <> 'x';
                        CREATE UNIQUE INDEX parent_include ON parent (id) INCLUDE (coalition_id);
                        CREATE TABLE child (
                            coalition_id uuid NOT NULL,
                            id           uuid NOT NULL,
                            parent_id    uuid NOT NULL,
                            other        uuid,
                            during       tstzrange NOT NULL,
                            PRIMARY KEY (id),
                            CONSTRAINT child_parent FOREIGN KEY (other, parent_id) REFERENCES parent (coalition_id, id),
                            CONSTRAINT child_parent_id FOREIGN KEY (parent_id) REFERENCES parent (id),
                            CONSTRAINT child_overlap EXCLUDE USING gist (parent_id WITH =, during WITH &&));
                        CREATE FUNCTION child_looks_up() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN
                            PERFORM 1 FROM parent p WHERE p.id = NEW.parent_id;
                            RETURN NEW;
                        END $$;
                        CREATE TRIGGER child_looks_up BEFORE INSERT ON child FOR EACH ROW EXECUTE FUNCTION child_looks_up();
                        CREATE TABLE numbered (coalition_id uuid NOT NULL, n bigserial, PRIMARY KEY (coalition_id, n));
                        CREATE TABLE cascading (
                            coalition_id uuid NOT NULL,
                            parent_id    uuid NOT NULL,
                            PRIMARY KEY (coalition_id, parent_id),
                            CONSTRAINT cascading_parent FOREIGN KEY (coalition_id, parent_id)
                                REFERENCES parent (coalition_id, id) ON UPDATE CASCADE);
                        CREATE TABLE lookup (
                            token        text PRIMARY KEY,
                            coalition_id uuid NOT NULL,
                            parent_id    uuid NOT NULL,
                            CONSTRAINT lookup_parent FOREIGN KEY (coalition_id, parent_id) REFERENCES parent (coalition_id, id));
                        CREATE TABLE no_tenant (id uuid PRIMARY KEY);
                        CREATE TABLE good (
                            coalition_id uuid NOT NULL,
                            id           uuid NOT NULL,
                            parent_id    uuid NOT NULL,
                            directory_id uuid REFERENCES directory (id),
                            name         text NOT NULL,
                            during       tstzrange NOT NULL,
                            PRIMARY KEY (coalition_id, id),
                            FOREIGN KEY (coalition_id, parent_id) REFERENCES parent (coalition_id, id),
                            EXCLUDE USING gist (coalition_id WITH =, parent_id WITH =, during WITH &&));
                        CREATE UNIQUE INDEX good_name ON good (lower(name), coalition_id) WHERE name <> '';
                        CREATE FUNCTION good_looks_up() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN
                            PERFORM 1 FROM parent p WHERE p.coalition_id = NEW.coalition_id AND p.id = NEW.parent_id;
                            RETURN NEW;
                        END $$;
                        CREATE TRIGGER good_looks_up BEFORE INSERT ON good FOR EACH ROW EXECUTE FUNCTION good_looks_up();
                        RESET search_path""");
                List<String> violations = new CitusDistributionCheck(
                                c,
                                "citus_check_scratch",
                                Set.of("parent", "child", "numbered", "cascading", "no_tenant", "good"),
                                "coalition_id")
                        .violations();
                assertThat(violations)
                        .contains(
                                "parent: unique constraint parent_token_unique does not have coalition_id as a key column",
                                "parent: unique index parent_lower_token does not have coalition_id as a key column",
                                "parent: unique index parent_include does not have coalition_id as a key column",
                                "parent: check constraint parent_token_check calls the function is_token",
                                "child: primary key child_pkey does not have coalition_id as a key column",
                                "child: exclusion constraint child_overlap does not compare coalition_id with =",
                                "child: foreign key child_parent to parent does not map coalition_id to coalition_id",
                                "child: foreign key child_parent_id to parent does not map coalition_id to coalition_id",
                                "child: trigger child_looks_up (function child_looks_up) reads parent without coalition_id",
                                "numbered: column n takes its values from a sequence",
                                "lookup: foreign key lookup_parent points from a reference or local table into the"
                                        + " distributed table parent",
                                "no_tenant: has no NOT NULL column coalition_id")
                        .anyMatch(v -> v.startsWith("cascading: foreign key cascading_parent would set or cascade"))
                        .noneMatch(v -> v.startsWith("good") || v.startsWith("directory"));
            } finally {
                s.execute("DROP SCHEMA citus_check_scratch CASCADE");
            }
        }
    }

    /**
     * deploy/citus/distribute.sql names every table of the schema once, as distributed, reference or
     * coordinator-local, distributed exactly as the check above expects.
     */
    @Test
    void theDistributionScriptNamesEveryTableOnceAsTheCheckExpects() throws SQLException, IOException {
        Map<String, String> named = new LinkedHashMap<>();
        List<String> twice = new ArrayList<>();
        Matcher m = Pattern.compile("pg_temp\\.(distribute|reference|local)\\('samenspel\\.(\\w+)'")
                .matcher(Files.readString(SCRIPT));
        while (m.find()) {
            if (named.put(m.group(2), m.group(1)) != null) {
                twice.add(m.group(2));
            }
        }
        assertThat(twice).as("tables named twice").isEmpty();
        Set<String> all = new TreeSet<>();
        try (Connection c = admin();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT tablename FROM pg_tables WHERE schemaname = 'samenspel' AND tablename <> 'flyway_schema_history'")) {
            while (rs.next()) {
                all.add(rs.getString(1));
            }
        }
        assertThat(named.keySet()).as("the tables of the script").containsExactlyInAnyOrderElementsOf(all);
        Set<String> distributed = new TreeSet<>();
        named.forEach((table, how) -> {
            if (how.equals("distribute")) {
                distributed.add(table);
            }
        });
        assertThat(distributed).as("distributed by the script").isEqualTo(distributedTables());
    }

    private static Connection admin() throws SQLException {
        TestDatabase db = DatabaseTest.database();
        return DriverManager.getConnection(db.adminUrl(), db.adminUser(), db.adminPassword());
    }
}
