package io.bendcdc.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import io.bendcdc.applier.ApplierMetrics;
import io.bendcdc.engine.CdcEngine;

/**
 * The {@code /metrics} page: the applier's counters and the engine's, as Prometheus text. Either
 * half may be absent (the {@code engine} and {@code apply} commands run one of them); its
 * families are then left out.
 */
final class PipelineMetrics {

    private final CdcEngine engine;
    private final ApplierMetrics applier;
    private final LongSupplier clockMs;

    /** @param engine may be null; @param applier may be null */
    PipelineMetrics(CdcEngine engine, ApplierMetrics applier, LongSupplier clockMs) {
        this.engine = engine;
        this.applier = applier;
        this.clockMs = clockMs;
    }

    String render() {
        PrometheusText p = new PrometheusText();
        if (engine != null) {
            p.family("bendcdc_engine_published_total", "counter",
                    "Change records the engine published to Kafka and Kafka acknowledged.");
            p.sample("bendcdc_engine_published_total", engine.publishedRecords());
            p.family("bendcdc_snapshot_rows_read_total", "counter",
                    "Rows read by snapshots (initial and incremental) since start, per source table.");
            engine.snapshotRowsByTable().forEach((table, rows) ->
                    p.sample("bendcdc_snapshot_rows_read_total", Map.of("table", table), rows));
        }
        if (applier != null) {
            perTableAndOp(p, "bendcdc_events_read_total",
                    "Change events the applier read from Kafka, per source table and operation.", applier.readCounts());
            perTableAndOp(p, "bendcdc_rows_applied_total",
                    "Rows written to Databend (after coalescing by key), per source table and operation.",
                    applier.appliedCounts());
            p.family("bendcdc_batches_total", "counter", "Batches committed to Databend.");
            p.sample("bendcdc_batches_total", applier.batches());
            p.histogram("bendcdc_batch_latency_seconds", "Time to write one batch to Databend, commit included.",
                    ApplierMetrics.LATENCY_BUCKETS, applier.latencyBucketCounts(), applier.latencySecondsSum());
            p.family("bendcdc_end_to_end_lag_seconds", "gauge",
                    "Now minus the source commit time of the newest change applied; 0 before the first.");
            long last = applier.lastSourceTsMs();
            p.sample("bendcdc_end_to_end_lag_seconds", last == 0 ? 0 : Math.max(0, clockMs.getAsLong() - last) / 1000.0);
            p.family("bendcdc_dead_lettered_total", "counter", "Change events sent to the dead letter topic.");
            p.sample("bendcdc_dead_lettered_total", applier.deadLettered());
            perLabel(p, "bendcdc_deletes_ignored_total", "table",
                    "Deletes not applied to append-only tables (no primary key, no apply.key.columns).",
                    applier.ignoredDeletes());
            perLabel(p, "bendcdc_replays_skipped_total", "topic",
                    "Re-published changes skipped as already applied (binlog position fence).",
                    applier.skippedReplays());
            perLabel(p, "bendcdc_table_rereads_total", "table",
                    "Times the applier asked the engine to read a source table again (an incremental snapshot):"
                            + " a column was added whose value on the rows already there it cannot derive.",
                    applier.rereads());
            p.family("bendcdc_retries_total", "counter", "Databend writes retried after a transient error.");
            p.sample("bendcdc_retries_total", applier.retries());
            p.family("bendcdc_errors_total", "counter", "Errors that stopped an applier worker.");
            p.sample("bendcdc_errors_total", applier.errors());
        }
        return p.toString();
    }

    private static void perLabel(PrometheusText p, String name, String label, String help, Map<String, Long> counts) {
        p.family(name, "counter", help);
        counts.forEach((key, value) -> p.sample(name, Map.of(label, key), value));
    }

    private static void perTableAndOp(PrometheusText p, String name, String help, Map<String, Long> counts) {
        p.family(name, "counter", help);
        counts.forEach((key, value) -> {
            // ApplierMetrics keys are "table|op"; a table name cannot contain '|' after the last one.
            int bar = key.lastIndexOf('|');
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("table", key.substring(0, bar));
            labels.put("op", key.substring(bar + 1));
            p.sample(name, labels, value);
        });
    }
}
