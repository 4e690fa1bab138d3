package io.bendcdc.applier;

import io.bendcdc.applier.coalesce.BatchSettings;
import io.bendcdc.applier.databend.RetrySettings;
import io.bendcdc.applier.databend.TableMapping;
import io.bendcdc.applier.databend.TargetSettings;
import io.bendcdc.applier.poll.KafkaSettings;
import io.bendcdc.config.CdcConfig;
import io.bendcdc.config.CdcOptions;
import io.bendcdc.config.SchemaEvolution;
import io.bendcdc.contract.ChangeTopics;

/**
 * The applier's configuration, one part per concern, each read from the configuration beside the
 * class that uses it and handed only to that class.
 *
 * @param parallelism how many workers (consumers, each with its own Databend connection) run
 */
public record ApplierSettings(KafkaSettings kafka, TargetSettings target, TableMapping tables, BatchSettings batch,
        RetrySettings retry, SchemaEvolution schemaEvolution, ErrorSettings errors, int parallelism) {

    public static ApplierSettings from(CdcConfig c) {
        return new ApplierSettings(KafkaSettings.from(c), TargetSettings.from(c), TableMapping.from(c),
                BatchSettings.from(c), RetrySettings.from(c), c.get(CdcOptions.APPLY_SCHEMA_EVOLUTION),
                ErrorSettings.from(c), c.get(CdcOptions.APPLY_PARALLELISM));
    }

    /** These settings with another consumer group. */
    public ApplierSettings withConsumerGroup(String group) {
        return new ApplierSettings(kafka.withConsumerGroup(group), target, tables, batch, retry, schemaEvolution, errors,
                parallelism);
    }

    /** These settings with the state table in another database. */
    public ApplierSettings withStateDatabase(String database) {
        return new ApplierSettings(kafka, target.withStateDatabase(database), tables, batch, retry, schemaEvolution,
                errors, parallelism);
    }

    /** The topics the engine writes, named from the topic prefix. */
    public ChangeTopics topics() {
        return kafka.topics();
    }

    /** Without secrets: safe to log. */
    @Override
    public String toString() {
        return "ApplierSettings[kafka=" + kafka.bootstrapServers() + ", prefix=" + kafka.topics().prefix()
                + ", databend=" + target.url() + ", user=" + target.user() + ", batch=" + batch.maxRows() + " rows/"
                + batch.maxMs() + " ms, parallelism=" + parallelism + "]";
    }
}
