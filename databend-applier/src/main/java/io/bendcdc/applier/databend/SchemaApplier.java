package io.bendcdc.applier.databend;

import java.sql.SQLException;
import java.util.List;

import io.bendcdc.applier.ApplyException;
import io.bendcdc.contract.SchemaChange;

/**
 * Brings Databend tables to the source's schema: creates a table on first sight, applies a
 * schema change by reconciliation ({@link SchemaReconciler} plans only the difference from
 * Databend's actual columns, so a replayed change is a no-op). Where Databend rejects a planned
 * statement the applier stops, naming the statement: it never diverges silently.
 */
public final class SchemaApplier {

    private final DatabendSession session;
    private final SchemaReconciler reconciler;
    private final DatabendCatalog catalog;
    private final TableMapping tables;

    SchemaApplier(DatabendSession session, TableMapping tables) {
        this.session = session;
        this.tables = tables;
        this.reconciler = new SchemaReconciler(tables.tinyint1As(), tables.rowsPerBlock());
        this.catalog = new DatabendCatalog(session);
    }

    /** Creates the target table, or adds the columns an existing one lacks. */
    public void ensureTable(TargetTable target) throws SQLException {
        runAll("create " + target.id(), reconciler.ensure(target.id(), target.source(), catalog));
    }

    /** Applies one source schema change. */
    public void apply(SchemaChange change) throws SQLException {
        runAll("schema change of " + change.table(), reconciler.plan(change, tables.databaseMapping(), catalog));
    }

    private void runAll(String what, List<String> statements) throws SQLException {
        for (String sql : statements) {
            try {
                session.execute(what, sql);
            } catch (SQLException e) {
                throw new ApplyException("cannot apply exactly (" + what + "): Databend rejected " + sql + ": "
                        + e.getMessage(), e);
            }
        }
    }
}
