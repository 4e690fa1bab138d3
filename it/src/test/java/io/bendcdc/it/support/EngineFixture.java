package io.bendcdc.it.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.bendcdc.contract.ChangeTopics;
import io.bendcdc.engine.CaptureSettings;
import io.bendcdc.engine.EngineSettings;
import io.bendcdc.engine.OffsetSettings;
import io.bendcdc.engine.SourceSettings;
import io.bendcdc.engine.TopicSettings;
import io.bendcdc.config.OffsetStorage;
import io.bendcdc.config.SourceConnector;

/** Engine settings for the local stack, one topic prefix and server id per test. */
public final class EngineFixture {

    private static final AtomicLong SERVER_IDS = new AtomicLong(6000 + (System.nanoTime() % 1000) * 10);

    private EngineFixture() {
    }

    public static EngineSettings settings(SourceConnector connector, String prefix, String database) {
        return settings(connector, prefix, database, LocalStack.CDC_PASSWORD, LocalStack.mariadbPort());
    }

    public static EngineSettings settings(SourceConnector connector, String prefix, String database,
            String password, int port) {
        return new EngineSettings(
                new SourceSettings(connector, "127.0.0.1", port, LocalStack.CDC_USER, password, 5000),
                new CaptureSettings(SERVER_IDS.incrementAndGet(), List.of(database), List.of(), List.of(), List.of(),
                        "initial", 1000, "", 2048, 8192, Map.of()),
                new TopicSettings(LocalStack.kafkaBootstrap(), new ChangeTopics(prefix), 1, (short) 1,
                        7L * 24 * 3600 * 1000, prefix + ".schema-history", Map.of(), Map.of()),
                new OffsetSettings(OffsetStorage.KAFKA, prefix + ".offsets", null, 1000));
    }

    public static String unique(String base) {
        return base + "_" + Long.toString(System.currentTimeMillis() % 100_000_000, 36);
    }
}
