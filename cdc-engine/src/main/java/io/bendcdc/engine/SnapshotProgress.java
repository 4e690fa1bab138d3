package io.bendcdc.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts snapshot reads per table and logs, at most every {@code intervalMs}, rows done of the
 * estimated total and the rate; logs once when a table's snapshot ends. Called from the single
 * publishing thread.
 *
 * <p>Records arrive in batches, each handed over when Debezium has read it: a small table can start
 * and end in one batch. A table's rows were read after the batch before its first one was handed
 * over, so that is when its snapshot started (the start of the engine, for the first batch).
 */
final class SnapshotProgress {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotProgress.class);

    private final ToLongFunction<String> estimateRows;
    private final long intervalMs;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    /** The hand-over time of the batch being recorded, and of the batch before it. */
    private long batchMs;
    private long previousBatchMs;
    private Done lastDone;
    // Rows read by snapshots (initial and incremental) per table since start, for the metrics endpoint.
    private final Map<String, java.util.concurrent.atomic.LongAdder> totals = new java.util.concurrent.ConcurrentHashMap<>();

    /** @param estimateRows "db.table" → estimated row count, or a negative number if unknown */
    SnapshotProgress(ToLongFunction<String> estimateRows, long intervalMs) {
        this(estimateRows, intervalMs, System.currentTimeMillis());
    }

    /** @param startMs when the engine started: the first table's snapshot started after it */
    SnapshotProgress(ToLongFunction<String> estimateRows, long intervalMs, long startMs) {
        this.estimateRows = estimateRows;
        this.intervalMs = intervalMs;
        this.batchMs = startMs;
        this.previousBatchMs = startMs;
    }

    /** A table whose snapshot ended: its rows, and how long reading them took. */
    record Done(String table, long rows, long millis) {
    }

    void record(SourceRecord record, long nowMs) {
        if (nowMs != batchMs) { // every batch counts: an incremental snapshot's rows come between streamed ones
            previousBatchMs = batchMs;
            batchMs = nowMs;
        }
        if (!(record.value() instanceof Struct value) || value.schema().field("op") == null
                || !"r".equals(value.getString("op"))) {
            return;
        }
        Struct source = value.getStruct("source");
        String table = source.getString("db") + "." + source.getString("table");
        totals.computeIfAbsent(table, k -> new java.util.concurrent.atomic.LongAdder()).increment();
        String marker = source.getString("snapshot");
        Table t = tables.computeIfAbsent(table, name -> new Table(name, estimateRows.applyAsLong(name),
                previousBatchMs, nowMs));
        t.rows++;
        if ("last".equals(marker) || "last_in_data_collection".equals(marker)) {
            long ms = Math.max(1, nowMs - t.startedMs);
            LOG.info("Snapshot of {} done: {} rows in {} s ({} rows/s)", table, t.rows, ms / 1000.0,
                    t.rows * 1000 / ms);
            lastDone = new Done(table, t.rows, ms);
            tables.remove(table);
        } else if (nowMs - t.loggedMs >= intervalMs) {
            t.log(nowMs);
        }
    }

    /** The table whose snapshot ended last; null before the first. */
    Done lastDone() {
        return lastDone;
    }

    Map<String, Long> rowsByTable() {
        Map<String, Long> rows = new LinkedHashMap<>();
        tables.forEach((k, v) -> rows.put(k, v.rows));
        return rows;
    }

    /** Rows read by snapshots per "db.table" since start; safe to call from any thread. */
    Map<String, Long> totalRowsByTable() {
        Map<String, Long> rows = new java.util.TreeMap<>();
        totals.forEach((k, v) -> rows.put(k, v.sum()));
        return rows;
    }

    private static final class Table {
        final String name;
        final long estimate;
        final long startedMs;
        long loggedMs;
        long loggedRows;
        long rows;

        Table(String name, long estimate, long startedMs, long nowMs) {
            this.name = name;
            this.estimate = estimate;
            this.startedMs = startedMs;
            this.loggedMs = nowMs;
            LOG.info("Snapshot of {} started (about {} rows)", name, estimate < 0 ? "?" : estimate);
        }

        void log(long nowMs) {
            long rate = (rows - loggedRows) * 1000 / Math.max(1, nowMs - loggedMs);
            if (estimate > 0) {
                LOG.info("Snapshot of {}: {} of about {} rows ({}%), {} rows/s", name, rows, estimate,
                        Math.min(100, rows * 100 / estimate), rate);
            } else {
                LOG.info("Snapshot of {}: {} rows, {} rows/s", name, rows, rate);
            }
            loggedMs = nowMs;
            loggedRows = rows;
        }
    }
}
