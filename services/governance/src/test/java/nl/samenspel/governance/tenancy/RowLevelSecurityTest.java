package nl.samenspel.governance.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.samenspel.core.testing.TestDatabase;
import nl.samenspel.governance.coalition.CoalitionResponse;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.member.MemberKind;
import nl.samenspel.governance.member.MemberRequest;
import nl.samenspel.governance.member.MemberService;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The second wall, tested without the application in the way: the app's own database role, connected
 * directly, with and without a coalition bound.
 */
@MicronautTest(transactional = false)
class RowLevelSecurityTest implements DatabaseTest {

    /** Platform tables: outside RLS by design (ARCHITECTURE.md), touched only by identity/tenancy code. */
    static final Set<String> PLATFORM_TABLES = Set.of(
            "account",
            "login_throttle",
            "login_session",
            "coalition",
            "coalition_role",
            // Looked up by token before any coalition is known; read only by the invitation code. Its rows
            // point into a coalition's members, so on Citus it is distributed with the tenant tables
            // (CitusReadinessTest), as is sealed_hash.
            "invitation",
            // The e-mail job queue, claimed across all coalitions by the dispatcher.
            "outbox_email",
            // Calendar subscription links, resolved by their token before any coalition is known.
            "calendar_feed",
            // Atom feed links for publications, the same way.
            "publication_feed",
            // Which sealed final has which hash: verifying an upload finds its coalition before any is bound.
            "sealed_hash",
            // Long work (sealing) claimed across all coalitions by the job runner; holds no content.
            "job",
            "flyway_schema_history");

    @Inject
    Fixtures fixtures;

    @Inject
    MemberService members;

    CoalitionResponse deventer;
    CoalitionResponse woudenberg;

