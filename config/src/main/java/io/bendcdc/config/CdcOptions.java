package io.bendcdc.config;

import static io.bendcdc.config.Validator.atLeast;
import static io.bendcdc.config.Validator.between;
import static io.bendcdc.config.Validator.emptyOr;
import static io.bendcdc.config.Validator.nonEmpty;
import static io.bendcdc.config.Validator.topicName;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every option of bendcdc, declared once. Names are stable: other modules and users' files rely on them. */
public final class CdcOptions {

    private CdcOptions() {
    }

    private static final Validator<String> DB_DOT_TABLE = Validator.of("db.table",
            s -> s.indexOf('.') > 0 && s.indexOf('.') < s.length() - 1, "must be written db.table");

    // ---- source.* --------------------------------------------------------------------------

    public static final ConfigOption<SourceConnector> SOURCE_CONNECTOR =
            ConfigOption.enumeration("source.connector", SourceConnector.class).group(Group.SOURCE)
                    .defaultValue(SourceConnector.MYSQL)
                    .doc("Debezium connector that reads the binlog. `mysql` follows the binlog by file and"
                            + " position and works against MariaDB too; `mariadb` tracks MariaDB GTIDs.")
                    .build();

    public static final ConfigOption<String> SOURCE_HOST = ConfigOption.string("source.host").group(Group.SOURCE)
            .defaultValue("127.0.0.1").validator(nonEmpty())
            .doc("Host name or IP address of the source server.").build();

    public static final ConfigOption<Integer> SOURCE_PORT = ConfigOption.integer("source.port").group(Group.SOURCE)
            .defaultValue(3306).validator(between(1, 65535))
            .doc("TCP port of the source server.").build();

    public static final ConfigOption<String> SOURCE_USER = ConfigOption.string("source.user").group(Group.SOURCE)
            .required().validator(nonEmpty())
            .doc("User the connector logs in as; it needs SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE"
                    + " and REPLICATION CLIENT.").build();

    public static final ConfigOption<String> SOURCE_PASSWORD = ConfigOption.password("source.password")
            .group(Group.SOURCE).defaultValue("")
            .doc("Password of `source.user`; write `${ENV_VAR}` to keep it out of the file.").build();

    public static final ConfigOption<Long> SOURCE_SERVER_ID = ConfigOption.longValue("source.server.id")
            .group(Group.SOURCE).defaultValue(5401L).validator(between(1, 4_294_967_295L))
            .doc("Replica server id the connector uses; unique among all replicas of the source.").build();

    public static final ConfigOption<List<String>> SOURCE_DATABASES_INCLUDE =
            ConfigOption.list("source.databases.include").group(Group.SOURCE).defaultValue(List.of())
                    .doc("Databases to capture (regular expressions, as Debezium's `database.include.list`);"
                            + " empty captures all.").build();

    public static final ConfigOption<List<String>> SOURCE_DATABASES_EXCLUDE =
            ConfigOption.list("source.databases.exclude").group(Group.SOURCE).defaultValue(List.of())
                    .doc("Databases not to capture (regular expressions); cannot be combined with"
                            + " `source.databases.include`.").build();

    public static final ConfigOption<List<String>> SOURCE_TABLES_INCLUDE =
            ConfigOption.list("source.tables.include").group(Group.SOURCE).defaultValue(List.of())
                    .doc("Tables to capture as `db.table` regular expressions (Debezium's"
                            + " `table.include.list`); empty captures all.").build();

    public static final ConfigOption<List<String>> SOURCE_TABLES_EXCLUDE =
            ConfigOption.list("source.tables.exclude").group(Group.SOURCE).defaultValue(List.of())
                    .doc("Tables not to capture as `db.table` regular expressions; cannot be combined with"
                            + " `source.tables.include`.").build();

    public static final ConfigOption<SnapshotMode> SOURCE_SNAPSHOT_MODE =
            ConfigOption.enumeration("source.snapshot.mode", SnapshotMode.class).group(Group.SOURCE)
                    .defaultValue(SnapshotMode.INITIAL)
                    .doc("Debezium's `snapshot.mode`: when to copy the existing rows before streaming.")
                    .build();

    public static final ConfigOption<Long> SOURCE_HEARTBEAT_INTERVAL_MS =
            ConfigOption.duration("source.heartbeat.interval.ms").group(Group.SOURCE).defaultValue(10_000L)
                    .validator(atLeast(0))
                    .doc("How often the connector records its position while no captured table changes;"
                            + " 0 disables heartbeats.").build();

