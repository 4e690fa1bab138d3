package io.bendcdc.it.contract;

import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

import io.bendcdc.config.SourceConnector;
import io.bendcdc.engine.DebeziumConnectorProperties;
import io.bendcdc.it.contract.ColumnType.Cell;
import io.bendcdc.it.support.EngineFixture;
import io.debezium.config.Configuration;
import io.debezium.connector.SnapshotRecord;
import io.debezium.connector.SourceInfoStructMaker;
import io.debezium.connector.binlog.BinlogConnectorConfig;
import io.debezium.connector.binlog.BinlogSourceInfo;
import io.debezium.connector.binlog.jdbc.BinlogValueConverters;
import io.debezium.connector.mariadb.MariaDbConnectorConfig;
import io.debezium.connector.mariadb.antlr.MariaDbAntlrDdlParser;
import io.debezium.connector.mariadb.charset.MariaDbCharsetRegistry;
import io.debezium.connector.mariadb.jdbc.MariaDbDefaultValueConverter;
import io.debezium.connector.mariadb.jdbc.MariaDbValueConverters;
import io.debezium.connector.mysql.MySqlConnectorConfig;
import io.debezium.connector.mysql.antlr.MySqlAntlrDdlParser;
import io.debezium.connector.mysql.charset.MySqlCharsetRegistry;
import io.debezium.connector.mysql.jdbc.MySqlDefaultValueConverter;
import io.debezium.connector.mysql.jdbc.MySqlValueConverters;
import io.debezium.relational.CustomConverterRegistry;
import io.debezium.relational.DefaultValueConverter;
import io.debezium.relational.TableSchema;
import io.debezium.relational.TableSchemaBuilder;
import io.debezium.relational.Tables;
import io.debezium.relational.ddl.DdlParser;
import io.debezium.spi.topic.TopicNamingStrategy;

/**
 * Makes {@link SourceRecord}s the way Debezium's binlog connectors make them, with their own parts
 * and the engine's own connector configuration ({@link DebeziumConnectorProperties}): the DDL
 * parser reads the table, {@link TableSchemaBuilder} with the connector's value converters builds
 * key, row and envelope schemas and turns binlog values into Connect values, the connector's
 * source-info struct maker writes the {@code source} block, and the record is assembled as
 * {@code EventDispatcher} assembles it (a truncate has neither key nor key schema; a delete's
 * tombstone has the key and a null value).
 */
final class DebeziumRecords {

    /** Where a change comes from in the binlog; {@code snapshot} is null for a streamed change. */
    record Position(String file, long pos, int row, String gtid, long tsMs, SnapshotRecord snapshot) {

        static Position streamed(String file, long pos, int row, String gtid, long tsMs) {
            return new Position(file, pos, row, gtid, tsMs, null);
        }

        static Position snapshot(String file, long pos, long tsMs, SnapshotRecord marker) {
            return new Position(file, pos, 0, null, tsMs, marker);
        }

        boolean isSnapshot() {
            return snapshot != null && snapshot != SnapshotRecord.FALSE;
        }
    }

    private final SourceConnector connector;
    private final String topicPrefix;
    private final DdlParser parser;
    private final Tables tables = new Tables();
    private final TableSchemaBuilder schemaBuilder;
    private final TopicNamingStrategy<io.debezium.relational.TableId> topics;
    private final Supplier<BinlogSourceInfo> newSourceInfo;
    private final Function<BinlogSourceInfo, Struct> sourceStruct;
    private final Schema sourceSchema;
    private final Map<SourceTable, TableSchema> schemas = new IdentityHashMap<>();

