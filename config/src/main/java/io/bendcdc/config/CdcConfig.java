package io.bendcdc.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The loaded configuration: every declared option has a parsed, validated value (its default when
 * not set), and pass-through keys are kept verbatim. Its values are immutable; it notes which
 * options were read ({@link #optionsRead()}), so that a test can find an option nothing reads.
 * {@link #toString()} masks secrets, so logging a config is safe.
 */
public final class CdcConfig {

    private final Map<String, Object> values;
    private final Map<String, String> passThrough;
    private final Set<String> read = ConcurrentHashMap.newKeySet();

    CdcConfig(Map<String, Object> values, Map<String, String> passThrough) {
        this.values = Map.copyOf(values);
        this.passThrough = Map.copyOf(passThrough);
    }

    /** Loads a properties file (UTF-8), substituting {@code ${VAR}} from the process environment. */
    public static CdcConfig load(Path file) {
        return load(file, System.getenv());
    }

    /** Loads a properties file (UTF-8), substituting {@code ${VAR}} from {@code env}. */
    public static CdcConfig load(Path file, Map<String, String> env) {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("file " + file, List.of(new ConfigException.Problem(
                    file.toString(), "cannot read the file: " + e)), e);
        }
        return new ConfigLoader("file " + file, env).load(props);
    }

    /**
     * Builds the config from properties, substituting {@code ${VAR}} from {@code env}.
     *
     * @throws ConfigException listing every problem found
     */
    public static CdcConfig from(Properties props, Map<String, String> env) {
        return new ConfigLoader("properties", env).load(props);
    }

    /** The option's value, or its default when not set; never null. */
    @SuppressWarnings("unchecked")
    public <T> T get(ConfigOption<T> option) {
        Object value = values.get(option.name());
        if (value == null) {
            throw new IllegalArgumentException(option.name() + " is not an option declared in CdcOptions");
        }
        read.add(option.name());
        return (T) value;
    }

    /** The names of the options read through {@link #get} so far. */
    public Set<String> optionsRead() {
        return Set.copyOf(read);
    }

    /**
     * The pass-through keys under {@code prefix} (one of {@link CdcOptions#PASS_THROUGH_PREFIXES}),
     * with the prefix stripped and {@code ${VAR}} substituted; secrets are not masked here.
     */
    public Map<String, String> passthrough(String prefix) {
        if (!CdcOptions.PASS_THROUGH_PREFIXES.contains(prefix)) {
            throw new IllegalArgumentException(prefix + " is not one of " + CdcOptions.PASS_THROUGH_PREFIXES);
        }
        Map<String, String> stripped = new LinkedHashMap<>();
        passThrough.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> stripped.put(e.getKey().substring(prefix.length()), e.getValue()));
        return Collections.unmodifiableMap(stripped);
    }

    /** {@code engine.offsets.topic}, or {@code <kafka.topic.prefix>.offsets} when it is empty. */
    public String offsetsTopic() {
        return orPrefixed(get(CdcOptions.ENGINE_OFFSETS_TOPIC), "offsets");
    }

    /** {@code engine.schema.history.topic}, or {@code <kafka.topic.prefix>.schema-history} when it is empty. */
    public String schemaHistoryTopic() {
        return orPrefixed(get(CdcOptions.ENGINE_SCHEMA_HISTORY_TOPIC), "schema-history");
    }

    /** The Databend database a source database is written to: mapped, or the same name. */
    public String databendDatabase(String sourceDatabase) {
        return get(CdcOptions.DATABEND_DATABASE_MAPPING).getOrDefault(sourceDatabase, sourceDatabase);
    }

    /** Every effective value, one {@code name = value} per line, grouped, secrets masked; for the start log. */
    public String describe() {
        StringBuilder out = new StringBuilder("bendcdc configuration (secrets masked):");
        Group group = null;
        for (ConfigOption<?> option : CdcOptions.ALL) {
            if (option.group() != group) {
                group = option.group();
                out.append("\n  [").append(group.prefix()).append("]");
            }
            line(out, option.name(), option.isSecret() ? SecretKeys.MASK : formatted(option));
        }
        if (!passThrough.isEmpty()) {
            out.append("\n  [pass-through]");
            passThrough.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                    line(out, e.getKey(), SecretKeys.looksSecret(e.getKey()) ? SecretKeys.MASK : e.getValue()));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return describe();
    }

    // Not through get(): describing the configuration is not using it.
    @SuppressWarnings("unchecked")
    private <T> String formatted(ConfigOption<T> option) {
        return option.format((T) values.get(option.name()));
    }

    private static void line(StringBuilder out, String name, String value) {
        out.append("\n  ").append(name).append(" = ").append(value);
    }

    private String orPrefixed(String topic, String suffix) {
        return topic.isEmpty() ? get(CdcOptions.KAFKA_TOPIC_PREFIX) + "." + suffix : topic;
    }
}
