package io.bendcdc.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command line as {@code <command> [--option value]... [--flag]...}. Options may repeat
 * ({@code --table a.t --table b.u}); {@code --name=value} is accepted too. Which options a command
 * takes is checked by {@link #requireOnly}.
 */
final class CommandLine {

    /** Bad usage: the message is printed with the command's help, exit code 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    private static final Set<String> FLAGS = Set.of("help");

    private final String command;
    private final Map<String, List<String>> options;

    private CommandLine(String command, Map<String, List<String>> options) {
        this.command = command;
        this.options = options;
    }

    static CommandLine parse(String[] args) {
        if (args.length == 0) {
            return new CommandLine("help", Map.of());
        }
        String command = args[0];
        if (command.equals("-h") || command.equals("--help")) {
            command = "help";
        }
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h")) {
                a = "--help";
            }
            if (!a.startsWith("--") || a.length() == 2) {
                throw new UsageException("unexpected argument '" + a + "'");
            }
            String name = a.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (FLAGS.contains(name)) {
                value = "true";
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException("--" + name + " needs a value");
            }
            options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return new CommandLine(command, options);
    }

    String command() {
        return command;
    }

    boolean help() {
        return options.containsKey("help");
    }

    /** Fails on any option not in {@code allowed} (besides --help), naming it. */
    void requireOnly(String... allowed) {
        Set<String> ok = Set.of(allowed);
        for (String name : options.keySet()) {
            if (!ok.contains(name) && !FLAGS.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
        }
    }

    /** The single value of a required option. */
    String required(String name) {
        List<String> v = options.get(name);
        if (v == null) {
            throw new UsageException("--" + name + " is required");
        }
        if (v.size() > 1) {
            throw new UsageException("--" + name + " given more than once");
        }
        return v.get(0);
    }

    String optional(String name, String fallback) {
        List<String> v = options.get(name);
        return v == null ? fallback : v.get(v.size() - 1);
    }

    List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }
}
