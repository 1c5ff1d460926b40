package nl.samenspel.governance.penvoerder;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Every method names the coalition; row-level security checks the same again. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PenvoerderschapRepository extends GenericRepository<Penvoerderschap, UUID> {

    Penvoerderschap save(Penvoerderschap penvoerderschap);

    Optional<Penvoerderschap> findByCoalitionIdAndId(UUID coalitionId, UUID id);

    @Query("SELECT * FROM penvoerderschap WHERE coalition_id = :coalitionId ORDER BY lower(scope), valid_from DESC, id")
    List<Penvoerderschap> findAllOfCoalition(UUID coalitionId);

    /** Periods of the same scope (case-insensitive) that overlap [from, until). */
    @Query(
            """
            SELECT count(*) > 0 FROM penvoerderschap
             WHERE coalition_id = :coalitionId AND lower(scope) = lower(:scope) AND id <> :exceptId
               AND daterange(valid_from, valid_until) && daterange(CAST(:validFrom AS date), CAST(:validUntil AS date))""")
    boolean overlaps(
            UUID coalitionId, String scope, LocalDate validFrom, @Nullable LocalDate validUntil, UUID exceptId);

    @Query(
            """
            UPDATE penvoerderschap SET valid_until = :validUntil, version = version + 1
             WHERE coalition_id = :coalitionId AND id = :id AND version = :version AND valid_until IS NULL""")
    int end(UUID coalitionId, UUID id, int version, LocalDate validUntil);
}
