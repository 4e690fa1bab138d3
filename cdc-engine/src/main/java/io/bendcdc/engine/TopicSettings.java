package io.bendcdc.engine;

import java.util.Map;
import java.util.Objects;

import io.bendcdc.config.CdcConfig;
import io.bendcdc.config.CdcOptions;
import io.bendcdc.contract.ChangeTopics;

/**
 * Where the engine publishes: the brokers, the topics (named from the prefix) and how new ones are
 * created, the schema history topic, and producer and admin client options passed through.
 */
public record TopicSettings(String bootstrapServers, ChangeTopics topics, int partitions, short replicationFactor,
        long retentionMs, String schemaHistoryTopic, Map<String, String> producerOverrides,
        Map<String, String> adminOverrides) {

    public TopicSettings {
        Objects.requireNonNull(topics, "topics");
        producerOverrides = Map.copyOf(producerOverrides);
        adminOverrides = Map.copyOf(adminOverrides);
    }

    public static TopicSettings from(CdcConfig c) {
        return new TopicSettings(c.get(CdcOptions.KAFKA_BOOTSTRAP_SERVERS),
                new ChangeTopics(c.get(CdcOptions.KAFKA_TOPIC_PREFIX)), c.get(CdcOptions.KAFKA_TOPIC_PARTITIONS),
                c.get(CdcOptions.KAFKA_TOPIC_REPLICATION_FACTOR).shortValue(), c.get(CdcOptions.KAFKA_TOPIC_RETENTION_MS),
                c.schemaHistoryTopic(), c.passthrough(CdcOptions.KAFKA_PRODUCER_PREFIX),
                c.passthrough(CdcOptions.KAFKA_ADMIN_PREFIX));
    }

    /** The topic prefix, which also names the engine's clients. */
    public String prefix() {
        return topics.prefix();
    }
}
