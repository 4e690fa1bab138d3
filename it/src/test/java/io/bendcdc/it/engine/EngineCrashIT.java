package io.bendcdc.it.engine;

import static io.bendcdc.it.support.LocalStack.mariadb;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.bendcdc.config.SourceConnector;
import io.bendcdc.it.support.EngineFixture;
import io.bendcdc.it.support.CdcProcess;
import io.bendcdc.it.support.LocalStack;
import io.bendcdc.it.support.TopicReader;
import io.bendcdc.it.support.TopicReader.Envelope;

/**
 * kill -9 of the engine in the middle of a load loses nothing and does not snapshot again.
 *
 * <p>Run with the mariadb connector only: against MariaDB, the mysql connector was seen to lose one
 * rows event (368 of 50,000 rows) when killed inside a transaction, as it restarts from binlog
 * file/position and skips events by count (docs/operations.md). The mariadb connector restarts
 * from the GTID and lost nothing.
 */
class EngineCrashIT {

    private static final int ROWS = 50_000;
    private static final int PER_TRANSACTION = 500;

    @ParameterizedTest
    @EnumSource(value = SourceConnector.class, names = "MARIADB")
    void killedDuringALoadTheEngineResumesWithoutLossOrResnapshot(SourceConnector connector, @TempDir Path dir)
            throws Exception {
        // given a running engine that has snapshotted a table of 3 rows
        String db = EngineFixture.unique("crash_" + connector.name().toLowerCase());
        String prefix = EngineFixture.unique("crash" + connector.name().toLowerCase());
        mariadb("CREATE DATABASE " + db, "CREATE TABLE " + db + ".t (id INT PRIMARY KEY, v VARCHAR(40))",
                "INSERT INTO " + db + ".t VALUES (-1,'a'),(-2,'b'),(-3,'c')");
        Path config = CdcProcess.config(dir, Map.of(
                "source.connector", connector.name().toLowerCase(),
                "source.port", Integer.toString(LocalStack.mariadbPort()),
                "source.user", LocalStack.CDC_USER, "source.password", LocalStack.CDC_PASSWORD,
                "source.server.id", Long.toString(7000 + System.nanoTime() % 1000),
                "source.databases.include", db,
                "kafka.bootstrap.servers", LocalStack.kafkaBootstrap(),
                "kafka.topic.prefix", prefix,
                "engine.offsets.flush.interval.ms", "200"));
        Path log = dir.resolve("engine.log");
        String topicName = prefix + "." + db + ".t";
        try (TopicReader topic = new TopicReader(topicName)) {
            CdcProcess first = CdcProcess.engine(config, log);
            assertThat(topic.readCount(3, Duration.ofSeconds(90))).as(first.output()).hasSize(3);

            // when 50k rows are inserted and the engine is killed with SIGKILL halfway through
            CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
                for (int start = 1; start <= ROWS; start += PER_TRANSACTION) {
                    mariadb("USE " + db, "INSERT INTO t SELECT seq, CONCAT('row ', seq) FROM seq_" + start + "_to_"
                            + (start + PER_TRANSACTION - 1));
                }
            });
            topic.readCount(3 + ROWS / 3, Duration.ofSeconds(120));
            first.kill9();
            load.join();
            try (CdcProcess second = CdcProcess.engine(config, log)) {
                // then after a restart every inserted row is in Kafka, and no row was read again by a snapshot
                List<Envelope> all = topic.readUntil(rs -> ids(rs).size() >= ROWS, Duration.ofSeconds(180));
                assertThat(ids(all)).as("ids published").hasSize(ROWS)
                        .containsAll(expectedIds());
                assertThat(all.stream().filter(e -> "r".equals(e.op())).count()).as("snapshot reads").isEqualTo(3);
                assertThat(second.terminate(30)).as("exit code after SIGTERM").isZero();
            }
        }
    }

    private static Set<Integer> ids(List<Envelope> records) {
        Set<Integer> ids = new TreeSet<>();
        for (Envelope e : records) {
            if ("c".equals(e.op())) {
                ids.add(e.after().path("id").asInt());
            }
        }
        return ids;
    }

    private static Set<Integer> expectedIds() {
        Set<Integer> ids = new TreeSet<>();
        for (int i = 1; i <= ROWS; i++) {
            ids.add(i);
        }
        return ids;
    }
}
