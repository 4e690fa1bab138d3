package io.bendcdc.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Generates {@code docs/configuration.md} from {@link CdcOptions}, so the docs cannot drift from
 * the code; {@code OptionsDocTest} fails when the committed file is stale.
 */
public final class OptionsDoc {

    /** Run from the repository root. */
    public static final String REGENERATE_COMMAND = "mvn -q -B -pl config compile exec:java";

    private OptionsDoc() {
    }

    /** Writes the docs to the path given as the only argument. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: OptionsDoc <output.md>");
        }
        Path out = Path.of(args[0]);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, render(), StandardCharsets.UTF_8);
    }

    /** The whole markdown document. */
    public static String render() {
        StringBuilder md = new StringBuilder();
        md.append("# Configuration\n\n")
                .append("<!-- Generated from io.bendcdc.config.CdcOptions by OptionsDoc; do not edit by hand.\n")
                .append("     Regenerate from the repository root with: ").append(REGENERATE_COMMAND).append(" -->\n\n")
                .append("bendcdc reads one properties file (UTF-8), e.g. `bin/cdc run --config cdc.properties`.\n")
                .append("Every option below has a default except those marked **required**. All problems of a file\n")
                .append("(unknown, missing and invalid options, broken rules) are reported together at start, and the\n")
                .append("effective configuration is logged with secrets shown as `").append(SecretKeys.MASK)
                .append("`.\n\n");
        valueSyntax(md);
        for (Group group : Group.values()) {
            optionTable(md, group);
        }
        rules(md);
        passThrough(md);
        return md.toString();
    }

    private static void valueSyntax(StringBuilder md) {
        md.append("## Values\n\n")
                .append("- **Environment variables**: `${NAME}` in a value is replaced by the environment variable\n")
                .append("  `NAME`; `${NAME:-fallback}` uses `fallback` when `NAME` is unset or empty. A variable that is\n")
                .append("  unset and has no fallback is an error naming the option and the variable. `$${` writes a\n")
                .append("  literal `${`. Use it for secrets: `source.password=${SOURCE_PASSWORD}`.\n")
                .append("- **list**: comma-separated; items are trimmed and empty items dropped.\n")
                .append("- **map**: comma-separated `key:value` entries; a key may appear once.\n")
                .append("- **enum**: one of the listed values, in any letter case.\n")
                .append("- **duration (ms)**: a whole number of milliseconds.\n")
                .append("- **password**: a string that is never logged nor shown in an error message; it is not\n")
                .append("  trimmed.\n\n");
    }

    private static void optionTable(StringBuilder md, Group group) {
        md.append("## `").append(group.prefix()).append(".*` — ").append(group.title()).append("\n\n")
                .append("| Option | Type | Default | Valid values | Description |\n")
                .append("|---|---|---|---|---|\n");
        for (ConfigOption<?> option : CdcOptions.ALL) {
            if (option.group() == group) {
                md.append(row("`" + option.name() + "`", option.type().label(), defaultText(option),
                        validValues(option), option.doc()));
            }
        }
        md.append('\n');
    }

    private static void rules(StringBuilder md) {
        md.append("## Rules across options\n\n")
                .append("| Rule | Options | Requirement |\n")
                .append("|---|---|---|\n");
        for (CrossFieldRule rule : CdcOptions.RULES) {
            String options = rule.options().stream().map(o -> "`" + o.name() + "`").collect(Collectors.joining(", "));
            md.append(row("`" + rule.name() + "`", options, rule.description()));
        }
        md.append('\n');
    }

    private static void passThrough(StringBuilder md) {
        Map<String, String> targets = Map.of(
                CdcOptions.DEBEZIUM_PREFIX, "the Debezium connector and embedded engine",
                CdcOptions.KAFKA_PRODUCER_PREFIX, "the engine's Kafka producer",
                CdcOptions.KAFKA_CONSUMER_PREFIX, "the applier's Kafka consumer",
                CdcOptions.KAFKA_ADMIN_PREFIX, "the Kafka admin client that creates topics");
        md.append("## Pass-through options\n\n")
                .append("Keys starting with these prefixes are not checked here: they are handed, prefix stripped,\n")
                .append("to the named component (`debezium.snapshot.locking.mode=none` becomes Debezium's\n")
                .append("`snapshot.locking.mode=none`). Their values are logged masked when the key looks secret\n")
                .append("(it contains ")
                .append(SecretKeys.SECRET_WORDS.stream().map(w -> "`" + w + "`").collect(Collectors.joining(", ")))
                .append(",\nor its last part ends in `key`). Any other key that is not an option above is an error.\n\n")
                .append("| Prefix | Passed to |\n")
                .append("|---|---|\n");
        for (String prefix : CdcOptions.PASS_THROUGH_PREFIXES) {
            md.append(row("`" + prefix + "`", targets.get(prefix)));
        }
    }

    private static <T> String defaultText(ConfigOption<T> option) {
        if (option.isRequired()) {
            return "**required**";
        }
        String text = option.format(option.defaultValue());
        return text.isEmpty() ? "*empty*" : "`" + text + "`";
    }

    private static String validValues(ConfigOption<?> option) {
        if (!option.allowedValues().isEmpty()) {
            return option.allowedValues().stream().map(v -> "`" + v + "`").collect(Collectors.joining(", "));
        }
        return option.validValues();
    }

    private static String row(String... cells) {
        return List.of(cells).stream()
                .map(cell -> cell.replace("|", "\\|").replace("\n", " "))
                .collect(Collectors.joining(" | ", "| ", " |\n"));
    }
}
