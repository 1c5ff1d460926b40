package nl.samenspel.governance.body;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Every method names the coalition; row-level security checks the same again. Seats end; none is deleted. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface BodySeatRepository extends GenericRepository<BodySeat, UUID> {

    BodySeat save(BodySeat seat);

    @Query("SELECT * FROM body_seat WHERE coalition_id = :coalitionId AND body_id = :bodyId AND id = :id")
    Optional<BodySeat> findOfBody(UUID coalitionId, UUID bodyId, UUID id);

    @Query(
            "SELECT * FROM body_seat WHERE coalition_id = :coalitionId AND body_id = :bodyId ORDER BY term_from DESC, role, person_name, id")
    List<BodySeat> findAllOfBody(UUID coalitionId, UUID bodyId);

    /** Another chair of the body whose term overlaps [from, until). */
    @Query(
            """
            SELECT count(*) > 0 FROM body_seat
             WHERE coalition_id = :coalitionId AND body_id = :bodyId AND role = 'CHAIR'
               AND daterange(term_from, term_until) && daterange(CAST(:termFrom AS date), CAST(:termUntil AS date))""")
    boolean chairOverlaps(UUID coalitionId, UUID bodyId, LocalDate termFrom, @Nullable LocalDate termUntil);

    @Query(
            """
            UPDATE body_seat SET term_until = :termUntil, version = version + 1
             WHERE coalition_id = :coalitionId AND id = :id AND version = :version AND term_until IS NULL""")
    int end(UUID coalitionId, UUID id, int version, LocalDate termUntil);
}
