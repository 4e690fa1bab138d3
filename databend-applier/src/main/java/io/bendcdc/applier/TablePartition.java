package io.bendcdc.applier;

import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.bendcdc.applier.coalesce.BatchSettings;
import io.bendcdc.applier.coalesce.ChangeBuffer;
import io.bendcdc.applier.commit.PartitionProgress;
import io.bendcdc.applier.databend.AppliedState;
import io.bendcdc.applier.databend.BatchWriter;
import io.bendcdc.applier.databend.TargetTable;
import io.bendcdc.applier.decode.ChangeEvent;
import io.bendcdc.applier.decode.EnvelopeDecoder;
import io.bendcdc.applier.decode.EnvelopeDecodingException;
import io.bendcdc.applier.order.CrossTableDdl;
import io.bendcdc.applier.order.CrossTableSteps;
import io.bendcdc.applier.order.SchemaStep;
import io.bendcdc.applier.write.TableWriter;
import io.bendcdc.applier.write.WritePipeline;
import io.bendcdc.contract.BinlogPosition;
import io.bendcdc.contract.SchemaChange;
import io.bendcdc.contract.TableId;

/**
 * One topic partition (one source table) on its way to Databend, in Kafka order. Each decoded
 * event goes through the stages in turn:
 * <ol>
 * <li><b>skip</b> what the state table says is applied (a replay, or a re-published run);</li>
 * <li><b>order</b>: a schema step first when the schema changed ({@link SchemaStep}, after
 * writing what was taken in under the old schema);</li>
 * <li><b>coalesce</b> into the table's {@link ChangeBuffer} (a truncate is written at once);</li>
 * <li><b>write</b> the buffer with the new state when it is full or due, on the worker's
 * {@link WritePipeline} ({@link TableWriter});</li>
 * <li><b>commit</b>: once Databend committed, {@link PartitionProgress} says where to resume.</li>
 * </ol>
 * Anything else that uses the connection (DDL, truncate, table creation) first waits for the
 * batch in flight.
 *
 * <p>At a statement that moves data between names (RENAME TABLE, and chains and swaps of it) the
 * partition writes everything before it and then waits: {@link #offer} takes nothing in until the
 * worker has the statement applied ({@link CrossTableSteps}) and calls {@link #goOn}.
 */
final class TablePartition {

    private static final Logger LOG = LoggerFactory.getLogger(TablePartition.class);

    private final TopicPartition partition;
    private final BatchSettings batching;
    private final PartitionProgress progress;
    private final SchemaStep schema;
    private final WritePipeline pipeline;
    private final BatchWriter databend;
    private final TableWriter writer;
    private final ApplierMetrics metrics;
    private final DeadLetters deadLetters;
    private final CrossTableSteps crossTable;

    private ChangeBuffer buffer;
    /** The cross-table statement this partition waits at; null when it does not wait. */
    private CrossTableDdl waiting;
    /** The position of the last row taken in since the partition was opened; null before the first. */
    private BinlogPosition lastTaken;
    private long firstBufferedAtMs;
    private int skipped;

    TablePartition(TopicPartition partition, AppliedState state, BatchSettings batching, SchemaStep schema,
            BatchWriter databend, WritePipeline pipeline, ApplierMetrics metrics, DeadLetters deadLetters,
            CrossTableSteps crossTable) {
        this.partition = partition;
        this.batching = batching;
        this.progress = new PartitionProgress(state);
        this.schema = schema;
        this.databend = databend;
        this.pipeline = pipeline;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
        this.crossTable = crossTable;
        this.writer = new TableWriter(partition, databend, metrics, deadLetters);
    }

    PartitionProgress progress() {
        return progress;
    }

    /** Decodes a record; kept apart from {@link #offer} so that a worker can decode in parallel. */
    static Decoded decode(EnvelopeDecoder decoder, ConsumerRecord<ByteBuffer, ByteBuffer> record) {
        try {
            Optional<ChangeEvent> event = decoder.decode(record.key(), record.value());
            return new Decoded(event, event.map(TablePartition::position).orElse(null), null);
        } catch (EnvelopeDecodingException e) {
            return new Decoded(Optional.empty(), null, e);
        }
    }

    /** A decoded record: the change (empty for a tombstone) and its binlog position, or why it could not be decoded. */
    record Decoded(Optional<ChangeEvent> event, BinlogPosition position, EnvelopeDecodingException error) {
    }

