package io.bendcdc.it.bench;

import static io.bendcdc.it.support.LocalStack.mariadb;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import io.bendcdc.applier.ApplierMetrics;
import io.bendcdc.applier.ApplierSettings;
import io.bendcdc.applier.DatabendApplier;
import io.bendcdc.config.SourceConnector;
import io.bendcdc.engine.CdcEngine;
import io.bendcdc.it.support.ApplierFixture;
import io.bendcdc.it.support.EngineFixture;
import io.bendcdc.it.support.LocalStack;
import io.bendcdc.it.support.TableDump;

/**
 * Rows/s applying N upserts and N/5 deletes from Kafka into Databend, batch latency, peak heap.
 * The engine first publishes a snapshot of N rows and the deletes; then the applier alone is timed.
 *
 * <pre>local/bench applier [rows] [batchRows] [prefix:database]</pre>
 *
 * With {@code prefix:database} (printed by an earlier run) the topics that run published are
 * applied again into fresh target and state databases, without publishing anything.
 */
public final class ApplierBenchmark {

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int batchRows = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int deletes = rows / 5;
        boolean reuse = args.length > 2;
        String prefix = reuse ? args[2].substring(0, args[2].indexOf(':')) : EngineFixture.unique("benchapply");
        String db = reuse ? args[2].substring(args[2].indexOf(':') + 1) : EngineFixture.unique("bench_apply");
        System.out.printf("applier benchmark: %,d upserts then %,d deletes, batches of %,d rows, database %s%n",
                rows, deletes, batchRows, db);
        if (!reuse) {
            publish(rows, deletes, prefix, db);
            System.out.printf("to apply these topics again: local/bench applier %d %d %s:%s%n", rows, batchRows,
                    prefix, db);
        }
        String target = reuse ? EngineFixture.unique(db + "_again") : db;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        System.gc();
        ApplierSettings fixture = ApplierFixture.settings(prefix, Map.of(db, target), batchRows, 1000);
        ApplierSettings settings = reuse ? fixture.withStateDatabase(target + "_state") : fixture;
        ApplierMetrics metrics = new ApplierMetrics();
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        double upsertSeconds;
        double deleteSeconds;
        try (DatabendApplier applier = new DatabendApplier(settings, metrics)) {
            applier.start();
            upsertSeconds = waitForEvents(metrics, applier, rows, start, "upserts");
            long deletesStart = System.nanoTime();
            deleteSeconds = waitForEvents(metrics, applier, rows + deletes, start, "upserts + deletes")
                    - (deletesStart - start) / 1e9;
            long expected = rows - deletes;
            while (TableDump.databend("SELECT count(*) FROM \"" + target + "\".\"t\"").get(0).get(0).equals(
                    Long.toString(expected)) == false) {
                Thread.sleep(200);
            }
        }
        double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        report(rows, deletes, metrics, upsertSeconds, deleteSeconds);
        System.out.printf("| applier CPU (all threads, both phases) | %.1f s = %.1f µs per change |%n", cpuSeconds,
                cpuSeconds * 1e6 / (rows + deletes));
        if (!reuse) {
            mariadb("DROP DATABASE " + db);
        }
        System.exit(0);
    }

    private static void publish(int rows, int deletes, String prefix, String db) throws Exception {
        mariadb("CREATE DATABASE " + db, "USE " + db,
                "CREATE TABLE t (id INT PRIMARY KEY, a BIGINT, b VARCHAR(40), c DECIMAL(12,2), d DATETIME(6), "
                        + "e TIMESTAMP(6) NULL, f TEXT, g DOUBLE, h TINYINT(1), i DATE)");
        for (int start = 1; start <= rows; start += 100_000) {
            mariadb("USE " + db, "INSERT INTO t SELECT seq, seq * 7, CONCAT('name-', seq), seq / 100, "
                    + "'2024-05-06 07:08:09.123456' + INTERVAL seq SECOND, NOW(6), REPEAT('x', 50), seq / 3, seq % 2, "
                    + "'2020-01-01' + INTERVAL (seq % 1000) DAY FROM seq_" + start + "_to_" + Math.min(rows, start + 99_999));
        }
        String topic;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.kafkaBootstrap()));
                CdcEngine engine = new CdcEngine(EngineFixture.settings(SourceConnector.MARIADB, prefix, db))) {
            topic = prefix + "." + db + ".t";
            engine.start();
            waitForOffset(admin, topic, rows, "snapshot in Kafka");
            for (int from = 1; from <= deletes; from += 50_000) {
                mariadb("USE " + db, "DELETE FROM t WHERE id BETWEEN " + from + " AND " + Math.min(deletes, from + 49_999));
            }
            waitForOffset(admin, topic, rows + 2L * deletes, "deletes and tombstones in Kafka");
        }
    }

    private static void report(int rows, int deletes, ApplierMetrics metrics, double upsertSeconds,
            double deleteSeconds) {
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        long[] buckets = metrics.latencyBucketCounts();
        System.out.println();
        System.out.println("| measure | value |");
        System.out.println("|---|---|");
        System.out.printf("| upserts applied | %,d in %.1f s = %,.0f rows/s |%n", rows, upsertSeconds, rows / upsertSeconds);
        System.out.printf("| deletes applied | %,d in %.1f s = %,.0f rows/s |%n", deletes, deleteSeconds,
                deletes / deleteSeconds);
        System.out.printf("| batches | %,d (%,.0f events each on average) |%n", metrics.batches(),
                (double) metrics.batchEvents() / Math.max(1, metrics.batches()));
        System.out.printf("| batch latency p50 | ≤ %s s |%n", percentile(buckets, 0.50));
        System.out.printf("| batch latency p99 | ≤ %s s |%n", percentile(buckets, 0.99));
        System.out.printf("| mean batch latency | %.3f s |%n", metrics.latencySecondsSum() / Math.max(1, metrics.batches()));
        System.out.printf("| peak heap (applier phase, -Xmx%dm) | %,d MB |%n",
                Runtime.getRuntime().maxMemory() / (1024 * 1024), peakHeap / (1024 * 1024));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String percentile(long[] buckets, double q) {
        long total = 0;
        for (long b : buckets) {
            total += b;
        }
        long seen = 0;
        for (int i = 0; i < buckets.length; i++) {
            seen += buckets[i];
            if (seen >= Math.ceil(q * total)) {
                return i < ApplierMetrics.LATENCY_BUCKETS.length ? Double.toString(ApplierMetrics.LATENCY_BUCKETS[i])
                        : "+Inf";
            }
        }
        return "?";
    }

    private static double waitForEvents(ApplierMetrics metrics, DatabendApplier applier, long target, long start,
            String label) throws Exception {
        long lastReport = System.nanoTime();
        while (metrics.batchEvents() < target) {
            if (applier.completion().isCompletedExceptionally()) {
                applier.completion().join();
            }
            if (System.nanoTime() - lastReport > 5_000_000_000L) {
                System.out.printf("  %s: %,d of %,d events applied%n", label, metrics.batchEvents(), target);
                lastReport = System.nanoTime();
            }
            Thread.sleep(20);
        }
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s: %,d events applied after %.1f s%n", label, target, s);
        return s;
    }

    private static void waitForOffset(Admin admin, String topic, long target, String label) throws Exception {
        long start = System.nanoTime();
        while (true) {
            Map<TopicPartition, OffsetSpec> spec = new HashMap<>();
            spec.put(new TopicPartition(topic, 0), OffsetSpec.latest());
            long end;
            try {
                end = admin.listOffsets(spec).all().get().values().iterator().next().offset();
            } catch (Exception e) {
                end = 0;
            }
            if (end >= target) {
                System.out.printf("%s: %,d records after %.1f s%n", label, end, (System.nanoTime() - start) / 1e9);
                return;
            }
            Thread.sleep(200);
        }
    }

    private ApplierBenchmark() {
    }
}
