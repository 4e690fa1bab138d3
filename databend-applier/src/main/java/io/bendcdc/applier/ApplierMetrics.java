package io.bendcdc.applier;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.bendcdc.applier.decode.ChangeEvent;

/**
 * Counters the applier keeps; read by the service's metrics endpoint and by benchmarks. Thread
 * safe: workers update them concurrently.
 */
public final class ApplierMetrics {

    /** Upper bounds, in seconds, of the batch latency histogram's buckets. */
    public static final double[] LATENCY_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final Map<String, LongAdder> read = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> applied = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> ignoredDeletes = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> skipped = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> rereads = new ConcurrentHashMap<>();
    private final LongAdder batches = new LongAdder();
    private final LongAdder batchEvents = new LongAdder();
    private final LongAdder[] latencyBuckets = new LongAdder[LATENCY_BUCKETS.length + 1];
    private final LongAdder latencyNanos = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder deadLettered = new LongAdder();
    private final AtomicLong lastSourceTsMs = new AtomicLong();
    private final AtomicLong lastAppliedAtMs = new AtomicLong();

    public ApplierMetrics() {
        for (int i = 0; i < latencyBuckets.length; i++) {
            latencyBuckets[i] = new LongAdder();
        }
    }

    void read(String table, ChangeEvent.Op op) {
        read.computeIfAbsent(table + "|" + op.name().toLowerCase(), k -> new LongAdder()).increment();
    }

    public void applied(String table, Collection<ChangeEvent> survivors) {
        long newest = 0;
        for (ChangeEvent e : survivors) {
            applied.computeIfAbsent(table + "|" + e.op().name().toLowerCase(), k -> new LongAdder()).increment();
            newest = Math.max(newest, e.sourceTsMs());
        }
        long n = newest;
        lastSourceTsMs.accumulateAndGet(n, Math::max);
        lastAppliedAtMs.set(System.currentTimeMillis());
    }

    void ignoredDelete(String table) {
        ignoredDeletes.computeIfAbsent(table, k -> new LongAdder()).increment();
    }

    void skipped(String topic) {
        skipped.computeIfAbsent(topic, k -> new LongAdder()).increment();
    }

    void reread(String table) {
        rereads.computeIfAbsent(table, k -> new LongAdder()).increment();
    }

    public void batch(long nanos, int events) {
        batches.increment();
        batchEvents.add(events);
        latencyNanos.add(nanos);
        double seconds = nanos / 1e9;
        int i = 0;
        while (i < LATENCY_BUCKETS.length && seconds > LATENCY_BUCKETS[i]) {
            i++;
        }
        latencyBuckets[i].increment();
    }

    void retry() {
        retries.increment();
    }

    void error() {
        errors.increment();
    }

    public void deadLetter() {
        deadLettered.increment();
    }

    /** Events read per "table|op". */
    public Map<String, Long> readCounts() {
        return snapshot(read);
    }

    /** Rows written (upserted or deleted, after coalescing) per "table|op". */
    public Map<String, Long> appliedCounts() {
        return snapshot(applied);
    }

    public Map<String, Long> ignoredDeletes() {
        return snapshot(ignoredDeletes);
    }

    public Map<String, Long> skippedReplays() {
        return snapshot(skipped);
    }

    /**
     * Per source table, how often the applier asked the engine to read it again because a column
     * was added whose value on the rows already there it could not derive.
     */
    public Map<String, Long> rereads() {
        return snapshot(rereads);
    }

    public long batches() {
        return batches.sum();
    }

    public long batchEvents() {
        return batchEvents.sum();
    }

    /** Counts per latency bucket (not cumulative); the last bucket is +Inf. */
    public long[] latencyBucketCounts() {
        long[] c = new long[latencyBuckets.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = latencyBuckets[i].sum();
        }
        return c;
    }

    public double latencySecondsSum() {
        return latencyNanos.sum() / 1e9;
    }

    public long retries() {
        return retries.sum();
    }

    public long errors() {
        return errors.sum();
    }

    public long deadLettered() {
        return deadLettered.sum();
    }

    /** Source commit time of the newest change applied, in epoch ms; 0 before the first. */
    public long lastSourceTsMs() {
        return lastSourceTsMs.get();
    }

    public long lastAppliedAtMs() {
        return lastAppliedAtMs.get();
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> m) {
        Map<String, Long> out = new java.util.TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
