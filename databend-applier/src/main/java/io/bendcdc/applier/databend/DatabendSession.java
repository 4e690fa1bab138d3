package io.bendcdc.applier.databend;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One databend-jdbc connection, used by one thread at a time: statements run with the retry
 * policy, reconnecting before each new attempt, and units of work run in an explicit transaction
 * that a failure rolls back before the retry. (databend-jdbc 0.2.8 sends nothing for
 * {@code Statement.executeUpdate}: every statement goes through {@code execute}.)
 */
public final class DatabendSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DatabendSession.class);

    /** Statements run on a connection of this session. */
    public interface Unit {
        void run(Connection c) throws SQLException;
    }

    /** A read on a connection of this session. */
    public interface Read<T> {
        T run(Connection c) throws SQLException;
    }

    private final TargetSettings target;
    private final RetryPolicy retry;
    private final List<String> sessionSetup;
    private Connection connection;

    /** @param sessionSetup statements run on every new connection (session settings) */
    public DatabendSession(TargetSettings target, RetryPolicy retry, List<String> sessionSetup) {
        this.target = target;
        this.retry = retry;
        this.sessionSetup = List.copyOf(sessionSetup);
    }

    /** Runs {@code unit} alone (no transaction), retried as a whole. */
    public void run(String what, Unit unit) throws SQLException {
        retry.run(what, () -> {
            unit.run(connection());
            return null;
        }, this::reconnect);
    }

    /** Runs a read, retried as a whole. */
    public <T> T read(String what, Read<T> read) throws SQLException {
        return retry.run(what, () -> read.run(connection()), this::reconnect);
    }

    /** Runs {@code unit} between BEGIN and COMMIT; a failure rolls back, and the whole unit is retried. */
    public void inTransaction(String what, Unit unit) throws SQLException {
        retry.run(what, () -> {
            Connection c = connection();
            execute(c, DatabendDialect.begin());
            try {
                unit.run(c);
                execute(c, DatabendDialect.commit());
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            }
            return null;
        }, this::reconnect);
    }

    /** Runs one statement, retried. */
    public void execute(String what, String sql) throws SQLException {
        run(what, c -> execute(c, sql));
    }

    /** Runs one statement on {@code c}, once. */
    public static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** Runs a query on {@code c}, once, handing each row to {@code row}. */
    public static void query(Connection c, String sql, RowReader row) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                row.read(rs);
            }
        }
    }

    /** Reads the current row of a result set. */
    public interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            Connection c = DatabendConnections.open(target);
            try {
                for (String sql : sessionSetup) {
                    execute(c, sql);
                }
            } catch (SQLException e) {
                closeQuietly(c);
                throw e;
            }
            connection = c;
        }
        return connection;
    }

    private void reconnect() {
        close();
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            execute(c, DatabendDialect.rollback());
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            LOG.debug("closing the Databend connection: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            closeQuietly(connection);
            connection = null;
        }
    }
}
