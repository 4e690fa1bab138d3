package io.bendcdc.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    @Test
    void labelValuesAreEscapedAsTheFormatRequires() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("table", "db.\"odd\\name\nx");
        labels.put("op", "upsert");
        String text = new PrometheusText().family("m_total", "counter", "Help with \\ and\nnewline")
                .sample("m_total", labels, 3).toString();
        assertThat(text).isEqualTo("""
                # HELP m_total Help with \\\\ and\\nnewline
                # TYPE m_total counter
                m_total{table="db.\\"odd\\\\name\\nx",op="upsert"} 3
                """);
    }

    @Test
    void histogramBucketsAreCumulativeWithInfSumAndCount() {
        String text = new PrometheusText().histogram("lat_seconds", "Latency.", new double[] {0.5, 1},
                new long[] {2, 0, 3}, 4.25).toString();
        assertThat(text).isEqualTo("""
                # HELP lat_seconds Latency.
                # TYPE lat_seconds histogram
                lat_seconds_bucket{le="0.5"} 2
                lat_seconds_bucket{le="1"} 2
                lat_seconds_bucket{le="+Inf"} 5
                lat_seconds_sum 4.25
                lat_seconds_count 5
                """);
    }

    @Test
    void numbersAreWholeWhenWholeAndSpecialValuesUseTheFormatsSpelling() {
        assertThat(PrometheusText.number(12)).isEqualTo("12");
        assertThat(PrometheusText.number(0.25)).isEqualTo("0.25");
        assertThat(PrometheusText.number(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(PrometheusText.number(Double.NaN)).isEqualTo("NaN");
    }

    @Test
    void pipelineMetricsWithoutAnEngineListEveryApplierFamilyOnce() {
        String text = new PipelineMetrics(null, new io.bendcdc.applier.ApplierMetrics(), () -> 0).render();
        assertThat(text.lines().filter(l -> l.startsWith("# TYPE")).map(l -> l.split(" ")[2]))
                .containsExactly("bendcdc_events_read_total", "bendcdc_rows_applied_total", "bendcdc_batches_total",
                        "bendcdc_batch_latency_seconds", "bendcdc_end_to_end_lag_seconds",
                        "bendcdc_dead_lettered_total", "bendcdc_deletes_ignored_total",
                        "bendcdc_replays_skipped_total", "bendcdc_table_rereads_total", "bendcdc_retries_total",
                        "bendcdc_errors_total");
        assertThat(text).contains("bendcdc_end_to_end_lag_seconds 0\n", "bendcdc_batch_latency_seconds_count 0\n");
    }
}
