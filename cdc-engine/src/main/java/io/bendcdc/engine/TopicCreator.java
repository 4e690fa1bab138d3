package io.bendcdc.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.connect.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates each change topic before the first record is sent to it, with explicit settings rather
 * than the broker's auto-creation defaults. One partition per table by default, so that a table's
 * events stay in binlog order.
 */
final class TopicCreator {

    private static final Logger LOG = LoggerFactory.getLogger(TopicCreator.class);
    private static final long TIMEOUT_SECONDS = 30;

    private final Admin admin;
    private final int partitions;
    private final short replicationFactor;
    private final Map<String, String> topicConfig;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    TopicCreator(Admin admin, int partitions, short replicationFactor, long retentionMs) {
        this.admin = admin;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
        this.topicConfig = Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(retentionMs));
    }

    void ensure(String topic) {
        if (known.contains(topic)) {
            return;
        }
        try {
            if (!admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, partitions, replicationFactor).configs(topicConfig)))
                        .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                LOG.info("Created topic '{}' ({} partition(s), replication factor {}, {})", topic, partitions,
                        replicationFactor, topicConfig);
            }
            known.add(topic);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                known.add(topic);
                return;
            }
            throw new RetriableException("cannot create topic '" + topic + "': " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new RetriableException("Kafka did not answer within " + TIMEOUT_SECONDS
                    + "s while creating topic '" + topic + "'", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableException("interrupted while creating topic '" + topic + "'", e);
        }
    }
}
