package nl.samenspel.governance.member;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;
import java.util.UUID;

/** Every method names the coalition; row-level security checks the same again. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MemberRepository extends GenericRepository<Member, UUID> {

    Member save(Member member);

    Member update(Member member);

    Optional<Member> findByCoalitionIdAndId(UUID coalitionId, UUID id);

    Page<Member> findByCoalitionId(UUID coalitionId, Pageable pageable);

    Page<Member> findByCoalitionIdAndLeftOnIsNull(UUID coalitionId, Pageable pageable);

    Page<Member> findByCoalitionIdAndLeftOnIsNotNull(UUID coalitionId, Pageable pageable);

    @Query(
            "SELECT count(*) > 0 FROM member WHERE coalition_id = :coalitionId AND lower(name) = lower(:name) AND left_on IS NULL AND id <> :exceptId")
    boolean existsCurrentName(UUID coalitionId, String name, UUID exceptId);

    @Query(
            "SELECT count(*) > 0 FROM member WHERE coalition_id = :coalitionId AND rsin = :rsin AND left_on IS NULL AND id <> :exceptId")
    boolean existsCurrentRsin(UUID coalitionId, String rsin, UUID exceptId);
}
