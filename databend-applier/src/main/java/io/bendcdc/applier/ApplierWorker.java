package io.bendcdc.applier;

import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.bendcdc.applier.databend.AppliedState;
import io.bendcdc.applier.databend.DatabendTarget;
import io.bendcdc.applier.databend.SourceReread;
import io.bendcdc.applier.decode.EnvelopeDecoder;
import io.bendcdc.applier.order.CrossTableDdl;
import io.bendcdc.applier.order.CrossTableSteps;
import io.bendcdc.applier.order.PublishedDdl;
import io.bendcdc.applier.order.SchemaSource;
import io.bendcdc.applier.order.SchemaStep;
import io.bendcdc.applier.poll.ChangeConsumer;
import io.bendcdc.applier.write.WritePipeline;
import io.bendcdc.contract.BinlogPosition;
import io.bendcdc.contract.TableId;

/**
 * One consumer of the applier's group and one Databend connection, running the pipeline in one
 * direction: <b>poll</b> a batch of records, <b>decode</b> them (in parallel), hand each to its
 * {@link TablePartition} (which orders, coalesces and writes), write what is due, apply the schema
 * changes no row brings in, and tell Kafka what Databend has <b>committed</b>.
 *
 * <p>Partitions are assigned by Kafka; on assignment, each resumes after the offset the state
 * table records as applied (Kafka's committed offsets only follow, for lag monitoring).
 */