    /**
     * Takes in one record.
     *
     * @return false when the partition waits at a cross-table statement before the record: it took
     *         nothing in, and the caller puts the consumer back to this record and pauses it
     */
    boolean offer(ConsumerRecord<ByteBuffer, ByteBuffer> record, Decoded decoded, long nowMs) throws SQLException {
        if (waiting != null) {
            return false;
        }
        // skip
        if (progress.seen(record.offset())) {
            return true;
        }
        if (decoded.error() != null) {
            deadLetter(record, decoded.error());
            return true;
        }
        if (decoded.event().isEmpty()) {
            progress.advance(record.offset(), null); // tombstone: nothing to write
            return true;
        }
        ChangeEvent event = decoded.event().get();
        BinlogPosition position = decoded.position();
        if (!event.snapshot() && progress.alreadyApplied(position)) {
            skipped++;
            metrics.skipped(partition.topic());
            progress.advance(record.offset(), null);
            return true;
        }
        // order
        TargetTable target;
        if (schema.needed(event.table(), position)) {
            Optional<CrossTableDdl> ddl = schema.crossTableDdlBefore(event.table(), position, crossTable::applied);
            if (ddl.isPresent()) {
                waitAt(ddl.get());
                return false;
            }
            target = step(event.table(), position);
        } else {
            target = schema.target();
        }
        metrics.read(event.table().toString(), event.op());
        // coalesce, or apply a truncate on its own
        switch (event.op()) {
            case TRUNCATE -> {
                flush();
                pipeline.drain();
                AppliedState next = progress.after(record.offset(), streamed(event, position));
                databend.truncate(target, next);
                progress.committedNow(next);
                LOG.info("Truncated {} (source {} at {})", target.id(), event.table(), position);
            }
            case UPSERT, DELETE -> {
                if (startsTableSnapshot(event, position)) {
                    emptyForSnapshot(target, event, position);
                }
                lastTaken = position;
                if (event.op() == ChangeEvent.Op.DELETE && target.appendOnly()) {
                    metrics.ignoredDelete(event.table().toString());
                } else {
                    if (buffer.isEmpty()) {
                        firstBufferedAtMs = nowMs;
                    }
                    buffer.add(event, deadLetters == null ? null : record); // records only for dead letters
                }
                progress.advance(record.offset(), streamed(event, position));
                if (buffer.events() >= batching.maxRows()) {
                    flush();
                }
            }
        }
        return true;
    }

    /**
     * Whether the row is the first of a snapshot of its table: marked first, or marked last with
     * no row of that snapshot before it (a table of one row). After a restart the row before is
     * not known; then only the first mark counts.
     */
    private boolean startsTableSnapshot(ChangeEvent event, BinlogPosition position) {
        return switch (event.inTableSnapshot()) {
            case FIRST -> true;
            case LAST -> lastTaken != null && !position.equals(lastTaken);
            default -> false;
        };
    }

    /**
     * Empties the target before the first row of a snapshot of its table: the snapshot holds the
     * whole table as of its position, and a snapshot taken again (the engine stopped before it
     * recorded the first one's end) must not keep rows deleted since the earlier copy. Nothing is
     * recorded: replayed, the row empties the table again, as harmlessly.
     */
    private void emptyForSnapshot(TargetTable target, ChangeEvent event, BinlogPosition position) throws SQLException {
        flush();
        pipeline.drain();
        AppliedState unchanged = progress.after(progress.handedOffset(), null);
        databend.truncate(target, unchanged);
        progress.committedNow(unchanged);
        LOG.info("Emptied {} for the snapshot of {} at {}", target.id(), event.table(), position);
    }

    /**
     * Brings the target to the schema in force at {@code position}, where it changed: a schema step
     * of its own, after everything taken in under the old one is written.
     */
    private TargetTable step(TableId table, BinlogPosition position) throws SQLException {
        if (schema.sameTable(table)) {
            flush();
        }
        pipeline.drain(); // the connection is needed here
        TargetTable target = schema.take(table, position);
        if (buffer == null || buffer.isEmpty()) {
            buffer = new ChangeBuffer(target.keyColumns());
        }
        return target;
    }

    private void deadLetter(ConsumerRecord<ByteBuffer, ByteBuffer> record, EnvelopeDecodingException e) {
        if (deadLetters == null) {
            throw new ApplyException("cannot decode the event at " + partition + " offset " + record.offset() + ": "
                    + e.getMessage(), e);
        }
        deadLetters.send(record, e);
        metrics.deadLetter();
        progress.advance(record.offset(), null);
    }

    /** Writes the buffer when it has waited {@code apply.batch.max.ms}. */
    void flushIfDue(long nowMs) throws SQLException {
        if (progress.pending()
                && (buffer == null || buffer.isEmpty() || nowMs - firstBufferedAtMs >= batching.maxMs())) {
            flush();
        }
    }

