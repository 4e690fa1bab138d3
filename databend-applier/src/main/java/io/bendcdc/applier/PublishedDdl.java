package io.bendcdc.applier;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.bendcdc.history.BinlogPosition;

/**
 * The engine's schema change topic ({@code <prefix>}), read for one fact: the binlog position of
 * the newest DDL published. The engine publishes a DDL only once Kafka acknowledged every change
 * before it, so when a DDL at some position can be read here, every change before that position
 * can be read from its table's topic.
 */
final class PublishedDdl implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(200);

    private final String topic;
    private final TopicPartition partition;
    private final Duration timeout;
    private final KafkaConsumer<String, String> consumer;
    private boolean assigned;
    private BinlogPosition newest;

    PublishedDdl(String bootstrapServers, String topic, Duration timeout) {
        this.topic = topic;
        this.partition = new TopicPartition(topic, 0);
        this.timeout = timeout;
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        this.consumer = new KafkaConsumer<>(c);
    }

    /** Reads the topic to its current end; the position of the newest DDL in it, or null if none. */
    synchronized BinlogPosition newest() {
        try {
            if (!assigned) {
                List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
                if (partitions == null || partitions.isEmpty()) {
                    return null; // no DDL published yet
                }
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                assigned = true;
            }
            long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (consumer.position(partition, timeout) < end) {
                if (System.nanoTime() > deadline) {
                    throw new ApplyException("schema change topic '" + topic + "': not read to offset " + end
                            + " within " + timeout.toSeconds() + " s");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(POLL)) {
                    BinlogPosition p = position(r);
                    if (p != null && (newest == null || p.compareTo(newest) > 0)) {
                        newest = p;
                    }
                }
            }
            return newest;
        } catch (KafkaException e) {
            throw new ApplyException("cannot read the schema change topic '" + topic + "': " + e.getMessage(), e);
        }
    }

    private BinlogPosition position(ConsumerRecord<String, String> r) {
        if (r.value() == null) {
            return null;
        }
        try {
            JsonNode value = JSON.readTree(r.value());
            JsonNode source = (value.has("payload") ? value.get("payload") : value).path("source");
            return source.hasNonNull("file") ? BinlogPosition.fromSource(source) : null;
        } catch (java.io.IOException | RuntimeException e) {
            throw new ApplyException("schema change topic '" + topic + "' offset " + r.offset()
                    + " is not a Debezium schema change event: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
