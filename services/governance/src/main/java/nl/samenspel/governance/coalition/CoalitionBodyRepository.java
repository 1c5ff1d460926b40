package nl.samenspel.governance.coalition;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface CoalitionBodyRepository extends GenericRepository<CoalitionBody, UUID> {

    CoalitionBody save(CoalitionBody body);

    List<CoalitionBody> findByCoalitionIdOrderByPosition(UUID coalitionId);
}
