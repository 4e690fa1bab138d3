package io.bendcdc.applier;

import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.bendcdc.applier.event.ChangeEvent;
import io.bendcdc.applier.event.EnvelopeDecoder;
import io.bendcdc.applier.event.EnvelopeDecodingException;
import io.bendcdc.contract.BinlogPosition;
import io.bendcdc.contract.SchemaChange;
import io.bendcdc.contract.TableId;
import io.bendcdc.contract.TableSchema;

/**
 * Applies one topic partition (one source table) to Databend, in Kafka order: decodes each
 * envelope, skips what the state table says is applied, brings the target's schema to the one in
 * force at the event's binlog position, buffers and coalesces changes, and writes a batch together
 * with the new state in one transaction.
 *
 * <p>Batches are handed to the worker's {@link WritePipeline}; anything else that uses the
 * connection (DDL, truncate, table creation) first waits for the batch in flight.
 */
final class PartitionApplier {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionApplier.class);

    private final TopicPartition partition;
    private final ApplierSettings settings;
    private final SchemaSource schemas;
    private final DatabendSession databend;
    private final WritePipeline pipeline;
    private final ApplierMetrics metrics;
    private final DeadLetters deadLetters;

    /** What is applied once every batch handed to the pipeline is written. */
    private AppliedState state;
    /** What Databend has committed: where to resume, and what Kafka may be told. */
    private volatile AppliedState committed;
    private TableId source;
    private TargetTable target;
    private ChangeBuffer buffer;
    private BinlogPosition schemaPosition;
    private long pendingOffset = -1;
    private BinlogPosition pendingStreamed;
    private long firstBufferedAtMs;
    private int skipped;

    PartitionApplier(TopicPartition partition, AppliedState state, ApplierSettings settings, SchemaSource schemas,
            DatabendSession databend, WritePipeline pipeline, ApplierMetrics metrics, DeadLetters deadLetters) {
        this.partition = partition;
        this.state = state;
        this.committed = state;
        this.pipeline = pipeline;
        this.settings = settings;
        this.schemas = schemas;
        this.databend = databend;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
        this.schemaPosition = state.lastStreamed();
    }

    /** What Databend has committed for this partition. */
    AppliedState committed() {
        return committed;
    }

    /** The offset to resume from: the one after the last committed. */
    long resumeOffset() {
        return committed.kafkaOffset() + 1;
    }

    /** Decodes a record; kept apart from {@link #offer} so that a worker can decode in parallel. */
    static Decoded decode(EnvelopeDecoder decoder, ConsumerRecord<ByteBuffer, ByteBuffer> record) {
        try {
            Optional<ChangeEvent> event = decoder.decode(record.key(), record.value());
            return new Decoded(event, event.map(PartitionApplier::position).orElse(null), null);
        } catch (EnvelopeDecodingException e) {
            return new Decoded(Optional.empty(), null, e);
        }
    }

    /** A decoded record: the change (empty for a tombstone) and its binlog position, or why it could not be decoded. */
    record Decoded(Optional<ChangeEvent> event, BinlogPosition position, EnvelopeDecodingException error) {
    }

    void offer(ConsumerRecord<ByteBuffer, ByteBuffer> record, Decoded decoded, long nowMs) throws SQLException {
        if (record.offset() <= state.kafkaOffset()) {
            return;
        }
        if (decoded.error() != null) {
            EnvelopeDecodingException e = decoded.error();
            if (deadLetters == null) {
                throw new ApplyException("cannot decode the event at " + partition + " offset " + record.offset()
                        + ": " + e.getMessage(), e);
            }
            deadLetters.send(record, e);
            metrics.deadLetter();
            advanceTo(record.offset(), null);
            return;
        }
        if (decoded.event().isEmpty()) {
            advanceTo(record.offset(), null); // tombstone: nothing to write
            return;
        }
        ChangeEvent event = decoded.event().get();
        BinlogPosition position = decoded.position();
        if (!event.snapshot() && state.alreadyApplied(position)) {
            skipped++;
            metrics.skipped(partition.topic());
            advanceTo(record.offset(), null);
            return;
        }
        prepareSchema(event.table(), position);
        metrics.read(event.table().toString(), event.op());
        switch (event.op()) {
            case TRUNCATE -> {
                flush();
                pipeline.drain();
                AppliedState next = state.advance(record.offset(), streamed(event, position));
                databend.truncate(target, next);
                state = next;
                committed = next;
                pendingOffset = -1;
                pendingStreamed = null;
                LOG.info("Truncated {} (source {} at {})", target.id(), event.table(), position);
            }
            case UPSERT, DELETE -> {
                if (event.op() == ChangeEvent.Op.DELETE && target.appendOnly()) {
                    metrics.ignoredDelete(event.table().toString());
                } else {
                    if (buffer.isEmpty()) {
                        firstBufferedAtMs = nowMs;
                    }
                    buffer.add(event, deadLetters == null ? null : record); // records only for dead letters
                }
                advanceTo(record.offset(), streamed(event, position));
                if (buffer.events() >= settings.batchMaxRows()) {
                    flush();
                }
            }
        }
    }

    /** Writes the buffer when it has waited {@code apply.batch.max.ms}. */
    void flushIfDue(long nowMs) throws SQLException {
        if (pendingOffset > state.kafkaOffset() && (buffer == null || buffer.isEmpty()
                || nowMs - firstBufferedAtMs >= settings.batchMaxMs())) {
            flush();
        }
    }

    /**
     * Hands what is buffered, with the new state, to the pipeline, which writes it in one Databend
     * transaction; a new buffer takes its place.
     */
    void flush() throws SQLException {
        if (pendingOffset <= state.kafkaOffset()) {
            return;
        }
        AppliedState next = state.advance(pendingOffset, pendingStreamed);
        ChangeBuffer batch = buffer == null || buffer.isEmpty() ? null : buffer;
        TargetTable table = target;
        TableId tableSource = source;
        if (batch != null) {
            buffer = new ChangeBuffer(target.keyColumns());
        }
        state = next;
        pendingStreamed = null;
        pipeline.submit(() -> {
            write(batch, table, tableSource, next);
            committed = next;
        });
        if (skipped > 0) {
            LOG.info("{}: skipped {} re-published changes already applied", partition, skipped);
            skipped = 0;
        }
    }

    /** Runs on the pipeline's thread; owns {@code batch}. */
    private void write(ChangeBuffer batch, TargetTable table, TableId tableSource, AppliedState next)
            throws SQLException {
        long start = System.nanoTime();
        int events = batch == null ? 0 : batch.events();
        if (batch == null) {
            databend.writeState(next);
        } else {
            try {
                databend.write(table, batch.upserts(), batch.deletedKeys(), next);
            } catch (SQLException e) {
                if (deadLetters == null || Retry.isTransient(e)) {
                    throw new ApplyException("Databend rejected a batch of " + batch.events() + " changes to "
                            + table.id() + " (" + partition + " offsets up to " + next.kafkaOffset() + "): "
                            + e.getMessage(), e);
                }
                writeOneByOne(batch, table, next);
            }
            metrics.applied(tableSource.toString(), batch.survivors());
        }
        metrics.batch(System.nanoTime() - start, events);
    }

    /** Finds the rows Databend rejects: each change alone, the rejected ones to the dead-letter topic. */
    private void writeOneByOne(ChangeBuffer batch, TargetTable target, AppliedState next) throws SQLException {
        LOG.warn("Databend rejected a batch for {}; writing its {} changes one by one to find the poison",
                target.id(), batch.byKey().size());
        for (var entry : batch.byKey().entrySet()) {
            ChangeEvent e = entry.getValue();
            try {
                if (e.op() == ChangeEvent.Op.DELETE) {
                    ChangeBuffer one = new ChangeBuffer(target.keyColumns());
                    one.add(e, null);
                    databend.write(target, List.of(), one.deletedKeys(), null);
                } else {
                    databend.write(target, List.of(e.after()), List.of(), null);
                }
            } catch (SQLException rejected) {
                if (Retry.isTransient(rejected)) {
                    throw rejected;
                }
                deadLetters.send(batch.record(entry.getKey()), rejected);
                metrics.deadLetter();
                LOG.warn("Sent a change of {} to the dead-letter topic: {}", target.id(), rejected.getMessage());
            }
        }
        databend.writeState(next);
    }

    /** The source table's DROP TABLE not yet applied, when the schema history ends with one. */
    Optional<SchemaChange.DropTable> pendingDrop() {
        TableId table = source != null ? source : settings.topics().tableOf(partition.topic()).orElse(null);
        return table == null ? Optional.empty() : schemas.pendingDrop(table, schemaPosition);
    }

    /**
     * Drops the target table, after writing what is buffered; the caller has made sure that every
     * change before the drop has been offered. The drop's position is recorded, so it is not
     * applied again, and a table created again under the name starts from an empty target.
     */
    void applyDrop(SchemaChange.DropTable drop) throws SQLException {
        flush();
        pipeline.drain();
        databend.apply(drop);
        AppliedState next = state.advance(state.kafkaOffset(), drop.position());
        databend.writeState(next);
        state = next;
        committed = next;
        schemaPosition = drop.position();
        source = null;
        target = null;
        LOG.info("Dropped {}: the source dropped {} at {}", settings.target(drop.table()), drop.table(),
                drop.position());
    }

    private void advanceTo(long offset, BinlogPosition streamed) {
        pendingOffset = offset;
        if (streamed != null) {
            pendingStreamed = streamed;
        }
    }

    private static BinlogPosition position(ChangeEvent event) {
        return new BinlogPosition(event.binlogFile(), event.binlogPos(), event.row(), event.snapshot());
    }

    private static BinlogPosition streamed(ChangeEvent event, BinlogPosition position) {
        return event.snapshot() ? null : position;
    }

    /**
     * Makes the target table match the schema in force at {@code position}: on first sight the
     * table is created (or reconciled), later the DDL between the last applied position and this
     * one is applied in binlog order, after flushing what was buffered under the old schema.
     */
    private void prepareSchema(TableId table, BinlogPosition position) throws SQLException {
        boolean sameTable = target != null && table.equals(source);
        if (sameTable && !schemas.changedSince(table, schemaPosition, position)) {
            return;
        }
        if (sameTable) {
            flush();
        }
        pipeline.drain(); // the connection is needed here
        if (schemaPosition != null) {
            // Replayed DDL is harmless: each change is applied by reconciliation with Databend's
            // actual schema, so what is already there is left alone.
            for (SchemaChange change : schemas.changesBetween(table, schemaPosition, position)) {
                databend.apply(change);
                LOG.info("Applied schema change to {} at {}: {}", settings.target(change.table()), change.position(),
                        oneLine(change.ddl()));
            }
        }
        TableSchema schema = schemas.schemaAt(table, position).orElseThrow(() -> new ApplyException(
                "no schema known for " + table + " at binlog position " + position + " in the schema history topic '"
                        + settings.schemaHistoryTopic() + "'"));
        source = table;
        target = TargetTable.of(schema, settings);
        if (!sameTable) {
            databend.ensureTable(target);
        }
        if (buffer == null || buffer.isEmpty()) {
            buffer = new ChangeBuffer(target.keyColumns());
        }
        schemaPosition = position;
    }

    private static String oneLine(String ddl) {
        String s = ddl == null ? "" : ddl.replaceAll("\\s+", " ");
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
