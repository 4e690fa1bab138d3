package io.bendcdc.applier.order;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.bendcdc.applier.ApplyException;
import io.bendcdc.applier.databend.SchemaApplier;
import io.bendcdc.applier.databend.TableMapping;
import io.bendcdc.applier.databend.TargetTable;
import io.bendcdc.config.SchemaEvolution;
import io.bendcdc.contract.BinlogPosition;
import io.bendcdc.contract.SchemaChange;
import io.bendcdc.contract.TableId;
import io.bendcdc.contract.TableSchema;

/**
 * Where DDL happens, for one topic partition (one source table): the schema steps between its
 * events. Before an event, the target table must have the schema in force at the event's binlog
 * position. When the schema changed since the last step ({@link #needed}), the caller writes
 * every change taken in before ({@code sameTable}: they were made under the old schema), then
 * {@link #take} applies the DDL in between, in binlog order, and returns the table to write the
 * event's changes to. A table's {@code DROP TABLE} has no event after it: the worker asks
 * {@link #pendingDrop} and applies it with {@link #drop} once every change before it is written.
 *
 * <p>Replayed DDL is harmless: each change is applied by reconciliation with Databend's actual
 * schema ({@link SchemaApplier}), so what is already there is left alone.
 */
public final class SchemaStep {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaStep.class);

    private final SchemaSource schemas;
    private final SchemaApplier databend;
    private final TableMapping tables;
    private final SchemaEvolution policy;
    private final String historyTopic;
    /** The source table of the last step, and its Databend table; null before the first and after a drop. */
    private TableId source;
    private TargetTable target;
    /** The schema of the target is the one in force here. */
    private BinlogPosition position;

    /** @param appliedThrough the binlog position the partition has applied through; null if none */
    public SchemaStep(SchemaSource schemas, SchemaApplier databend, TableMapping tables, SchemaEvolution policy,
            String historyTopic, BinlogPosition appliedThrough) {
        this.schemas = schemas;
        this.databend = databend;
        this.tables = tables;
        this.policy = policy;
        this.historyTopic = historyTopic;
        this.position = appliedThrough;
    }

    /** Whether an event of {@code table} at {@code at} needs a step first: the table is new here, or its schema changed. */
    public boolean needed(TableId table, BinlogPosition at) {
        return !sameTable(table) || schemas.changedSince(table, position, at);
    }

    /** Whether {@code table} is the table of the last step: what is buffered for it was taken in under the old schema. */
    public boolean sameTable(TableId table) {
        return target != null && table.equals(source);
    }

    /**
     * Applies the schema changes of {@code table} between the last step and {@code at}, in
     * binlog order, and creates the target on first sight. The caller has written everything
     * taken in before.
     *
     * @return the table to write the event's changes to
     * @throws ApplyException when {@code apply.schema.evolution=stop} and the schema changed, or
     *                        no schema is known for the table at {@code at}
     */
    public TargetTable take(TableId table, BinlogPosition at) throws SQLException {
        boolean sameTable = sameTable(table);
        if (position != null) {
            List<SchemaChange> changes = schemas.changesBetween(table, position, at);
            for (SchemaChange change : changes) {
                allowedByPolicy(change);
                databend.apply(change);
                LOG.info("Applied schema change to {} at {}: {}", tables.target(change.table()), change.position(),
                        oneLine(change.ddl()));
            }
        }
        TableSchema schema = schemas.schemaAt(table, at).orElseThrow(() -> new ApplyException(
                "no schema known for " + table + " at binlog position " + at + " in the schema history topic '"
                        + historyTopic + "'"));
        source = table;
        target = TargetTable.of(schema, tables);
        if (!sameTable) {
            databend.ensureTable(target);
        }
        position = at;
        return target;
    }

    /** The table of the last step; null before the first and after a drop. */
    public TargetTable target() {
        return target;
    }

    /** The source table of the last step; null before the first and after a drop. */
    public TableId source() {
        return source;
    }

    /**
     * The source table's {@code DROP TABLE} not yet applied, when the schema history ends with
     * one. {@code topicTable} names the table before any event was taken in.
     */
    public Optional<SchemaChange.DropTable> pendingDrop(TableId topicTable) {
        TableId table = source != null ? source : topicTable;
        return table == null ? Optional.empty() : schemas.pendingDrop(table, position);
    }

    /**
     * The changes of the table after the last step that no event has brought in: what to apply at
     * their own position when no row follows them. Empty before the first step.
     */
    public List<SchemaChange> pendingChanges() {
        return source == null || position == null ? List.of() : schemas.changesAfter(source, position);
    }

    /**
     * Applies {@code changes} (from {@link #pendingChanges}, none of them a drop or a rename) at
     * their positions; the caller has written everything before them.
     *
     * @return the table to write later changes to
     */
    public TargetTable catchUp(List<SchemaChange> changes) throws SQLException {
        for (SchemaChange change : changes) {
            allowedByPolicy(change);
            databend.apply(change);
            LOG.info("Applied schema change to {} at {}: {}", tables.target(change.table()), change.position(),
                    oneLine(change.ddl()));
        }
        SchemaChange last = changes.get(changes.size() - 1);
        TableSchema schema = last.schemaAfter(source).orElseThrow(() -> new ApplyException(
                "no schema of " + source + " after " + oneLine(last.ddl()) + " at " + last.position()));
        target = TargetTable.of(schema, tables);
        position = last.position();
        return target;
    }

    /** Drops the target table; the caller has written everything before the drop. */
    public void drop(SchemaChange.DropTable drop) throws SQLException {
        allowedByPolicy(drop);
        databend.apply(drop);
        position = drop.position();
        source = null;
        target = null;
        LOG.info("Dropped {}: the source dropped {} at {}", tables.target(drop.table()), drop.table(), drop.position());
    }

    private void allowedByPolicy(SchemaChange change) {
        if (policy == SchemaEvolution.STOP) {
            throw new ApplyException("the source changed the schema of " + change.table() + " at " + change.position()
                    + " (" + oneLine(change.ddl()) + ") and apply.schema.evolution=stop: nothing from this change on is"
                    + " applied to " + tables.target(change.table()) + "; to go on, set apply.schema.evolution=apply"
                    + " and restart, and the change is applied first");
        }
    }

    private static String oneLine(String ddl) {
        String s = ddl == null ? "" : ddl.replaceAll("\\s+", " ");
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
