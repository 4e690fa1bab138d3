package io.bendcdc.it.databend;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Small helpers for talking to the local Databend server through the real databend-jdbc driver.
 * The server listens on 127.0.0.1:${it.databend.port} (default 8000).
 */
final class DatabendClient {

    private DatabendClient() {
    }

    static int port() {
        return Integer.getInteger("it.databend.port", 8000);
    }

    static String url(String database, String... params) {
        StringBuilder url = new StringBuilder("jdbc:databend://127.0.0.1:" + port() + "/" + database);
        for (int i = 0; i < params.length; i++) {
            url.append(i == 0 ? '?' : '&').append(params[i]);
        }
        return url.toString();
    }

    static Connection connect(String database, String... params) throws SQLException {
        return DriverManager.getConnection(url(database, params), "root", "");
    }

    /** A database name no other test class uses. */
    static String uniqueDatabase(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** Runs statements one by one with {@code Statement.execute} (executeUpdate sends nothing in 0.2.8). */
    static void execute(Connection c, String... statements) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    /** All rows of a query, every value read with {@code getString} (null stays null). */
    static List<List<String>> rows(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** The single value of a one-row, one-column query. */
    static String value(Connection c, String sql) throws SQLException {
        List<List<String>> rows = rows(c, sql);
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new IllegalStateException("expected one value from " + sql + " but got " + rows);
        }
        return rows.get(0).get(0);
    }

    static long count(Connection c, String table) throws SQLException {
        return Long.parseLong(value(c, "SELECT count(*) FROM " + table));
    }
}
