package io.bendcdc.applier;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.bendcdc.applier.sql.DatabendDialect;
import io.bendcdc.applier.sql.Literals;
import io.bendcdc.applier.write.StagedUpsertWriter;
import io.bendcdc.contract.SchemaChange;
import io.bendcdc.contract.TableId;

/**
 * One databend-jdbc connection and the writes the applier makes through it. A batch and the state
 * row that records it are written in one explicit transaction; a transient failure rolls back,
 * reconnects and retries the whole unit with backoff. (databend-jdbc 0.2.8 sends nothing for
 * {@code Statement.executeUpdate}: every statement goes through {@code execute}.)
 */
final class DatabendSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DatabendSession.class);

    private final ApplierSettings settings;
    private final ApplierMetrics metrics;
    private final StateTable stateTable;
    private final StagedUpsertWriter writer = new StagedUpsertWriter();
    private final SchemaReconciler reconciler;
    private final Retry retry;
    private Connection connection;

    DatabendSession(ApplierSettings settings, ApplierMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
        this.stateTable = new StateTable(settings.stateDatabase());
        this.reconciler = new SchemaReconciler(settings.tinyint1As(), settings.tableRowsPerBlock());
        this.retry = new Retry(settings.retryMaxAttempts(), settings.retryBackoffMaxMs(), metrics::retry);
    }

    void open() throws SQLException {
        retry.run("connect to Databend", () -> {
            connection();
            stateTable.create(connection);
            return null;
        }, this::reconnect);
    }

    AppliedState readState(String topic, int partition) throws SQLException {
        return retry.run("read applied state", () -> stateTable.read(connection(), topic, partition), this::reconnect);
    }

    void ensureTable(TargetTable target) throws SQLException {
        runAll("create " + target.id(), reconciler.ensure(target.id(), target.source(), this::columns));
    }

    void apply(SchemaChange change) throws SQLException {
        List<String> plan = reconciler.plan(change, settings.databaseMapping(), this::columns);
        runAll("schema change of " + change.table(), plan);
    }

    /** Deletes, upserts and the new state (unless null), in one transaction. */
    void write(TargetTable target, List<Map<String, Object>> upserts, List<List<Object>> deletedKeys,
            AppliedState next) throws SQLException {
        List<Object[]> rows = new ArrayList<>(upserts.size());
        for (Map<String, Object> image : upserts) {
            rows.add(target.row(image));
        }
        String delete = deletedKeys.isEmpty() ? null
                : DatabendDialect.deleteByKeys(target.id(), target.keyColumns(), target.keyTypes(), deletedKeys);
        inTransaction("write a batch to " + target.id(), c -> {
            if (delete != null) {
                execute(c, delete);
            }
            if (!rows.isEmpty()) {
                if (target.appendOnly()) {
                    insertAppendOnly(c, target, rows);
                } else {
                    writer.upsert(c, target.id(), target.columns(), target.keyColumns(), target.types(), rows);
                }
            }
            if (next != null) {
                execute(c, stateTable.upsert(next));
            }
        });
    }

    void writeState(AppliedState next) throws SQLException {
        retry.run("record applied state", () -> {
            execute(connection(), stateTable.upsert(next));
            return null;
        }, this::reconnect);
    }

    /** Truncates, then records the state: a crash between the two replays the truncate, harmlessly. */
    void truncate(TargetTable target, AppliedState next) throws SQLException {
        retry.run("truncate " + target.id(), () -> {
            execute(connection(), DatabendDialect.truncateTable(target.id()));
            execute(connection(), stateTable.upsert(next));
            return null;
        }, this::reconnect);
    }

    private void insertAppendOnly(Connection c, TargetTable target, List<Object[]> rows) throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(io.bendcdc.applier.sql.Identifiers.quote(target.id()))
                .append(" (").append(io.bendcdc.applier.sql.Identifiers.quoteAll(target.columns())).append(") VALUES ");
        for (int r = 0; r < rows.size(); r++) {
            sql.append(r == 0 ? "(" : ", (");
            Object[] row = rows.get(r);
            for (int i = 0; i < row.length; i++) {
                sql.append(i == 0 ? "" : ", ").append(Literals.of(target.types().get(i), row[i]));
            }
            sql.append(')');
        }
        execute(c, sql.toString());
    }

    private interface Unit {
        void run(Connection c) throws SQLException;
    }

    private void inTransaction(String what, Unit unit) throws SQLException {
        retry.run(what, () -> {
            Connection c = connection();
            execute(c, "BEGIN");
            try {
                unit.run(c);
                execute(c, "COMMIT");
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            }
            return null;
        }, this::reconnect);
    }

    private void runAll(String what, List<String> statements) throws SQLException {
        for (String sql : statements) {
            try {
                retry.run(what, () -> {
                    execute(connection(), sql);
                    return null;
                }, this::reconnect);
            } catch (SQLException e) {
                throw new ApplyException("cannot apply exactly (" + what + "): Databend rejected " + sql + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /** Columns of a Databend table (name → type as system.columns shows it), or null if it does not exist. */
    private Map<String, String> columns(TableId table) {
        String sql = "SELECT name, type FROM system.columns WHERE database = " + Literals.string(table.database())
                + " AND table = " + Literals.string(table.table());
        try (Statement st = connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            Map<String, String> cols = new LinkedHashMap<>();
            while (rs.next()) {
                cols.put(rs.getString(1), rs.getString(2));
            }
            return cols.isEmpty() ? null : cols;
        } catch (SQLException e) {
            throw new ApplyException("cannot read the columns of Databend table " + table + ": " + e.getMessage(), e);
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            Properties p = new Properties();
            p.setProperty("user", settings.databendUser());
            if (!settings.databendPassword().isEmpty()) {
                p.setProperty("password", settings.databendPassword());
            }
            connection = DriverManager.getConnection(settings.databendUrl(), p);
            // A batch's DELETE lists up to apply.batch.max.rows keys. Above this threshold (1,024 by
            // default) Databend turns the IN list into a join, and such a DELETE of 50,000 keys now
            // and then took 40-60 s instead of under 1 s (docs/measurements.md).
            execute(connection, "SET inlist_to_join_threshold = " + Math.max(1024, settings.batchMaxRows()));
        }
        return connection;
    }

    private void reconnect() {
        close();
        connection = null;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            execute(c, "ROLLBACK");
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("closing the Databend connection: {}", e.getMessage());
            }
        }
    }
}
