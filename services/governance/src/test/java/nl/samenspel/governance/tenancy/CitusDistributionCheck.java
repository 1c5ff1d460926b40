package nl.samenspel.governance.tenancy;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Citus would refuse, or run badly, when the given tables of a schema are distributed by one
 * column and every other table of it becomes a reference or coordinator-local table, read from
 * PostgreSQL's catalog. The rules are those Citus applies in {@code create_distributed_table}: every
 * unique index (primary keys, unique constraints, partial and expression indexes alike) has the
 * distribution column as a key column, every exclusion constraint compares it with an equality
 * operator, a foreign key between distributed tables maps the column to itself, and no reference or
 * local table has a foreign key into a distributed one. It adds what this schema relies on besides:
 * no sequences in distributed tables, trigger functions that look up other distributed rows by the
 * column, and check constraints that call none of the schema's own functions.
 */
final class CitusDistributionCheck {

    private static final Pattern TABLE_NAMED =
            Pattern.compile("\\b(?:FROM|JOIN|UPDATE|INTO)\\s+(?:\\w+\\.)?(\\w+)", Pattern.CASE_INSENSITIVE);

    private final Connection connection;
    private final String schema;
    private final Set<String> distributed;
    private final String column;

    CitusDistributionCheck(Connection connection, String schema, Set<String> distributed, String column) {
        this.connection = connection;
        this.schema = schema;
        this.distributed = distributed;
        this.column = column;
    }

    /** Every finding as a sentence naming the table and the constraint, index or function; empty when all is well. */
    List<String> violations() throws SQLException {
        List<String> found = new ArrayList<>();
        missingColumn(found);
        uniqueAndExclusion(found);
        foreignKeys(found);
        sequences(found);
        triggers(found);
        checkConstraints(found);
        return found;
    }