    public static final ConfigOption<String> SOURCE_SIGNAL_TABLE = ConfigOption.string("source.signal.table")
            .group(Group.SOURCE).defaultValue("").validator(emptyOr(DB_DOT_TABLE))
            .doc("Table (`db.table`) Debezium reads signals from, used for incremental snapshots;"
                    + " empty disables source signals.").build();

    public static final ConfigOption<Long> SOURCE_CONNECT_TIMEOUT_MS =
            ConfigOption.duration("source.connect.timeout.ms").group(Group.SOURCE).defaultValue(30_000L)
                    .validator(atLeast(1))
                    .doc("How long to wait for a connection to the source server.").build();

    // ---- kafka.* ---------------------------------------------------------------------------

    public static final ConfigOption<String> KAFKA_BOOTSTRAP_SERVERS =
            ConfigOption.string("kafka.bootstrap.servers").group(Group.KAFKA).defaultValue("127.0.0.1:9092")
                    .validator(nonEmpty())
                    .doc("Kafka brokers to connect to first, `host:port[,host:port...]`.").build();

    public static final ConfigOption<String> KAFKA_TOPIC_PREFIX = ConfigOption.string("kafka.topic.prefix")
            .group(Group.KAFKA).defaultValue("cdc").validator(topicName())
            .doc("Prefix of every topic: changes go to `<prefix>.<db>.<table>`. Also Debezium's"
                    + " `topic.prefix`, so changing it starts a new capture.").build();

    public static final ConfigOption<Integer> KAFKA_TOPIC_PARTITIONS = ConfigOption.integer("kafka.topic.partitions")
            .group(Group.KAFKA).defaultValue(1).validator(atLeast(1))
            .doc("Partitions of each change topic the engine creates.").build();

    public static final ConfigOption<Integer> KAFKA_TOPIC_REPLICATION_FACTOR =
            ConfigOption.integer("kafka.topic.replication.factor").group(Group.KAFKA).defaultValue(1)
                    .validator(between(1, Short.MAX_VALUE))
                    .doc("Replication factor of each topic the engine creates.").build();

    public static final ConfigOption<Long> KAFKA_TOPIC_RETENTION_MS =
            ConfigOption.longValue("kafka.topic.retention.ms").group(Group.KAFKA).defaultValue(7L * 24 * 3600 * 1000)
                    .validator(Validator.of("-1 (infinite) or at least 1", v -> v == -1 || v >= 1, "must be -1 or positive"))
                    .doc("retention.ms of each change topic the engine creates; -1 keeps events forever. "
                            + "The applier must have applied an event before it expires.").build();

    // ---- engine.* --------------------------------------------------------------------------

    public static final ConfigOption<OffsetStorage> ENGINE_OFFSETS_STORAGE =
            ConfigOption.enumeration("engine.offsets.storage", OffsetStorage.class).group(Group.ENGINE)
                    .defaultValue(OffsetStorage.KAFKA)
                    .doc("Where the engine stores its source position: a compacted Kafka topic, or a local file.")
                    .build();

    public static final ConfigOption<String> ENGINE_OFFSETS_TOPIC = ConfigOption.string("engine.offsets.topic")
            .group(Group.ENGINE).defaultValue("").validator(emptyOr(topicName()))
            .doc("Topic of the source position when `engine.offsets.storage=kafka`; empty means"
                    + " `<kafka.topic.prefix>.offsets`.").build();

    public static final ConfigOption<String> ENGINE_OFFSETS_FILE = ConfigOption.string("engine.offsets.file")
            .group(Group.ENGINE).defaultValue("")
            .doc("File of the source position; required when `engine.offsets.storage=file`.").build();

    public static final ConfigOption<Long> ENGINE_OFFSETS_FLUSH_INTERVAL_MS =
            ConfigOption.duration("engine.offsets.flush.interval.ms").group(Group.ENGINE).defaultValue(1_000L)
                    .validator(atLeast(0))
                    .doc("How often the position of the changes Kafka acknowledged is stored.").build();

    public static final ConfigOption<String> ENGINE_SCHEMA_HISTORY_TOPIC =
            ConfigOption.string("engine.schema.history.topic").group(Group.ENGINE).defaultValue("")
                    .validator(emptyOr(topicName()))
                    .doc("Topic of the DDL timeline; empty means `<kafka.topic.prefix>.schema-history`.").build();

