package io.bendcdc.applier.write;

import java.sql.SQLException;
import java.util.List;

import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.bendcdc.applier.ApplierMetrics;
import io.bendcdc.applier.ApplyException;
import io.bendcdc.applier.DeadLetters;
import io.bendcdc.applier.coalesce.ChangeBuffer;
import io.bendcdc.applier.databend.AppliedState;
import io.bendcdc.applier.databend.BatchWriter;
import io.bendcdc.applier.databend.RetryPolicy;
import io.bendcdc.applier.databend.TargetTable;
import io.bendcdc.applier.decode.ChangeEvent;
import io.bendcdc.contract.TableId;

/**
 * Writes one partition's batches, with the partition's new state, on the pipeline's thread. When
 * Databend rejects a batch for a reason that is not transient and dead letters are on, each
 * change is written alone to find the poison: the rejected ones go to the dead-letter topic, the
 * others are applied.
 */
public final class TableWriter {

    private static final Logger LOG = LoggerFactory.getLogger(TableWriter.class);

    private final TopicPartition partition;
    private final BatchWriter databend;
    private final ApplierMetrics metrics;
    private final DeadLetters deadLetters;

    /** @param deadLetters where rejected changes go; null to stop on the first rejected batch */
    public TableWriter(TopicPartition partition, BatchWriter databend, ApplierMetrics metrics, DeadLetters deadLetters) {
        this.partition = partition;
        this.databend = databend;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
    }

    /**
     * Writes {@code batch} (null: nothing but the state) to {@code table} with the state
     * {@code next}, in one transaction. Owns {@code batch}.
     */
    public void write(ChangeBuffer batch, TargetTable table, TableId source, AppliedState next) throws SQLException {
        long start = System.nanoTime();
        int events = batch == null ? 0 : batch.events();
        if (batch == null) {
            databend.writeState(next);
        } else {
            try {
                databend.write(table, batch.upserts(), batch.deletedKeys(), next);
            } catch (SQLException e) {
                if (deadLetters == null || RetryPolicy.isTransient(e)) {
                    throw new ApplyException("Databend rejected a batch of " + batch.events() + " changes to "
                            + table.id() + " (" + partition + " offsets up to " + next.kafkaOffset() + "): "
                            + e.getMessage(), e);
                }
                writeOneByOne(batch, table, next);
            }
            metrics.applied(source.toString(), batch.survivors());
        }
        metrics.batch(System.nanoTime() - start, events);
    }

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
                if (RetryPolicy.isTransient(rejected)) {
                    throw rejected;
                }
                deadLetters.send(batch.record(entry.getKey()), rejected);
                metrics.deadLetter();
                LOG.warn("Sent a change of {} to the dead-letter topic: {}", target.id(), rejected.getMessage());
            }
        }
        databend.writeState(next);
    }
}
