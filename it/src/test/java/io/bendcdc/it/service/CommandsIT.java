package io.bendcdc.it.service;

import static io.bendcdc.it.support.LocalStack.mariadb;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bendcdc.it.support.CdcProcess;
import io.bendcdc.it.support.EngineFixture;
import io.bendcdc.it.support.PrometheusScrape;
import io.bendcdc.it.support.ServiceConfig;
import io.bendcdc.it.support.TableDump;

/** Each command of {@code bin/cdc} as a user runs it: its own JVM, its exit code, its output. */
class CommandsIT {

    @Test
    void runStopsCleanlyOnSigtermAndResumesWithoutSnapshotAgain_statusVerifyResyncWorkAlongside(@TempDir Path dir)
            throws Exception {
        // given a table and `cdc run`
        String db = EngineFixture.unique("cmdrun");
        String prefix = EngineFixture.unique("cmdrun");
        mariadb("CREATE DATABASE " + db, "USE " + db, "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20))",
                "INSERT INTO t SELECT seq, CONCAT('v', seq) FROM seq_1_to_5");
        int port = ServiceConfig.freePort();
        String config = ServiceConfig.write(dir, ServiceConfig.properties(prefix, db, port)).toString();
        Path log = dir.resolve("run.log");
        try (CdcProcess run = CdcProcess.start(log, "run", "--config", config)) {
            awaitReady(port, run);
            mariadb("INSERT INTO " + db + ".t VALUES (6, 'six')");
            awaitRows(db, 6, run);

            // when it gets SIGTERM, then it exits 0 after stopping the engine, then the applier
            assertThat(run.terminate(60)).as(run.output()).isZero();
            String out = run.output();
            assertThat(out).contains("Engine stopped", "Applier stopped");
            assertThat(out.indexOf("Engine stopped")).isLessThan(out.indexOf("Applier stopped"));
            assertThat(out).doesNotContain("password = cdc");
        }

        // and a change made while it was stopped is the only thing read after a restart: the engine's
        // offsets were committed (no new snapshot) and the applier resumed after what it applied
        mariadb("INSERT INTO " + db + ".t VALUES (7, 'seven')");
        try (CdcProcess run = CdcProcess.start(log, "run", "--config", config)) {
            awaitRows(db, 7, run);
            PrometheusScrape m = PrometheusScrape.get("http://127.0.0.1:" + port + "/metrics");
            assertThat(m.value("bendcdc_events_read_total", Map.of("table", db + ".t", "op", "upsert"))).isEqualTo(1);
            assertThat(m.value("bendcdc_snapshot_rows_read_total", Map.of("table", db + ".t"))).isNull();

            CdcProcess.Result status = CdcProcess.run(dir, 60, "status", "--config", config);
            assertThat(status.exitCode()).as(status.output()).isZero();
            assertThat(status.output()).contains(prefix + "." + db + ".t", "mariadb-bin.", "total lag: 0 events");

            CdcProcess.Result verify = CdcProcess.run(dir, 120, "verify", "--config", config);
            assertThat(verify.exitCode()).as(verify.output()).isZero();
            assertThat(verify.output()).contains(db + ".t  OK rows=7", "verify: OK (1 tables)");

            CdcProcess.Result resync = CdcProcess.run(dir, 60, "resync", "--config", config, "--table", db + ".t");
            assertThat(resync.exitCode()).as(resync.output()).isZero();
            assertThat(resync.output()).contains("resync: sent to topic " + prefix + ".signals",
                    "{\"type\":\"execute-snapshot\",\"data\":{\"data-collections\":[\"" + db + ".t\"],\"type\":\"incremental\"}}");

            assertThat(run.terminate(60)).as(run.output()).isZero();
        }
    }

