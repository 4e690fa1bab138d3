package io.bendcdc.applier.order;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

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
 * event's changes to.
 *
 * <p>DDL with no row after it (an ALTER, a DROP TABLE, a drop and create) is applied at its own
 * position: the worker asks {@link #pendingChanges} and applies them with {@link #catchUp} once
 * every change before them is written. A statement that moves data between names (RENAME TABLE,
 * chains, swaps) is not this partition's alone: {@link #crossTableDdlBefore} finds it, the
 * partition writes everything before it and waits there ({@link #reach}), and
 * {@link CrossTableSteps} applies it once for every table it touches. {@link #take} and
 * {@link #catchUp} pass over such renames, which are applied by then.
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
    /** The partition's source table: its topic's, then that of its events. */
    private TableId source;
    /** The Databend table of the last step; null before the first and after a drop. */
    private TargetTable target;
    /** The schema of the target is the one in force for a data event here; null when nothing was applied. */
    private BinlogPosition position;

    /**
     * @param topicTable     the table the topic is named for; null when the name does not say
     * @param appliedThrough the binlog position the partition has applied through; null if none
     */
    public SchemaStep(SchemaSource schemas, SchemaApplier databend, TableMapping tables, SchemaEvolution policy,
            String historyTopic, TableId topicTable, BinlogPosition appliedThrough) {
        this.schemas = schemas;
        this.databend = databend;
        this.tables = tables;
        this.policy = policy;
        this.historyTopic = historyTopic;
        this.source = topicTable;
        this.position = appliedThrough;
    }

    /**
     * Where a partition resumes its schema: after its last streamed event, or, when it applied only
     * snapshot rows, at the table's snapshot baseline; null when it applied nothing.
     */
    public static BinlogPosition resumePosition(SchemaSource schemas, TableId topicTable, BinlogPosition lastStreamed,
            boolean appliedAny) {
        if (lastStreamed != null || !appliedAny || topicTable == null) {
            return lastStreamed;
        }
        return schemas.snapshotBaseline(topicTable).orElse(null);
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
     * The first statement moving data between names that lies between the last step and an event
     * of {@code table} at {@code at} and is not applied yet ({@code applied} says), if any.
     */
    public Optional<CrossTableDdl> crossTableDdlBefore(TableId table, BinlogPosition at, Predicate<BinlogPosition> applied) {
        for (SchemaChange change : schemas.changesBetween(table, position, at)) {
            if (change instanceof SchemaChange.RenameTable && !applied.test(change.position())) {
                return Optional.of(schemas.crossTableDdlAt(change.position()));
            }
        }
        return Optional.empty();
    }

    /**
     * Applies the schema changes of {@code table} between the last step and {@code at}, in
     * binlog order, and creates the target on first sight. The caller has written everything
     * taken in before, and made sure the renames in between are applied.
     *
     * @return the table to write the event's changes to
     * @throws ApplyException when {@code apply.schema.evolution=stop} and the schema changed, or
     *                        no schema is known for the table at {@code at}
     */
    public TargetTable take(TableId table, BinlogPosition at) throws SQLException {
        boolean sameTable = sameTable(table);
        if (position != null) {
            applyAll(schemas.changesBetween(table, position, at));
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

    /** The partition's source table; null when neither its topic nor an event has named it. */
    public TableId source() {
        return source;
    }

    /**
     * The changes of the table after the last step that no event has brought in: what to apply at
     * their own position when no row follows them. When the partition applied nothing, only a
     * statement moving data between names is its concern (to wait at it): the table's earlier
     * history was applied, if at all, by whoever wrote it.
     */
    public List<SchemaChange> pendingChanges() {
        if (source == null) {
            return List.of();
        }
        if (position == null) {
            return schemas.changesAfter(source, null).stream()
                    .filter(c -> c instanceof SchemaChange.RenameTable).toList();
        }
        return schemas.changesAfter(source, position);
    }

    /**
     * Applies {@code changes} (from {@link #pendingChanges}, in order; renames among them are
     * applied already) at their positions; the caller has written everything before them.
     *
     * @return the position recorded: right after the last change
     */
    public BinlogPosition catchUp(List<SchemaChange> changes) throws SQLException {
        applyAll(changes);
        SchemaChange last = changes.get(changes.size() - 1);
        Optional<TableSchema> schema = last.schemaAfter(source);
        target = schema.map(s -> TargetTable.of(s, tables)).orElse(null); // gone: dropped or renamed away
        position = last.position().afterDdl();
        return position;
    }

    /**
     * Notes that every change of the partition before {@code ddl} is written, and nothing after it:
     * the partition waits there until the statement is applied.
     */
    public void reach(CrossTableDdl ddl) {
        position = ddl.position();
        LOG.info("{} waits at {} for {} to be applied", source, ddl.position(), ddl.ddl());
    }

    private void applyAll(List<SchemaChange> changes) throws SQLException {
        for (SchemaChange change : changes) {
            if (change instanceof SchemaChange.RenameTable) {
                continue; // applied by CrossTableSteps, for every table it touches
            }
            allowedByPolicy(policy, change, tables);
            databend.apply(change);
            LOG.info("Applied schema change to {} at {}: {}", tables.target(change.table()), change.position(),
                    oneLine(change.ddl()));
        }
    }

    static void allowedByPolicy(SchemaEvolution policy, SchemaChange change, TableMapping tables) {
        if (policy == SchemaEvolution.STOP) {
            throw new ApplyException("the source changed the schema of " + change.table() + " at " + change.position()
                    + " (" + oneLine(change.ddl()) + ") and apply.schema.evolution=stop: nothing from this change on is"
                    + " applied to " + tables.target(change.table()) + "; to go on, set apply.schema.evolution=apply"
                    + " and restart, and the change is applied first");
        }
    }

    static String oneLine(String ddl) {
        String s = ddl == null ? "" : ddl.replaceAll("\\s+", " ");
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
