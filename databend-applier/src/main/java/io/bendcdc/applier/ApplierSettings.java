package io.bendcdc.applier;

import java.util.List;
import java.util.Map;

import io.bendcdc.config.CdcConfig;
import io.bendcdc.config.CdcOptions;
import io.bendcdc.config.ErrorTolerance;
import io.bendcdc.config.SchemaEvolution;
import io.bendcdc.config.TinyInt1Type;
import io.bendcdc.contract.ChangeTopics;
import io.bendcdc.contract.TableId;

/** What the applier needs from the configuration, resolved. */
public record ApplierSettings(
        String bootstrapServers,
        String topicPrefix,
        String schemaHistoryTopic,
        String consumerGroup,
        String databendUrl,
        String databendUser,
        String databendPassword,
        Map<String, String> databaseMapping,
        String stateDatabase,
        int tableRowsPerBlock,
        int batchMaxRows,
        long batchMaxMs,
        int parallelism,
        SchemaEvolution schemaEvolution,
        ErrorTolerance errorTolerance,
        String deadLetterTopic,
        Map<String, List<String>> keyColumns,
        TinyInt1Type tinyint1As,
        int retryMaxAttempts,
        long retryBackoffMaxMs,
        Map<String, String> consumerOverrides) {

    public ApplierSettings {
        databaseMapping = Map.copyOf(databaseMapping);
        keyColumns = Map.copyOf(keyColumns);
        consumerOverrides = Map.copyOf(consumerOverrides);
    }

    public static ApplierSettings from(CdcConfig c) {
        return new ApplierSettings(
                c.get(CdcOptions.KAFKA_BOOTSTRAP_SERVERS),
                c.get(CdcOptions.KAFKA_TOPIC_PREFIX),
                c.schemaHistoryTopic(),
                c.get(CdcOptions.APPLY_CONSUMER_GROUP),
                c.get(CdcOptions.DATABEND_URL),
                c.get(CdcOptions.DATABEND_USER),
                c.get(CdcOptions.DATABEND_PASSWORD),
                c.get(CdcOptions.DATABEND_DATABASE_MAPPING),
                c.get(CdcOptions.DATABEND_STATE_DATABASE),
                c.get(CdcOptions.DATABEND_TABLE_ROWS_PER_BLOCK),
                c.get(CdcOptions.APPLY_BATCH_MAX_ROWS),
                c.get(CdcOptions.APPLY_BATCH_MAX_MS),
                c.get(CdcOptions.APPLY_PARALLELISM),
                c.get(CdcOptions.APPLY_SCHEMA_EVOLUTION),
                c.get(CdcOptions.APPLY_ERRORS_TOLERANCE),
                c.get(CdcOptions.APPLY_DEAD_LETTER_TOPIC),
                c.get(CdcOptions.APPLY_KEY_COLUMNS),
                c.get(CdcOptions.APPLY_TINYINT1_AS),
                c.get(CdcOptions.APPLY_RETRY_MAX_ATTEMPTS),
                c.get(CdcOptions.APPLY_RETRY_BACKOFF_MAX_MS),
                c.passthrough(CdcOptions.KAFKA_CONSUMER_PREFIX));
    }

    /** These settings with another consumer group. */
    public ApplierSettings withConsumerGroup(String group) {
        return new ApplierSettings(bootstrapServers, topicPrefix, schemaHistoryTopic, group, databendUrl, databendUser,
                databendPassword, databaseMapping, stateDatabase, tableRowsPerBlock, batchMaxRows, batchMaxMs,
                parallelism, schemaEvolution, errorTolerance, deadLetterTopic, keyColumns, tinyint1As,
                retryMaxAttempts, retryBackoffMaxMs, consumerOverrides);
    }

    /** These settings with the state table in another database. */
    public ApplierSettings withStateDatabase(String database) {
        return new ApplierSettings(bootstrapServers, topicPrefix, schemaHistoryTopic, consumerGroup, databendUrl,
                databendUser, databendPassword, databaseMapping, database, tableRowsPerBlock, batchMaxRows, batchMaxMs,
                parallelism, schemaEvolution, errorTolerance, deadLetterTopic, keyColumns, tinyint1As,
                retryMaxAttempts, retryBackoffMaxMs, consumerOverrides);
    }

    /** The Databend table a source table is written to. */
    public TableId target(TableId source) {
        return new TableId(databaseMapping.getOrDefault(source.database(), source.database()), source.table());
    }

    /** The topics the engine writes, named from the topic prefix. */
    public ChangeTopics topics() {
        return new ChangeTopics(topicPrefix);
    }

    @Override
    public String toString() {
        return "ApplierSettings[kafka=" + bootstrapServers + ", prefix=" + topicPrefix + ", databend=" + databendUrl
                + ", user=" + databendUser + ", batch=" + batchMaxRows + " rows/" + batchMaxMs + " ms, parallelism="
                + parallelism + "]";
    }
}