    @Test
    void engineAndApplyRunAsSeparateProcessesAndStopCleanly(@TempDir Path dir) throws Exception {
        String db = EngineFixture.unique("cmdsplit");
        String prefix = EngineFixture.unique("cmdsplit");
        mariadb("CREATE DATABASE " + db, "USE " + db, "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20))",
                "INSERT INTO t VALUES (1, 'one')");
        int enginePort = ServiceConfig.freePort();
        int applyPort = ServiceConfig.freePort();
        String engineConfig = ServiceConfig.write(dir, ServiceConfig.properties(prefix, db, enginePort)).toString();
        String applyConfig = ServiceConfig.write(dir, ServiceConfig.properties(prefix, db, applyPort)).toString();
        try (CdcProcess engine = CdcProcess.start(dir.resolve("engine.log"), "engine", "--config", engineConfig);
                CdcProcess apply = CdcProcess.start(dir.resolve("apply.log"), "apply", "--config", applyConfig)) {
            awaitReady(enginePort, engine);
            awaitReady(applyPort, apply);
            mariadb("UPDATE " + db + ".t SET v = 'uno' WHERE id = 1", "INSERT INTO " + db + ".t VALUES (2, 'two')");
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptionsInstanceOf(IllegalStateException.class)
                    .until(() -> TableDump.databend("SELECT \"id\", \"v\" FROM \"" + db + "\".\"t\" ORDER BY \"id\"")
                            .equals(List.of(List.of("1", "uno"), List.of("2", "two"))));

            HttpResponse<String> health = MetricsEndpointIT.get("http://127.0.0.1:" + enginePort + "/health");
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(health.body()).contains("\"engine\":\"running\"", "\"applier\":\"not run by this process\"");
            String engineMetrics = MetricsEndpointIT.get("http://127.0.0.1:" + enginePort + "/metrics").body();
            assertThat(engineMetrics).contains("bendcdc_engine_published_total").doesNotContain("bendcdc_rows_applied_total");

            assertThat(engine.terminate(60)).as(engine.output()).isZero();
            assertThat(apply.terminate(60)).as(apply.output()).isZero();
        }
    }

    @Test
    void badUsageAndConfigurationExitTwoAndAFailingStartExitsOne(@TempDir Path dir) throws Exception {
        CdcProcess.Result noConfig = CdcProcess.run(dir, 60, "verify");
        assertThat(noConfig.exitCode()).isEqualTo(2);
        assertThat(noConfig.output()).contains("--config is required", "usage: bin/cdc verify");

        Path bad = dir.resolve("bad.properties");
        Files.writeString(bad, "source.user=cdc\nsource.pasword=x\nmetrics.port=99999\n");
        CdcProcess.Result badConfig = CdcProcess.run(dir, 60, "run", "--config", bad.toString());
        assertThat(badConfig.exitCode()).isEqualTo(2);
        assertThat(badConfig.output()).contains("source.pasword", "metrics.port");

        Map<String, String> props = new java.util.LinkedHashMap<>(
                ServiceConfig.properties(EngineFixture.unique("cmdbad"), "nosuchdb", ServiceConfig.freePort()));
        props.put("source.password", "wrong-password");
        CdcProcess.Result wrongPassword = CdcProcess.run(dir, 120, "engine", "--config",
                ServiceConfig.write(dir, props).toString());
        assertThat(wrongPassword.exitCode()).as(wrongPassword.output()).isEqualTo(1);
        assertThat(wrongPassword.output()).contains("source.password").doesNotContain("wrong-password");
    }

    private static void awaitReady(int port, CdcProcess process) {
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().untilAsserted(() -> {
                    assertThat(process.isAlive()).as(process.output()).isTrue();
                    assertThat(MetricsEndpointIT.get("http://127.0.0.1:" + port + "/health").statusCode()).isEqualTo(200);
                });
    }

    private static void awaitRows(String db, int rows, CdcProcess process) {
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(IllegalStateException.class).untilAsserted(() -> {
                    assertThat(process.isAlive()).as(process.output()).isTrue();
                    assertThat(TableDump.databend("SELECT COUNT(*) FROM \"" + db + "\".\"t\"")).isEqualTo(
                            List.of(List.of(Integer.toString(rows))));
                });
    }
}
