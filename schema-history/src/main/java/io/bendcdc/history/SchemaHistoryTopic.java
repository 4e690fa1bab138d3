package io.bendcdc.history;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka topic that holds Debezium's schema history: one partition (the DDL timeline is one
 * ordered stream) and nothing ever deleted (a restart replays it from the first record).
 */
public final class SchemaHistoryTopic {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaHistoryTopic.class);
    private static final long TIMEOUT_SECONDS = 30;

    static final Map<String, String> SETTINGS = Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG, "-1",
            TopicConfig.RETENTION_BYTES_CONFIG, "-1");

    private SchemaHistoryTopic() {
    }

    /**
     * Creates the topic when it does not exist and {@code mayCreate} is true; then checks that it
     * has one partition and infinite retention.
     *
     * @throws SchemaHistoryException naming the topic and what is wrong with it
     */
    public static void ensure(Admin admin, String topic, short replicationFactor, boolean mayCreate) {
        try {
            Set<String> names = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!names.contains(topic)) {
                if (!mayCreate) {
                    throw new SchemaHistoryException("schema history topic '" + topic + "' is missing although the "
                            + "engine has stored offsets; without it the binlog cannot be read. Restore the topic, "
                            + "or start over with snapshot mode 'recovery' (rebuilds the history) or a new snapshot.");
                }
                create(admin, topic, replicationFactor);
            }
            checkOnceKnown(admin, topic);
        } catch (ExecutionException e) {
            throw new SchemaHistoryException("cannot check schema history topic '" + topic + "': "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new SchemaHistoryException("Kafka did not answer within " + TIMEOUT_SECONDS
                    + "s while checking schema history topic '" + topic + "'", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaHistoryException("interrupted while checking schema history topic '" + topic + "'", e);
        }
    }

    private static void create(Admin admin, String topic, short replicationFactor)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            admin.createTopics(List.of(new NewTopic(topic, 1, replicationFactor).configs(SETTINGS)))
                    .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            LOG.info("Created schema history topic '{}' (1 partition, infinite retention)", topic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /**
     * Right after its creation a topic can be briefly unknown to the broker that answers ("This
     * server does not host this topic-partition"): such retriable errors are tried again for a few
     * seconds.
     */
    private static void checkOnceKnown(Admin admin, String topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        for (int attempt = 1;; attempt++) {
            try {
                check(admin, topic);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.RetriableException) || attempt == 40) {
                    throw e;
                }
                Thread.sleep(250);
            }
        }
    }

    private static void check(Admin admin, String topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic);
        if (description.partitions().size() != 1) {
            throw new SchemaHistoryException("schema history topic '" + topic + "' has "
                    + description.partitions().size() + " partitions; it needs exactly 1 to keep DDL in order");
        }
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(resource);
        String policy = value(config, TopicConfig.CLEANUP_POLICY_CONFIG);
        if (!TopicConfig.CLEANUP_POLICY_DELETE.equals(policy)) {
            throw new SchemaHistoryException("schema history topic '" + topic + "' has cleanup.policy=" + policy
                    + "; it needs cleanup.policy=delete with retention.ms=-1 (compaction would lose DDL)");
        }
        for (String key : List.of(TopicConfig.RETENTION_MS_CONFIG, TopicConfig.RETENTION_BYTES_CONFIG)) {
            String v = value(config, key);
            if (!"-1".equals(v)) {
                throw new SchemaHistoryException("schema history topic '" + topic + "' has " + key + "=" + v
                        + "; it needs -1 (infinite), or old DDL is deleted and a restart cannot read the binlog");
            }
        }
    }

    private static String value(Config config, String key) {
        ConfigEntry entry = config.get(key);
        return entry == null ? null : entry.value();
    }
}
