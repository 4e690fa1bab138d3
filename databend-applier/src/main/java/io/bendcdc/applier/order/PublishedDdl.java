package io.bendcdc.applier.order;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.bendcdc.applier.ApplyException;
import io.bendcdc.contract.BinlogPosition;
import io.bendcdc.history.TopicTail;

/**
 * The engine's schema change topic ({@code <prefix>}), read for one fact: the binlog position of
 * the newest DDL published. The engine publishes a DDL only once Kafka acknowledged every change
 * before it, so when a DDL at some position can be read here, every change before that position
 * can be read from its table's topic.
 */
public final class PublishedDdl implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TopicTail tail;
    private BinlogPosition newest;

    public PublishedDdl(String bootstrapServers, String topic, Duration timeout) {
        this.tail = new TopicTail(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topic, timeout);
    }

    /** Reads the topic to its current end; the position of the newest DDL in it, or null if none. */
    public synchronized BinlogPosition newest() {
        try {
            if (!tail.exists()) {
                return null; // no DDL published yet
            }
            tail.readNew(r -> {
                BinlogPosition p = position(r);
                if (p != null && (newest == null || p.compareTo(newest) > 0)) {
                    newest = p;
                }
            });
            return newest;
        } catch (KafkaException e) {
            throw new ApplyException("cannot read the schema change topic '" + tail.topic() + "': " + e.getMessage(), e);
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
            throw new ApplyException("schema change topic '" + tail.topic() + "' offset " + r.offset()
                    + " is not a Debezium schema change event: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        tail.close();
    }
}
