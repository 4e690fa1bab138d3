package io.bendcdc.applier;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.bendcdc.applier.databend.SourceReread;
import io.bendcdc.contract.ChangeTopics;
import io.bendcdc.contract.SnapshotSignal;
import io.bendcdc.contract.TableId;

/**
 * Reads tables again through the engine: an incremental snapshot signal on the engine's signal
 * topic, as {@code bin/cdc resync} sends it. Sent synchronously, so a request is counted only once
 * Kafka has it. Shared by the applier's workers (the producer is thread safe).
 */
final class SnapshotSignals implements SourceReread, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotSignals.class);

    private final ChangeTopics topics;
    private final ApplierMetrics metrics;
    private final KafkaProducer<String, String> producer;

    SnapshotSignals(String bootstrapServers, ChangeTopics topics, ApplierMetrics metrics) {
        this.topics = topics;
        this.metrics = metrics;
        Map<String, Object> c = new HashMap<>();
        c.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ProducerConfig.CLIENT_ID_CONFIG, topics.prefix() + "-applier-reread");
        c.put(ProducerConfig.ACKS_CONFIG, "all");
        c.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        c.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        this.producer = new KafkaProducer<>(c);
    }

    @Override
    public void request(TableId table, String why) {
        String value = SnapshotSignal.incremental(List.of(table));
        try {
            producer.send(new ProducerRecord<>(topics.signalTopic(), topics.prefix(), value)).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new ApplyException("cannot ask the engine to read " + table + " again (signal topic '"
                    + topics.signalTopic() + "'): " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new ApplyException("cannot ask the engine to read " + table + " again: the signal topic '"
                    + topics.signalTopic() + "' did not acknowledge within 60 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApplyException("interrupted while asking the engine to read " + table + " again", e);
        }
        metrics.reread(table.toString());
        LOG.info("Asked the engine to read {} again (incremental snapshot signal on '{}'): {}", table,
                topics.signalTopic(), why);
    }

    @Override
    public void close() {
        producer.close();
    }
}
