package io.bendcdc.applier.databend;

import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.bendcdc.applier.ApplyException;
import io.bendcdc.contract.SchemaChange;
import io.bendcdc.contract.TableId;

/**
 * Applies schema changes by reconciliation: {@link SchemaReconciler} plans only the difference
 * from Databend's actual columns, so a replayed change is a no-op. Where Databend rejects a
 * planned statement the applier stops, naming the statement: it never diverges silently.
 *
 * <p>A column added whose value on the rows already there cannot be derived makes the applier ask
 * the source to read the table again ({@link SourceReread}), once per change that adds it: a
 * replayed change finds the column there and plans nothing. The request is made before the
 * statements run, so that a crash in between asks again on replay rather than never.
 */
final class ReconcilingSchemaApplier implements SchemaApplier {

    private static final Logger LOG = LoggerFactory.getLogger(ReconcilingSchemaApplier.class);

    private final DatabendSession session;
    private final SchemaReconciler reconciler;
    private final DatabendCatalog catalog;
    private final TableMapping tables;
    private final SourceReread reread;

    ReconcilingSchemaApplier(DatabendSession session, TableMapping tables, SourceReread reread) {
        this.session = session;
        this.tables = tables;
        this.reread = reread;
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

    private void runAll(String what, SchemaReconciler.Plan plan) throws SQLException {
        if (!plan.unknown().isEmpty()) {
            TableId source = plan.unknown().get(0).source();
            for (SchemaReconciler.UnknownValues u : plan.unknown()) {
                LOG.warn("Column {} added to {}: the rows already there hold {} in the source, which cannot be derived"
                        + " from the DDL; reading {} again from the source (an incremental snapshot), until then"
                        + " they hold NULL in Databend", u.column(), tables.target(u.source()), u.why(), u.source());
            }
            reread.request(source, plan.unknown().stream().map(u -> u.column() + ": " + u.why())
                    .collect(Collectors.joining("; ")));
        }
        for (String sql : plan.statements()) {
            try {
                session.execute(what, sql);
            } catch (SQLException e) {
                throw new ApplyException("cannot apply exactly (" + what + "): Databend rejected " + sql + ": "
                        + e.getMessage(), e);
            }
        }
    }
}
