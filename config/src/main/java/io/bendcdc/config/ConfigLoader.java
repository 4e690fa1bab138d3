package io.bendcdc.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Turns raw properties into a {@link CdcConfig}, collecting every problem before failing: unknown
 * keys, missing required options, unresolvable {@code ${ENV}} references, values that do not parse
 * or validate, and broken cross-field rules.
 */
final class ConfigLoader {

    private final String source;
    private final EnvSubstitution env;
    private final List<ConfigException.Problem> problems = new ArrayList<>();

    ConfigLoader(String source, Map<String, String> env) {
        this.source = source;
        this.env = new EnvSubstitution(env);
    }

    CdcConfig load(Properties props) {
        Map<String, String> raw = new TreeMap<>();
        for (String key : props.stringPropertyNames()) {
            raw.put(key, props.getProperty(key));
        }

        Map<String, String> passThrough = new TreeMap<>();
        for (Map.Entry<String, String> entry : raw.entrySet()) {
            String key = entry.getKey();
            if (CdcOptions.byName(key).isPresent()) {
                continue;
            }
            Optional<String> prefix = CdcOptions.PASS_THROUGH_PREFIXES.stream().filter(key::startsWith).findFirst();
            if (prefix.isEmpty()) {
                problem(key, unknownKeyReason(key));
            } else if (key.length() == prefix.get().length()) {
                problem(key, "nothing follows the pass-through prefix");
            } else {
                resolve(key, entry.getValue()).ifPresent(value -> passThrough.put(key, value));
            }
        }

        Map<String, Object> values = new HashMap<>();
        for (ConfigOption<?> option : CdcOptions.ALL) {
            read(option, raw.get(option.name())).ifPresent(value -> values.put(option.name(), value));
        }

        CdcConfig config = new CdcConfig(values, passThrough);
        for (CrossFieldRule rule : CdcOptions.RULES) {
            boolean allParsed = rule.options().stream().allMatch(o -> values.containsKey(o.name()));
            if (allParsed) {
                rule.check(config).ifPresent(problems::add);
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(source, problems);
        }
        return config;
    }

    private <T> Optional<T> read(ConfigOption<T> option, String rawValue) {
        if (rawValue == null) {
            if (option.isRequired()) {
                problem(option.name(), "missing; this option is required");
            }
            return Optional.ofNullable(option.defaultValue());
        }
        Optional<String> resolved = resolve(option.name(), rawValue);
        if (resolved.isEmpty()) {
            return Optional.empty();
        }
        String shown = option.isSecret() ? "(secret, not shown)" : "'" + resolved.get() + "'";
        T value;
        try {
            value = option.parse(resolved.get());
        } catch (InvalidValueException e) {
            // a parse error may quote part of the value, so a secret's reason is withheld too
            problem(option.name(), "invalid value " + shown + (option.isSecret() ? "" : ": " + e.getMessage()));
            return Optional.empty();
        }
        Optional<String> reason = option.validate(value);
        if (reason.isPresent()) {
            problem(option.name(), "invalid value " + shown + ": " + reason.get());
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private Optional<String> resolve(String key, String rawValue) {
        try {
            return Optional.of(env.resolve(rawValue));
        } catch (InvalidValueException e) {
            problem(key, e.getMessage());
            return Optional.empty();
        }
    }

    private static String unknownKeyReason(String key) {
        Optional<String> suggestion = ClosestName.among(key, CdcOptions.ALL.stream().map(ConfigOption::name).toList())
                .or(() -> closePassThroughKey(key));
        return suggestion.map(s -> "unknown option; did you mean '" + s + "'?")
                .orElse("unknown option (Debezium and Kafka client options need a pass-through prefix: "
                        + String.join(", ", CdcOptions.PASS_THROUGH_PREFIXES) + ")");
    }

    /** {@code kafka.produser.acks} → {@code kafka.producer.acks}: a typo in the prefix only. */
    private static Optional<String> closePassThroughKey(String key) {
        for (String prefix : CdcOptions.PASS_THROUGH_PREFIXES) {
            int segments = (int) prefix.chars().filter(c -> c == '.').count();
            String[] parts = key.split("\\.", segments + 1);
            if (parts.length <= segments) {
                continue;
            }
            String head = String.join(".", List.of(parts).subList(0, segments)) + ".";
            if (ClosestName.distance(head, prefix) <= 2) {
                return Optional.of(prefix + parts[segments]);
            }
        }
        return Optional.empty();
    }

    private void problem(String subject, String reason) {
        problems.add(new ConfigException.Problem(subject, reason));
    }
}
