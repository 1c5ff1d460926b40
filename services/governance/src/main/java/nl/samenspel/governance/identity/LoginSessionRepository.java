package nl.samenspel.governance.identity;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface LoginSessionRepository extends CrudRepository<LoginSession, UUID> {

    /** Whether the session may still be used: checked on every authenticated request, so one cheap statement. */
    @Query("SELECT EXISTS (SELECT 1 FROM login_session WHERE id = :id AND revoked_at IS NULL AND expires_at > :now)")
    boolean activeAt(UUID id, Instant now);

    @Query("UPDATE login_session SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
    int revoke(UUID id, Instant at);
}
