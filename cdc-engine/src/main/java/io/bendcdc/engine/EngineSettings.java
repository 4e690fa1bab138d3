package io.bendcdc.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.bendcdc.config.CdcConfig;
import io.bendcdc.config.CdcOptions;
import io.bendcdc.config.OffsetStorage;
import io.bendcdc.config.SourceConnector;
import io.bendcdc.contract.ChangeTopics;

/**
 * What the engine needs from the configuration, resolved (derived names filled in) and already
 * validated. Kept apart from the generic configuration so that the engine can be built in tests
 * without a properties file.
 */
public record EngineSettings(
        SourceConnector connector,
        String host,
        int port,
        String user,
        String password,
        long serverId,
        List<String> databasesInclude,
        List<String> databasesExclude,
        List<String> tablesInclude,
        List<String> tablesExclude,
        String snapshotMode,
        long heartbeatIntervalMs,
        String signalTable,
        long connectTimeoutMs,
        String bootstrapServers,
        String topicPrefix,
        int topicPartitions,
        short topicReplicationFactor,
        long topicRetentionMs,
        OffsetStorage offsetStorage,
        String offsetsTopic,
        Path offsetsFile,
        long offsetFlushIntervalMs,
        String schemaHistoryTopic,
        int maxBatchSize,
        int maxQueueSize,
        Map<String, String> debeziumOverrides,
        Map<String, String> producerOverrides,
        Map<String, String> adminOverrides) {


    public EngineSettings {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(topicPrefix, "topicPrefix");
        if (offsetStorage == OffsetStorage.FILE && offsetsFile == null) {
            throw new IllegalArgumentException("file offset storage needs an offsets file");
        }
        databasesInclude = List.copyOf(databasesInclude);
        databasesExclude = List.copyOf(databasesExclude);
        tablesInclude = List.copyOf(tablesInclude);
        tablesExclude = List.copyOf(tablesExclude);
        debeziumOverrides = Map.copyOf(debeziumOverrides);
        producerOverrides = Map.copyOf(producerOverrides);
        adminOverrides = Map.copyOf(adminOverrides);
    }

    public static EngineSettings from(CdcConfig c) {
        String file = c.get(CdcOptions.ENGINE_OFFSETS_FILE);
        return new EngineSettings(
                c.get(CdcOptions.SOURCE_CONNECTOR),
                c.get(CdcOptions.SOURCE_HOST),
                c.get(CdcOptions.SOURCE_PORT),
                c.get(CdcOptions.SOURCE_USER),
                c.get(CdcOptions.SOURCE_PASSWORD),
                c.get(CdcOptions.SOURCE_SERVER_ID),
                c.get(CdcOptions.SOURCE_DATABASES_INCLUDE),
                c.get(CdcOptions.SOURCE_DATABASES_EXCLUDE),
                c.get(CdcOptions.SOURCE_TABLES_INCLUDE),
                c.get(CdcOptions.SOURCE_TABLES_EXCLUDE),
                c.get(CdcOptions.SOURCE_SNAPSHOT_MODE).debeziumName(),
                c.get(CdcOptions.SOURCE_HEARTBEAT_INTERVAL_MS),
                c.get(CdcOptions.SOURCE_SIGNAL_TABLE),
                c.get(CdcOptions.SOURCE_CONNECT_TIMEOUT_MS),
                c.get(CdcOptions.KAFKA_BOOTSTRAP_SERVERS),
                c.get(CdcOptions.KAFKA_TOPIC_PREFIX),
                c.get(CdcOptions.KAFKA_TOPIC_PARTITIONS),
                c.get(CdcOptions.KAFKA_TOPIC_REPLICATION_FACTOR).shortValue(),
                c.get(CdcOptions.KAFKA_TOPIC_RETENTION_MS),
                c.get(CdcOptions.ENGINE_OFFSETS_STORAGE),
                c.offsetsTopic(),
                file.isEmpty() ? null : Path.of(file),
                c.get(CdcOptions.ENGINE_OFFSETS_FLUSH_INTERVAL_MS),
                c.schemaHistoryTopic(),
                c.get(CdcOptions.ENGINE_MAX_BATCH_SIZE),
                c.get(CdcOptions.ENGINE_MAX_QUEUE_SIZE),
                c.passthrough(CdcOptions.DEBEZIUM_PREFIX),
                c.passthrough(CdcOptions.KAFKA_PRODUCER_PREFIX),
                c.passthrough(CdcOptions.KAFKA_ADMIN_PREFIX));
    }

    /** The topics this engine writes, named from its topic prefix. */
    public ChangeTopics topics() {
        return new ChangeTopics(topicPrefix);
    }

    /** Masks the password so that the record can be logged. */
    @Override
    public String toString() {
        return "EngineSettings[connector=" + connector + ", source=" + user + "@" + host + ":" + port
                + ", serverId=" + serverId + ", kafka=" + bootstrapServers + ", topicPrefix=" + topicPrefix
                + ", offsets=" + offsetStorage + ", snapshotMode=" + snapshotMode + "]";
    }
}
