package io.bendcdc.engine;

import io.bendcdc.config.SourceConnector;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Checks, before Debezium starts, that the source can be reached with the configured account and
 * that its binlog is usable, and says in plain words what is wrong when not. Debezium's own
 * messages for these cases are buried in retries and stack traces.
 */
public final class SourceCheck {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SourceCheck.class);

    private final SourceSettings settings;

    public SourceCheck(SourceSettings settings) {
        this.settings = settings;
    }

    public void verify() {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            expect(st, "log_bin", "ON", "1");
            expect(st, "binlog_format", "ROW");
            expect(st, "binlog_row_image", "FULL");
            warnIfMysqlConnectorOnMariadb(st);
        } catch (SQLException e) {
            throw new SourceUnavailableException(describe(e), e);
        }
    }

    private void warnIfMysqlConnectorOnMariadb(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT VERSION()")) {
            if (settings.connector() == SourceConnector.MYSQL && rs.next()
                    && rs.getString(1).toLowerCase(java.util.Locale.ROOT).contains("mariadb")) {
                LOG.warn("Source {}:{} is MariaDB ({}) and source.connector=mysql: after a crash inside a "
                        + "transaction this connector was seen to skip a rows event on restart. Use "
                        + "source.connector=mariadb, which resumes from the GTID.", settings.host(), settings.port(),
                        rs.getString(1));
            }
        }
    }

    /** The columns of every table of the source, for {@link FloatSnapshotReads}. */
    List<FloatSnapshotReads.Column> columns() {
        try (Connection c = connect()) {
            return FloatSnapshotReads.columns(c);
        } catch (SQLException e) {
            throw new SourceUnavailableException(describe(e), e);
        }
    }

    /** Rows in a table as the server estimates them (information_schema), or -1 if unknown. */
    public long estimateRows(String dbDotTable) {
        int dot = dbDotTable.indexOf('.');
        try (Connection c = connect();
                var ps = c.prepareStatement(
                        "SELECT TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            ps.setString(1, dbDotTable.substring(0, dot));
            ps.setString(2, dbDotTable.substring(dot + 1));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        } catch (SQLException e) {
            return -1;
        }
    }

    private Connection connect() throws SQLException {
        DriverManager.setLoginTimeout((int) Math.max(1, settings.connectTimeoutMs() / 1000));
        return SourceConnections.open(settings);
    }

    private void expect(Statement st, String variable, String... accepted) throws SQLException {
        try (ResultSet rs = st.executeQuery("SHOW GLOBAL VARIABLES LIKE '" + variable + "'")) {
            String actual = rs.next() ? rs.getString(2) : null;
            for (String a : accepted) {
                if (a.equalsIgnoreCase(actual)) {
                    return;
                }
            }
            throw new SourceUnavailableException("source " + settings.host() + ":" + settings.port() + " has "
                    + variable + "=" + actual + "; change data capture needs " + variable + "=" + accepted[0], null);
        }
    }

    private String describe(SQLException e) {
        String where = settings.host() + ":" + settings.port();
        String text = String.valueOf(e.getMessage());
        if (e.getErrorCode() == 1045 || text.contains("Access denied")) {
            return "source " + where + " refused user '" + settings.user() + "': wrong user or password ("
                    + "source.user / source.password)";
        }
        if (text.contains("Connection refused") || text.contains("Communications link failure")
                || text.contains("Socket fail to connect") || text.contains("connect timed out")
                || text.contains("Could not connect")) {
            return "cannot reach source " + where + " (source.host / source.port): " + firstLine(text);
        }
        return "source " + where + " failed the start check: " + firstLine(text);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
