package io.bendcdc.engine;

import java.nio.file.Path;

import io.bendcdc.config.CdcConfig;
import io.bendcdc.config.CdcOptions;
import io.bendcdc.config.OffsetStorage;

/** Where the engine keeps its source offsets (a Kafka topic, or a file) and how often it writes them. */
public record OffsetSettings(OffsetStorage storage, String topic, Path file, long flushIntervalMs) {

    public OffsetSettings {
        if (storage == OffsetStorage.FILE && file == null) {
            throw new IllegalArgumentException("file offset storage needs an offsets file");
        }
    }

    public static OffsetSettings from(CdcConfig c) {
        String file = c.get(CdcOptions.ENGINE_OFFSETS_FILE);
        return new OffsetSettings(c.get(CdcOptions.ENGINE_OFFSETS_STORAGE), c.offsetsTopic(),
                file.isEmpty() ? null : Path.of(file), c.get(CdcOptions.ENGINE_OFFSETS_FLUSH_INTERVAL_MS));
    }
}
