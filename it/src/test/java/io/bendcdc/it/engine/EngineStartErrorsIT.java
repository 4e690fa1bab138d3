package io.bendcdc.it.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bendcdc.config.SourceConnector;
import io.bendcdc.engine.CdcEngine;
import io.bendcdc.engine.SourceUnavailableException;
import io.bendcdc.it.support.EngineFixture;
import io.bendcdc.it.support.CdcProcess;
import io.bendcdc.it.support.LocalStack;

/** A start that cannot work says why, naming the setting at fault. */
class EngineStartErrorsIT {

    @Test
    void wrongPasswordIsReportedAsSuch() {
        CdcEngine engine = new CdcEngine(EngineFixture.settings(SourceConnector.MYSQL, "errs", "nodb",
                "not-the-password", LocalStack.mariadbPort()));
        assertThatThrownBy(engine::start).isInstanceOf(SourceUnavailableException.class)
                .hasMessageContaining("refused user 'cdc'")
                .hasMessageContaining("source.password")
                .hasMessageNotContaining("not-the-password");
    }

    @Test
    void unreachableSourceNamesHostAndPort() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        CdcEngine engine = new CdcEngine(EngineFixture.settings(SourceConnector.MARIADB, "errs", "nodb",
                LocalStack.CDC_PASSWORD, closedPort));
        assertThatThrownBy(engine::start).isInstanceOf(SourceUnavailableException.class)
                .hasMessageContaining("cannot reach source 127.0.0.1:" + closedPort)
                .hasMessageContaining("source.host / source.port");
    }

    @Test
    void invalidConfigurationStopsTheStartWithExitCode2NamingTheOption(@TempDir Path dir) throws Exception {
        Path config = CdcProcess.config(dir, Map.of("source.user", "cdc", "source.prot", "3306",
                "source.snapshot.mode", "sometimes"));
        try (CdcProcess engine = CdcProcess.engine(config, dir.resolve("engine.log"))) {
            assertThat(engine.waitForExit(60)).isEqualTo(2);
            assertThat(engine.output()).contains("source.prot").contains("did you mean 'source.port'")
                    .contains("source.snapshot.mode").contains("sometimes");
        }
    }
}
