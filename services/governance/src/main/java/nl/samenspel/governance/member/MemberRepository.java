package nl.samenspel.governance.member;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.samenspel.core.problem.ProblemException;

/** Every method names the coalition; row-level security checks the same again. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MemberRepository extends GenericRepository<Member, UUID> {

    Member save(Member member);

    /** Writes a member if it still has the version the caller read; 0 rows means someone was first. */
    @Query(
            """
            UPDATE member SET name = :name, kind = :kind, kvk_number = :kvkNumber, rsin = :rsin, joined_on = :joinedOn,
                   left_on = :leftOn, contribution_fte = :contributionFte, contribution_cents = :contributionCents,
                   voting_weight = :votingWeight, also_opdrachtgever = :alsoOpdrachtgever, version = version + 1
             WHERE coalition_id = :coalitionId AND id = :id AND version = :version""")
    int updateIfVersion(
            UUID coalitionId,
            UUID id,
            int version,
            String name,
            String kind,
            @Nullable String kvkNumber,
            @Nullable String rsin,
            LocalDate joinedOn,
            @Nullable LocalDate leftOn,
            BigDecimal contributionFte,
            long contributionCents,
            int votingWeight,
            boolean alsoOpdrachtgever);

    default Member update(Member m) {
        int rows = updateIfVersion(
                m.coalitionId(),
                m.id(),
                m.version(),
                m.name(),
                m.kind().name(),
                m.kvkNumber(),
                m.rsin(),
                m.joinedOn(),
                m.leftOn(),
                m.contributionFte(),
                m.contributionCents(),
                m.votingWeight(),
                m.alsoOpdrachtgever());
        if (rows != 1) {
            throw ProblemException.conflict(
                    "member.version-conflict", "The member was changed by someone else; reload and try again.");
        }
        return findByCoalitionIdAndId(m.coalitionId(), m.id()).orElseThrow();
    }

    Optional<Member> findByCoalitionIdAndId(UUID coalitionId, UUID id);

    List<Member> findByCoalitionIdOrderByName(UUID coalitionId);

    @Query(
            "SELECT count(*) > 0 FROM member WHERE coalition_id = :coalitionId AND lower(name) = lower(:name) AND left_on IS NULL AND id <> :exceptId")
    boolean existsCurrentName(UUID coalitionId, String name, UUID exceptId);

    @Query(
            "SELECT count(*) > 0 FROM member WHERE coalition_id = :coalitionId AND rsin = :rsin AND left_on IS NULL AND id <> :exceptId")
    boolean existsCurrentRsin(UUID coalitionId, String rsin, UUID exceptId);
}
