package io.bendcdc.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import io.bendcdc.applier.ApplierMetrics;
import io.bendcdc.applier.ApplierSettings;
import io.bendcdc.applier.databend.DatabendConnections;
import io.bendcdc.engine.EngineSettings;
import io.bendcdc.engine.SourceConnections;

/**
 * Readiness of the service: each part in this process is running, the source, Kafka and Databend
 * answer, and the applier is not stuck (it applied something recently, or nothing is pending in
 * its topics). Results are cached for a second so that a busy prober does not load the servers.
 */
final class HealthCheck implements AutoCloseable {

    /** One check's outcome: {@code detail} is "ok", "running", or what is wrong. */
    record Part(boolean ok, String detail) {
        static Part ok(String detail) {
            return new Part(true, detail);
        }

        static Part bad(String detail) {
            return new Part(false, detail);
        }
    }

    /** The whole answer: ready when every part is. */
    record Health(boolean ready, Map<String, Part> parts) {
    }

    private static final long CACHE_MS = 1_000;
    private static final int TIMEOUT_S = 3;

    private final EngineSettings engine;
    private final ApplierSettings applier;
    private final ServiceRunner runner;
    private final long stuckAfterMs;
    private final LongSupplier clockMs;
    private final Admin admin;
    private final long startedMs;
    private final java.util.concurrent.ExecutorService pings = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "health-ping");
        t.setDaemon(true);
        return t;
    });
    private Health cached;
    private long cachedAtMs;

    /** @param engine null when the engine does not run here; @param applier likewise */
    HealthCheck(EngineSettings engine, ApplierSettings applier, String bootstrapServers, ServiceRunner runner,
            long stuckAfterMs, LongSupplier clockMs) {
        this.engine = engine;
        this.applier = applier;
        this.runner = runner;
        this.stuckAfterMs = stuckAfterMs;
        this.clockMs = clockMs;
        Map<String, Object> c = new HashMap<>();
        c.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(AdminClientConfig.CLIENT_ID_CONFIG, "bendcdc-health");
        c.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_S * 1000);
        c.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_S * 1000);
        this.admin = Admin.create(c);
        this.startedMs = clockMs.getAsLong();
    }

    synchronized Health check() {
        long now = clockMs.getAsLong();
        if (cached != null && now - cachedAtMs < CACHE_MS) {
            return cached;
        }
        Map<String, Part> parts = new LinkedHashMap<>();
        parts.put("engine", engine == null ? Part.ok("not run by this process") : running(runner.engineState()));
        parts.put("applier", applier == null ? Part.ok("not run by this process") : applierPart(now));
        parts.put("source", engine == null ? Part.ok("not used by this process") : source());
        parts.put("kafka", kafka());
        parts.put("databend", applier == null ? Part.ok("not used by this process") : databend());
        boolean ready = parts.values().stream().allMatch(Part::ok);
        cached = new Health(ready, parts);
        cachedAtMs = now;
        return cached;
    }

    private static Part running(CompletableFuture<Void> completion) {
        if (completion == null) {
            return Part.bad("starting");
        }
        if (!completion.isDone()) {
            return Part.ok("running");
        }
        if (completion.isCompletedExceptionally()) {
            try {
                completion.join();
            } catch (RuntimeException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                return Part.bad("failed: " + cause.getMessage());
            }
        }
        return Part.bad("stopped");
    }

    private Part applierPart(long now) {
        Part state = running(runner.applierState());
        if (!state.ok()) {
            return state;
        }
        ApplierMetrics m = runner.applierMetrics();
        long lastProgress = Math.max(startedMs, m.lastAppliedAtMs());
        if (now - lastProgress < stuckAfterMs) {
            return state;
        }
        try {
            long pending = pending();
            return pending == 0 ? state
                    : Part.bad("stuck: " + pending + " events pending and nothing applied for "
                            + (now - lastProgress) / 1000 + " s");
        } catch (Exception e) {
            return Part.bad("cannot read the applier's lag from Kafka: " + e.getMessage());
        }
    }

    /** Events in the change topics past what the applier's consumer group committed. */
    private long pending() throws Exception {
        Pattern changes = applier.topics().changeTopicPattern();
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applier.kafka().consumerGroup())
                .partitionsToOffsetAndMetadata().get(TIMEOUT_S, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (var d : admin.describeTopics(admin.listTopics().names().get(TIMEOUT_S, TimeUnit.SECONDS).stream()
                .filter(t -> changes.matcher(t).matches()).toList()).allTopicNames().get(TIMEOUT_S, TimeUnit.SECONDS)
                .values()) {
            d.partitions().forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                .get(TIMEOUT_S, TimeUnit.SECONDS);
        long pending = 0;
        for (var e : ends.entrySet()) {
            OffsetAndMetadata c = committed.get(e.getKey());
            pending += Math.max(0, e.getValue().offset() - (c == null ? 0 : c.offset()));
        }
        return pending;
    }

    private Part source() {
        return ping(() -> SourceConnections.open(engine.source(), TIMEOUT_S * 1000L));
    }

    private Part databend() {
        return ping(() -> DatabendConnections.open(applier.target()));
    }

    private interface Connect {
        Connection open() throws SQLException;
    }

    /**
     * Connects and runs SELECT 1 on a separate thread, so that a server that accepts connections
     * but never answers gives "no answer" after the timeout instead of holding the probe.
     */
    private Part ping(Connect connect) {
        CompletableFuture<Part> answer = CompletableFuture.supplyAsync(() -> {
            try (Connection c = connect.open(); Statement st = c.createStatement()) {
                st.execute("SELECT 1");
                return Part.ok("ok");
            } catch (Exception e) {
                return Part.bad("unreachable: " + e.getMessage());
            }
        }, pings);
        try {
            return answer.get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return Part.bad("no answer within " + TIMEOUT_S + " s");
        } catch (Exception e) {
            return Part.bad("unreachable: " + e.getMessage());
        }
    }

    private Part kafka() {
        try {
            int nodes = admin.describeCluster().nodes().get(TIMEOUT_S, TimeUnit.SECONDS).size();
            return nodes > 0 ? Part.ok("ok") : Part.bad("no brokers");
        } catch (Exception e) {
            return Part.bad("unreachable: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        pings.shutdownNow();
        admin.close();
    }
}
