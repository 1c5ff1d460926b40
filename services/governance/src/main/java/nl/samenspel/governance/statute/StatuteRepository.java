package nl.samenspel.governance.statute;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.samenspel.governance.statute.rules.StatuteRules;

/** Plain SQL on the statute tables inside the caller's coalition-bound transaction. */
@Singleton
public class StatuteRepository {

    /** The rule set is a plain record; Jackson maps it to and from the jsonb column. */
    static final ObjectMapper JSON = JsonMapper.builder().build();

    private final TransactionOperations<Connection> transactions;

    StatuteRepository(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    public static StatuteRules rulesFrom(Map<String, Object> json) {
        return JSON.convertValue(json, StatuteRules.class);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> rulesAsMap(StatuteRules rules) {
        return JSON.convertValue(rules, Map.class);
    }

    public int nextNumber(UUID coalitionId) {
        try (PreparedStatement ps = connection()
                .prepareStatement("SELECT coalesce(max(number), 0) + 1 FROM statute_version WHERE coalition_id = ?")) {
            ps.setObject(1, coalitionId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void insertDraft(UUID coalitionId, UUID id, int number, String title, StatuteRules rules) {
        try (PreparedStatement ps = connection()
                .prepareStatement("INSERT INTO statute_version (coalition_id, id, number, title, status, rules)"
                        + " VALUES (?, ?, ?, ?, 'DRAFT', ?::jsonb)")) {
            ps.setObject(1, coalitionId);
            ps.setObject(2, id);
            ps.setInt(3, number);
            ps.setString(4, title);
            ps.setString(5, json(rules));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rewrites a draft; 0 when it is no longer a draft at that version. */
    public int updateDraft(UUID coalitionId, UUID id, int version, String title, StatuteRules rules) {
        try (PreparedStatement ps = connection()
                .prepareStatement(
                        """
                        UPDATE statute_version SET title = ?, rules = ?::jsonb, version = version + 1
                         WHERE coalition_id = ? AND id = ? AND version = ? AND status = 'DRAFT'""")) {
            ps.setString(1, title);
            ps.setString(2, json(rules));
            ps.setObject(3, coalitionId);
            ps.setObject(4, id);
            ps.setInt(5, version);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public int adopt(UUID coalitionId, UUID id, int version, LocalDate effectiveFrom, Instant at) {
        try (PreparedStatement ps = connection()
                .prepareStatement(
                        """
                        UPDATE statute_version SET status = 'ADOPTED', effective_from = ?, adopted_at = ?, version = version + 1
                         WHERE coalition_id = ? AND id = ? AND version = ? AND status = 'DRAFT'""")) {
            ps.setDate(1, Date.valueOf(effectiveFrom));
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setObject(3, coalitionId);
            ps.setObject(4, id);
            ps.setInt(5, version);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public int recordDeed(UUID coalitionId, UUID id, LocalDate deedDate) {
        try (PreparedStatement ps = connection()
                .prepareStatement(
                        """
                        UPDATE statute_version SET notarial_deed_date = ?, version = version + 1
                         WHERE coalition_id = ? AND id = ? AND status = 'ADOPTED' AND notarial_deed_date IS NULL""")) {
            ps.setDate(1, Date.valueOf(deedDate));
            ps.setObject(2, coalitionId);
            ps.setObject(3, id);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void replaceArticles(UUID coalitionId, UUID versionId, List<Article> articles) {
        try {
            try (PreparedStatement delete = connection()
                    .prepareStatement("DELETE FROM statute_article WHERE coalition_id = ? AND version_id = ?")) {
                delete.setObject(1, coalitionId);
                delete.setObject(2, versionId);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection()
                    .prepareStatement(
                            "INSERT INTO statute_article (coalition_id, version_id, number, position, title, body)"
                                    + " VALUES (?, ?, ?, ?, ?, ?)")) {
                int position = 0;
                for (Article a : articles) {
                    insert.setObject(1, coalitionId);
                    insert.setObject(2, versionId);
                    insert.setString(3, a.number());
                    insert.setInt(4, position++);
                    insert.setString(5, a.title());
                    insert.setString(6, a.body() == null ? "" : a.body());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<StatuteVersion> find(UUID coalitionId, UUID id) {
        return query("SELECT * FROM statute_version WHERE coalition_id = ? AND id = ?", coalitionId, id).stream()
                .findFirst();
    }

    public List<StatuteVersion> all(UUID coalitionId) {
        return query("SELECT * FROM statute_version WHERE coalition_id = ? ORDER BY number DESC", coalitionId, null);
    }

    private List<StatuteVersion> query(String sql, UUID coalitionId, UUID id) {
        try (PreparedStatement ps = connection().prepareStatement(sql)) {
            ps.setObject(1, coalitionId);
            if (id != null) {
                ps.setObject(2, id);
            }
            List<StatuteVersion> versions = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Date effective = rs.getDate("effective_from");
                    Timestamp adopted = rs.getTimestamp("adopted_at");
                    Date deed = rs.getDate("notarial_deed_date");
                    UUID versionId = rs.getObject("id", UUID.class);
                    versions.add(new StatuteVersion(
                            coalitionId,
                            versionId,
                            rs.getInt("number"),
                            rs.getString("title"),
                            StatuteVersion.Status.valueOf(rs.getString("status")),
                            JSON.readValue(rs.getString("rules"), StatuteRules.class),
                            effective == null ? null : effective.toLocalDate(),
                            adopted == null ? null : adopted.toInstant(),
                            deed == null ? null : deed.toLocalDate(),
                            rs.getInt("version"),
                            null));
                }
            }
            List<StatuteVersion> withArticles = new ArrayList<>();
            for (StatuteVersion v : versions) {
                withArticles.add(new StatuteVersion(
                        v.coalitionId(),
                        v.id(),
                        v.number(),
                        v.title(),
                        v.status(),
                        v.rules(),
                        v.effectiveFrom(),
                        v.adoptedAt(),
                        v.notarialDeedDate(),
                        v.version(),
                        articles(coalitionId, v.id())));
            }
            return withArticles;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Article> articles(UUID coalitionId, UUID versionId) throws SQLException {
        try (PreparedStatement ps = connection()
                .prepareStatement(
                        "SELECT number, title, body FROM statute_article WHERE coalition_id = ? AND version_id = ? ORDER BY position")) {
            ps.setObject(1, coalitionId);
            ps.setObject(2, versionId);
            List<Article> articles = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    articles.add(new Article(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return articles;
        }
    }

    private static String json(StatuteRules rules) {
        try {
            return JSON.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Connection connection() {
        return transactions.getConnection();
    }
}
