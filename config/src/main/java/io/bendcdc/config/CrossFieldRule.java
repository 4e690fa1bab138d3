package io.bendcdc.config;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A named rule over several options, checked after each option parsed and passed its own
 * validators. A rule whose options did not all parse is skipped: their own problems are reported.
 */
public final class CrossFieldRule {

    private final String name;
    private final String description;
    private final List<ConfigOption<?>> options;
    private final Predicate<CdcConfig> holds;

    private CrossFieldRule(String name, String description, List<ConfigOption<?>> options, Predicate<CdcConfig> holds) {
        this.name = Objects.requireNonNull(name);
        this.description = Objects.requireNonNull(description);
        this.options = List.copyOf(options);
        this.holds = holds;
    }

    /** A custom rule: {@code description} is both the docs text and the reason reported when it fails. */
    public static CrossFieldRule of(String name, String description, List<ConfigOption<?>> options,
                                    Predicate<CdcConfig> holds) {
        return new CrossFieldRule(name, description, options, holds);
    }

    /** At most one of two list/map options may be non-empty (e.g. an include and an exclude list). */
    public static CrossFieldRule notBoth(String name, ConfigOption<? extends Collection<?>> first,
                                         ConfigOption<? extends Collection<?>> second) {
        return of(name, "set " + first.name() + " or " + second.name() + ", not both",
                List.of(first, second),
                config -> config.get(first).isEmpty() || config.get(second).isEmpty());
    }

    /** {@code required} must be non-empty when {@code trigger} has the value {@code when}. */
    public static <E> CrossFieldRule requiredWhen(String name, ConfigOption<String> required,
                                                  ConfigOption<E> trigger, E when) {
        return of(name, required.name() + " is required when " + trigger.name() + "=" + trigger.format(when),
                List.of(required, trigger),
                config -> !config.get(trigger).equals(when) || !config.get(required).isEmpty());
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public List<ConfigOption<?>> options() {
        return options;
    }

    /** The problem when the rule does not hold; {@code config} has a value for each of {@link #options()}. */
    Optional<ConfigException.Problem> check(CdcConfig config) {
        if (holds.test(config)) {
            return Optional.empty();
        }
        String subject = options.stream().map(ConfigOption::name).collect(Collectors.joining(", "));
        return Optional.of(new ConfigException.Problem(subject, description + " (rule " + name + ")"));
    }
}
