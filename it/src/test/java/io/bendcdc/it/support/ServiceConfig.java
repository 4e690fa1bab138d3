package io.bendcdc.it.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import io.bendcdc.config.CdcConfig;

/** A bendcdc configuration for the local stack capturing one database, one topic prefix per test. */
public final class ServiceConfig {

    private static final AtomicLong SERVER_IDS = new AtomicLong(8000 + (System.nanoTime() % 1000) * 10);

    private ServiceConfig() {
    }

    public static Map<String, String> properties(String prefix, String database, int metricsPort) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("source.connector", "mariadb");
        p.put("source.port", Integer.toString(LocalStack.mariadbPort()));
        p.put("source.user", LocalStack.CDC_USER);
        p.put("source.password", LocalStack.CDC_PASSWORD);
        p.put("source.server.id", Long.toString(SERVER_IDS.incrementAndGet()));
        p.put("source.databases.include", database);
        p.put("source.heartbeat.interval.ms", "1000");
        p.put("kafka.bootstrap.servers", LocalStack.kafkaBootstrap());
        p.put("kafka.topic.prefix", prefix);
        p.put("databend.url", LocalStack.databendUrl("default"));
        p.put("databend.state.database", prefix.replace('-', '_') + "_state");
        p.put("apply.consumer.group", prefix + "-applier");
        p.put("apply.batch.max.ms", "200");
        p.put("metrics.port", Integer.toString(metricsPort));
        return p;
    }

    public static CdcConfig load(Map<String, String> properties) {
        Properties props = new Properties();
        props.putAll(properties);
        return CdcConfig.from(props, Map.of());
    }

    public static Path write(Path dir, Map<String, String> properties) throws IOException {
        StringBuilder text = new StringBuilder();
        properties.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Path file = Files.createTempFile(dir, "cdc-", ".properties");
        Files.writeString(file, text);
        return file;
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
