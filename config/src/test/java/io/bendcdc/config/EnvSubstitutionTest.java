package io.bendcdc.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class EnvSubstitutionTest {

    private static Properties props(String key, String value) {
        Properties props = new Properties();
        props.setProperty("source.user", "cdc");
        props.setProperty(key, value);
        return props;
    }

    @Test
    void givenReferenceToSetVariable_whenLoaded_thenValueSubstituted() {
        CdcConfig config = CdcConfig.from(props("source.password", "${SRC_PASS}"), Map.of("SRC_PASS", "pw"));

        assertThat(config.get(CdcOptions.SOURCE_PASSWORD)).isEqualTo("pw");
    }

    @Test
    void givenReferenceInsideText_whenLoaded_thenOnlyTheReferenceReplaced() {
        CdcConfig config = CdcConfig.from(props("databend.url", "jdbc:databend://${DB_HOST}:8000/default"),
                Map.of("DB_HOST", "dbd"));

        assertThat(config.get(CdcOptions.DATABEND_URL)).isEqualTo("jdbc:databend://dbd:8000/default");
    }

    @Test
    void givenUnsetVariableWithDefault_whenLoaded_thenDefaultUsed() {
        CdcConfig config = CdcConfig.from(props("source.port", "${SRC_PORT:-3310}"), Map.of());

        assertThat(config.get(CdcOptions.SOURCE_PORT)).isEqualTo(3310);
    }

    @Test
    void givenSubstitutedValue_whenLoaded_thenItIsParsedAndValidatedLikeAWrittenOne() {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> CdcConfig.from(props("source.port", "${SRC_PORT}"), Map.of("SRC_PORT", "0")));

        assertThat(e.getMessage()).contains("source.port: invalid value '0'");
    }

    @Test
    void givenUnsetVariableWithoutDefault_whenLoaded_thenProblemNamesOptionAndVariable() {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> CdcConfig.from(props("databend.password", "${DATABEND_PASSWORD}"), Map.of()));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.subject()).isEqualTo("databend.password");
            assertThat(p.reason()).startsWith("environment variable DATABEND_PASSWORD is not set");
        });
    }

    @Test
    void givenReferenceInPassThroughValue_whenLoaded_thenSubstituted() {
        CdcConfig config = CdcConfig.from(props("kafka.producer.sasl.jaas.config", "pw=\"${KPW}\";"),
                Map.of("KPW", "k"));

        assertThat(config.passthrough(CdcOptions.KAFKA_PRODUCER_PREFIX)).containsEntry("sasl.jaas.config", "pw=\"k\";");
    }

    @Test
    void givenDoubledDollar_whenLoaded_thenLiteralReferenceKept() {
        CdcConfig config = CdcConfig.from(props("source.password", "a$${NOT_A_VAR}"), Map.of());

        assertThat(config.get(CdcOptions.SOURCE_PASSWORD)).isEqualTo("a${NOT_A_VAR}");
    }
}
