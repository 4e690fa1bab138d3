package io.bendcdc.engine;

import java.util.Objects;

import io.bendcdc.config.CdcConfig;
import io.bendcdc.config.CdcOptions;
import io.bendcdc.config.SourceConnector;

/** The source server and how to sign in: what every connection to it needs (Debezium's, the start check's, verify's, /health's). */
public record SourceSettings(SourceConnector connector, String host, int port, String user, String password,
        long connectTimeoutMs) {

    public SourceSettings {
        Objects.requireNonNull(connector, "connector");
    }

    public static SourceSettings from(CdcConfig c) {
        return new SourceSettings(c.get(CdcOptions.SOURCE_CONNECTOR), c.get(CdcOptions.SOURCE_HOST),
                c.get(CdcOptions.SOURCE_PORT), c.get(CdcOptions.SOURCE_USER), c.get(CdcOptions.SOURCE_PASSWORD),
                c.get(CdcOptions.SOURCE_CONNECT_TIMEOUT_MS));
    }

    /** Without the password: safe to log. */
    @Override
    public String toString() {
        return "SourceSettings[connector=" + connector + ", source=" + user + "@" + host + ":" + port + "]";
    }
}
