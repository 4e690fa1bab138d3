package io.bendcdc.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every problem found while loading a configuration, reported together so that one run shows the
 * user all there is to fix. Messages never contain the value of a secret option.
 */
public final class ConfigException extends RuntimeException {

    /** One bad option (or set of options, for a cross-field rule) and what is wrong with it. */
    public record Problem(String subject, String reason) {
        @Override
        public String toString() {
            return subject + ": " + reason;
        }
    }

    private final List<Problem> problems;

    public ConfigException(String source, List<Problem> problems) {
        this(source, problems, null);
    }

    public ConfigException(String source, List<Problem> problems, Throwable cause) {
        super(message(source, problems), cause);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String message(String source, List<Problem> problems) {
        String header = "Invalid configuration from " + source + ": "
                + problems.size() + (problems.size() == 1 ? " problem" : " problems");
        return problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n", header + "\n", ""));
    }
}
