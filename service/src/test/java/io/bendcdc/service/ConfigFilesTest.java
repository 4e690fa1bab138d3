package io.bendcdc.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.bendcdc.config.CdcConfig;
import io.bendcdc.config.CdcOptions;
import io.bendcdc.config.ErrorTolerance;

/** The example configurations shipped in config/ load without a problem. */
class ConfigFilesTest {

    private static final Path DIR = Path.of("..", "config");

    @Test
    void localExampleLoadsWithoutAnyEnvironment() {
        CdcConfig c = CdcConfig.load(DIR.resolve("cdc-local.properties"), Map.of());
        assertThat(c.get(CdcOptions.SOURCE_PASSWORD)).isEqualTo("cdc");
        assertThat(c.get(CdcOptions.DATABEND_URL)).isEqualTo("jdbc:databend://127.0.0.1:8000/default");
        assertThat(c.get(CdcOptions.METRICS_ENABLED)).isTrue();
    }

    @Test
    void productionExampleTakesItsSecretsFromTheEnvironmentAndNeverShowsThem() {
        CdcConfig c = CdcConfig.load(DIR.resolve("cdc-production.properties"), Map.of(
                "SOURCE_HOST", "db.internal", "SOURCE_PASSWORD", "s3cret-source",
                "KAFKA_BOOTSTRAP_SERVERS", "k1:9092,k2:9092", "DATABEND_URL", "jdbc:databend://databend:8000/default",
                "DATABEND_PASSWORD", "s3cret-databend"));
        assertThat(c.get(CdcOptions.SOURCE_PASSWORD)).isEqualTo("s3cret-source");
        assertThat(c.get(CdcOptions.APPLY_ERRORS_TOLERANCE)).isEqualTo(ErrorTolerance.DEAD_LETTER);
        assertThat(c.describe()).doesNotContain("s3cret");
    }
}
