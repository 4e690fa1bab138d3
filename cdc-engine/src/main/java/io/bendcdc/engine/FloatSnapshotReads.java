package io.bendcdc.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Snapshot SELECTs that read {@code FLOAT} columns exactly. The snapshot reads rows through the
 * text protocol, in which MariaDB and MySQL print a FLOAT with six significant digits: the stored
 * single {@code 123456.703125} arrived as {@code 123457}, while the binlog gives it exactly. Read as
 * {@code f + 0e0}, a double holding exactly the same value, it is printed in full, and Debezium
 * makes the single of it again. For every table with a FLOAT column, Debezium's
 * {@code snapshot.select.statement.overrides} gets such a SELECT of all its columns in table order.
 *
 * <p>Incremental snapshots ({@code bin/cdc resync}) build their own chunk queries and do not take
 * these overrides. Debezium splits the list of tables at commas, so a table whose name holds one
 * gets no override either.
 */
final class FloatSnapshotReads {

    static final String OVERRIDES = "snapshot.select.statement.overrides";

    private static final String COLUMNS = "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, DATA_TYPE FROM information_schema.COLUMNS"
            + " WHERE TABLE_SCHEMA NOT IN ('mysql', 'information_schema', 'performance_schema', 'sys')"
            + " ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION";

    private FloatSnapshotReads() {
    }

    /** A source column: its table ("db.table" parts), name, and whether it is a FLOAT. */
    record Column(String database, String table, String name, boolean isFloat) {
    }

    /** Reads the columns of every table of the source. */
    static List<Column> columns(Connection c) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(COLUMNS)) {
            while (rs.next()) {
                columns.add(new Column(rs.getString(1), rs.getString(2), rs.getString(3),
                        "float".equalsIgnoreCase(rs.getString(4))));
            }
        }
        return columns;
    }

    /**
     * Adds the SELECTs of the tables with a FLOAT column to {@code p}. A table the user already
     * overrides keeps the user's statement.
     */
    static void addTo(Properties p, List<Column> columns) {
        Map<String, List<Column>> byTable = new LinkedHashMap<>();
        for (Column c : columns) {
            if (c.database().indexOf(',') < 0 && c.table().indexOf(',') < 0) {
                byTable.computeIfAbsent(c.database() + "." + c.table(), k -> new ArrayList<>()).add(c);
            }
        }
        List<String> tables = new ArrayList<>();
        java.util.Set<String> overridden = new java.util.HashSet<>();
        for (String t : p.getProperty(OVERRIDES, "").split(",")) {
            if (!t.isBlank()) {
                tables.add(t.trim());
                overridden.add(t.trim().replace("\"", "").replace("`", "")); // as db.table, for the check below
            }
        }
        byTable.forEach((table, cols) -> {
            if (cols.stream().anyMatch(Column::isFloat) && !overridden.contains(table)) {
                String listed = listed(cols.get(0).database()) + "." + listed(cols.get(0).table());
                tables.add(listed);
                p.setProperty(OVERRIDES + "." + listed, select(cols));
            }
        });
        if (!tables.isEmpty()) {
            p.setProperty(OVERRIDES, String.join(",", tables));
        }
    }

    /** All of a table's columns in table order, each FLOAT read as a double of the same value. */
    static String select(List<Column> columns) {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            String name = quote(c.name());
            sql.append(i == 0 ? "" : ", ").append(c.isFloat() ? "(" + name + " + 0e0) AS " + name : name);
        }
        Column first = columns.get(0);
        return sql.append(" FROM ").append(quote(first.database())).append('.').append(quote(first.table())).toString();
    }

    /** A name as Debezium's list of tables reads it: in double quotes, a quote doubled (spaces and dots stay in). */
    private static String listed(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}