    public static final ConfigOption<Integer> ENGINE_MAX_BATCH_SIZE = ConfigOption.integer("engine.max.batch.size")
            .group(Group.ENGINE).defaultValue(2048).validator(atLeast(1))
            .doc("Most change events Debezium hands over at once.").build();

    public static final ConfigOption<Integer> ENGINE_MAX_QUEUE_SIZE = ConfigOption.integer("engine.max.queue.size")
            .group(Group.ENGINE).defaultValue(8192).validator(atLeast(1))
            .doc("Most change events Debezium buffers between reading and publishing; must exceed"
                    + " `engine.max.batch.size`. Bounds the engine's memory.").build();

    // ---- databend.* ------------------------------------------------------------------------

    public static final ConfigOption<String> DATABEND_URL = ConfigOption.string("databend.url")
            .group(Group.DATABEND).defaultValue("jdbc:databend://127.0.0.1:8000/default")
            .validator(Validator.of("jdbc:databend://...", s -> s.startsWith("jdbc:databend://"),
                    "must start with jdbc:databend://"))
            .doc("JDBC URL of Databend.").build();

    public static final ConfigOption<String> DATABEND_USER = ConfigOption.string("databend.user")
            .group(Group.DATABEND).defaultValue("root").validator(nonEmpty())
            .doc("Databend user.").build();

    public static final ConfigOption<String> DATABEND_PASSWORD = ConfigOption.password("databend.password")
            .group(Group.DATABEND).defaultValue("")
            .doc("Password of `databend.user`; write `${ENV_VAR}` to keep it out of the file.").build();

    public static final ConfigOption<Map<String, String>> DATABEND_DATABASE_MAPPING =
            ConfigOption.map("databend.database.mapping").group(Group.DATABEND).defaultValue(Map.of())
                    .doc("Source database to Databend database, `src:dst,src2:dst2`; databases not listed"
                            + " keep their name.").build();

    public static final ConfigOption<String> DATABEND_STATE_DATABASE = ConfigOption.string("databend.state.database")
            .group(Group.DATABEND).defaultValue("bendcdc").validator(nonEmpty())
            .doc("Databend database holding the applier's state table (applied Kafka offsets).").build();

    public static final ConfigOption<Integer> DATABEND_TABLE_ROWS_PER_BLOCK = ConfigOption.integer(
            "databend.table.rows.per.block").group(Group.DATABEND).defaultValue(100_000).validator(atLeast(1_000))
            .doc("Rows per storage block (Databend's row_per_block) of the tables the applier creates. Databend "
                    + "rewrites every block a DELETE or a REPLACE of existing keys touches, so smaller blocks make "
                    + "them cheaper; Databend's own default of 1,000,000 made a 10,000-key DELETE ten times slower.")
            .build();

    // ---- apply.* ---------------------------------------------------------------------------

    public static final ConfigOption<Integer> APPLY_BATCH_MAX_ROWS = ConfigOption.integer("apply.batch.max.rows")
            .group(Group.APPLY).defaultValue(50_000).validator(atLeast(1))
            .doc("Most change events per table written to Databend in one transaction.").build();

    public static final ConfigOption<Long> APPLY_BATCH_MAX_MS = ConfigOption.duration("apply.batch.max.ms")
            .group(Group.APPLY).defaultValue(1_000L).validator(atLeast(1))
            .doc("Longest a change waits in a batch before the batch is written.").build();

    public static final ConfigOption<Integer> APPLY_PARALLELISM = ConfigOption.integer("apply.parallelism")
            .group(Group.APPLY).defaultValue(2).validator(atLeast(1))
            .doc("Tables written to Databend at the same time.").build();

    public static final ConfigOption<String> APPLY_CONSUMER_GROUP = ConfigOption.string("apply.consumer.group")
            .group(Group.APPLY).defaultValue("bendcdc-applier").validator(nonEmpty())
            .doc("Kafka consumer group of the appliers; instances in one group share the tables.").build();

    public static final ConfigOption<SchemaEvolution> APPLY_SCHEMA_EVOLUTION =
            ConfigOption.enumeration("apply.schema.evolution", SchemaEvolution.class).group(Group.APPLY)
                    .defaultValue(SchemaEvolution.APPLY)
                    .doc("On a source schema change: `apply` changes the Databend table to match; `stop`"
                            + " stops with an error before the first change with the new schema.").build();