    private void missingColumn(List<String> found) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                """
                SELECT t.relname FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace
                 WHERE n.nspname = ? AND t.relname = ANY (?) AND t.relkind IN ('r', 'p')
                   AND NOT EXISTS (SELECT 1 FROM pg_attribute a
                                    WHERE a.attrelid = t.oid AND a.attname = ? AND NOT a.attisdropped AND a.attnotnull)
                 ORDER BY 1""")) {
            ps.setString(1, schema);
            ps.setArray(2, names());
            ps.setString(3, column);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1) + ": has no NOT NULL column " + column);
                }
            }
        }
    }

    /**
     * A unique index qualifies when the column is one of its key columns (an INCLUDE column does not
     * make rows of two coalitions meet on one shard); an exclusion constraint when the operator at
     * the column's position is a btree equality operator, as Citus's OperatorImplementsEquality asks.
     */
    private void uniqueAndExclusion(List<String> found) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                """
                SELECT t.relname, i.relname, x.indisprimary, x.indisunique, c.contype,
                       EXISTS (SELECT 1 FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, pos)
                                WHERE k.pos <= x.indnkeyatts AND k.attnum = a.attnum
                                  AND (x.indisunique
                                       OR EXISTS (SELECT 1 FROM pg_amop o JOIN pg_am m ON m.oid = o.amopmethod
                                                   WHERE m.amname = 'btree' AND o.amopstrategy = 3
                                                     AND o.amopopr = c.conexclop[k.pos])))
                  FROM pg_index x
                  JOIN pg_class i ON i.oid = x.indexrelid
                  JOIN pg_class t ON t.oid = x.indrelid
                  JOIN pg_namespace n ON n.oid = t.relnamespace
                  LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attname = ? AND NOT a.attisdropped
                  LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid AND c.conrelid = t.oid
                 WHERE n.nspname = ? AND t.relname = ANY (?) AND (x.indisunique OR x.indisexclusion)
                 ORDER BY 1, 2""")) {
            ps.setString(1, column);
            ps.setString(2, schema);
            ps.setArray(3, names());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBoolean(6)) {
                        continue;
                    }
                    String kind = rs.getBoolean(3)
                            ? "primary key"
                            : "x".equals(rs.getString(5))
                                    ? "exclusion constraint"
                                    : "u".equals(rs.getString(5)) ? "unique constraint" : "unique index";
                    found.add(rs.getString(1) + ": " + kind + " " + rs.getString(2)
                            + (kind.equals("exclusion constraint")
                                    ? " does not compare " + column + " with ="
                                    : " does not have " + column + " as a key column"));
                }
            }
        }
    }

    private void foreignKeys(List<String> found) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                """
                SELECT c.conname, s.relname, d.relname, dn.nspname,
                       array_position(c.conkey, sa.attnum), array_position(c.confkey, da.attnum),
                       c.confupdtype, c.confdeltype
                  FROM pg_constraint c
                  JOIN pg_class s ON s.oid = c.conrelid
                  JOIN pg_namespace sn ON sn.oid = s.relnamespace
                  JOIN pg_class d ON d.oid = c.confrelid
                  JOIN pg_namespace dn ON dn.oid = d.relnamespace
                  LEFT JOIN pg_attribute sa ON sa.attrelid = s.oid AND sa.attname = ? AND NOT sa.attisdropped
                  LEFT JOIN pg_attribute da ON da.attrelid = d.oid AND da.attname = ? AND NOT da.attisdropped
                 WHERE c.contype = 'f' AND sn.nspname = ?
                 ORDER BY 2, 1""")) {
            ps.setString(1, column);
            ps.setString(2, column);
            ps.setString(3, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    String from = rs.getString(2);
                    String to = rs.getString(3);
                    boolean sameSchema = schema.equals(rs.getString(4));
                    boolean fromDistributed = distributed.contains(from);
                    boolean toDistributed = sameSchema && distributed.contains(to);
                    Integer fromPosition = (Integer) rs.getObject(5);
                    Integer toPosition = (Integer) rs.getObject(6);
                    if (!fromDistributed && toDistributed) {
                        found.add(from + ": foreign key " + name + " points from a reference or local table into"
                                + " the distributed table " + to);
                    }
                    if (fromDistributed
                            && toDistributed
                            && (fromPosition == null || !fromPosition.equals(toPosition))) {
                        found.add(from + ": foreign key " + name + " to " + to + " does not map " + column + " to "
                                + column);
                    }
                    if (fromDistributed && fromPosition != null) {
                        String onUpdate = rs.getString(7);
                        String onDelete = rs.getString(8);
                        if ("ndc".contains(onUpdate) || "nd".contains(onDelete)) {
                            found.add(from + ": foreign key " + name + " would set or cascade " + column
                                    + " (ON UPDATE/DELETE SET NULL, SET DEFAULT or ON UPDATE CASCADE)");
                        }
                    }
                }
            }
        }
    }

    /** Sequence values are handed out per node on Citus; the schema's keys are UUIDs and per-coalition numbers. */
    private void sequences(List<String> found) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                """
                SELECT t.relname, a.attname FROM pg_attribute a
                  JOIN pg_class t ON t.oid = a.attrelid JOIN pg_namespace n ON n.oid = t.relnamespace
                  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                 WHERE n.nspname = ? AND t.relname = ANY (?) AND a.attnum > 0 AND NOT a.attisdropped
                   AND (a.attidentity <> '' OR pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval(%')
                 ORDER BY 1, 2""")) {
            ps.setString(1, schema);
            ps.setArray(2, names());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1) + ": column " + rs.getString(2) + " takes its values from a sequence");
                }
            }
        }
    }

    /**
     * On Citus a trigger runs on the shard's node and may only reach shards on that node: a lookup in
     * another distributed table must name the distribution column (so it is routed to the colocated
     * shard), and a trigger on a reference or local table must not read distributed tables at all. The
     * lookup is recognised by the table names after FROM, JOIN, UPDATE and INTO in the function's source
     * and the column's name in it; review a trigger that passes only by that word.
     */
    private void triggers(List<String> found) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                """
                SELECT t.relname, g.tgname, p.proname, p.prosrc FROM pg_trigger g
                  JOIN pg_class t ON t.oid = g.tgrelid JOIN pg_namespace n ON n.oid = t.relnamespace
                  JOIN pg_proc p ON p.oid = g.tgfoid
                 WHERE n.nspname = ? AND NOT g.tgisinternal
                 ORDER BY 1, 2""")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    String source = rs.getString(4);
                    List<String> reads = new ArrayList<>();
                    Matcher m = TABLE_NAMED.matcher(source);
                    while (m.find()) {
                        if (distributed.contains(m.group(1)) && !m.group(1).equals(table)) {
                            reads.add(m.group(1));
                        }
                    }
                    if (reads.isEmpty()) {
                        continue;
                    }
                    String trigger = "trigger " + rs.getString(2) + " (function " + rs.getString(3) + ")";
                    if (!distributed.contains(table)) {
                        found.add(table + ": " + trigger + " on a reference or local table reads the distributed "
                                + String.join(", ", reads));
                    } else if (!source.contains(column)) {
                        found.add(table + ": " + trigger + " reads " + String.join(", ", reads) + " without " + column);
                    }
                }
            }
        }
    }

    /** A check constraint runs on the worker against one row; one that calls a function of ours needs a look. */
    private void checkConstraints(List<String> found) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                """
                SELECT t.relname, c.conname, p.proname FROM pg_constraint c
                  JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
                  JOIN pg_depend dep ON dep.classid = 'pg_constraint'::regclass AND dep.objid = c.oid
                                    AND dep.refclassid = 'pg_proc'::regclass
                  JOIN pg_proc p ON p.oid = dep.refobjid
                 WHERE n.nspname = ? AND c.contype = 'c' AND p.pronamespace = n.oid
                 ORDER BY 1, 2""")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1) + ": check constraint " + rs.getString(2) + " calls the function "
                            + rs.getString(3));
                }
            }
        }
    }

    private Array names() throws SQLException {
        String[] sorted = distributed.toArray(String[]::new);
        Arrays.sort(sorted);
        return connection.createArrayOf("text", sorted);
    }
}
