package io.bendcdc.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.debezium.DebeziumException;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;

/**
 * Publishes each batch the engine hands over and marks its records processed only after Kafka
 * acknowledged every one of them, so that the offsets the engine then commits never run ahead of
 * Kafka. A failed send fails the batch: nothing of it is marked, and the engine stops with the
 * error; on restart the batch is read again from the binlog (at-least-once).
 */
final class KafkaChangePublisher implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaChangePublisher.class);

    private final Producer<byte[], byte[]> producer;
    private final TopicCreator topics;
    private final EnvelopeSerializer serializer = new EnvelopeSerializer();
    // A second serializer on a helper thread converts the second half of a large batch while this
    // thread converts the first: JSON conversion is most of the engine's CPU.
    private final EnvelopeSerializer helperSerializer = new EnvelopeSerializer();
    private final java.util.concurrent.ExecutorService helper = java.util.concurrent.Executors.newSingleThreadExecutor(
            r -> {
                Thread t = new Thread(r, "envelope-serializer");
                t.setDaemon(true);
                return t;
            });
    private static final int PARALLEL_MIN = 256;
    private final SnapshotProgress snapshotProgress;
    private final String schemaChangeTopic;
    private final AtomicLong published = new AtomicLong();

    KafkaChangePublisher(Producer<byte[], byte[]> producer, TopicCreator topics, SnapshotProgress snapshotProgress,
            String schemaChangeTopic) {
        this.producer = producer;
        this.topics = topics;
        this.snapshotProgress = snapshotProgress;
        this.schemaChangeTopic = schemaChangeTopic;
    }

    @Override
    public void handleBatch(List<RecordChangeEvent<SourceRecord>> events,
            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer) throws InterruptedException {
        List<Future<RecordMetadata>> sends = new ArrayList<>(events.size());
        long now = System.currentTimeMillis();
        List<ProducerRecord<byte[], byte[]>> converted = convert(events);
        int acked = 0;
        for (int i = 0; i < events.size(); i++) {
            SourceRecord record = events.get(i).record();
            topics.ensure(record.topic());
            if (record.topic().equals(schemaChangeTopic)) {
                // A DDL goes out only once every change before it is in Kafka: the applier takes a
                // DDL it can read as proof that it can read all of a table's changes before it
                // (that is how it knows when to apply a DROP TABLE).
                producer.flush();
                acked = awaitAcks(sends, events, acked);
            }
            sends.add(producer.send(converted.get(i)));
            snapshotProgress.record(record, now);
        }
        awaitAcks(sends, events, acked);
        for (RecordChangeEvent<SourceRecord> event : events) {
            committer.markProcessed(event);
        }
        committer.markBatchFinished();
        long total = published.addAndGet(events.size());
        LOG.debug("Published {} records ({} in all)", events.size(), total);
    }

    /**
     * Waits until Kafka acknowledged the records sent from index {@code from} on; {@code sends.get(i)}
     * is the send of {@code events.get(i)}. Returns how many are acknowledged.
     */
    private static int awaitAcks(List<Future<RecordMetadata>> sends, List<RecordChangeEvent<SourceRecord>> events,
            int from) throws InterruptedException {
        for (int i = from; i < sends.size(); i++) {
            try {
                sends.get(i).get();
            } catch (ExecutionException e) {
                SourceRecord failed = events.get(i).record();
                throw new DebeziumException("Kafka did not accept a record for topic '" + failed.topic()
                        + "' (source offset " + failed.sourceOffset() + "): " + e.getCause().getMessage(), e.getCause());
            }
        }
        return sends.size();
    }

    private List<ProducerRecord<byte[], byte[]>> convert(List<RecordChangeEvent<SourceRecord>> events)
            throws InterruptedException {
        int n = events.size();
        List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>(java.util.Collections.nCopies(n, null));
        if (n < PARALLEL_MIN) {
            for (int i = 0; i < n; i++) {
                out.set(i, serializer.toProducerRecord(events.get(i).record()));
            }
            return out;
        }
        int half = n / 2;
        Future<?> second = helper.submit(() -> {
            for (int i = half; i < n; i++) {
                out.set(i, helperSerializer.toProducerRecord(events.get(i).record()));
            }
        });
        for (int i = 0; i < half; i++) {
            out.set(i, serializer.toProducerRecord(events.get(i).record()));
        }
        try {
            second.get();
        } catch (ExecutionException e) {
            throw new DebeziumException("cannot convert a change event to JSON: " + e.getCause().getMessage(),
                    e.getCause());
        }
        return out;
    }

    void close() {
        helper.shutdownNow();
    }

    long published() {
        return published.get();
    }
}