    public static final ConfigOption<ErrorTolerance> APPLY_ERRORS_TOLERANCE =
            ConfigOption.enumeration("apply.errors.tolerance", ErrorTolerance.class).group(Group.APPLY)
                    .defaultValue(ErrorTolerance.NONE)
                    .doc("On an event that cannot be decoded or that Databend rejects: `none` stops with an"
                            + " error; `dead_letter` sends it to `apply.dead.letter.topic` and goes on.").build();

    public static final ConfigOption<String> APPLY_DEAD_LETTER_TOPIC = ConfigOption.string("apply.dead.letter.topic")
            .group(Group.APPLY).defaultValue("").validator(emptyOr(topicName()))
            .doc("Topic for rejected events; required when `apply.errors.tolerance=dead_letter`.").build();

    public static final ConfigOption<Map<String, List<String>>> APPLY_KEY_COLUMNS =
            ConfigOption.mapOfLists("apply.key.columns").group(Group.APPLY).defaultValue(Map.of())
                    .validator(Validator.<Map<String, List<String>>>of("keys written db.table",
                            m -> m.keySet().stream().allMatch(k -> DB_DOT_TABLE.check(k).isEmpty()),
                            "each table must be written db.table"))
                    .doc("Key columns for source tables without a primary key:"
                            + " `db.table:col1|col2,db2.table2:col`, that is tables separated by `,`,"
                            + " table and columns by `:`, columns by `|`. A table without a primary key"
                            + " that is not listed is applied append-only.").build();

    public static final ConfigOption<TinyInt1Type> APPLY_TINYINT1_AS =
            ConfigOption.enumeration("apply.tinyint1.as", TinyInt1Type.class).group(Group.APPLY)
                    .defaultValue(TinyInt1Type.BOOLEAN)
                    .doc("Databend type of source `TINYINT(1)` and `BOOLEAN` columns.").build();

    public static final ConfigOption<Integer> APPLY_RETRY_MAX_ATTEMPTS =
            ConfigOption.integer("apply.retry.max.attempts").group(Group.APPLY).defaultValue(10)
                    .validator(atLeast(0))
                    .doc("Retries of a Databend write that failed with a transient error before the applier"
                            + " stops; 0 does not retry.").build();

    public static final ConfigOption<Long> APPLY_RETRY_BACKOFF_MAX_MS =
            ConfigOption.duration("apply.retry.backoff.max.ms").group(Group.APPLY).defaultValue(30_000L)
                    .validator(atLeast(0))
                    .doc("Longest wait between two retries (the wait doubles from a short start).").build();

    // ---- metrics.* -------------------------------------------------------------------------

    public static final ConfigOption<Boolean> METRICS_ENABLED = ConfigOption.bool("metrics.enabled")
            .group(Group.METRICS).defaultValue(true)
            .doc("Serve `/health` and `/metrics` (Prometheus text) over HTTP.").build();

    public static final ConfigOption<String> METRICS_HOST = ConfigOption.string("metrics.host")
            .group(Group.METRICS).defaultValue("127.0.0.1").validator(nonEmpty())
            .doc("Address the HTTP endpoint listens on; `0.0.0.0` for all interfaces.").build();

    public static final ConfigOption<Integer> METRICS_PORT = ConfigOption.integer("metrics.port")
            .group(Group.METRICS).defaultValue(8083).validator(between(0, 65535))
            .doc("Port of the HTTP endpoint; 0 picks a free port.").build();