    DebeziumRecords(SourceConnector connector, String topicPrefix) {
        this.connector = connector;
        this.topicPrefix = topicPrefix;
        Configuration config = Configuration.from(DebeziumConnectorProperties.of(
                EngineFixture.settings(connector, topicPrefix, "shop", "unused", 3306)));
        BinlogConnectorConfig connectorConfig;
        BinlogValueConverters converters;
        DefaultValueConverter defaults;
        switch (connector) {
            case MARIADB -> {
                MariaDbConnectorConfig c = new MariaDbConnectorConfig(config);
                MariaDbValueConverters v = new MariaDbValueConverters(c.getDecimalMode(), c.getTemporalPrecisionMode(),
                        c.getBigIntUnsignedHandlingMode().asBigIntUnsignedMode(), c.binaryHandlingMode(),
                        c.isTimeAdjustedEnabled() ? MariaDbValueConverters::adjustTemporal : x -> x,
                        c.getEventConvertingFailureHandlingMode(), c.getServiceRegistry());
                connectorConfig = c;
                converters = v;
                defaults = new MariaDbDefaultValueConverter(v);
                parser = new MariaDbAntlrDdlParser(true, false, true, Tables.TableFilter.includeAll(),
                        new MariaDbCharsetRegistry());
                newSourceInfo = () -> new io.debezium.connector.mariadb.SourceInfo(c);
            }
            case MYSQL -> {
                MySqlConnectorConfig c = new MySqlConnectorConfig(config);
                MySqlValueConverters v = new MySqlValueConverters(c.getDecimalMode(), c.getTemporalPrecisionMode(),
                        c.getBigIntUnsignedHandlingMode().asBigIntUnsignedMode(), c.binaryHandlingMode(),
                        c.isTimeAdjustedEnabled() ? MySqlValueConverters::adjustTemporal : x -> x,
                        c.getEventConvertingFailureHandlingMode(), c.getServiceRegistry());
                connectorConfig = c;
                converters = v;
                defaults = new MySqlDefaultValueConverter(v);
                parser = new MySqlAntlrDdlParser(true, false, true, Tables.TableFilter.includeAll(),
                        new MySqlCharsetRegistry());
                newSourceInfo = () -> new io.debezium.connector.mysql.SourceInfo(c);
            }
            default -> throw new IllegalArgumentException(connector.name());
        }
        SourceInfoStructMaker<BinlogSourceInfo> maker = connectorConfig.getSourceInfoStructMaker();
        sourceStruct = maker::struct;
        sourceSchema = maker.schema();
        schemaBuilder = new TableSchemaBuilder(converters, defaults, connectorConfig.schemaNameAdjuster(),
                new CustomConverterRegistry(null), sourceSchema, connectorConfig.getFieldNamer(), false,
                connectorConfig.getEventConvertingFailureHandlingMode());
        @SuppressWarnings("unchecked")
        TopicNamingStrategy<io.debezium.relational.TableId> configured =
                connectorConfig.getTopicNamingStrategy(BinlogConnectorConfig.TOPIC_NAMING_STRATEGY);
        topics = configured;
    }

    SourceConnector connector() {
        return connector;
    }

    /** The connector's {@code source} schema, for envelopes built by hand. */
    Schema sourceSchema() {
        return sourceSchema;
    }

    SourceRecord create(SourceTable table, Cell[] after, Position at) {
        TableSchema schema = schema(table);
        Object[] row = binlog(after);
        return record(table, schema.keyFromColumnData(row),
                schema.getEnvelopeSchema().create(schema.valueFromColumnData(row), source(table, at), at(at)), at);
    }

    /** A snapshot read: {@code at} carries the snapshot marker ({@code true}, {@code first}, {@code last}, ...). */
    SourceRecord read(SourceTable table, Cell[] after, Position at) {
        TableSchema schema = schema(table);
        Object[] row = binlog(after);
        return record(table, schema.keyFromColumnData(row),
                schema.getEnvelopeSchema().read(schema.valueFromColumnData(row), source(table, at), at(at)), at);
    }

