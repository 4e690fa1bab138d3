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
    static final String YEAR_CONVERTER = "bendcdc_year";

    private DebeziumConnectorProperties() {
    }

    public static Properties of(EngineSettings s) {
        Properties p = new Properties();
        p.setProperty("name", s.kafka().prefix() + "-engine");
        p.setProperty("connector.class", s.source().connector().connectorClass());
        p.setProperty("tasks.max", "1");

        p.setProperty("database.hostname", s.source().host());
        p.setProperty("database.port", Integer.toString(s.source().port()));
        p.setProperty("database.user", s.source().user());
        p.setProperty("database.password", s.source().password());
        p.setProperty("database.server.id", Long.toString(s.capture().serverId()));
        p.setProperty("connect.timeout.ms", Long.toString(s.source().connectTimeoutMs()));
        p.setProperty("topic.prefix", s.kafka().prefix());
        putList(p, "database.include.list", s.capture().databasesInclude());
        putList(p, "database.exclude.list", s.capture().databasesExclude());
        putList(p, "table.include.list", s.capture().tablesInclude());
        putList(p, "table.exclude.list", s.capture().tablesExclude());
        p.setProperty("snapshot.mode", s.capture().snapshotMode());
        // Truncates reach the applier as op=t; Debezium skips them by default.
        p.setProperty("skipped.operations", "none");
        p.setProperty("include.schema.changes", "true");
        p.setProperty("tombstones.on.delete", "true");
        // BIGINT UNSIGNED above Long.MAX_VALUE would wrap around as int64.
        p.setProperty("bigint.unsigned.handling.mode", "precise");
        // YEAR exactly, 0000 included (YearConverter says why); the driver reads YEAR as a number.
        p.setProperty("converters", YEAR_CONVERTER);
        p.setProperty(YEAR_CONVERTER + ".type", YearConverter.class.getName());
        p.setProperty("driver.yearIsDateType", "false");
        p.setProperty("heartbeat.interval.ms", Long.toString(s.capture().heartbeatIntervalMs()));

        // Resync of chosen tables: signals arrive on a Kafka topic (and on a source table when one
        // is configured); incremental snapshots keep the binlog read-only this way.
        p.setProperty("signal.enabled.channels", s.capture().signalTable().isEmpty() ? "kafka" : "source,kafka");
        p.setProperty("signal.kafka.topic", s.topics().signalTopic());
        p.setProperty("signal.kafka.bootstrap.servers", s.kafka().bootstrapServers());
        p.setProperty("signal.kafka.groupId", s.kafka().prefix() + "-signals");
        if (!s.capture().signalTable().isEmpty()) {
            p.setProperty("signal.data.collection", s.capture().signalTable());
        } else if (s.source().connector() == SourceConnector.MARIADB) {
            // Without a signal table, incremental snapshots need read-only watermarks, which need
            // GTIDs: always there on MariaDB; the mysql connector needs source.signal.table.
            p.setProperty("read.only", "true");
        }

        p.setProperty("schema.history.internal", KAFKA_SCHEMA_HISTORY);
        p.setProperty("schema.history.internal.kafka.topic", s.kafka().schemaHistoryTopic());
        p.setProperty("schema.history.internal.kafka.bootstrap.servers", s.kafka().bootstrapServers());
        // Only the captured databases' schemas are read and their DDL kept. Other databases' are not
        // this pipeline's: without a global read lock the snapshot can read their tables while DDL
        // runs on them, and a later statement on such a table then stops the engine ("Trying to
        // change column … which does not exist"), as several databases written at once on one
        // server showed. Within a captured database every table's DDL is kept, captured or not: a
        // chain of renames through a name that is gone by the statement's end (RENAME TABLE a TO b,
        // b TO c) is recorded only so.
        p.setProperty("schema.history.internal.store.only.captured.tables.ddl", "false");
        p.setProperty("schema.history.internal.store.only.captured.databases.ddl", "true");

        switch (s.offsets().storage()) {
            case KAFKA -> {
                p.setProperty("offset.storage", KAFKA_OFFSET_STORE);
                p.setProperty("offset.storage.topic", s.offsets().topic());
                p.setProperty("offset.storage.partitions", "1");
                p.setProperty("offset.storage.replication.factor", Short.toString(s.kafka().replicationFactor()));
                p.setProperty("bootstrap.servers", s.kafka().bootstrapServers());
            }
            case FILE -> {
                p.setProperty("offset.storage", AtomicFileOffsetStore.class.getName());
                p.setProperty(AtomicFileOffsetStore.FILE_CONFIG, s.offsets().file().toString());
            }
        }
        p.setProperty("offset.flush.interval.ms", Long.toString(s.offsets().flushIntervalMs()));
        p.setProperty("max.batch.size", Integer.toString(s.capture().maxBatchSize()));
        p.setProperty("max.queue.size", Integer.toString(s.capture().maxQueueSize()));

        // Connection problems while streaming are retried by Debezium itself; bound them so that
        // a source gone for good ends the engine with its error instead of retrying forever.
        p.setProperty("errors.max.retries", "10");
        p.setProperty("errors.retry.delay.initial.ms", "500");
        p.setProperty("errors.retry.delay.max.ms", "10000");

        s.capture().debeziumOverrides().forEach(p::setProperty);
        // Converters given by the user run beside ours, not instead of them.
        String converters = s.capture().debeziumOverrides().get("converters");
        if (converters != null && !converters.isBlank()) {
            p.setProperty("converters", YEAR_CONVERTER + "," + converters);
        }
        return p;
    }

    private static void putList(Properties p, String key, List<String> values) {
        if (!values.isEmpty()) {
            p.setProperty(key, String.join(",", values));
        }
    }
}