    @BeforeAll
    void twoCoalitionsWithData() {
        deventer = fixtures.coalition("deventer", LegalForm.SAMENWERKINGSVERBAND);
        woudenberg = fixtures.coalition("woudenberg", LegalForm.COOPERATIE_UA);
        // Audit events and bodies exist from creation; add a member to each.
        for (CoalitionResponse c : List.of(deventer, woudenberg)) {
            var secretary = fixtures.member(c, "secretary", CoalitionRole.SECRETARY);
            var member = members.create(
                    new CoalitionAccess(
                            fixturesCoalition(c),
                            new nl.samenspel.governance.identity.CurrentAccount(
                                    secretary.id(), secretary.email(), "s", false),
                            Set.of(CoalitionRole.SECRETARY)),
                    new MemberRequest(
                            "Raster",
                            MemberKind.WELZIJN,
                            null,
                            null,
                            java.time.LocalDate.of(2021, 1, 1),
                            null,
                            null,
                            null,
                            null,
                            null));
            // Representatives come through invitations; here the superuser writes one directly.
            TestDatabase db = DatabaseTest.database();
            try (Connection admin = DriverManager.getConnection(db.adminUrl(), db.adminUser(), db.adminPassword());
                    PreparedStatement ps = admin.prepareStatement(
                            "INSERT INTO samenspel.representative (coalition_id, id, member_id, account_id, may_vote, may_sign, valid_from)"
                                    + " VALUES (?, ?, ?, ?, true, true, DATE '2021-01-01')")) {
                ps.setObject(1, c.id());
                ps.setObject(2, UUID.randomUUID());
                ps.setObject(3, member.id());
                ps.setObject(4, secretary.id());
                ps.executeUpdate();
                try (PreparedStatement penvoerder = admin.prepareStatement(
                        "INSERT INTO samenspel.penvoerderschap (coalition_id, id, scope, member_id, valid_from)"
                                + " VALUES (?, ?, 'Subsidie', ?, DATE '2021-01-01')")) {
                    penvoerder.setObject(1, c.id());
                    penvoerder.setObject(2, UUID.randomUUID());
                    penvoerder.setObject(3, member.id());
                    penvoerder.executeUpdate();
                }
                UUID statute = UUID.randomUUID();
                try (PreparedStatement version = admin.prepareStatement(
                        "INSERT INTO samenspel.statute_version (coalition_id, id, number, title, status, rules)"
                                + " VALUES (?, ?, 1, 'Statuten', 'DRAFT', '{}'::jsonb)")) {
                    version.setObject(1, c.id());
                    version.setObject(2, statute);
                    version.executeUpdate();
                }
                try (PreparedStatement article = admin.prepareStatement(
                        "INSERT INTO samenspel.statute_article (coalition_id, version_id, number, position, title, body)"
                                + " VALUES (?, ?, '1', 0, 'Naam', 'De naam')")) {
                    article.setObject(1, c.id());
                    article.setObject(2, statute);
                    article.executeUpdate();
                }
                try (PreparedStatement seat = admin.prepareStatement(
                        "INSERT INTO samenspel.body_seat (coalition_id, id, body_id, member_id, person_name, role, votes, term_from)"
                                + " SELECT ?, ?, id, ?, 'Voorzitter', 'CHAIR', true, DATE '2021-01-01'"
                                + " FROM samenspel.body WHERE coalition_id = ? ORDER BY position LIMIT 1")) {
                    seat.setObject(1, c.id());
                    seat.setObject(2, UUID.randomUUID());
                    seat.setObject(3, member.id());
                    seat.setObject(4, c.id());
                    seat.executeUpdate();
                }
                meetingRows(admin, c.id(), member.id());
                proposalRows(admin, c.id(), member.id(), secretary.id());
                try (PreparedStatement rhythm = admin.prepareStatement(
                        "INSERT INTO samenspel.body_rhythm (coalition_id, body_id, position, every_weeks)"
                                + " SELECT ?, id, 0, 3 FROM samenspel.body WHERE coalition_id = ? ORDER BY position LIMIT 1")) {
                    rhythm.setObject(1, c.id());
                    rhythm.setObject(2, c.id());
                    rhythm.executeUpdate();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A meeting with one of everything that hangs off it. */
    private static void meetingRows(Connection admin, UUID coalition, UUID member) throws SQLException {
        UUID meeting = UUID.randomUUID();
        UUID item = UUID.randomUUID();
        exec(
                admin,
                "INSERT INTO samenspel.meeting (coalition_id, id, body_id, title, starts_at, ends_at, location)"
                        + " SELECT ?, ?, id, 'Vergadering', now(), now() + interval '1 hour', 'Stadhuis'"
                        + " FROM samenspel.body WHERE coalition_id = ? ORDER BY position LIMIT 1",
                coalition,
                meeting,
                coalition);
        exec(
                admin,
                "INSERT INTO samenspel.agenda_item (coalition_id, id, meeting_id, position, title, kind)"
                        + " VALUES (?, ?, ?, 0, 'Opening', 'INFORMATION')",
                coalition,
                item,
                meeting);
        exec(
                admin,
                "INSERT INTO samenspel.agenda_document (coalition_id, id, agenda_item_id, filename, content_type,"
                        + " size_bytes, sha256, content, uploaded_by)"
                        + " VALUES (?, ?, ?, 'stuk.txt', 'text/plain', 1, repeat('a', 64), 'x'::bytea, 'test')",
                coalition,
                UUID.randomUUID(),
                item);
        exec(
                admin,
                "INSERT INTO samenspel.meeting_attendance (coalition_id, meeting_id, member_id, status, recorded_at)"
                        + " VALUES (?, ?, ?, 'PRESENT', now())",
                coalition,
                meeting,
                member);
        exec(
                admin,
                "INSERT INTO samenspel.meeting_minutes (coalition_id, meeting_id, text, status, updated_at)"
                        + " VALUES (?, ?, 'Notulen', 'DRAFT', now())",
                coalition,
                meeting);
        exec(
                admin,
                "INSERT INTO samenspel.decision (coalition_id, id, number, meeting_id, agenda_item_id, decision_type,"
                        + " text, outcome, decided_at, recorded_by)"
                        + " VALUES (?, ?, 1, ?, ?, 'ORDINARY', 'Besloten', 'ADOPTED', now(), 'test')",
                coalition,
                UUID.randomUUID(),
                meeting,
                item);
        exec(
                admin,
                "INSERT INTO samenspel.action_item (coalition_id, id, meeting_id, description, owner_name, created_at)"
                        + " VALUES (?, ?, ?, 'Doen', 'Iemand', now())",
                coalition,
                UUID.randomUUID(),
                meeting);
    }

    /** An open proposal with a vote, a proxy between two members and a declared conflict; a draft with an attachment. */
    private static void proposalRows(Connection admin, UUID coalition, UUID member, UUID account) throws SQLException {
        UUID proposal = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        exec(
                admin,
                "INSERT INTO samenspel.member (coalition_id, id, name, kind, joined_on)"
                        + " VALUES (?, ?, 'De Kern', 'WELZIJN', DATE '2021-01-01')",
                coalition,
                other);
        exec(
                admin,
                "INSERT INTO samenspel.proposal (coalition_id, id, number, title, text, decision_type, body_id, mode,"
                        + " status, opened_at, closes_at, created_by)"
                        + " SELECT ?, ?, 1, 'Voorstel', '', 'ORDINARY', id, 'WRITTEN', 'OPEN', now(),"
                        + " now() + interval '1 day', 'test' FROM samenspel.body WHERE coalition_id = ?"
                        + " ORDER BY position LIMIT 1",
                coalition,
                proposal,
                coalition);
        exec(
                admin,
                "INSERT INTO samenspel.vote (coalition_id, proposal_id, member_id, revision, choice, cast_by, cast_at)"
                        + " VALUES (?, ?, ?, 0, 'FOR', ?, now())",
                coalition,
                proposal,
                member,
                account);
        exec(
                admin,
                "INSERT INTO samenspel.proxy (coalition_id, proposal_id, grantor_id, holder_id, granted_by, granted_at)"
                        + " VALUES (?, ?, ?, ?, ?, now())",
                coalition,
                proposal,
                other,
                member,
                account);
        exec(
                admin,
                "INSERT INTO samenspel.proposal_consequence (coalition_id, proposal_id, kind, member_name, member_kind)"
                        + " VALUES (?, ?, 'ADMISSION', 'Nieuw lid', 'WELZIJN')",
                coalition,
                proposal);
        exec(
                admin,
                "INSERT INTO samenspel.recusal (coalition_id, proposal_id, member_id, reason, declared_by, declared_at)"
                        + " VALUES (?, ?, ?, 'Eigen belang', 'test', now())",
                coalition,
                proposal,
                other);
        UUID document = UUID.randomUUID();
        exec(
                admin,
                "INSERT INTO samenspel.document (coalition_id, id, title, filename, origin, size_bytes, pages, sha256,"
                        + " content, created_at, created_by)"
                        + " VALUES (?, ?, 'Overeenkomst', 'overeenkomst.pdf', 'UPLOADED', 3, 1, repeat('b', 64),"
                        + " 'pdf'::bytea, now(), 'test')",
                coalition,
                document);
        UUID signing = UUID.randomUUID();
        // Finished signing rows as they end up, written past the triggers that guard how they get there.
        exec(admin, "SET session_replication_role = replica");
        exec(
                admin,
                "INSERT INTO samenspel.signature_request (coalition_id, id, document_id, title, signing_order, deadline,"
                        + " status, signed_at, ended_at, created_at, created_by)"
                        + " VALUES (?, ?, ?, 'Overeenkomst', 'PARALLEL', now() + interval '1 day', 'COMPLETED', now(),"
                        + " now(), now(), 'test')",
                coalition,
                signing,
                document);
        exec(
                admin,
                "INSERT INTO samenspel.signatory (coalition_id, request_id, position, step, member_id, status, acted_at,"
                        + " account_id, signer_name, ip_address, document_sha256, consent_text)"
                        + " VALUES (?, ?, 1, 1, ?, 'SIGNED', now(), ?, 'Test', '127.0.0.1', repeat('b', 64), 'Akkoord')",
                coalition,
                signing,
                member,
                account);
        exec(
                admin,
                "INSERT INTO samenspel.signed_document (coalition_id, request_id, content, size_bytes, pages, sha256,"
                        + " seal_fingerprint, created_at) VALUES (?, ?, 'pdf'::bytea, 3, 1, md5(?::text) || md5(?::text),"
                        + " repeat('c', 64), now())",
                coalition,
                signing,
                signing,
                coalition);
        exec(admin, "SET session_replication_role = DEFAULT");
        UUID subsidy = UUID.randomUUID();
        exec(
                admin,
                "INSERT INTO samenspel.subsidy (coalition_id, id, year, title, scope, grantor, amount_cents, period_from,"
                        + " period_until, verantwoording_due, accountant_threshold_cents, variance_threshold_pct, created_at,"
                        + " created_by) VALUES (?, ?, 2021, 'Subsidie', 'Subsidie', 'Gemeente', 100, DATE '2021-01-01',"
                        + " DATE '2021-12-31', DATE '2022-05-01', 100, 5, now(), 'test')",
                coalition,
                subsidy);
        for (String figure : List.of(
                "budget_line (coalition_id, id, subsidy_id, member_id, category, budget_cents, updated_at, updated_by)"
                        + " VALUES (?, ?, ?, ?, 'Personeel', 1, now(), 'test')",
                "fte_line (coalition_id, id, subsidy_id, member_id, function, planned, updated_at, updated_by)"
                        + " VALUES (?, ?, ?, ?, 'Werker', 1, now(), 'test')",
                "indicator (coalition_id, id, subsidy_id, member_id, group_name, name, target, updated_at, updated_by)"
                        + " VALUES (?, ?, ?, ?, 'Groep', 'Bereik', 1, now(), 'test')",
                "milestone (coalition_id, id, subsidy_id, member_id, title, due_on, status, updated_at, updated_by)"
                        + " VALUES (?, ?, ?, ?, 'Mijlpaal', DATE '2021-03-01', 'PLANNED', now(), 'test')",
                "risk (coalition_id, id, subsidy_id, member_id, risk, cause, mitigation, owner, status, updated_at,"
                        + " updated_by) VALUES (?, ?, ?, ?, 'Risico', 'Oorzaak', 'Maatregel', 'Eigenaar', 'OPEN', now(), 'test')")) {
            exec(admin, "INSERT INTO samenspel." + figure, coalition, UUID.randomUUID(), subsidy, member);
        }
        UUID traject = UUID.randomUUID();
        exec(
                admin,
                "INSERT INTO samenspel.traject (coalition_id, id, title, owner_body_id, created_at, created_by)"
                        + " SELECT ?, ?, 'Traject', id, now(), 'test' FROM samenspel.body WHERE coalition_id = ?"
                        + " ORDER BY position LIMIT 1",
                coalition,
                traject,
                coalition);
        UUID phase = UUID.randomUUID();
        exec(
                admin,
                "INSERT INTO samenspel.traject_phase (coalition_id, id, traject_id, position, name, planned_start,"
                        + " planned_end, updated_at, updated_by) VALUES (?, ?, ?, 0, 'Fase', DATE '2021-01-01',"
                        + " DATE '2021-03-01', now(), 'test')",
                coalition,
                phase,
                traject);
        exec(
                admin,
                "INSERT INTO samenspel.traject_milestone (coalition_id, milestone_id, traject_id, phase_id, linked_at,"
                        + " linked_by) SELECT ?, id, ?, ?, now(), 'test' FROM samenspel.milestone"
                        + " WHERE coalition_id = ? AND subsidy_id = ?",
                coalition,
                traject,
                phase,
                coalition,
                subsidy);
        exec(
                admin,
                "INSERT INTO samenspel.traject_hours (coalition_id, id, traject_id, phase_id, member_id, account_id,"
                        + " week_start, expected_hours, realised_hours, updated_at, updated_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?, DATE '2021-01-04', 8, 6, now(), 'test')",
                coalition,
                UUID.randomUUID(),
                traject,
                phase,
                member,
                account);
        exec(
                admin,
                "INSERT INTO samenspel.publication (coalition_id, id, kind, title, body, traject_id, published_at,"
                        + " published_by) VALUES (?, ?, 'REPORT', 'Voortgang', 'Tekst', ?, now(), 'test')",
                coalition,
                UUID.randomUUID(),
                traject);
        exec(
                admin,
                "INSERT INTO samenspel.staff_grant (coalition_id, account_id, member_id, granted_at, granted_by)"
                        + " VALUES (?, ?, ?, now(), 'test')",
                coalition,
                account,
                member);
        UUID stakeholder = UUID.randomUUID();
        exec(
                admin,
                "INSERT INTO samenspel.stakeholder (coalition_id, id, name, influence, interest_level, created_at,"
                        + " updated_at, updated_by) VALUES (?, ?, 'Gemeenteraad', 'HIGH', 'MEDIUM', now(), now(), 'test')",
                coalition,
                stakeholder);
        UUID moment = UUID.randomUUID();
        exec(
                admin,
                "INSERT INTO samenspel.communication_moment (coalition_id, id, traject_id, message, channel, planned_on,"
                        + " responsible, created_at, created_by, updated_at, updated_by)"
                        + " VALUES (?, ?, ?, 'Stand van zaken', 'BRIEF', DATE '2021-03-01', 'Secretaris', now(), 'test',"
                        + " now(), 'test')",
                coalition,
                moment,
                traject);
        exec(
                admin,
                "INSERT INTO samenspel.communication_audience (coalition_id, moment_id, stakeholder_id) VALUES (?, ?, ?)",
                coalition,
                moment,
                stakeholder);
        UUID pack = UUID.randomUUID();
        exec(
                admin,
                "INSERT INTO samenspel.verantwoordingspakket (coalition_id, id, subsidy_id, requested_at, requested_by)"
                        + " VALUES (?, ?, ?, now(), 'test')",
                coalition,
                pack,
                subsidy);
        exec(
                admin,
                "INSERT INTO samenspel.traject_case_entry (coalition_id, id, traject_id, kind, ref_id, report_id,"
                        + " classification, added_at, added_by) VALUES (?, ?, ?, 'REPORT', ?, ?, 'INTERN', now(), 'test')",
                coalition,
                UUID.randomUUID(),
                traject,
                pack,
                pack);
        exec(
                admin,
                "INSERT INTO samenspel.pack_download (coalition_id, id, pack_id, account_id, actor, file, downloaded_at)"
                        + " VALUES (?, ?, ?, ?, 'test', 'PDF', now())",
                coalition,
                UUID.randomUUID(),
                pack,
                account);
        exec(
                admin,
                "INSERT INTO samenspel.accountant_year (coalition_id, account_id, year) VALUES (?, ?, 2021)",
                coalition,
                account);
        exec(
                admin,
                "INSERT INTO samenspel.jaarverklaring (coalition_id, id, subsidy_id, member_id, document_id, request_id,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?, now())",
                coalition,
                UUID.randomUUID(),
                subsidy,
                member,
                document,
                signing);
        // Attachments only while a draft: a second proposal, still being written.
        UUID draft = UUID.randomUUID();
        exec(
                admin,
                "INSERT INTO samenspel.proposal (coalition_id, id, number, title, text, decision_type, body_id, mode,"
                        + " created_by) SELECT ?, ?, 2, 'Concept', '', 'ORDINARY', id, 'WRITTEN', 'test'"
                        + " FROM samenspel.body WHERE coalition_id = ? ORDER BY position LIMIT 1",
                coalition,
                draft,
                coalition);
        exec(
                admin,
                "INSERT INTO samenspel.proposal_attachment (coalition_id, id, proposal_id, filename, content_type,"
                        + " size_bytes, sha256, content, uploaded_at, uploaded_by)"
                        + " VALUES (?, ?, ?, 'bijlage.txt', 'text/plain', 3, repeat('a', 64), 'abc'::bytea, now(), 'test')",
                coalition,
                UUID.randomUUID(),
                draft);
    }

    private static void exec(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    @Inject
    nl.samenspel.governance.coalition.CoalitionRepository coalitions;

    nl.samenspel.governance.coalition.Coalition fixturesCoalition(CoalitionResponse c) {
        return coalitions.findById(c.id()).orElseThrow();
    }

    static Connection asApp() throws SQLException {
        TestDatabase db = DatabaseTest.database();
        return DriverManager.getConnection(db.appUrl(), db.appUser(), db.rolePassword());
    }

    static List<String> tenantTables() throws SQLException {
        TestDatabase db = DatabaseTest.database();
        try (Connection c = DriverManager.getConnection(db.adminUrl(), db.adminUser(), db.adminPassword());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        """
                        SELECT DISTINCT table_name FROM information_schema.columns
                         WHERE table_schema = 'samenspel' AND column_name = 'coalition_id'
                         ORDER BY table_name""")) {
            List<String> tables = new ArrayList<>();
            while (rs.next()) {
                if (!PLATFORM_TABLES.contains(rs.getString(1))) {
                    tables.add(rs.getString(1));
                }
            }
            return tables;
        }
    }

    @Test
    void everyTenantTableHasForcedRowLevelSecurityAndCoalitionIdLeadingItsKey() throws SQLException {
        List<String> tables = tenantTables();
        assertThat(tables).contains("member", "representative", "body", "audit_event");
        TestDatabase db = DatabaseTest.database();
        try (Connection c = DriverManager.getConnection(db.adminUrl(), db.adminUser(), db.adminPassword())) {
            for (String table : tables) {
                try (PreparedStatement ps = c.prepareStatement(
                        """
                        SELECT cl.relrowsecurity, cl.relforcerowsecurity,
                               (SELECT count(*) FROM pg_policy p WHERE p.polrelid = cl.oid AND p.polwithcheck IS NOT NULL),
                               (SELECT a.attname FROM pg_index i JOIN pg_attribute a
                                   ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
                                 WHERE i.indrelid = cl.oid AND i.indisprimary)
                          FROM pg_class cl JOIN pg_namespace n ON n.oid = cl.relnamespace
                         WHERE n.nspname = 'samenspel' AND cl.relname = ?""")) {
                    ps.setString(1, table);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next()).as(table).isTrue();
                        assertThat(rs.getBoolean(1))
                                .as(table + " has RLS enabled")
                                .isTrue();
                        assertThat(rs.getBoolean(2))
                                .as(table + " has RLS forced")
                                .isTrue();
                        assertThat(rs.getInt(3))
                                .as(table + " has a policy WITH CHECK")
                                .isPositive();
                        assertThat(rs.getString(4))
                                .as(table + " primary key starts with coalition_id")
                                .isEqualTo("coalition_id");
                    }
                }
            }
        }
    }

    @Test
    void theAppRoleIsNeitherOwnerNorSuperuserNorBypassesRls() throws SQLException {
        try (Connection c = asApp();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")) {
            rs.next();
            assertThat(rs.getBoolean(1)).isFalse();
            assertThat(rs.getBoolean(2)).isFalse();
        }
        try (Connection c = asApp();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT count(*) FROM pg_tables WHERE schemaname = 'samenspel' AND tableowner = current_user")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void withNoCoalitionBoundTheAppRoleSeesNoRowInAnyTenantTable() throws SQLException {
        // The same tables do hold rows: the superuser sees them.
        TestDatabase db = DatabaseTest.database();
        try (Connection admin = DriverManager.getConnection(db.adminUrl(), db.adminUser(), db.adminPassword());
                Connection app = asApp()) {
            for (String table : tenantTables()) {
                assertThat(count(admin, table)).as("rows in " + table).isPositive();
                assertThat(count(app, table))
                        .as(table + " as app without coalition")
                        .isZero();
                // An empty string is what the setting reads as after a transaction that bound it.
                app.setAutoCommit(false);
                try (Statement s = app.createStatement()) {
                    s.execute("SELECT set_config('samenspel.coalition_id', '', true)");
                }
                assertThat(count(app, table)).as(table + " with '' bound").isZero();
                app.rollback();
                app.setAutoCommit(true);
            }
        }
    }

    @Test
    void withOneCoalitionBoundOnlyItsRowsAreVisible() throws SQLException {
        try (Connection app = asApp()) {
            app.setAutoCommit(false);
            bind(app, deventer.id());
            for (String table : tenantTables()) {
                try (Statement s = app.createStatement();
                        ResultSet rs = s.executeQuery("SELECT DISTINCT coalition_id FROM " + table)) {
                    while (rs.next()) {
                        assertThat(rs.getObject(1, UUID.class)).as(table).isEqualTo(deventer.id());
                    }
                }
            }
            app.rollback();
        }
    }

    @Test
    void theAppRoleCannotWriteARowForAnotherCoalition() throws SQLException {
        try (Connection app = asApp()) {
            app.setAutoCommit(false);
            bind(app, woudenberg.id());
            assertThatThrownBy(() -> {
                        try (PreparedStatement ps = app.prepareStatement(
                                "INSERT INTO member (coalition_id, id, name, kind, joined_on) VALUES (?, ?, 'Infiltrant', 'OVERIG', DATE '2024-01-01')")) {
                            ps.setObject(1, deventer.id());
                            ps.setObject(2, UUID.randomUUID());
                            ps.executeUpdate();
                        }
                    })
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("row-level security");
            app.rollback();

            // Nor move one of its own rows into another coalition.
            bind(app, woudenberg.id());
            assertThatThrownBy(() -> {
                        try (PreparedStatement ps =
                                app.prepareStatement("UPDATE member SET coalition_id = ? WHERE coalition_id = ?")) {
                            ps.setObject(1, deventer.id());
                            ps.setObject(2, woudenberg.id());
                            ps.executeUpdate();
                        }
                    })
                    .isInstanceOf(SQLException.class);
            app.rollback();

            // And with nothing bound, nothing can be inserted at all.
            assertThatThrownBy(() -> {
                        try (PreparedStatement ps = app.prepareStatement(
                                "INSERT INTO body (coalition_id, id, kind, name, position) VALUES (?, ?, 'STUURGROEP', 'x', 9)")) {
                            ps.setObject(1, deventer.id());
                            ps.setObject(2, UUID.randomUUID());
                            ps.executeUpdate();
                        }
                    })
                    .isInstanceOf(SQLException.class);
            app.rollback();
        }
    }

    @Test
    void auditEventsCannotBeChangedOrDeletedByTheApp() throws SQLException {
        try (Connection app = asApp()) {
            app.setAutoCommit(false);
            bind(app, deventer.id());
            assertThatThrownBy(
                            () -> app.createStatement().executeUpdate("UPDATE audit_event SET actor = 'someone else'"))
                    .hasMessageContaining("permission denied");
            app.rollback();
            bind(app, deventer.id());
            assertThatThrownBy(() -> app.createStatement().executeUpdate("DELETE FROM audit_event"))
                    .hasMessageContaining("permission denied");
            app.rollback();
        }
    }

    @Test
    void bodySeatsCannotBeDeletedByTheApp() throws SQLException {
        try (Connection app = asApp()) {
            app.setAutoCommit(false);
            bind(app, deventer.id());
            assertThatThrownBy(() -> app.createStatement().executeUpdate("DELETE FROM body_seat"))
                    .hasMessageContaining("permission denied");
            app.rollback();
        }
    }

    @Test
    void theBindingEndsWithTheTransaction() throws SQLException {
        try (Connection app = asApp()) {
            app.setAutoCommit(false);
            bind(app, deventer.id());
            assertThat(count(app, "member")).isPositive();
            app.commit();
            assertThat(count(app, "member")).isZero();
        }
    }

    @Test
    void theApplicationsBindingEndsWithTheTransactionToo() throws SQLException {
        try (Connection app = asApp()) {
            app.setAutoCommit(false);
            nl.samenspel.core.tenancy.TenantTransactions.bind(
                    app, nl.samenspel.core.tenancy.CoalitionId.of(deventer.id()));
            assertThat(count(app, "member")).isPositive();
            app.commit();
            assertThat(count(app, "member")).isZero();
        }
    }

    private static void bind(Connection c, UUID coalition) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config('samenspel.coalition_id', ?, true)")) {
            ps.setString(1, coalition.toString());
            ps.execute();
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM samenspel." + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
