package io.bendcdc.applier.coalesce;

import io.bendcdc.config.CdcConfig;
import io.bendcdc.config.CdcOptions;

/** When a table's buffered changes are written: at this many changes, or when the oldest has waited this long. */
public record BatchSettings(int maxRows, long maxMs) {

    public static BatchSettings from(CdcConfig c) {
        return new BatchSettings(c.get(CdcOptions.APPLY_BATCH_MAX_ROWS), c.get(CdcOptions.APPLY_BATCH_MAX_MS));
    }
}
