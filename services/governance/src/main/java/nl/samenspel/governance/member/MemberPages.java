package nl.samenspel.governance.member;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.samenspel.core.db.Sql;

/**
 * One page of a coalition's members, by name, in plain SQL in the caller's coalition-bound transaction.
 * The list is the coalition's most read page; mapped by Micronaut Data its rows took about half of the
 * product's CPU per request (the mapper derives each column's name and converter again for every value
 * of every row), mapped here by column position almost none (services/bench, ReadBench).
 */
@Singleton
class MemberPages {

    /** The columns in {@link #member}'s order. */
    private static final String COLUMNS =
            """
            coalition_id, id, name, kind, kvk_number, rsin, joined_on, left_on, contribution_fte, contribution_cents,
            voting_weight, also_opdrachtgever, created_at, version""";

    private final TransactionOperations<Connection> transactions;

    MemberPages(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    record Slice(List<Member> members, long total) {}

    /** Page {@code page} (from 0) of {@code size} members, and how many there are in all. */
    Slice page(UUID coalitionId, MemberService.Filter filter, int page, int size) {
        String where =
                switch (filter) {
                    case CURRENT -> " WHERE coalition_id = ? AND left_on IS NULL";
                    case FORMER -> " WHERE coalition_id = ? AND left_on IS NOT NULL";
                    case ALL -> " WHERE coalition_id = ?";
                };
        long offset = (long) page * size;
        Sql sql = Sql.on(transactions.getConnection());
        List<Member> members = sql.list(
                "SELECT " + COLUMNS + " FROM member" + where + " ORDER BY name, id LIMIT ? OFFSET ?",
                MemberPages::member,
                coalitionId,
                size,
                offset);
        // A page that is not full, and not past the end, says how many there are.
        long total = !members.isEmpty() && members.size() < size
                ? offset + members.size()
                : sql.one("SELECT count(*) FROM member" + where, rs -> rs.getLong(1), coalitionId)
                        .orElseThrow();
        return new Slice(members, total);
    }

    private static Member member(ResultSet rs) throws SQLException {
        return new Member(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                MemberKind.valueOf(rs.getString(4)),
                rs.getString(5),
                rs.getString(6),
                rs.getObject(7, LocalDate.class),
                rs.getObject(8, LocalDate.class),
                rs.getBigDecimal(9),
                rs.getLong(10),
                rs.getInt(11),
                rs.getBoolean(12),
                rs.getObject(13, OffsetDateTime.class).toInstant(),
                rs.getInt(14));
    }
}
