package io.bendcdc.it.service;

import static io.bendcdc.it.support.LocalStack.mariadb;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.bendcdc.applier.ApplierMetrics;
import io.bendcdc.it.support.EngineFixture;
import io.bendcdc.it.support.PrometheusScrape;
import io.bendcdc.it.support.ServiceConfig;
import io.bendcdc.service.ServiceRunner;

/** {@code /metrics} of a running service parses as Prometheus text and counts exactly the changes made. */
class MetricsEndpointIT {

    @Test
    void countersEqualTheChangesMadeAndHealthIsReady() throws Exception {
        // given a table with 10 rows and the service running (engine and applier in this JVM)
        String db = EngineFixture.unique("metrics");
        String prefix = EngineFixture.unique("metrics");
        String table = db + ".t";
        mariadb("CREATE DATABASE " + db, "USE " + db, "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20))",
                "INSERT INTO t SELECT seq, CONCAT('v', seq) FROM seq_1_to_10");
        try (ServiceRunner service = new ServiceRunner(ServiceConfig.load(ServiceConfig.properties(prefix, db, 0)),
                ServiceRunner.Mode.RUN)) {
            service.start();
            String base = "http://127.0.0.1:" + service.metricsPort();
            awaitApplied(base, table, 10, 0);

            // when 20 rows are inserted, 5 updated and 3 deleted, each step applied before the next
            mariadb("USE " + db, "INSERT INTO t SELECT seq, CONCAT('n', seq) FROM seq_11_to_30");
            awaitApplied(base, table, 30, 0);
            mariadb("USE " + db, "UPDATE t SET v = 'changed' WHERE id BETWEEN 1 AND 5");
            awaitApplied(base, table, 35, 0);
            mariadb("USE " + db, "DELETE FROM t WHERE id IN (28, 29, 30)");
            awaitApplied(base, table, 35, 3);

            // then the scrape parses strictly and its counters are exactly those changes
            PrometheusScrape m = PrometheusScrape.get(base + "/metrics");
            assertThat(m.value("bendcdc_rows_applied_total", Map.of("table", table, "op", "upsert"))).isEqualTo(35);
            assertThat(m.value("bendcdc_rows_applied_total", Map.of("table", table, "op", "delete"))).isEqualTo(3);
            assertThat(m.value("bendcdc_events_read_total", Map.of("table", table, "op", "upsert"))).isEqualTo(35);
            assertThat(m.value("bendcdc_events_read_total", Map.of("table", table, "op", "delete"))).isEqualTo(3);
            assertThat(m.value("bendcdc_snapshot_rows_read_total", Map.of("table", table))).isEqualTo(10);
            assertThat(m.value("bendcdc_engine_published_total", Map.of())).isGreaterThanOrEqualTo(38);
            assertThat(m.value("bendcdc_errors_total", Map.of())).isZero();
            assertThat(m.value("bendcdc_dead_lettered_total", Map.of())).isZero();
            assertThat(m.value("bendcdc_retries_total", Map.of())).isZero();
            assertThat(m.type("bendcdc_batch_latency_seconds")).isEqualTo("histogram");
            double batches = m.value("bendcdc_batches_total", Map.of());
            assertThat(batches).isGreaterThanOrEqualTo(4);
            assertCumulativeHistogram(m, batches);
            double lag = m.value("bendcdc_end_to_end_lag_seconds", Map.of());
            assertThat(lag).isGreaterThan(0).isLessThan(600);

            // and the service is ready, and live
            HttpResponse<String> health = get(base + "/health");
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"", "\"engine\":\"running\"", "\"applier\":\"running\"",
                    "\"kafka\":\"ok\"", "\"databend\":\"ok\"", "\"source\":\"ok\"");
            assertThat(get(base + "/health/live").statusCode()).isEqualTo(200);
            assertThat(get(base + "/nothing").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void healthIsNotReadyWhileDatabendCannotBeReachedButTheProcessIsLive() throws Exception {
        String prefix = EngineFixture.unique("unready");
        Map<String, String> props = new java.util.LinkedHashMap<>(ServiceConfig.properties(prefix, "nosuchdb", 0));
        props.put("databend.url", "jdbc:databend://127.0.0.1:" + ServiceConfig.freePort() + "/default");
        props.put("apply.retry.backoff.max.ms", "200");
        props.put("apply.parallelism", "1");
        try (ServiceRunner service = new ServiceRunner(ServiceConfig.load(props), ServiceRunner.Mode.APPLY)) {
            service.start();
            String base = "http://127.0.0.1:" + service.metricsPort();
            HttpResponse<String> health = get(base + "/health");
            assertThat(health.statusCode()).as(health.body()).isEqualTo(503);
            assertThat(health.body()).contains("\"status\":\"DOWN\"", "\"kafka\":\"ok\"", "\"databend\":\"unreachable",
                    "\"engine\":\"not run by this process\"");
            assertThat(get(base + "/health/live").statusCode()).isEqualTo(200);
        }
    }

    private static void assertCumulativeHistogram(PrometheusScrape m, double batches) {
        double previous = 0;
        for (double le : ApplierMetrics.LATENCY_BUCKETS) {
            String bound = le == Math.rint(le) ? Long.toString((long) le) : Double.toString(le);
            double v = m.value("bendcdc_batch_latency_seconds_bucket", Map.of("le", bound));
            assertThat(v).as("bucket le=" + bound).isGreaterThanOrEqualTo(previous);
            previous = v;
        }
        double inf = m.value("bendcdc_batch_latency_seconds_bucket", Map.of("le", "+Inf"));
        assertThat(inf).isGreaterThanOrEqualTo(previous).isEqualTo(batches);
        assertThat(m.value("bendcdc_batch_latency_seconds_count", Map.of())).isEqualTo(batches);
        assertThat(m.value("bendcdc_batch_latency_seconds_sum", Map.of())).isGreaterThan(0);
    }

    private static void awaitApplied(String base, String table, int upserts, int deletes) {
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            PrometheusScrape m = PrometheusScrape.get(base + "/metrics");
            assertThat(List.of(
                    m.valueOr("bendcdc_rows_applied_total", Map.of("table", table, "op", "upsert"), 0),
                    m.valueOr("bendcdc_rows_applied_total", Map.of("table", table, "op", "delete"), 0)))
                    .containsExactly((double) upserts, (double) deletes);
        });
    }

    static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
