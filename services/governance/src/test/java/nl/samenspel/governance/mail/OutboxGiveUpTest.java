package nl.samenspel.governance.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import nl.samenspel.core.testing.TestDatabase;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import nl.samenspel.governance.support.Smtp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Mail that could not go out within its useful life is given up, and its link is wiped. */
@MicronautTest(transactional = false)
class OutboxGiveUpTest implements DatabaseTest {

    final Smtp smtp = new Smtp();

    @Inject
    OutboxDispatcher dispatcher;

    @Override
    public Map<String, String> extraProperties() {
        return new HashMap<>(smtp.properties());
    }

    @AfterAll
    void tearDown() {
        smtp.close();
    }

    @Test
    void aWeekOldUndeliveredMessageIsAbandonedNotSentAndItsBodyCleared() throws Exception {
        String stale = Fixtures.unique("oud") + "@example.nl";
        String fresh = Fixtures.unique("nieuw") + "@example.nl";
        UUID staleId = insert(stale, "8 days");
        insert(fresh, "1 minute");

        dispatcher.dispatchDue();

        assertThat(smtp.to(stale)).isEmpty();
        assertThat(smtp.to(fresh)).hasSize(1);
        TestDatabase db = DatabaseTest.database();
        try (Connection admin = DriverManager.getConnection(db.adminUrl(), db.adminUser(), db.adminPassword());
                PreparedStatement ps = admin.prepareStatement(
                        "SELECT abandoned_at IS NOT NULL, sent_at IS NULL, body_text FROM samenspel.outbox_email WHERE id = ?")) {
            ps.setObject(1, staleId);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).as("abandoned").isTrue();
                assertThat(rs.getBoolean(2)).as("never sent").isTrue();
                assertThat(rs.getString(3)).as("the link is gone").isEmpty();
            }
        }
    }

    private static UUID insert(String recipient, String age) throws Exception {
        UUID id = UUID.randomUUID();
        TestDatabase db = DatabaseTest.database();
        try (Connection admin = DriverManager.getConnection(db.adminUrl(), db.adminUser(), db.adminPassword());
                PreparedStatement ps = admin.prepareStatement(
                        "INSERT INTO samenspel.outbox_email (id, recipient, subject, body_text, created_at, next_attempt_at)"
                                + " VALUES (?, ?, 'Uitnodiging', 'https://samenspel.test/invitations/geheim', now() - ?::interval,"
                                + " now() - interval '1 second')")) {
            ps.setObject(1, id);
            ps.setString(2, recipient);
            ps.setString(3, age);
            ps.executeUpdate();
        }
        return id;
    }
}
