package io.bendcdc.it.pipeline;

import static io.bendcdc.it.support.LocalStack.mariadb;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bendcdc.applier.ApplierMetrics;
import io.bendcdc.applier.ApplierSettings;
import io.bendcdc.applier.DatabendApplier;
import io.bendcdc.config.SourceConnector;
import io.bendcdc.engine.CdcEngine;
import io.bendcdc.it.support.ApplierFixture;
import io.bendcdc.it.support.EngineFixture;
import io.bendcdc.it.support.LocalStack;
import io.bendcdc.it.support.CdcProcess;
import io.bendcdc.it.support.TableDump;

/** Replays and crashes of the applier leave Databend equal to the source. */
class ApplierRecoveryIT {

    private static final String COLUMNS = "id, v, n";

    @Test
    void replayOfEveryTopicFromOffsetZeroLeavesTheTargetUnchanged() throws Exception {
        // given a pipeline that has applied a table's snapshot and changes
        String db = EngineFixture.unique("replay");
        String prefix = EngineFixture.unique("replay");
        mariadb("CREATE DATABASE " + db, "USE " + db, "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20), n INT)",
                "INSERT INTO t SELECT seq, CONCAT('v', seq), seq FROM seq_1_to_500");
        ApplierSettings settings = ApplierFixture.settings(prefix, Map.of(), 1000);
        try (CdcEngine engine = new CdcEngine(EngineFixture.settings(SourceConnector.MARIADB, prefix, db))) {
            engine.start();
            mariadb("USE " + db, "UPDATE t SET v = 'changed' WHERE id % 3 = 0", "DELETE FROM t WHERE id % 5 = 0",
                    "INSERT INTO t VALUES (1000, 'late', 0)");
            try (DatabendApplier applier = new DatabendApplier(settings, new ApplierMetrics())) {
                applier.start();
                PipelineIT.awaitSame(db, COLUMNS, applier);
            }
            List<List<String>> applied = TableDump.databend(select(db));

            // when a new applier with the same state reads every topic from offset 0 (a new consumer group)
            ApplierMetrics replayMetrics = new ApplierMetrics();
            try (DatabendApplier replay = new DatabendApplier(settings.withConsumerGroup(prefix + "-replay"), replayMetrics)) {
                replay.start();
                Thread.sleep(5_000);
                // then nothing is written again and the target is unchanged
                assertThat(replayMetrics.appliedCounts()).isEmpty();
                assertThat(TableDump.databend(select(db))).isEqualTo(applied);
            }

            // and when even the state is lost, re-applying everything from offset 0 converges to the same rows
            try (Connection c = DriverManager.getConnection(LocalStack.databendUrl("default"), "root", "");
                    Statement st = c.createStatement()) {
                st.execute("DELETE FROM \"" + settings.target().stateDatabase() + "\".\"applied_offsets\" WHERE 1 = 1");
            }
            ApplierMetrics again = new ApplierMetrics();
            try (DatabendApplier replay = new DatabendApplier(settings.withConsumerGroup(prefix + "-again"), again)) {
                replay.start();
                // every row is written again (the changes may have been folded into the snapshot)
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> again.batchEvents() >= applied.size());
                PipelineIT.awaitSame(db, COLUMNS, replay);
                assertThat(TableDump.databend(select(db))).isEqualTo(applied);
            }
        }
    }

    @Test
    void killedWithSigkillAtRandomPointsDuringALoadTheApplierConvergesToTheSource(@TempDir Path dir)
            throws Exception {
        // given the engine running and an applier process
        String db = EngineFixture.unique("akill");
        String prefix = EngineFixture.unique("akill");
        mariadb("CREATE DATABASE " + db, "USE " + db,
                "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(40), n INT)");
        Path config = CdcProcess.config(dir, Map.of(
                "source.user", LocalStack.CDC_USER,
                "kafka.bootstrap.servers", LocalStack.kafkaBootstrap(),
                "kafka.topic.prefix", prefix,
                "databend.url", LocalStack.databendUrl("default"),
                "databend.state.database", prefix + "_state",
                "apply.consumer.group", prefix + "-applier",
                "apply.batch.max.rows", "5000",
                "apply.batch.max.ms", "300"));
        Path log = dir.resolve("applier.log");
        Random random = new Random(42);
        try (CdcEngine engine = new CdcEngine(EngineFixture.settings(SourceConnector.MARIADB, prefix, db))) {
            engine.start();
            // when 100k changes are made (inserts, updates, deletes) while the applier is killed three times
            CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 20; i++) {
                    int from = i * 3000 + 1;
                    mariadb("USE " + db,
                            "INSERT INTO t SELECT seq, CONCAT('row ', seq), 0 FROM seq_" + from + "_to_" + (from + 2999),
                            "UPDATE t SET n = n + 1, v = CONCAT(v, '+') WHERE id BETWEEN " + (from - 1500) + " AND "
                                    + (from + 1499),
                            "DELETE FROM t WHERE id BETWEEN " + from + " AND " + (from + 199));
                }
            });
            for (int kill = 0; kill < 3; kill++) {
                CdcProcess applier = CdcProcess.applier(config, log);
                Thread.sleep(4_000 + random.nextInt(4_000));
                applier.kill9();
            }
            load.join();
            try (CdcProcess last = CdcProcess.applier(config, log)) {
                // then, after a final restart, Databend equals the source row for row
                Awaitility.await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(2))
                        .ignoreExceptionsInstanceOf(IllegalStateException.class).untilAsserted(() -> {
                            if (!last.isAlive()) {
                                throw new RuntimeException("the applier exited:\n" + last.output());
                            }
                            assertThat(TableDump.databend(select(db))).isEqualTo(TableDump.mariadb(
                                    "SELECT " + COLUMNS + " FROM " + db + ".t ORDER BY id"));
                        });
                assertThat(last.terminate(30)).isZero();
            }
        }
    }

    private static String select(String db) {
        return "SELECT \"id\", \"v\", \"n\" FROM \"" + db + "\".\"t\" ORDER BY \"id\"";
    }

}
