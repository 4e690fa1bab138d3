package io.bendcdc.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CdcConfigTest {

    private static final Map<String, String> NO_ENV = Map.of();

    private static Properties props(String... keysAndValues) {
        Properties props = new Properties();
        props.setProperty("source.user", "cdc");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            props.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return props;
    }

    private static ConfigException failure(Properties props) {
        return catchThrowableOfType(ConfigException.class, () -> CdcConfig.from(props, NO_ENV));
    }

    @Test
    void givenOnlyTheRequiredOption_whenLoaded_thenEveryOtherOptionHasItsDefault() {
        CdcConfig config = CdcConfig.from(props(), NO_ENV);

        for (ConfigOption<?> option : CdcOptions.ALL) {
            if (!option.isRequired()) {
                assertThat((Object) config.get(option)).as(option.name()).isEqualTo(option.defaultValue());
            }
        }
        assertThat(config.get(CdcOptions.SOURCE_CONNECTOR)).isEqualTo(SourceConnector.MYSQL);
        assertThat(config.get(CdcOptions.SOURCE_PORT)).isEqualTo(3306);
        assertThat(config.get(CdcOptions.APPLY_KEY_COLUMNS)).isEmpty();
    }

    @Test
    void givenValuesOfEveryType_whenLoaded_thenTypedValues() {
        CdcConfig config = CdcConfig.from(props(
                "source.port", "3307",
                "source.server.id", "99",
                "metrics.enabled", "false",
                "source.tables.include", "shop.orders, shop.items",
                "source.snapshot.mode", "NO_DATA",
                "databend.database.mapping", "shop:shop_dw",
                "apply.key.columns", "shop.log:day|seq"), NO_ENV);

        assertThat(config.get(CdcOptions.SOURCE_PORT)).isEqualTo(3307);
        assertThat(config.get(CdcOptions.SOURCE_SERVER_ID)).isEqualTo(99L);
        assertThat(config.get(CdcOptions.METRICS_ENABLED)).isFalse();
        assertThat(config.get(CdcOptions.SOURCE_TABLES_INCLUDE)).containsExactly("shop.orders", "shop.items");
        assertThat(config.get(CdcOptions.SOURCE_SNAPSHOT_MODE)).isEqualTo(SnapshotMode.NO_DATA);
        assertThat(config.databendDatabase("shop")).isEqualTo("shop_dw");
        assertThat(config.databendDatabase("crm")).isEqualTo("crm");
        assertThat(config.get(CdcOptions.APPLY_KEY_COLUMNS)).containsEntry("shop.log", List.of("day", "seq"));
    }

    @Test
    void givenMissingRequiredOption_whenLoaded_thenProblemNamesIt() {
        Properties props = props();
        props.remove("source.user");

        assertThat(failure(props).problems())
                .containsExactly(new ConfigException.Problem("source.user", "missing; this option is required"));
    }

    @Test
    void givenUnknownEnumValue_whenLoaded_thenProblemListsAllowedValues() {
        ConfigException e = failure(props("source.snapshot.mode", "schema_only"));

        assertThat(e.getMessage()).contains("source.snapshot.mode: invalid value 'schema_only': expected one of"
                + " initial, when_needed, no_data, recovery, never, initial_only");
    }

    @Test
    void givenPortOutOfRange_whenLoaded_thenProblemGivesValueAndRange() {
        ConfigException e = failure(props("source.port", "70000"));

        assertThat(e.problems()).containsExactly(
                new ConfigException.Problem("source.port", "invalid value '70000': must be between 1 and 65535"));
    }

    @Test
    void givenMistypedOption_whenLoaded_thenProblemSuggestsTheClosestName() {
        ConfigException e = failure(props("source.prot", "3306"));

        assertThat(e.problems()).containsExactly(
                new ConfigException.Problem("source.prot", "unknown option; did you mean 'source.port'?"));
    }

    @Test
    void givenMistypedPassThroughPrefix_whenLoaded_thenProblemSuggestsTheKeyWithTheRightPrefix() {
        ConfigException e = failure(props("kafka.produser.acks", "all"));

        assertThat(e.getMessage()).contains("kafka.produser.acks: unknown option; did you mean 'kafka.producer.acks'?");
    }

    @Test
    void givenUnknownKeyFarFromAnyName_whenLoaded_thenProblemExplainsPassThroughPrefixes() {
        ConfigException e = failure(props("database.hostname", "db1"));

        assertThat(e.getMessage()).contains("database.hostname: unknown option (Debezium and Kafka client options"
                + " need a pass-through prefix: debezium.");
    }

    @Test
    void givenSeveralMistakes_whenLoaded_thenAllAreReportedInOneException() {
        Properties props = props("source.port", "x", "apply.parallelism", "0", "colour", "blue",
                "apply.errors.tolerance", "skip");
        props.remove("source.user");

        ConfigException e = failure(props);

        assertThat(e.problems()).extracting(ConfigException.Problem::subject)
                .containsExactlyInAnyOrder("source.port", "apply.parallelism", "colour", "apply.errors.tolerance",
                        "source.user");
        assertThat(e.getMessage()).startsWith("Invalid configuration from properties: 5 problems\n");
    }

    @Test
    void givenPassThroughKeys_whenAskedByPrefix_thenPrefixStrippedAndOthersLeftOut() {
        CdcConfig config = CdcConfig.from(props(
                "debezium.snapshot.locking.mode", "none",
                "kafka.producer.linger.ms", "5",
                "kafka.consumer.max.poll.records", "500"), NO_ENV);

        assertThat(config.passthrough(CdcOptions.DEBEZIUM_PREFIX)).containsExactly(Map.entry("snapshot.locking.mode", "none"));
        assertThat(config.passthrough(CdcOptions.KAFKA_PRODUCER_PREFIX)).containsExactly(Map.entry("linger.ms", "5"));
        assertThat(config.passthrough(CdcOptions.KAFKA_ADMIN_PREFIX)).isEmpty();
    }

    @Test
    void givenBothIncludeAndExcludeTables_whenLoaded_thenNamedRuleFails() {
        ConfigException e = failure(props("source.tables.include", "shop.a", "source.tables.exclude", "shop.b"));

        assertThat(e.problems()).containsExactly(new ConfigException.Problem(
                "source.tables.include, source.tables.exclude",
                "set source.tables.include or source.tables.exclude, not both (rule tables-include-or-exclude)"));
    }

    @Test
    void givenIncludeTablesAndExcludeDatabases_whenLoaded_thenAccepted() {
        CdcConfig config = CdcConfig.from(props("source.tables.include", "shop.a",
                "source.databases.exclude", "tmp"), NO_ENV);

        assertThat(config.get(CdcOptions.SOURCE_TABLES_INCLUDE)).containsExactly("shop.a");
    }

    @Test
    void givenFileOffsetStorageWithoutFile_whenLoaded_thenNamedRuleFails() {
        ConfigException e = failure(props("engine.offsets.storage", "file"));

        assertThat(e.getMessage()).contains("engine.offsets.file is required when engine.offsets.storage=file"
                + " (rule offsets-file-for-file-storage)");
    }

    @Test
    void givenDeadLetterToleranceWithoutTopic_whenLoaded_thenNamedRuleFails() {
        ConfigException e = failure(props("apply.errors.tolerance", "dead_letter"));

        assertThat(e.getMessage()).contains("(rule dead-letter-topic-for-dead-letter)");
    }

    @Test
    void givenQueueNotLargerThanBatch_whenLoaded_thenNamedRuleFails() {
        ConfigException e = failure(props("engine.max.batch.size", "100", "engine.max.queue.size", "100"));

        assertThat(e.getMessage()).contains("(rule queue-larger-than-batch)");
    }

    @Test
    void givenRuleOptionThatDoesNotParse_whenLoaded_thenOnlyTheParseProblemIsReported() {
        ConfigException e = failure(props("engine.offsets.storage", "s3"));

        assertThat(e.problems()).extracting(ConfigException.Problem::subject).containsExactly("engine.offsets.storage");
    }

    @Test
    void givenNoTopicOverrides_whenResolvingTopics_thenDerivedFromPrefix() {
        CdcConfig config = CdcConfig.from(props("kafka.topic.prefix", "prod"), NO_ENV);

        assertThat(config.offsetsTopic()).isEqualTo("prod.offsets");
        assertThat(config.schemaHistoryTopic()).isEqualTo("prod.schema-history");
    }

    @Test
    void givenTopicOverrides_whenResolvingTopics_thenOverridesWin() {
        CdcConfig config = CdcConfig.from(props("engine.offsets.topic", "offs",
                "engine.schema.history.topic", "ddl"), NO_ENV);

        assertThat(config.offsetsTopic()).isEqualTo("offs");
        assertThat(config.schemaHistoryTopic()).isEqualTo("ddl");
    }

    @Test
    void givenSecrets_whenDescribed_thenMaskedWhileOtherValuesShow() {
        CdcConfig config = CdcConfig.from(props(
                "source.password", "s3cr3t-src",
                "databend.password", "s3cr3t-db",
                "debezium.database.ssl.keystore.password", "s3cr3t-ks",
                "kafka.producer.sasl.jaas.config", "PlainLoginModule password=\"s3cr3t-jaas\";",
                "kafka.producer.linger.ms", "5"), NO_ENV);

        String described = config.describe();

        assertThat(described).doesNotContain("s3cr3t")
                .contains("source.password = ******", "databend.password = ******",
                        "debezium.database.ssl.keystore.password = ******", "kafka.producer.sasl.jaas.config = ******",
                        "kafka.producer.linger.ms = 5", "source.user = cdc", "source.connector = mysql");
        assertThat(config.toString()).isEqualTo(described);
    }

    @Test
    void givenAnInvalidSecret_whenLoadFails_thenTheSecretIsNotInTheMessage() {
        // "s3cr3t" is not a valid enum value; typed into the wrong line it must still not leak
        ConfigOption<String> secret = CdcOptions.SOURCE_PASSWORD;
        ConfigException e = failure(props(secret.name(), "${PASS", "source.pasword", "s3cr3t",
                "apply.parallelism", "0"));

        assertThat(e.getMessage()).doesNotContain("s3cr3t").contains("source.password", "source.pasword");
    }

    @Test
    void givenPropertiesFile_whenLoaded_thenValuesRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cdc.properties");
        Files.writeString(file, "source.user=cdc\nsource.host=db.example\n# a comment\nmetrics.port=0\n");

        CdcConfig config = CdcConfig.load(file, NO_ENV);

        assertThat(config.get(CdcOptions.SOURCE_HOST)).isEqualTo("db.example");
        assertThat(config.get(CdcOptions.METRICS_PORT)).isZero();
    }

    @Test
    void givenMissingFile_whenLoaded_thenConfigExceptionNamesTheFile(@TempDir Path dir) {
        Path file = dir.resolve("absent.properties");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> CdcConfig.load(file, NO_ENV));

        assertThat(e.getMessage()).contains(file.toString());
        assertThat(e.getCause()).isNotNull();
    }
}