    /**
     * Hands what is buffered, with the new state, to the pipeline, which writes it in one Databend
     * transaction; a new buffer takes its place.
     */
    void flush() throws SQLException {
        if (!progress.pending()) {
            return;
        }
        AppliedState next = progress.handOver();
        ChangeBuffer batch = buffer == null || buffer.isEmpty() ? null : buffer;
        TargetTable table = schema.target();
        TableId source = schema.source();
        if (batch != null) {
            buffer = new ChangeBuffer(table.keyColumns());
        }
        pipeline.submit(() -> {
            writer.write(batch, table, source, next);
            progress.committed(next);
        });
        if (skipped > 0) {
            LOG.info("{}: skipped {} re-published changes already applied", partition, skipped);
            skipped = 0;
        }
    }

    /**
     * The position of the first schema change after the last event that no row has brought in (an
     * ALTER, a drop, a rename), or null: the worker applies it with {@link #applyPendingSchemaChanges}
     * once every change before it can be read.
     */
    BinlogPosition firstPendingSchemaChange() {
        if (waiting != null) {
            return null;
        }
        List<SchemaChange> pending = schema.pendingChanges();
        return pending.isEmpty() ? null : pending.get(0).position();
    }

    /**
     * Applies the schema changes no row has brought in, up to the DDL at {@code publishedThrough};
     * the caller has made sure that every change before that has been offered. Their position is
     * recorded, so they are not applied again. At a cross-table statement the partition waits.
     *
     * @param alone whether this is its topic's only partition: else the others may still be
     *              writing the table, and only a wait at a cross-table statement is safe
     */
    void applyPendingSchemaChanges(BinlogPosition publishedThrough, boolean alone) throws SQLException {
        if (waiting != null || schema.source() == null) {
            return;
        }
        Optional<CrossTableDdl> ddl = schema.crossTableDdlBefore(schema.source(), publishedThrough.afterDdl(),
                crossTable::applied);
        if (ddl.isPresent()) {
            waitAt(ddl.get());
            return;
        }
        if (!alone) {
            return;
        }
        List<SchemaChange> due = schema.pendingChanges().stream()
                .filter(c -> c.position().compareTo(publishedThrough) <= 0).toList();
        if (!due.isEmpty()) {
            flush();
            pipeline.drain();
            catchUp(due);
        }
    }

    /**
     * Writes everything before {@code ddl}, with the partition's own schema changes before it, and
     * records its position: the partition waits there until the statement is applied.
     */
    private void waitAt(CrossTableDdl ddl) throws SQLException {
        flush();
        pipeline.drain();
        List<SchemaChange> before = schema.pendingChanges().stream()
                .filter(c -> c.position().compareTo(ddl.position()) < 0).toList();
        if (!before.isEmpty()) {
            catchUp(before);
        }
        schema.reach(ddl);
        recordSchemaStep(ddl.position());
        waiting = ddl;
    }

    private void catchUp(List<SchemaChange> changes) throws SQLException {
        BinlogPosition after = schema.catchUp(changes);
        TargetTable target = schema.target();
        buffer = target == null ? null : new ChangeBuffer(target.keyColumns()); // the key may have changed
        recordSchemaStep(after);
    }

    /** The cross-table statement the partition waits at; null when it does not wait. */
    CrossTableDdl waiting() {
        return waiting;
    }

    /** Lets the partition go on once the statement it waited at is applied. */
    void goOn() {
        waiting = null;
    }

    /** Records a schema step applied on its own at {@code position}, so that it is not applied again. */
    private void recordSchemaStep(BinlogPosition position) throws SQLException {
        AppliedState next = progress.after(progress.handedOffset(), position);
        databend.writeState(next);
        progress.committedNow(next);
    }

    private static BinlogPosition position(ChangeEvent event) {
        return new BinlogPosition(event.binlogFile(), event.binlogPos(), event.row(), event.snapshot());
    }

    /**
     * The binlog position the state records for an event: a streamed one's, and a whole-table
     * snapshot row's (all rows of one snapshot share it, and streamed events after the snapshot
     * lie after it), so that a partition resumed in or after a snapshot taken again does not apply
     * that snapshot's DDL a second time. Not an incremental snapshot's: its chunks are emitted among
     * streamed events, not in binlog order with them.
     */
    private static BinlogPosition streamed(ChangeEvent event, BinlogPosition position) {
        if (!event.snapshot()) {
            return position;
        }
        return event.inTableSnapshot() == ChangeEvent.InTableSnapshot.NONE ? null
                : BinlogPosition.of(position.file(), position.pos(), position.row());
    }
}
