package io.bendcdc.engine;

import java.nio.file.Path;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.bendcdc.config.CdcConfig;
import io.bendcdc.config.ConfigException;
import io.bendcdc.history.SchemaHistoryException;

/**
 * Runs the engine alone: {@code EngineMain --config <file>}. Exit codes: 0 stopped cleanly (e.g.
 * on SIGTERM), 1 the engine failed or the source/Kafka could not be used, 2 bad usage or
 * configuration.
 */
public final class EngineMain {

    private static final Logger LOG = LoggerFactory.getLogger(EngineMain.class);

    private EngineMain() {
    }

    public static void main(String[] args) {
        if (args.length != 2 || !"--config".equals(args[0])) {
            System.err.println("usage: EngineMain --config <file.properties>");
            System.exit(2);
        }
        CdcConfig config;
        try {
            config = CdcConfig.load(Path.of(args[1]));
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(config));
    }

    static int run(CdcConfig config) {
        LOG.info("Starting the engine with:\n{}", config.describe());
        CdcEngine engine = new CdcEngine(EngineSettings.from(config));
        // SIGTERM runs shutdown hooks: flush what is in flight and commit offsets before exit.
        // A JVM ended by a signal exits with 128+signal; a clean stop on SIGTERM is exit 0.
        Thread hook = new Thread(() -> {
            engine.close();
            Runtime.getRuntime().halt(0);
        }, "engine-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            engine.start();
            engine.completion().join();
            return 0;
        } catch (SourceUnavailableException | SchemaHistoryException e) {
            LOG.error("Cannot start: {}", e.getMessage());
            return 1;
        } catch (CompletionException e) {
            LOG.error("Engine failed: {}", e.getCause().getMessage(), e.getCause());
            return 1;
        }
    }
}
