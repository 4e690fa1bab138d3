package io.bendcdc.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The declaration of one option: name, type, default, validators, doc, group and secrecy.
 * Immutable. Options are declared once, in {@link CdcOptions}; read their values with
 * {@link CdcConfig#get(ConfigOption)}.
 *
 * @param <T> the Java type of the parsed value
 */
public final class ConfigOption<T> {

    private final String name;
    private final OptionType type;
    private final Group group;
    private final String doc;
    private final T defaultValue;
    private final Function<String, T> parser;
    private final Function<T, String> formatter;
    private final List<Validator<? super T>> validators;
    private final List<String> allowedValues;

    private ConfigOption(Builder<T> b) {
        this.name = b.name;
        this.type = b.type;
        this.group = b.group;
        this.doc = b.doc;
        this.defaultValue = b.defaultValue;
        this.parser = b.parser;
        this.formatter = b.formatter;
        this.validators = List.copyOf(b.validators);
        this.allowedValues = b.allowedValues;
    }

    public static Builder<String> string(String name) {
        return new Builder<>(name, OptionType.STRING, String::trim, s -> s);
    }

    /** A secret string: not trimmed (spaces may belong to it), masked in logs, absent from errors. */
    public static Builder<String> password(String name) {
        return new Builder<>(name, OptionType.PASSWORD, s -> s, s -> s);
    }

    public static Builder<Integer> integer(String name) {
        return new Builder<>(name, OptionType.INT, s -> {
            try {
                return Integer.valueOf(s.trim());
            } catch (NumberFormatException e) {
                throw new InvalidValueException("expected a 32-bit integer");
            }
        }, String::valueOf);
    }

    public static Builder<Long> longValue(String name) {
        return new Builder<>(name, OptionType.LONG, ConfigOption::parseLong, String::valueOf);
    }

    /** A duration in milliseconds. */
    public static Builder<Long> duration(String name) {
        return new Builder<>(name, OptionType.DURATION, ConfigOption::parseLong, String::valueOf);
    }

    public static Builder<Boolean> bool(String name) {
        // Boolean.parseBoolean would silently read a typo as false
        return new Builder<>(name, OptionType.BOOLEAN, s -> {
            String v = s.trim();
            if (v.equalsIgnoreCase("true")) {
                return true;
            }
            if (v.equalsIgnoreCase("false")) {
                return false;
            }
            throw new InvalidValueException("expected true or false");
        }, String::valueOf);
    }

    public static Builder<List<String>> list(String name) {
        return new Builder<>(name, OptionType.LIST, ValueSyntax::parseList, ValueSyntax::formatList);
    }

    public static Builder<Map<String, String>> map(String name) {
        return new Builder<>(name, OptionType.MAP, ValueSyntax::parseMap, ValueSyntax::formatMap);
    }

    /** {@code key:item1|item2,key2:item3}: a map whose values are non-empty lists. */
    public static Builder<Map<String, List<String>>> mapOfLists(String name) {
        return new Builder<>(name, OptionType.MAP, ValueSyntax::parseMapOfLists, ValueSyntax::formatMapOfLists);
    }

    /** An enum, written in any case; an unknown value is an error listing the allowed ones. */
    public static <E extends Enum<E>> Builder<E> enumeration(String name, Class<E> enumType) {
        List<String> allowed = Arrays.stream(enumType.getEnumConstants())
                .map(ConfigOption::enumText)
                .collect(Collectors.toUnmodifiableList());
        Builder<E> builder = new Builder<>(name, OptionType.ENUM, s -> {
            String v = s.trim();
            for (E constant : enumType.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(v)) {
                    return constant;
                }
            }
            throw new InvalidValueException("expected one of " + String.join(", ", allowed));
        }, ConfigOption::enumText);
        builder.allowedValues = allowed;
        return builder;
    }

    public String name() {
        return name;
    }

    public OptionType type() {
        return type;
    }

    public Group group() {
        return group;
    }

    public String doc() {
        return doc;
    }

    /** The value used when the option is not set; null exactly when the option is required. */
    public T defaultValue() {
        return defaultValue;
    }

    public boolean isRequired() {
        return defaultValue == null;
    }

    public boolean isSecret() {
        return type == OptionType.PASSWORD;
    }

    /** The spellings accepted for an enum option (lower case); empty for other types. */
    public List<String> allowedValues() {
        return allowedValues;
    }

    /** What valid values look like, for the docs; empty when any value of the type is valid. */
    public String validValues() {
        if (!allowedValues.isEmpty()) {
            return String.join(", ", allowedValues);
        }
        return validators.stream().map(Validator::description).collect(Collectors.joining("; "));
    }

    /** Reads a raw (already env-substituted) value. */
    T parse(String raw) {
        return parser.apply(raw);
    }

    /** The first validator's reason for rejecting the value, if any. */
    Optional<String> validate(T value) {
        for (Validator<? super T> validator : validators) {
            Optional<String> reason = validator.check(value);
            if (reason.isPresent()) {
                return reason;
            }
        }
        return Optional.empty();
    }

    /** Writes a value as it would appear in the properties file. */
    public String format(T value) {
        return formatter.apply(value);
    }

    @Override
    public String toString() {
        return name;
    }

    private static Long parseLong(String s) {
        try {
            return Long.valueOf(s.trim());
        } catch (NumberFormatException e) {
            throw new InvalidValueException("expected a 64-bit integer");
        }
    }

    private static String enumText(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** Builds an option; {@link #group}, {@link #doc} and a default or {@link #required} are needed. */
    public static final class Builder<T> {
        private final String name;
        private final OptionType type;
        private final Function<String, T> parser;
        private final Function<T, String> formatter;
        private final List<Validator<? super T>> validators = new ArrayList<>();
        private List<String> allowedValues = List.of();
        private Group group;
        private String doc;
        private T defaultValue;
        private boolean required;

        private Builder(String name, OptionType type, Function<String, T> parser, Function<T, String> formatter) {
            this.name = Objects.requireNonNull(name);
            this.type = type;
            this.parser = parser;
            this.formatter = formatter;
        }

        public Builder<T> group(Group group) {
            this.group = group;
            return this;
        }

        public Builder<T> doc(String doc) {
            this.doc = doc;
            return this;
        }

        public Builder<T> defaultValue(T value) {
            this.defaultValue = Objects.requireNonNull(value);
            return this;
        }

        /** No default: loading fails when the option is missing. */
        public Builder<T> required() {
            this.required = true;
            return this;
        }

        /** Adds a validator; validators run in the order added and the first failure is reported. */
        public Builder<T> validator(Validator<? super T> validator) {
            validators.add(validator);
            return this;
        }

        /** Fails on a declaration mistake, so that it shows in any test rather than at a user's site. */
        public ConfigOption<T> build() {
            if (group == null || doc == null || doc.isBlank()) {
                throw new IllegalStateException(name + ": group and doc are required");
            }
            if (!name.startsWith(group.prefix() + ".")) {
                throw new IllegalStateException(name + ": name must start with " + group.prefix() + ".");
            }
            if (required == (defaultValue != null)) {
                throw new IllegalStateException(name + ": give either a default or required(), not both or neither");
            }
            ConfigOption<T> option = new ConfigOption<>(this);
            if (defaultValue != null) {
                option.validate(defaultValue).ifPresent(reason -> {
                    throw new IllegalStateException(name + ": default is invalid: " + reason);
                });
            }
            return option;
        }
    }
}