    /** Every option, in declaration order (which is also the order of the docs and of describe()). */
    public static final List<ConfigOption<?>> ALL = List.of(
            SOURCE_CONNECTOR, SOURCE_HOST, SOURCE_PORT, SOURCE_USER, SOURCE_PASSWORD, SOURCE_SERVER_ID,
            SOURCE_DATABASES_INCLUDE, SOURCE_DATABASES_EXCLUDE, SOURCE_TABLES_INCLUDE, SOURCE_TABLES_EXCLUDE,
            SOURCE_SNAPSHOT_MODE, SOURCE_HEARTBEAT_INTERVAL_MS, SOURCE_SIGNAL_TABLE, SOURCE_CONNECT_TIMEOUT_MS,
            KAFKA_BOOTSTRAP_SERVERS, KAFKA_TOPIC_PREFIX, KAFKA_TOPIC_PARTITIONS, KAFKA_TOPIC_REPLICATION_FACTOR, KAFKA_TOPIC_RETENTION_MS,
            ENGINE_OFFSETS_STORAGE, ENGINE_OFFSETS_TOPIC, ENGINE_OFFSETS_FILE, ENGINE_OFFSETS_FLUSH_INTERVAL_MS,
            ENGINE_SCHEMA_HISTORY_TOPIC, ENGINE_MAX_BATCH_SIZE, ENGINE_MAX_QUEUE_SIZE,
            DATABEND_URL, DATABEND_USER, DATABEND_PASSWORD, DATABEND_DATABASE_MAPPING, DATABEND_STATE_DATABASE,
            DATABEND_TABLE_ROWS_PER_BLOCK,
            APPLY_BATCH_MAX_ROWS, APPLY_BATCH_MAX_MS, APPLY_PARALLELISM, APPLY_CONSUMER_GROUP,
            APPLY_SCHEMA_EVOLUTION, APPLY_ERRORS_TOLERANCE, APPLY_DEAD_LETTER_TOPIC, APPLY_KEY_COLUMNS,
            APPLY_TINYINT1_AS, APPLY_RETRY_MAX_ATTEMPTS, APPLY_RETRY_BACKOFF_MAX_MS,
            METRICS_ENABLED, METRICS_HOST, METRICS_PORT);

    // ---- cross-field rules -----------------------------------------------------------------

    public static final CrossFieldRule DATABASES_INCLUDE_OR_EXCLUDE = CrossFieldRule.notBoth(
            "databases-include-or-exclude", SOURCE_DATABASES_INCLUDE, SOURCE_DATABASES_EXCLUDE);

    public static final CrossFieldRule TABLES_INCLUDE_OR_EXCLUDE = CrossFieldRule.notBoth(
            "tables-include-or-exclude", SOURCE_TABLES_INCLUDE, SOURCE_TABLES_EXCLUDE);

    public static final CrossFieldRule OFFSETS_FILE_FOR_FILE_STORAGE = CrossFieldRule.requiredWhen(
            "offsets-file-for-file-storage", ENGINE_OFFSETS_FILE, ENGINE_OFFSETS_STORAGE, OffsetStorage.FILE);

    public static final CrossFieldRule DEAD_LETTER_TOPIC_FOR_DEAD_LETTER = CrossFieldRule.requiredWhen(
            "dead-letter-topic-for-dead-letter", APPLY_DEAD_LETTER_TOPIC, APPLY_ERRORS_TOLERANCE,
            ErrorTolerance.DEAD_LETTER);

    // Debezium itself refuses to start otherwise, later and less clearly
    public static final CrossFieldRule QUEUE_LARGER_THAN_BATCH = CrossFieldRule.of("queue-larger-than-batch",
            ENGINE_MAX_QUEUE_SIZE.name() + " must be larger than " + ENGINE_MAX_BATCH_SIZE.name(),
            List.of(ENGINE_MAX_QUEUE_SIZE, ENGINE_MAX_BATCH_SIZE),
            config -> config.get(ENGINE_MAX_QUEUE_SIZE) > config.get(ENGINE_MAX_BATCH_SIZE));

    public static final List<CrossFieldRule> RULES = List.of(DATABASES_INCLUDE_OR_EXCLUDE, TABLES_INCLUDE_OR_EXCLUDE,
            OFFSETS_FILE_FOR_FILE_STORAGE, DEAD_LETTER_TOPIC_FOR_DEAD_LETTER, QUEUE_LARGER_THAN_BATCH);

    // ---- pass-through prefixes -------------------------------------------------------------

    /** Passed, prefix stripped, to the Debezium connector and engine. */
    public static final String DEBEZIUM_PREFIX = "debezium.";
    public static final String KAFKA_PRODUCER_PREFIX = "kafka.producer.";
    public static final String KAFKA_CONSUMER_PREFIX = "kafka.consumer.";
    public static final String KAFKA_ADMIN_PREFIX = "kafka.admin.";

    public static final List<String> PASS_THROUGH_PREFIXES =
            List.of(DEBEZIUM_PREFIX, KAFKA_PRODUCER_PREFIX, KAFKA_CONSUMER_PREFIX, KAFKA_ADMIN_PREFIX);

    private static final Map<String, ConfigOption<?>> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(ConfigOption::name, Function.identity()));

    /** The option declared with this exact name. */
    public static Optional<ConfigOption<?>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
