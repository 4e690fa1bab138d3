package io.bendcdc.it.bench;

import static io.bendcdc.it.support.LocalStack.mariadb;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.source.SourceRecord;

import io.bendcdc.config.SourceConnector;
import io.bendcdc.engine.CdcEngine;
import io.bendcdc.engine.DebeziumConnectorProperties;
import io.bendcdc.engine.EngineSettings;
import io.bendcdc.it.support.EngineFixture;
import io.bendcdc.it.support.LocalStack;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;

/**
 * Events/s from binlog to Kafka, for a snapshot of N rows and for N streamed updates, beside the
 * raw engine rate for the same work with events discarded. Prints its figures; asserts nothing.
 *
 * <pre>local/bench engine [rows] [MYSQL|MARIADB] [noraw]</pre>
 */
public final class EngineBenchmark {

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        SourceConnector connector = args.length > 1 ? SourceConnector.valueOf(args[1]) : SourceConnector.MARIADB;
        boolean withRaw = args.length <= 2 || !"noraw".equals(args[2]);
        String db = EngineFixture.unique("bench_engine");
        System.out.printf("engine benchmark: %,d rows, %s connector, database %s%n", rows, connector, db);
        mariadb("CREATE DATABASE " + db, "USE " + db,
                "CREATE TABLE t (id INT PRIMARY KEY, a BIGINT, b VARCHAR(40), c DECIMAL(12,2), d DATETIME(6), "
                        + "e TIMESTAMP(6) NULL, f TEXT)");
        long t0 = System.nanoTime();
        for (int start = 1; start <= rows; start += 100_000) {
            mariadb("USE " + db, "INSERT INTO t SELECT seq, seq * 7, CONCAT('name-', seq), seq / 100, "
                    + "'2024-05-06 07:08:09.123456' + INTERVAL seq SECOND, NOW(6), REPEAT('x', 50) FROM seq_" + start
                    + "_to_" + Math.min(rows, start + 99_999));
        }
        System.out.printf("loaded %,d rows in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);

        double rawSnapshot = Double.NaN;
        double rawStreaming = Double.NaN;
        if (withRaw) {
        // Raw engine: Connect records counted and discarded, no JSON, no Kafka.
        EngineSettings raw = EngineFixture.settings(connector, EngineFixture.unique("benchraw"), db);
        Properties rawProps = DebeziumConnectorProperties.of(raw);
        rawProps.setProperty("offset.storage", "org.apache.kafka.connect.storage.MemoryOffsetBackingStore");
        rawProps.setProperty("schema.history.internal", "io.debezium.relational.history.MemorySchemaHistory");
        AtomicLong rawCount = new AtomicLong();
        ExecutorService runner = Executors.newSingleThreadExecutor();
        DebeziumEngine<RecordChangeEvent<SourceRecord>> rawEngine = DebeziumEngine
                .create(ChangeEventFormat.of(io.debezium.embedded.Connect.class)).using(rawProps)
                .notifying((records, committer) -> {
                    for (RecordChangeEvent<SourceRecord> r : records) {
                        if (r.record().topic().endsWith(".t")) {
                            rawCount.incrementAndGet();
                        }
                        committer.markProcessed(r);
                    }
                    committer.markBatchFinished();
                }).build();
        runner.execute(rawEngine);
        rawSnapshot = measure("raw engine, snapshot", rawCount::get, rows, System.nanoTime());
        rawStreaming = streamUpdates("raw engine, streaming", db, rows, rawCount::get, 2L * rows);
        rawEngine.close();
        runner.shutdown();
        }

        // The product: envelopes to Kafka, offsets after acks.
        EngineSettings settings = EngineFixture.settings(connector, EngineFixture.unique("bench"), db);
        String topic = settings.topics().changeTopic(new io.bendcdc.contract.TableId(db, "t"));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.kafkaBootstrap()));
                CdcEngine engine = new CdcEngine(settings)) {
            LongSupplier inKafka = () -> endOffset(admin, topic);
            long start = System.nanoTime();
            engine.start();
            double snapshot = measure("to Kafka, snapshot", inKafka, rows, start);
            double streaming = streamUpdates("to Kafka, streaming", db, rows, inKafka, 2L * rows);
            System.out.println();
            System.out.println("| path | snapshot events/s | streaming events/s |");
            System.out.println("|---|---|---|");
            System.out.printf("| raw engine, events discarded | %,.0f | %,.0f |%n", rawSnapshot, rawStreaming);
            System.out.printf("| engine → Kafka (JSON envelope, acks=all) | %,.0f | %,.0f |%n", snapshot, streaming);
        }
        mariadb("DROP DATABASE " + db);
        System.exit(0);
    }

    private static double streamUpdates(String label, String db, int rows, LongSupplier count, long target)
            throws Exception {
        long start = System.nanoTime();
        ExecutorService updates = Executors.newSingleThreadExecutor();
        updates.submit(() -> {
            for (int from = 1; from <= rows; from += 50_000) {
                mariadb("USE " + db, "UPDATE t SET a = a + 1 WHERE id BETWEEN " + from + " AND " + (from + 49_999));
            }
        });
        double rate = measure(label, count, target - rows, start, count.getAsLong());
        updates.shutdown();
        return rate;
    }

    private static double measure(String label, LongSupplier count, long expected, long startNanos) throws Exception {
        return measure(label, count, expected, startNanos, 0);
    }

    private static double measure(String label, LongSupplier count, long expected, long startNanos, long base)
            throws Exception {
        long lastReport = System.nanoTime();
        long deadline = startNanos + 900_000_000_000L;
        while (count.getAsLong() - base < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(label + ": only " + (count.getAsLong() - base) + " of " + expected);
            }
            if (System.nanoTime() - lastReport > 5_000_000_000L) {
                System.out.printf("  %s: %,d of %,d%n", label, count.getAsLong() - base, expected);
                lastReport = System.nanoTime();
            }
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double rate = expected / seconds;
        System.out.printf("%s: %,d events in %.1f s = %,.0f events/s%n", label, expected, seconds, rate);
        return rate;
    }

    private static long endOffset(Admin admin, String topic) {
        try {
            Map<TopicPartition, OffsetSpec> spec = new HashMap<>();
            spec.put(new TopicPartition(topic, 0), OffsetSpec.latest());
            return admin.listOffsets(spec).all().get().values().iterator().next().offset();
        } catch (Exception e) {
            return 0;
        }
    }

    private EngineBenchmark() {
    }

}
