package io.bendcdc.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** All rows of a table, ordered by the given columns, each value as text, for comparing source and target. */
public final class TableDump {

    private TableDump() {
    }

    public static List<List<String>> mariadb(String sql) {
        try (Connection c = LocalStack.mariadb()) {
            return dump(c, sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public static List<List<String>> databend(String sql) {
        try (Connection c = DriverManager.getConnection(LocalStack.databendUrl("default"), "root", "")) {
            return dump(c, sql);
        } catch (SQLException e) {
            // A table not created yet reads as empty while waiting for convergence.
            if (String.valueOf(e.getMessage()).contains("Unknown table") || String.valueOf(e.getMessage()).contains("Unknown database")) {
                return List.of();
            }
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static List<List<String>> dump(Connection c, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
