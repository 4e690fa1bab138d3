package io.bendcdc.engine;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import io.bendcdc.config.SourceConnector;

/**
 * The one place that opens a JDBC connection to the source: the start check, verify and /health
 * come here. The driver follows {@code source.connector}: MariaDB Connector/J for {@code mariadb},
 * MySQL Connector/J for {@code mysql}.
 */
public final class SourceConnections {

    private SourceConnections() {
    }

    /** The JDBC URL of the source server, without a database. */
    public static String url(SourceSettings s) {
        String scheme = s.connector() == SourceConnector.MARIADB ? "mariadb" : "mysql";
        return "jdbc:" + scheme + "://" + s.host() + ":" + s.port() + "/";
    }

    /** Connects with {@code source.user}, giving up after {@code source.connect.timeout.ms}. */
    public static Connection open(SourceSettings s) throws SQLException {
        return open(s, s.connectTimeoutMs());
    }

    /** Connects with {@code source.user}, giving up after {@code timeoutMs}. */
    public static Connection open(SourceSettings s, long timeoutMs) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", s.user());
        p.setProperty("password", s.password());
        p.setProperty("connectTimeout", Long.toString(timeoutMs));
        return DriverManager.getConnection(url(s), p);
    }
}
