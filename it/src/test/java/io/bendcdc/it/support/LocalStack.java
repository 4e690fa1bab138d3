package io.bendcdc.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Where the local stack's servers listen (started by {@code local/stack up}; ports from the same
 * environment variables, handed to the tests as system properties by the build).
 */
public final class LocalStack {

    private LocalStack() {
    }

    public static int mariadbPort() {
        return Integer.getInteger("it.mariadb.port", 3306);
    }

    public static String kafkaBootstrap() {
        return "127.0.0.1:" + Integer.getInteger("it.kafka.port", 9092);
    }

    public static int databendPort() {
        return Integer.getInteger("it.databend.port", 8000);
    }

    public static String databendUrl(String database) {
        return "jdbc:databend://127.0.0.1:" + databendPort() + "/" + database;
    }

    /** The CDC account that local/stack creates. */
    public static final String CDC_USER = "cdc";
    public static final String CDC_PASSWORD = "cdc";

    /** An administrative MariaDB connection, for making changes in the source. */
    public static Connection mariadb() throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + mariadbPort() + "/", "admin", "admin");
    }

    public static void mariadb(String... statements) {
        try (Connection c = mariadb(); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB statement failed: " + e.getMessage(), e);
        }
    }
}
