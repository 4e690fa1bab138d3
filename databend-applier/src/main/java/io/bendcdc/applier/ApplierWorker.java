package io.bendcdc.applier;

import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteBufferDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.bendcdc.applier.event.EnvelopeDecoder;
import io.bendcdc.contract.BinlogPosition;
import io.bendcdc.contract.SchemaChange;

/**
 * One consumer of the applier's group and one Databend connection. Partitions are assigned by
 * Kafka; on assignment, each resumes after the offset the state table records as applied (Kafka's
 * committed offsets only follow, for lag monitoring). Kafka offsets are committed after Databend
 * committed.
 */
final class ApplierWorker implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ApplierWorker.class);

    private static final int PARALLEL_DECODE_MIN = 2_000;
    private static final long DROP_CHECK_INTERVAL_MS = 1_000;
    /** Raw envelopes are kilobytes each, nearly all schema: a poll's worth is kept small, as it is garbage once decoded. */
    private static final int MAX_POLL_RECORDS = 10_000;

    private final String name;
    private final ApplierSettings settings;
    private final SchemaSource schemas;
    private final PublishedDdl publishedDdl;
    private final ApplierMetrics metrics;
    private final DatabendSession databend;
    private final WritePipeline pipeline;
    private final KafkaConsumer<ByteBuffer, ByteBuffer> consumer;
    private final EnvelopeDecoder decoder = new EnvelopeDecoder();
    private final Map<TopicPartition, PartitionApplier> partitions = new HashMap<>();
    private final DeadLetters deadLetters;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile Throwable failure;
    private long dropsCheckedAtMs;

    ApplierWorker(String name, ApplierSettings settings, SchemaSource schemas, PublishedDdl publishedDdl,
            ApplierMetrics metrics) {
        this.name = name;
        this.settings = settings;
        this.schemas = schemas;
        this.publishedDdl = publishedDdl;
        this.metrics = metrics;
        this.databend = new DatabendSession(settings, metrics);
        this.pipeline = new WritePipeline("applier-" + name + "-writer");
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, settings.consumerGroup());
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.consumerGroup() + "-" + name);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Math.min(settings.batchMaxRows(), MAX_POLL_RECORDS));
        c.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        c.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        c.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5_000); // new tables' topics are found quickly
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteBufferDeserializer.class);
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteBufferDeserializer.class);
        c.putAll(settings.consumerOverrides());
        this.consumer = new KafkaConsumer<>(c);
        this.deadLetters = settings.errorTolerance() == io.bendcdc.config.ErrorTolerance.DEAD_LETTER
                ? new DeadLetters(settings) : null;
    }

    @Override
    public void run() {
        try {
            databend.open();
            consumer.subscribe(settings.topics().changeTopicPattern(), new Rebalance());
            while (running.get()) {
                ConsumerRecords<ByteBuffer, ByteBuffer> records = consumer.poll(Duration.ofMillis(200));
                long now = System.currentTimeMillis();
                Map<TopicPartition, List<PartitionApplier.Decoded>> decoded = new HashMap<>();
                for (TopicPartition tp : records.partitions()) {
                    decoded.put(tp, decodeAll(records.records(tp)));
                }
                reportReceived(decoded.values());
                for (TopicPartition tp : records.partitions()) {
                    PartitionApplier p = partitions.get(tp);
                    List<ConsumerRecord<ByteBuffer, ByteBuffer>> batch = records.records(tp);
                    List<PartitionApplier.Decoded> events = decoded.get(tp);
                    for (int i = 0; i < batch.size(); i++) {
                        p.offer(batch.get(i), events.get(i), now);
                    }
                }
                for (PartitionApplier p : partitions.values()) {
                    p.flushIfDue(now);
                }
                applyDueDrops(now);
                commitKafkaOffsets();
            }
            flushAll();
            pipeline.drain();
            commitKafkaOffsets();
        } catch (org.apache.kafka.common.errors.WakeupException e) {
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
    private List<PartitionApplier.Decoded> decodeAll(List<ConsumerRecord<ByteBuffer, ByteBuffer>> batch) {
        if (batch.size() < PARALLEL_DECODE_MIN) {
            return batch.stream().map(r -> PartitionApplier.decode(decoder, r)).toList();
        }
        return java.util.stream.IntStream.range(0, batch.size()).parallel()
                .mapToObj(i -> PartitionApplier.decode(decoder, batch.get(i))).toList();
    }

    /**
     * Applies a source table's DROP TABLE once its topic is read to the end, at most once a second.
     * Read to the end is not enough alone: the changes before the drop may still be on their way
     * from the engine. They are in Kafka once the DDL itself can be read from the schema change
     * topic, as the engine publishes a DDL only after everything before it. A table spread over
     * several partitions is left alone: the others may still be writing it.
     */
    private void applyDueDrops(long now) throws SQLException {
        if (now - dropsCheckedAtMs < DROP_CHECK_INTERVAL_MS) {
            return;
        }
        dropsCheckedAtMs = now;
        BinlogPosition published = null; // read once, and only if some table has a drop pending
        for (Map.Entry<TopicPartition, PartitionApplier> e : partitions.entrySet()) {
            Optional<SchemaChange.DropTable> drop = e.getValue().pendingDrop();
            if (drop.isEmpty()) {
                continue;
            }
            TopicPartition tp = e.getKey();
            if (published == null) {
                published = publishedDdl.newest();
            }
            if (published == null || published.compareTo(drop.get().position()) < 0
                    || consumer.partitionsFor(tp.topic()).size() != 1) {
                continue;
            }
            Long end = consumer.endOffsets(List.of(tp)).get(tp);
            if (end != null && consumer.position(tp) >= end) {
                e.getValue().applyDrop(drop.get());
            }
        }
    }

    /** Tells the schema source the newest position polled, so that one history read covers the whole poll. */
    private void reportReceived(Collection<List<PartitionApplier.Decoded>> polled) {
        BinlogPosition newest = null;
        for (List<PartitionApplier.Decoded> events : polled) {
            for (PartitionApplier.Decoded d : events) {
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
        for (PartitionApplier p : partitions.values()) {
            p.flush();
        }
    }

    private void commitKafkaOffsets() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        partitions.forEach((tp, p) -> {
            if (p.committed().kafkaOffset() >= 0) {
                offsets.put(tp, new OffsetAndMetadata(p.resumeOffset()));
            }
        });
        if (!offsets.isEmpty()) {
            consumer.commitAsync(offsets, null);
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            for (TopicPartition tp : revoked) {
                PartitionApplier p = partitions.remove(tp);
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
                    AppliedState state = databend.readState(tp.topic(), tp.partition());
                    PartitionApplier p = new PartitionApplier(tp, state, settings, schemas, databend, pipeline,
                            metrics, deadLetters);
                    partitions.put(tp, p);
                    consumer.seek(tp, p.resumeOffset());
                    LOG.info("{} applies {} from offset {}", name, tp, p.resumeOffset());
                } catch (SQLException e) {
                    throw new ApplyException("cannot read the applied state of " + tp + " from Databend: "
                            + e.getMessage(), e);
                }
            }
        }
    }
}
