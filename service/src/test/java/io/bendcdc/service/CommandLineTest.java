package io.bendcdc.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void repeatedOptionsEqualsSyntaxAndFlagsAreRead() {
        CommandLine cl = CommandLine.parse(new String[] {"verify", "--config", "f.properties", "--table", "a.t",
                "--table=b.u", "--help"});
        assertThat(cl.command()).isEqualTo("verify");
        assertThat(cl.required("config")).isEqualTo("f.properties");
        assertThat(cl.all("table")).containsExactly("a.t", "b.u");
        assertThat(cl.help()).isTrue();
    }

    @Test
    void unknownOptionsAndMissingValuesAreUsageErrors() {
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"run", "--config"}))
                .isInstanceOf(CommandLine.UsageException.class).hasMessageContaining("--config needs a value");
        CommandLine cl = CommandLine.parse(new String[] {"run", "--config", "f", "--bogus", "1"});
        assertThatThrownBy(() -> cl.requireOnly("config")).hasMessageContaining("unknown option --bogus");
    }

    @Test
    void exitCodesAreZeroForHelpAndTwoForBadUsageOrConfiguration() {
        assertThat(run("--help")).isZero();
        assertThat(run("verify", "--help")).isZero();
        assertThat(run("nosuchcommand")).isEqualTo(2);
        assertThat(run("status")).isEqualTo(2);
        assertThat(run("status", "--config", "/no/such/file.properties")).isEqualTo(2);
        assertThat(run("resync", "--config", "../config/cdc-local.properties", "--table", "notqualified")).isEqualTo(2);
    }

    private static int run(String... args) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return CdcCommand.execute(args, sink, sink);
    }
}
