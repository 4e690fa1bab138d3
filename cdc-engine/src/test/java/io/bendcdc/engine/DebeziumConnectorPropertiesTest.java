package io.bendcdc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.bendcdc.config.OffsetStorage;
import io.bendcdc.config.SourceConnector;
import io.bendcdc.contract.ChangeTopics;

class DebeziumConnectorPropertiesTest {

    static EngineSettings settings(SourceConnector connector, OffsetStorage storage, String signalTable,
            Map<String, String> debezium) {
        return new EngineSettings(
                new SourceSettings(connector, "db.example", 3307, "cdc", "s3cret", 3000),
                new CaptureSettings(77, List.of("shop", "crm"), List.of(), List.of(), List.of("shop.audit"), "when_needed",
                        5000, signalTable, 2048, 8192, debezium),
                new TopicSettings("k1:9092", new ChangeTopics("cdc"), 1, (short) 1, 1000, "cdc.schema-history", Map.of(),
                        Map.of()),
                new OffsetSettings(storage, "cdc.offsets",
                        storage == OffsetStorage.FILE ? Path.of("/var/lib/cdc/offsets") : null, 1000));
    }

    @Test
    void givenDefaultsThenKafkaOffsetsAndHistoryTopicsAndTruncatesAreKept() {
        Properties p = DebeziumConnectorProperties.of(settings(SourceConnector.MYSQL, OffsetStorage.KAFKA, "", Map.of()));

        assertThat(p).containsEntry("connector.class", "io.debezium.connector.mysql.MySqlConnector")
                .containsEntry("database.hostname", "db.example")
                .containsEntry("database.port", "3307")
                .containsEntry("database.server.id", "77")
                .containsEntry("topic.prefix", "cdc")
                .containsEntry("database.include.list", "shop,crm")
                .containsEntry("table.exclude.list", "shop.audit")
                .containsEntry("snapshot.mode", "when_needed")
                .containsEntry("skipped.operations", "none")
                .containsEntry("bigint.unsigned.handling.mode", "precise")
                .containsEntry("offset.storage", "org.apache.kafka.connect.storage.KafkaOffsetBackingStore")
                .containsEntry("offset.storage.topic", "cdc.offsets")
                .containsEntry("schema.history.internal.kafka.topic", "cdc.schema-history")
                .containsEntry("signal.enabled.channels", "kafka")
                .doesNotContainKey("database.exclude.list")
                .doesNotContainKey("read.only");
    }

    @Test
    void givenDefaultsThenYearsAreReadByOurConverterAsNumbers() {
        Properties p = DebeziumConnectorProperties.of(settings(SourceConnector.MARIADB, OffsetStorage.KAFKA, "", Map.of()));

        assertThat(p).containsEntry("converters", "bendcdc_year")
                .containsEntry("bendcdc_year.type", YearConverter.class.getName())
                .containsEntry("driver.yearIsDateType", "false");
    }

    @Test
    void givenConvertersOfTheUserThenTheyRunBesideTheYearConverter() {
        Properties p = DebeziumConnectorProperties.of(settings(SourceConnector.MARIADB, OffsetStorage.KAFKA, "",
                Map.of("converters", "mine", "mine.type", "com.example.Mine")));

        assertThat(p).containsEntry("converters", "bendcdc_year,mine").containsEntry("mine.type", "com.example.Mine");
    }

    @Test
    void givenMariadbConnectorWithoutSignalTableThenIncrementalSnapshotsAreReadOnly() {
        Properties p = DebeziumConnectorProperties.of(settings(SourceConnector.MARIADB, OffsetStorage.KAFKA, "", Map.of()));

        assertThat(p).containsEntry("connector.class", "io.debezium.connector.mariadb.MariaDbConnector")
                .containsEntry("read.only", "true");
    }

    @Test
    void givenSignalTableThenSourceChannelIsEnabled() {
        Properties p = DebeziumConnectorProperties.of(
                settings(SourceConnector.MYSQL, OffsetStorage.KAFKA, "ops.signals", Map.of()));

        assertThat(p).containsEntry("signal.data.collection", "ops.signals")
                .containsEntry("signal.enabled.channels", "source,kafka");
    }

    @Test
    void givenFileStorageThenTheAtomicStoreIsUsed() {
        Properties p = DebeziumConnectorProperties.of(settings(SourceConnector.MYSQL, OffsetStorage.FILE, "", Map.of()));

        assertThat(p).containsEntry("offset.storage", AtomicFileOffsetStore.class.getName())
                .containsEntry(AtomicFileOffsetStore.FILE_CONFIG, "/var/lib/cdc/offsets");
    }

    @Test
    void givenPassThroughOptionsThenTheyOverrideDefaults() {
        Properties p = DebeziumConnectorProperties.of(settings(SourceConnector.MYSQL, OffsetStorage.KAFKA, "",
                Map.of("snapshot.mode", "no_data", "decimal.handling.mode", "string")));

        assertThat(p).containsEntry("snapshot.mode", "no_data").containsEntry("decimal.handling.mode", "string");
    }

    @Test
    void settingsNeverShowThePassword() {
        assertThat(settings(SourceConnector.MYSQL, OffsetStorage.KAFKA, "", Map.of()).toString())
                .doesNotContain("s3cret");
    }
}
