package io.bendcdc.service;

import io.bendcdc.config.CdcConfig;
import io.bendcdc.config.CdcOptions;

/** The HTTP endpoint of {@code /health} and {@code /metrics}: whether it runs, and where it listens. */
record EndpointSettings(boolean enabled, String host, int port) {

    static EndpointSettings from(CdcConfig c) {
        return new EndpointSettings(c.get(CdcOptions.METRICS_ENABLED), c.get(CdcOptions.METRICS_HOST),
                c.get(CdcOptions.METRICS_PORT));
    }
}