    /** An update that keeps the key (Debezium sends a key change as delete, tombstone and create). */
    SourceRecord update(SourceTable table, Cell[] before, Cell[] after, Position at) {
        TableSchema schema = schema(table);
        Object[] row = binlog(after);
        return record(table, schema.keyFromColumnData(row), schema.getEnvelopeSchema().update(
                schema.valueFromColumnData(binlog(before)), schema.valueFromColumnData(row), source(table, at), at(at)), at);
    }

    SourceRecord delete(SourceTable table, Cell[] before, Position at) {
        TableSchema schema = schema(table);
        Object[] row = binlog(before);
        return record(table, schema.keyFromColumnData(row),
                schema.getEnvelopeSchema().delete(schema.valueFromColumnData(row), source(table, at), at(at)), at);
    }

    /** The tombstone that follows a delete: the deleted row's key, no value. */
    SourceRecord tombstone(SourceTable table, Cell[] deleted, Position at) {
        TableSchema schema = schema(table);
        return new SourceRecord(partition(), offset(at), topic(table), null, schema.keySchema(),
                schema.keyFromColumnData(binlog(deleted)), null, null);
    }

    /** A TRUNCATE TABLE: no key, no key schema, no row images. */
    SourceRecord truncate(SourceTable table, Position at) {
        TableSchema schema = schema(table);
        return new SourceRecord(partition(), offset(at), topic(table), null, null, null,
                schema.getEnvelopeSchema().schema(), schema.getEnvelopeSchema().truncate(source(table, at), at(at)));
    }

    /** The connector's {@code source} block for a change of {@code table} at {@code at}. */
    Struct source(SourceTable table, Position at) {
        BinlogSourceInfo info = newSourceInfo.get();
        if (!at.isSnapshot() || at.snapshot() == SnapshotRecord.INCREMENTAL) {
            info.setBinlogServerId(1); // an initial snapshot has read no binlog event yet: server_id 0
        }
        info.setBinlogPosition(at.file(), at.pos());
        info.setRowNumber(at.row());
        info.startGtid(at.gtid());
        info.setSourceTime(Instant.ofEpochMilli(at.tsMs()));
        info.tableEvent(debeziumId(table));
        if (at.snapshot() != null) {
            info.setSnapshot(at.snapshot());
        }
        return sourceStruct.apply(info);
    }

    String topic(SourceTable table) {
        return topics.dataChangeTopic(debeziumId(table));
    }

    /** The binlog connectors' table id: the database is the catalog. */
    private static io.debezium.relational.TableId debeziumId(SourceTable table) {
        return new io.debezium.relational.TableId(table.database(), null, table.name());
    }

    private SourceRecord record(SourceTable table, Struct key, Struct envelope, Position at) {
        TableSchema schema = schema(table);
        return new SourceRecord(partition(), offset(at), topic(table), null, key == null ? null : schema.keySchema(), key,
                schema.getEnvelopeSchema().schema(), envelope);
    }

    private TableSchema schema(SourceTable table) {
        return schemas.computeIfAbsent(table, t -> {
            parser.parse(t.ddl(), tables);
            io.debezium.relational.Table parsed = tables.forTable(debeziumId(t));
            if (parsed == null) {
                throw new IllegalStateException("Debezium's parser did not read " + t.ddl());
            }
            return schemaBuilder.create(topics, parsed, null, null, null);
        });
    }

    private static Object[] binlog(Cell[] row) {
        Object[] values = new Object[row.length];
        for (int i = 0; i < row.length; i++) {
            values[i] = row[i].binlog();
        }
        return values;
    }

    /** The envelope's own ts_ms: when the connector processed the change, a little after the commit. */
    private static Instant at(Position p) {
        return Instant.ofEpochMilli(p.tsMs() + 731);
    }

    private Map<String, ?> partition() {
        return Map.of("server", topicPrefix);
    }

    private static Map<String, ?> offset(Position at) {
        return Map.of("file", at.file(), "pos", at.pos(), "row", at.row());
    }
}
