package io.bendcdc.engine;

import java.util.Objects;

import io.bendcdc.config.CdcConfig;
import io.bendcdc.contract.ChangeTopics;

/**
 * The engine's configuration, one part per concern, each read from the configuration beside its
 * user; kept apart from the generic configuration so that the engine can be built in tests
 * without a properties file.
 */
public record EngineSettings(SourceSettings source, CaptureSettings capture, TopicSettings kafka,
        OffsetSettings offsets) {

    public EngineSettings {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(capture, "capture");
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(offsets, "offsets");
    }

    public static EngineSettings from(CdcConfig c) {
        return new EngineSettings(SourceSettings.from(c), CaptureSettings.from(c), TopicSettings.from(c),
                OffsetSettings.from(c));
    }

    /** The topics this engine writes, named from its topic prefix. */
    public ChangeTopics topics() {
        return kafka.topics();
    }

    /** Without secrets: safe to log. */
    @Override
    public String toString() {
        return "EngineSettings[connector=" + source.connector() + ", source=" + source.user() + "@" + source.host() + ":"
                + source.port() + ", serverId=" + capture.serverId() + ", kafka=" + kafka.bootstrapServers()
                + ", topicPrefix=" + kafka.prefix() + ", offsets=" + offsets.storage() + ", snapshotMode="
                + capture.snapshotMode() + "]";
    }
}
