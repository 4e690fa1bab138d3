package io.bendcdc.applier.poll;

import java.util.Map;

import io.bendcdc.config.CdcConfig;
import io.bendcdc.config.CdcOptions;
import io.bendcdc.contract.ChangeTopics;

/**
 * The Kafka side of the applier: the brokers, the topics it reads (named from the topic prefix),
 * the schema history topic, its consumer group, and consumer options passed through.
 */
public record KafkaSettings(String bootstrapServers, ChangeTopics topics, String schemaHistoryTopic,
        String consumerGroup, Map<String, String> consumerOverrides) {

    public KafkaSettings {
        consumerOverrides = Map.copyOf(consumerOverrides);
    }

    public static KafkaSettings from(CdcConfig c) {
        return new KafkaSettings(c.get(CdcOptions.KAFKA_BOOTSTRAP_SERVERS),
                new ChangeTopics(c.get(CdcOptions.KAFKA_TOPIC_PREFIX)), c.schemaHistoryTopic(),
                c.get(CdcOptions.APPLY_CONSUMER_GROUP), c.passthrough(CdcOptions.KAFKA_CONSUMER_PREFIX));
    }

    /** These settings with another consumer group. */
    public KafkaSettings withConsumerGroup(String group) {
        return new KafkaSettings(bootstrapServers, topics, schemaHistoryTopic, group, consumerOverrides);
    }
}
