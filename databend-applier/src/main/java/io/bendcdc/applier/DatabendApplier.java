package io.bendcdc.applier;

import io.bendcdc.applier.order.SchemaSource;
import io.bendcdc.applier.order.PublishedDdl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.bendcdc.history.SchemaHistoryReader;

/**
 * The sink half of the pipeline: {@code apply.parallelism} workers of one Kafka consumer group,
 * each with its own Databend connection, applying change topics table by table.
 * {@link #completion()} ends exceptionally when a worker stops on an error.
 */
public final class DatabendApplier implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DatabendApplier.class);

    private final ApplierSettings settings;
    private final ApplierMetrics metrics;
    private final List<ApplierWorker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final CompletableFuture<Void> completion = new CompletableFuture<>();
    private SchemaSource schemas;
    private PublishedDdl publishedDdl;
    private SnapshotSignals snapshotSignals;

    public DatabendApplier(ApplierSettings settings, ApplierMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
    }

    public void start() {
        schemas = new SchemaSource(new SchemaHistoryReader(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafka().bootstrapServers()),
                settings.kafka().schemaHistoryTopic(), id -> true, Duration.ofSeconds(60)));
        publishedDdl = new PublishedDdl(settings.kafka().bootstrapServers(), settings.topics().schemaChangeTopic(),
                Duration.ofSeconds(60));
        snapshotSignals = new SnapshotSignals(settings.kafka().bootstrapServers(), settings.topics(), metrics);
        for (int i = 0; i < settings.parallelism(); i++) {
            ApplierWorker worker = new ApplierWorker("worker-" + i, settings, schemas, publishedDdl, metrics,
                    snapshotSignals);
            Thread t = new Thread(() -> {
                worker.run();
                onWorkerEnd(worker);
            }, "applier-" + i);
            workers.add(worker);
            threads.add(t);
            t.start();
        }
        LOG.info("Applier started: {}", settings);
    }

    public CompletableFuture<Void> completion() {
        return completion;
    }

    public ApplierMetrics metrics() {
        return metrics;
    }

    private synchronized void onWorkerEnd(ApplierWorker worker) {
        if (worker.failure() != null && !completion.isDone()) {
            completion.completeExceptionally(worker.failure());
            workers.forEach(ApplierWorker::stop);
        }
    }

    @Override
    public void close() {
        workers.forEach(ApplierWorker::stop);
        for (Thread t : threads) {
            try {
                t.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (schemas != null) {
            schemas.close();
        }
        if (publishedDdl != null) {
            publishedDdl.close();
        }
        if (snapshotSignals != null) {
            snapshotSignals.close();
        }
        completion.complete(null);
        LOG.info("Applier stopped");
    }
}
