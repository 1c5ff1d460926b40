package nl.samenspel.governance.body;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/** Every method names the coalition; row-level security checks the same again. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RhythmPhaseRepository extends GenericRepository<RhythmPhase, Integer> {

    RhythmPhase save(RhythmPhase phase);

    @Query("SELECT * FROM body_rhythm WHERE coalition_id = :coalitionId AND body_id = :bodyId ORDER BY position")
    List<RhythmPhase> findAllOfBody(java.util.UUID coalitionId, java.util.UUID bodyId);

    /** The rhythm is replaced as a whole; the audit trail keeps the phases it had. */
    @Query("DELETE FROM body_rhythm WHERE coalition_id = :coalitionId AND body_id = :bodyId")
    int deleteAllOfBody(java.util.UUID coalitionId, java.util.UUID bodyId);
}
