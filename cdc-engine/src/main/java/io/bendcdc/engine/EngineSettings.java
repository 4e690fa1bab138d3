package io.bendcdc.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

    public enum SourceConnector {
        /** Binlog file and position; works against MySQL and MariaDB. */
        MYSQL("io.debezium.connector.mysql.MySqlConnector"),
        /** Tracks MariaDB GTIDs. */
        MARIADB("io.debezium.connector.mariadb.MariaDbConnector");

        private final String connectorClass;

        SourceConnector(String connectorClass) {
            this.connectorClass = connectorClass;
        }

        public String connectorClass() {
            return connectorClass;
        }
    }

    public enum OffsetStorage { KAFKA, FILE }

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

    /** Masks the password so that the record can be logged. */
    @Override
    public String toString() {
        return "EngineSettings[connector=" + connector + ", source=" + user + "@" + host + ":" + port
                + ", serverId=" + serverId + ", kafka=" + bootstrapServers + ", topicPrefix=" + topicPrefix
                + ", offsets=" + offsetStorage + ", snapshotMode=" + snapshotMode + "]";
    }
}
