package io.bendcdc.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OptionsDocTest {

    // surefire runs in the module directory
    private static final Path DOCS = Path.of("..", "docs", "configuration.md");

    @Test
    void givenTheOptions_whenRendered_thenEveryOptionAndRuleAppears() {
        String md = OptionsDoc.render();

        CdcOptions.ALL.forEach(option -> assertThat(md).contains("| `" + option.name() + "` |"));
        CdcOptions.RULES.forEach(rule -> assertThat(md).contains("`" + rule.name() + "`"));
        CdcOptions.PASS_THROUGH_PREFIXES.forEach(prefix -> assertThat(md).contains("`" + prefix + "`"));
    }

    @Test
    void givenCommittedDocs_whenComparedWithTheGenerator_thenIdentical() throws Exception {
        String stale = DOCS.toAbsolutePath().normalize() + " is missing or out of date; regenerate it from the"
                + " repository root with: " + OptionsDoc.REGENERATE_COMMAND;
        assertThat(Files.exists(DOCS)).as(stale).isTrue();

        assertThat(Files.readString(DOCS, StandardCharsets.UTF_8)).as(stale).isEqualTo(OptionsDoc.render());
    }
}
