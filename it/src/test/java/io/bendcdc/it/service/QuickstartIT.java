package io.bendcdc.it.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bendcdc.it.support.LocalStack;
import io.bendcdc.it.support.ServiceConfig;

/** The README's first command, bin/quickstart, runs to the end on the local stack. */
class QuickstartIT {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @Test
    void quickstartShowsTheChangesInDatabendAndVerifiesClean(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("quickstart.out");
        try {
            ProcessBuilder pb = new ProcessBuilder(REPO.resolve("bin/quickstart").toString()).directory(REPO.toFile())
                    .redirectErrorStream(true).redirectOutput(out.toFile());
            Map<String, String> env = pb.environment();
            env.put("QUICKSTART_METRICS_PORT", Integer.toString(ServiceConfig.freePort()));
            env.put("MARIADB_PORT", Integer.toString(LocalStack.mariadbPort()));
            env.put("KAFKA_PORT", LocalStack.kafkaBootstrap().substring(LocalStack.kafkaBootstrap().lastIndexOf(':') + 1));
            env.put("DATABEND_PORT", Integer.toString(LocalStack.databendPort()));
            Process p = pb.start();
            if (!p.waitFor(600, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("quickstart still running after 600 s:\n" + Files.readString(out));
            }
            String output = Files.readString(out);
            assertThat(p.exitValue()).as(output).isZero();
            String changed = output.substring(output.indexOf("changes arrived"));
            assertThat(changed).contains("Katherine Johnson", "gold", "basic").doesNotContain("Grace Hopper");
            assertThat(changed).containsPattern("101 +2 +5\\.00 +paid");
            assertThat(output).contains("shop.customers  OK rows=3", "shop.orders  OK rows=4", "verify: OK (2 tables)",
                    "Look around", "/metrics");
        } finally {
            // into the output file: a forked test JVM's own stdout is Maven's channel
            new ProcessBuilder(REPO.resolve("bin/quickstart").toString(), "stop").directory(REPO.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
                    .start().waitFor(60, TimeUnit.SECONDS);
        }
    }
}
