package nl.samenspel.governance.document;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.samenspel.core.db.Sql;

/** Plain SQL on documents, in the caller's coalition-bound transaction. */
@Singleton
class DocumentRepository {

    private static final String COLUMNS =
            "id, title, filename, origin, size_bytes, pages, sha256, created_at, created_by";

    private final TransactionOperations<Connection> transactions;

    DocumentRepository(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    private Sql sql() {
        return Sql.on(transactions.getConnection());
    }

    void insert(UUID coalitionId, Document d, byte[] content) {
        sql().update(
                        """
                INSERT INTO document (coalition_id, id, title, filename, origin, size_bytes, pages, sha256, content,
                                      created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        coalitionId,
                        d.id(),
                        d.title(),
                        d.filename(),
                        d.origin(),
                        d.sizeBytes(),
                        d.pages(),
                        d.sha256(),
                        content,
                        d.createdAt(),
                        d.createdBy());
    }

    List<Document> all(UUID coalitionId) {
        return sql().list(
                        "SELECT " + COLUMNS + " FROM document WHERE coalition_id = ? ORDER BY created_at DESC, id",
                        DocumentRepository::document,
                        coalitionId);
    }

    Optional<Document> find(UUID coalitionId, UUID id) {
        return sql().one(
                        "SELECT " + COLUMNS + " FROM document WHERE coalition_id = ? AND id = ?",
                        DocumentRepository::document,
                        coalitionId,
                        id);
    }

    Optional<byte[]> content(UUID coalitionId, UUID id) {
        return sql().one(
                        "SELECT content FROM document WHERE coalition_id = ? AND id = ?",
                        rs -> rs.getBytes("content"),
                        coalitionId,
                        id);
    }

    private static Document document(ResultSet rs) throws SQLException {
        return new Document(
                Sql.uuid(rs, "id"),
                rs.getString("title"),
                rs.getString("filename"),
                Document.Origin.valueOf(rs.getString("origin")),
                rs.getInt("size_bytes"),
                rs.getInt("pages"),
                rs.getString("sha256"),
                Sql.instant(rs, "created_at"),
                rs.getString("created_by"));
    }
}
