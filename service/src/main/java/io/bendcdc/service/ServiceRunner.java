package io.bendcdc.service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.bendcdc.applier.ApplierMetrics;
import io.bendcdc.applier.ApplierSettings;
import io.bendcdc.applier.DatabendApplier;
import io.bendcdc.config.CdcConfig;
import io.bendcdc.config.CdcOptions;
import io.bendcdc.engine.CdcEngine;
import io.bendcdc.engine.EngineSettings;

/**
 * Runs the engine, the applier, or both in this process, with the metrics and health endpoint.
 * {@link #close()} stops the engine first, so that its offsets are committed for what Kafka
 * acknowledged, then the applier, which writes what it has buffered.
 */
public final class ServiceRunner implements AutoCloseable {

    /** What runs: both halves ({@code run}), or one of them. */
    public enum Mode {
        RUN(true, true), ENGINE(true, false), APPLY(false, true);

        final boolean engine;
        final boolean applier;

        Mode(boolean engine, boolean applier) {
            this.engine = engine;
            this.applier = applier;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);

    private final CdcConfig config;
    private final Mode mode;
    private final ApplierMetrics applierMetrics = new ApplierMetrics();
    private volatile CdcEngine engine;
    private volatile DatabendApplier applier;
    private MetricsEndpoint endpoint;
    private HealthCheck health;
    private volatile boolean failed;
    private boolean closed;

    public ServiceRunner(CdcConfig config, Mode mode) {
        this.config = config;
        this.mode = mode;
    }

    /**
     * Starts the endpoint, then the applier and the engine. Throws if a part cannot start (e.g. the
     * source check fails); what started is then closed.
     */
    public void start() throws IOException {
        EngineSettings engineSettings = mode.engine ? EngineSettings.from(config) : null;
        ApplierSettings applierSettings = mode.applier ? ApplierSettings.from(config) : null;
        try {
            EndpointSettings http = EndpointSettings.from(config);
            if (http.enabled()) {
                long stuckAfterMs = Math.max(60_000, 10 * config.get(CdcOptions.APPLY_BATCH_MAX_MS));
                health = new HealthCheck(engineSettings, applierSettings, config.get(CdcOptions.KAFKA_BOOTSTRAP_SERVERS),
                        this, stuckAfterMs, System::currentTimeMillis);
                endpoint = new MetricsEndpoint(http.host(), http.port(),
                        () -> new PipelineMetrics(engine, mode.applier ? applierMetrics : null,
                                System::currentTimeMillis).render(),
                        health::check);
            }
            if (mode.applier) {
                DatabendApplier a = new DatabendApplier(applierSettings, applierMetrics);
                a.start();
                applier = a;
            }
            if (mode.engine) {
                CdcEngine e = new CdcEngine(engineSettings);
                engine = e; // visible to close() even if start() fails half way
                e.start();
            }
        } catch (RuntimeException | IOException e) {
            failed = true;
            close();
            throw e;
        }
    }

    /**
     * Blocks until a part stops. Returns 0 when stopped by {@link #close()} (e.g. SIGTERM), 1 when
     * a part failed.
     */
    public int awaitExit() {
        List<CompletableFuture<Void>> parts = new ArrayList<>();
        if (engine != null) {
            parts.add(engine.completion());
        }
        if (applier != null) {
            parts.add(applier.completion());
        }
        try {
            CompletableFuture.anyOf(parts.toArray(CompletableFuture[]::new)).join();
            return exitCode();
        } catch (CompletionException e) {
            failed = true;
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            LOG.error("Stopping: {}", cause.getMessage(), cause);
            close();
            return 1;
        }
    }

    /** 0 unless a part failed. */
    public int exitCode() {
        return failed ? 1 : 0;
    }

    /** Port of the metrics endpoint, or -1 when metrics are disabled. */
    public int metricsPort() {
        return endpoint == null ? -1 : endpoint.port();
    }

    public ApplierMetrics applierMetrics() {
        return applierMetrics;
    }

    CompletableFuture<Void> engineState() {
        CdcEngine e = engine;
        return e == null ? null : e.completion();
    }

    CompletableFuture<Void> applierState() {
        DatabendApplier a = applier;
        return a == null ? null : a.completion();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // Engine first: its offsets are committed for what Kafka acknowledged; the applier then
        // writes everything it has buffered and records it in the state table.
        if (engine != null) {
            try {
                engine.close();
            } catch (RuntimeException e) {
                failed = true;
                LOG.error("Engine did not stop cleanly: {}", e.getMessage(), e);
            }
        }
        if (applier != null) {
            applier.close();
        }
        if (endpoint != null) {
            endpoint.close();
        }
        if (health != null) {
            health.close();
        }
    }
}
