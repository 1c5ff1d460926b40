package nl.samenspel.governance.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import nl.samenspel.core.testing.TestDatabase;

/**
 * SQL as the database superuser, past row-level security: for a test that reads what is stored, or moves
 * time along (a deadline into the past) the way the calendar would.
 */
public final class Superuser {

    private Superuser() {}

    public static int update(String sql, Object... params) {
        try (Connection c = connect();
                PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row. */
    public static Object single(String sql, Object... params) {
        try (Connection c = connect();
                PreparedStatement ps = prepare(c, sql, params);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getObject(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(String sql, Object... params) {
        Object value = single(sql, params);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Connection connect() throws SQLException {
        TestDatabase db = DatabaseTest.database();
        return DriverManager.getConnection(db.adminUrl(), db.adminUser(), db.adminPassword());
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }
}
