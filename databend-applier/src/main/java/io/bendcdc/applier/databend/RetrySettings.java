package io.bendcdc.applier.databend;

import io.bendcdc.config.CdcConfig;
import io.bendcdc.config.CdcOptions;

/** How often, and how patiently, a Databend action failing for a transient reason is tried again. */
public record RetrySettings(int maxAttempts, long backoffMaxMs) {

    public static RetrySettings from(CdcConfig c) {
        return new RetrySettings(c.get(CdcOptions.APPLY_RETRY_MAX_ATTEMPTS), c.get(CdcOptions.APPLY_RETRY_BACKOFF_MAX_MS));
    }
}
