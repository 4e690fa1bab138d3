package io.bendcdc.applier.databend;

import java.sql.SQLException;
import java.util.List;

import io.bendcdc.applier.ApplyException;
import io.bendcdc.contract.SchemaChange;

/**
 * Applies schema changes by reconciliation: {@link SchemaReconciler} plans only the difference
 * from Databend's actual columns, so a replayed change is a no-op. Where Databend rejects a
 * planned statement the applier stops, naming the statement: it never diverges silently.
 */
final class ReconcilingSchemaApplier implements SchemaApplier {

    private final DatabendSession session;
    private final SchemaReconciler reconciler;
    private final DatabendCatalog catalog;
    private final TableMapping tables;

    ReconcilingSchemaApplier(DatabendSession session, TableMapping tables) {
        this.session = session;
        this.tables = tables;
        this.reconciler = new SchemaReconciler(tables.tinyint1As(), tables.rowsPerBlock());
        this.catalog = new DatabendCatalog(session);
    }

    @Override
    public void ensureTable(TargetTable target) throws SQLException {
        runAll("create " + target.id(), reconciler.ensure(target.id(), target.source(), catalog));
    }

    @Override
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
