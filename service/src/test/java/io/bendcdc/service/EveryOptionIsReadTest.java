package io.bendcdc.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.bendcdc.applier.ApplierSettings;
import io.bendcdc.config.CdcConfig;
import io.bendcdc.config.CdcOptions;
import io.bendcdc.config.ConfigOption;
import io.bendcdc.engine.EngineSettings;

/**
 * Every declared option is read by the settings of some part of the service: an option that
 * nothing reads is documented and accepted but does nothing, which users cannot tell.
 */
class EveryOptionIsReadTest {

    @Test
    void theSettingsOfTheEngineTheApplierAndTheEndpointReadEveryDeclaredOption() {
        CdcConfig config = CdcConfig.load(Path.of("..", "config", "cdc-local.properties"), Map.of());

        EngineSettings.from(config);
        ApplierSettings.from(config);
        EndpointSettings.from(config);

        Set<String> unread = new TreeSet<>();
        for (ConfigOption<?> option : CdcOptions.ALL) {
            unread.add(option.name());
        }
        unread.removeAll(config.optionsRead());
        assertThat(unread).as("options declared in CdcOptions that no settings read").isEmpty();
    }

    @Test
    void describingTheConfigurationDoesNotCountAsReadingIt() {
        CdcConfig config = CdcConfig.load(Path.of("..", "config", "cdc-local.properties"), Map.of());
        Set<String> before = config.optionsRead();
        config.describe();
        assertThat(config.optionsRead()).isEqualTo(before);
        assertThat(before).hasSizeLessThan(CdcOptions.ALL.size());
    }
}
