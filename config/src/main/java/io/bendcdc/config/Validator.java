package io.bendcdc.config;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A check on one parsed option value. A failing check yields a reason, which must not quote the
 * value (the loader adds the value itself, unless the option is secret).
 *
 * @param <T> the value type checked
 */
public interface Validator<T> {

    /** Returns the reason the value is invalid, or empty when it is valid. {@code value} is never null. */
    Optional<String> check(T value);

    /** What valid values look like, for the generated docs, e.g. {@code [1, 65535]}. */
    String description();

    /** Kafka's rule for topic names: these characters only, at most 249 of them. */
    Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    static Validator<Number> atLeast(long min) {
        return of("≥ " + min, n -> n.longValue() >= min, "must be at least " + min);
    }

    static Validator<Number> between(long min, long max) {
        return of("[" + min + ", " + max + "]", n -> n.longValue() >= min && n.longValue() <= max,
                "must be between " + min + " and " + max);
    }

    static Validator<String> nonEmpty() {
        return of("non-empty", s -> !s.isEmpty(), "must not be empty");
    }

    static Validator<String> oneOf(String... allowed) {
        List<String> values = List.of(allowed);
        String joined = String.join(", ", values);
        return of("one of " + joined, values::contains, "must be one of " + joined);
    }

    static Validator<String> topicName() {
        return of("Kafka topic name: characters a-z A-Z 0-9 . _ -",
                s -> TOPIC_NAME.matcher(s).matches(),
                "must be a Kafka topic name: 1 to 249 of the characters a-z A-Z 0-9 . _ -");
    }

    /** Accepts the empty string, which options use to mean "not set" or "derive it". */
    static Validator<String> emptyOr(Validator<String> validator) {
        return new Validator<>() {
            @Override
            public Optional<String> check(String value) {
                return value.isEmpty() ? Optional.empty() : validator.check(value);
            }

            @Override
            public String description() {
                return "empty, or " + validator.description();
            }
        };
    }

    /** A custom check: {@code reason} is reported when {@code valid} is false. */
    static <T> Validator<T> of(String description, Predicate<? super T> valid, String reason) {
        return new Validator<>() {
            @Override
            public Optional<String> check(T value) {
                return valid.test(value) ? Optional.empty() : Optional.of(reason);
            }

            @Override
            public String description() {
                return description;
            }
        };
    }
}
