package io.bendcdc.engine;

import io.bendcdc.config.SourceConnector;

import java.util.List;
import java.util.Properties;

/**
 * Builds the embedded engine's and connector's properties from {@link EngineSettings}. Pure: no
 * I/O, so the exact properties handed to Debezium are unit-tested.
 */
public final class DebeziumConnectorProperties {

    static final String KAFKA_OFFSET_STORE = "org.apache.kafka.connect.storage.KafkaOffsetBackingStore";
    static final String KAFKA_SCHEMA_HISTORY = "io.debezium.storage.kafka.history.KafkaSchemaHistory";

    private DebeziumConnectorProperties() {
    }

    public static Properties of(EngineSettings s) {
        Properties p = new Properties();
        p.setProperty("name", s.topicPrefix() + "-engine");
        p.setProperty("connector.class", s.connector().connectorClass());
        p.setProperty("tasks.max", "1");

        p.setProperty("database.hostname", s.host());
        p.setProperty("database.port", Integer.toString(s.port()));
        p.setProperty("database.user", s.user());
        p.setProperty("database.password", s.password());
        p.setProperty("database.server.id", Long.toString(s.serverId()));
        p.setProperty("connect.timeout.ms", Long.toString(s.connectTimeoutMs()));
        p.setProperty("topic.prefix", s.topicPrefix());
        putList(p, "database.include.list", s.databasesInclude());
        putList(p, "database.exclude.list", s.databasesExclude());
        putList(p, "table.include.list", s.tablesInclude());
        putList(p, "table.exclude.list", s.tablesExclude());
        p.setProperty("snapshot.mode", s.snapshotMode());
        // Truncates reach the applier as op=t; Debezium skips them by default.
        p.setProperty("skipped.operations", "none");
        p.setProperty("include.schema.changes", "true");
        p.setProperty("tombstones.on.delete", "true");
        // BIGINT UNSIGNED above Long.MAX_VALUE would wrap around as int64.
        p.setProperty("bigint.unsigned.handling.mode", "precise");
        p.setProperty("heartbeat.interval.ms", Long.toString(s.heartbeatIntervalMs()));

        // Resync of chosen tables: signals arrive on a Kafka topic (and on a source table when one
        // is configured); incremental snapshots keep the binlog read-only this way.
        p.setProperty("signal.enabled.channels", s.signalTable().isEmpty() ? "kafka" : "source,kafka");
        p.setProperty("signal.kafka.topic", s.topics().signalTopic());
        p.setProperty("signal.kafka.bootstrap.servers", s.bootstrapServers());
        p.setProperty("signal.kafka.groupId", s.topicPrefix() + "-signals");
        if (!s.signalTable().isEmpty()) {
            p.setProperty("signal.data.collection", s.signalTable());
        } else if (s.connector() == SourceConnector.MARIADB) {
            // Without a signal table, incremental snapshots need read-only watermarks, which need
            // GTIDs: always there on MariaDB; the mysql connector needs source.signal.table.
            p.setProperty("read.only", "true");
        }

        p.setProperty("schema.history.internal", KAFKA_SCHEMA_HISTORY);
        p.setProperty("schema.history.internal.kafka.topic", s.schemaHistoryTopic());
        p.setProperty("schema.history.internal.kafka.bootstrap.servers", s.bootstrapServers());
        // The history topic keeps every database's DDL so that a new table in an included
        // database is known; it is read back by the applier's timeline.
        p.setProperty("schema.history.internal.store.only.captured.tables.ddl", "false");

        switch (s.offsetStorage()) {
            case KAFKA -> {
                p.setProperty("offset.storage", KAFKA_OFFSET_STORE);
                p.setProperty("offset.storage.topic", s.offsetsTopic());
                p.setProperty("offset.storage.partitions", "1");
                p.setProperty("offset.storage.replication.factor", Short.toString(s.topicReplicationFactor()));
                p.setProperty("bootstrap.servers", s.bootstrapServers());
            }
            case FILE -> {
                p.setProperty("offset.storage", AtomicFileOffsetStore.class.getName());
                p.setProperty(AtomicFileOffsetStore.FILE_CONFIG, s.offsetsFile().toString());
            }
        }
        p.setProperty("offset.flush.interval.ms", Long.toString(s.offsetFlushIntervalMs()));
        p.setProperty("max.batch.size", Integer.toString(s.maxBatchSize()));
        p.setProperty("max.queue.size", Integer.toString(s.maxQueueSize()));

        // Connection problems while streaming are retried by Debezium itself; bound them so that
        // a source gone for good ends the engine with its error instead of retrying forever.
        p.setProperty("errors.max.retries", "10");
        p.setProperty("errors.retry.delay.initial.ms", "500");
        p.setProperty("errors.retry.delay.max.ms", "10000");

        s.debeziumOverrides().forEach(p::setProperty);
        return p;
    }

    private static void putList(Properties p, String key, List<String> values) {
        if (!values.isEmpty()) {
            p.setProperty(key, String.join(",", values));
        }
    }
}
