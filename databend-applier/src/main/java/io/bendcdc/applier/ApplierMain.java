package io.bendcdc.applier;

import java.nio.file.Path;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.bendcdc.config.CdcConfig;
import io.bendcdc.config.ConfigException;

/**
 * Runs the applier alone: {@code ApplierMain --config <file>}. Exit codes: 0 stopped cleanly (e.g.
 * on SIGTERM), 1 failed, 2 bad usage or configuration.
 */
public final class ApplierMain {

    private static final Logger LOG = LoggerFactory.getLogger(ApplierMain.class);

    private ApplierMain() {
    }

    public static void main(String[] args) {
        if (args.length != 2 || !"--config".equals(args[0])) {
            System.err.println("usage: ApplierMain --config <file.properties>");
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
        LOG.info("Starting the applier with:\n{}", config.describe());
        DatabendApplier applier = new DatabendApplier(ApplierSettings.from(config), new ApplierMetrics());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            applier.close();
            Runtime.getRuntime().halt(0);
        }, "applier-shutdown"));
        applier.start();
        try {
            applier.completion().join();
            System.exit(0);
        } catch (CompletionException e) {
            LOG.error("Applier failed: {}", e.getCause().getMessage());
            System.exit(1);
        }
    }
}
