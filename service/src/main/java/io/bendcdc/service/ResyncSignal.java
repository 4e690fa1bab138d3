package io.bendcdc.service;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.bendcdc.contract.ChangeTopics;

/**
 * Asks the running engine to re-read tables: Debezium's {@code execute-snapshot} signal of type
 * {@code incremental} on the engine's Kafka signal topic. Debezium only acts on signals whose key
 * is its topic prefix. The engine reads the tables in key-ordered chunks while streaming goes on;
 * the applier writes the re-read rows (op=r) as upserts.
 */
final class ResyncSignal {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What was sent, for printing. */
    record Sent(String topic, String key, String value, int partition, long offset) {
    }

    private ResyncSignal() {
    }

    /** The signal's JSON value for {@code tables} ("db.table" each). */
    static String value(List<String> tables) {
        ObjectNode root = JSON.createObjectNode().put("type", "execute-snapshot");
        ObjectNode data = root.putObject("data");
        tables.forEach(data.putArray("data-collections")::add);
        data.put("type", "incremental");
        return root.toString();
    }

    static Sent send(String bootstrapServers, String topicPrefix, List<String> tables, Map<String, String> overrides)
            throws Exception {
        String topic = new ChangeTopics(topicPrefix).signalTopic();
        String value = value(tables);
        Map<String, Object> c = new java.util.HashMap<>();
        c.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ProducerConfig.CLIENT_ID_CONFIG, topicPrefix + "-resync");
        c.put(ProducerConfig.ACKS_CONFIG, "all");
        c.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        c.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        c.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        c.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        c.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        c.putAll(overrides);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(c)) {
            RecordMetadata m = producer.send(new ProducerRecord<>(topic, topicPrefix, value)).get(20, TimeUnit.SECONDS);
            return new Sent(topic, topicPrefix, value, m.partition(), m.offset());
        }
    }
}
