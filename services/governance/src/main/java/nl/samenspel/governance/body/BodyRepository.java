package nl.samenspel.governance.body;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every method names the coalition; row-level security checks the same again. The decision types travel
 * as comma-joined text and are turned into the {@code text[]} column in SQL.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface BodyRepository extends GenericRepository<Body, UUID> {

    String COLUMNS =
            "coalition_id, id, kind, name, position, mandate, array_to_string(decision_types, ',') AS decision_types,"
                    + " formal, version";

    @Query("SELECT " + COLUMNS + " FROM body WHERE coalition_id = :coalitionId ORDER BY position, id")
    List<Body> findAllOfCoalition(UUID coalitionId);

    @Query("SELECT " + COLUMNS + " FROM body WHERE coalition_id = :coalitionId AND id = :id")
    Optional<Body> findByCoalitionIdAndId(UUID coalitionId, UUID id);

    /** Locks the body, so its seats and rhythm change one request at a time. */
    @Query("SELECT " + COLUMNS + " FROM body WHERE coalition_id = :coalitionId AND id = :id FOR UPDATE")
    Optional<Body> lockByCoalitionIdAndId(UUID coalitionId, UUID id);

    @Query(
            "SELECT count(*) > 0 FROM body WHERE coalition_id = :coalitionId AND lower(name) = lower(:name) AND id <> :exceptId")
    boolean nameTaken(UUID coalitionId, String name, UUID exceptId);

    @Query("SELECT coalesce(max(position) + 1, 0) FROM body WHERE coalition_id = :coalitionId")
    int nextPosition(UUID coalitionId);

    @Query(
            """
            INSERT INTO body (coalition_id, id, kind, name, position, mandate, decision_types, formal)
            VALUES (:coalitionId, :id, :kind, :name, :position, :mandate, string_to_array(:decisionTypes, ','), :formal)""")
    void insert(
            UUID coalitionId,
            UUID id,
            String kind,
            String name,
            int position,
            String mandate,
            String decisionTypes,
            boolean formal);

    @Query(
            """
            UPDATE body SET name = :name, mandate = :mandate, decision_types = string_to_array(:decisionTypes, ','),
                   formal = :formal, version = version + 1
             WHERE coalition_id = :coalitionId AND id = :id AND version = :version""")
    int update(
            UUID coalitionId, UUID id, int version, String name, String mandate, String decisionTypes, boolean formal);
}