final class ApplierWorker implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ApplierWorker.class);

    private static final int PARALLEL_DECODE_MIN = 2_000;
    private static final long SCHEMA_CHECK_INTERVAL_MS = 1_000;

    private final String name;
    private final ApplierSettings settings;
    private final SchemaSource schemas;
    private final PublishedDdl publishedDdl;
    private final ApplierMetrics metrics;
    private final DatabendTarget databend;
    private final WritePipeline pipeline;
    private final ChangeConsumer consumer;
    private final EnvelopeDecoder decoder = new EnvelopeDecoder();
    private final Map<TopicPartition, TablePartition> partitions = new HashMap<>();
    private final DeadLetters deadLetters;
    private final CrossTableSteps crossTable;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile Throwable failure;
    private long schemaCheckedAtMs;

    ApplierWorker(String name, ApplierSettings settings, SchemaSource schemas, PublishedDdl publishedDdl,
            ApplierMetrics metrics, SourceReread reread) {
        this.name = name;
        this.settings = settings;
        this.schemas = schemas;
        this.publishedDdl = publishedDdl;
        this.metrics = metrics;
        this.databend = new DatabendTarget(settings.target(), settings.tables(), settings.retry(),
                settings.batch().maxRows(), metrics::retry, reread);
        this.pipeline = new WritePipeline("applier-" + name + "-writer");
        this.consumer = new ChangeConsumer(settings.kafka(), settings.batch().maxRows(), name);
        this.crossTable = new CrossTableSteps(databend, settings.topics(), consumer::partitionCount, settings.tables(),
                settings.schemaEvolution(), settings.topics().schemaChangeTopic());
        this.deadLetters = settings.errors().deadLetters()
                ? new DeadLetters(settings.kafka().bootstrapServers(), settings.errors().deadLetterTopic()) : null;
    }

    @Override
    public void run() {
        try {
            databend.open();
            consumer.subscribe(new Rebalance());
            while (running.get()) {
                ConsumerRecords<ByteBuffer, ByteBuffer> records = consumer.poll(Duration.ofMillis(200));
                long now = System.currentTimeMillis();
                Map<TopicPartition, List<TablePartition.Decoded>> decoded = new HashMap<>();
                for (TopicPartition tp : records.partitions()) {
                    decoded.put(tp, decodeAll(records.records(tp)));
                }
                reportReceived(decoded.values());
                for (TopicPartition tp : records.partitions()) {
                    TablePartition p = partitions.get(tp);
                    List<ConsumerRecord<ByteBuffer, ByteBuffer>> batch = records.records(tp);
                    List<TablePartition.Decoded> events = decoded.get(tp);
                    for (int i = 0; i < batch.size(); i++) {
                        if (!p.offer(batch.get(i), events.get(i), now)) {
                            consumer.seek(tp, batch.get(i).offset()); // read again once the partition goes on
                            consumer.pause(tp);
                            break;
                        }
                    }
                }
                for (TablePartition p : partitions.values()) {
                    p.flushIfDue(now);
                }
                if (now - schemaCheckedAtMs >= SCHEMA_CHECK_INTERVAL_MS) {
                    // both read Kafka's and Databend's state: once a second is soon enough
                    schemaCheckedAtMs = now;
                    applyDueSchemaChanges();
                    applyCrossTableDdl();
                }
                commitKafkaOffsets();
            }
            flushAll();
            pipeline.drain();
            commitKafkaOffsets();
        } catch (WakeupException e) {
            if (running.get()) {
                failure = e;
            }
        } catch (Throwable e) {
            failure = e;
            metrics.error();
            LOG.error("Applier {} stopped: {}", name, e.getMessage(), e);
        } finally {
            pipeline.close();
            consumer.close();
            databend.close();
            if (deadLetters != null) {
                deadLetters.close();
            }
        }
    }

    /**
     * Decodes a poll's records for one partition, in parallel when there are many: decoding JSON is
     * most of the applier's CPU, and records decode independently. Order is kept by index.
     */
    private List<TablePartition.Decoded> decodeAll(List<ConsumerRecord<ByteBuffer, ByteBuffer>> batch) {
        if (batch.size() < PARALLEL_DECODE_MIN) {
            return batch.stream().map(r -> TablePartition.decode(decoder, r)).toList();
        }
        return IntStream.range(0, batch.size()).parallel()
                .mapToObj(i -> TablePartition.decode(decoder, batch.get(i))).toList();
    }

    /**
     * Applies the schema changes that no row brings in (a table's ALTERs with no change after them,
     * its DROP TABLE, a RENAME TABLE it is renamed away by) at their own position, checked at most
     * once a second: once the table's topic is read to the end. Read to the end is not enough
     * alone: the changes before the DDL may still be on their way from the engine. They are in
     * Kafka once the DDL itself can be read from the schema change topic (the publish order of
     * {@link io.bendcdc.contract.ChangeTopics}). A table spread over several partitions only waits
     * at a rename: the others may still be writing it.
     */
    private void applyDueSchemaChanges() throws SQLException {
        BinlogPosition published = null; // read once, and only if some table has a change pending
        for (Map.Entry<TopicPartition, TablePartition> e : partitions.entrySet()) {
            TablePartition p = e.getValue();
            BinlogPosition due = p.firstPendingSchemaChange();
            if (due == null) {
                continue;
            }
            TopicPartition tp = e.getKey();
            if (published == null) {
                published = publishedDdl.newest();
            }
            if (published == null || published.compareTo(due) < 0 || !consumer.readToEnd(tp)) {
                continue;
            }
            p.applyPendingSchemaChanges(published, consumer.onlyPartitionOfItsTopic(tp));
        }
    }

    /**
     * Lets the partitions waiting at a cross-table statement go on once it is applied, applying it
     * where this worker holds the partition to apply it.
     */
    private void applyCrossTableDdl() throws SQLException {
        for (Map.Entry<TopicPartition, TablePartition> e : partitions.entrySet()) {
            CrossTableDdl ddl = e.getValue().waiting();
            if (ddl == null) {
                continue;
            }
            pipeline.drain(); // the connection is needed here
            if (crossTable.tryApply(e.getKey(), ddl)) {
                e.getValue().goOn();
                consumer.resume(e.getKey());
            }
        }
    }

    /** Tells the schema source the newest position polled, so that one history read covers the whole poll. */
    private void reportReceived(Collection<List<TablePartition.Decoded>> polled) {
        BinlogPosition newest = null;
        for (List<TablePartition.Decoded> events : polled) {
            for (TablePartition.Decoded d : events) {
                if (d.position() != null && (newest == null || d.position().compareTo(newest) > 0)) {
                    newest = d.position();
                }
            }
        }
        if (newest != null) {
            schemas.received(newest);
        }
    }

    void stop() {
        running.set(false);
        consumer.wakeup();
    }

    Throwable failure() {
        return failure;
    }

    private void flushAll() throws SQLException {
        for (TablePartition p : partitions.values()) {
            p.flush();
        }
    }

    private void commitKafkaOffsets() {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        partitions.forEach((tp, p) -> {
            if (p.progress().committed().kafkaOffset() >= 0) {
                offsets.put(tp, p.progress().resumeOffset());
            }
        });
        consumer.commit(offsets);
    }

    private TablePartition open(TopicPartition tp, AppliedState state) {
        TableId table = schemas.tableOfTopic(tp.topic(), settings.topics())
                .or(() -> settings.topics().tableOf(tp.topic())).orElse(null);
        SchemaStep schema = new SchemaStep(schemas, databend.schemas(), settings.tables(), settings.schemaEvolution(),
                settings.kafka().schemaHistoryTopic(), table,
                SchemaStep.resumePosition(schemas, table, state.lastStreamed(), state.kafkaOffset() >= 0));
        return new TablePartition(tp, state, settings.batch(), schema, databend.writer(), pipeline, metrics,
                deadLetters, crossTable);
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            for (TopicPartition tp : revoked) {
                TablePartition p = partitions.remove(tp);
                if (p != null) {
                    try {
                        p.flush();
                        pipeline.drain();
                    } catch (SQLException e) {
                        // Not applied means not recorded: the next owner starts from the state table.
                        LOG.warn("Could not flush {} before handing it over: {}", tp, e.getMessage());
                    }
                }
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            try {
                pipeline.drain(); // the connection is needed below
            } catch (SQLException e) {
                throw new ApplyException("a batch could not be written to Databend: " + e.getMessage(), e);
            }
            for (TopicPartition tp : assigned) {
                try {
                    TablePartition p = open(tp, databend.readState(tp.topic(), tp.partition()));
                    partitions.put(tp, p);
                    consumer.seek(tp, p.progress().resumeOffset());
                    LOG.info("{} applies {} from offset {}", name, tp, p.progress().resumeOffset());
                } catch (SQLException e) {
                    throw new ApplyException("cannot read the applied state of " + tp + " from Databend: "
                            + e.getMessage(), e);
                }
            }
        }
    }
}
