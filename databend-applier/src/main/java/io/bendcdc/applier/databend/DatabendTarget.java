package io.bendcdc.applier.databend;

import java.sql.SQLException;
import java.util.List;

import io.bendcdc.contract.BinlogPosition;

/**
 * The Databend side of one applier worker: one session, and what runs through it. The state
 * table is created when the target is opened; {@link #writer()} writes batches and state,
 * {@link #schemas()} creates and alters tables.
 */
public final class DatabendTarget implements AutoCloseable {

    private final DatabendSession session;
    private final StateTable state;
    private final BatchWriter writer;
    private final SchemaApplier schemas;

    /**
     * @param batchMaxRows the most keys a batch's DELETE lists
     * @param onRetry      called before each retry of a failed action, e.g. to count it
     * @param reread       asks the source to read a table again when an added column's values cannot be derived
     */
    public DatabendTarget(TargetSettings target, TableMapping tables, RetrySettings retry, int batchMaxRows,
            Runnable onRetry, SourceReread reread) {
        // A batch's DELETE lists up to apply.batch.max.rows keys. Above this threshold (1,024 by
        // default) Databend turns the IN list into a join, and such a DELETE of 50,000 keys now
        // and then took 40-60 s instead of under 1 s (docs/measurements.md).
        this.session = new DatabendSession(target, new RetryPolicy(retry, onRetry),
                List.of(DatabendDialect.setInlistToJoinThreshold(Math.max(1024, batchMaxRows))));
        this.state = new StateTable(target.stateDatabase());
        this.writer = new BatchWriter(session, state);
        this.schemas = new ReconcilingSchemaApplier(session, tables, reread);
    }

    /** Connects and creates the state table if it is missing. */
    public void open() throws SQLException {
        session.run("connect to Databend", state::create);
    }

    /** What the state table records as applied for a topic partition. */
    public AppliedState readState(String topic, int partition) throws SQLException {
        return session.read("read applied state", c -> state.read(c, topic, partition));
    }

    /** How far the statement at {@code position} of {@code source}'s binlog has got (see {@link StateTable.DdlStep}). */
    public StateTable.DdlStep readDdlStep(String source, BinlogPosition position) throws SQLException {
        return session.read("read applied DDL", c -> state.readDdl(c, source, position));
    }

    /** Records how far the statement at {@code position} has got. */
    public void writeDdlStep(String source, BinlogPosition position, StateTable.DdlStep step, String ddl)
            throws SQLException {
        session.run("record applied DDL", c -> state.writeDdl(c, source, position, step, ddl));
    }

    public BatchWriter writer() {
        return writer;
    }

    public SchemaApplier schemas() {
        return schemas;
    }

    @Override
    public void close() {
        session.close();
    }
}
