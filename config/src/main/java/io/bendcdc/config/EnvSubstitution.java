package io.bendcdc.config;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-default}} in a value with environment variables.
 * As in a POSIX shell, the default is used when the variable is unset or empty. {@code $${} writes
 * a literal {@code ${}. Error messages name the variable but never quote the value, which may hold
 * a secret.
 */
final class EnvSubstitution {

    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Map<String, String> env;

    EnvSubstitution(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** @throws InvalidValueException for an unset variable without default or a malformed reference */
    String resolve(String value) {
        StringBuilder out = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length()) {
            int start = value.indexOf("${", i);
            if (start < 0) {
                out.append(value, i, value.length());
                break;
            }
            if (start > 0 && value.charAt(start - 1) == '$') {
                out.append(value, i, start - 1).append("${");
                i = start + 2;
                continue;
            }
            int end = value.indexOf('}', start);
            if (end < 0) {
                throw new InvalidValueException("'${' without a closing '}'");
            }
            out.append(value, i, start).append(lookUp(value.substring(start + 2, end)));
            i = end + 1;
        }
        return out.toString();
    }

    private String lookUp(String reference) {
        int sep = reference.indexOf(":-");
        String name = sep < 0 ? reference : reference.substring(0, sep);
        if (!VARIABLE_NAME.matcher(name).matches()) {
            throw new InvalidValueException("'${" + name + "}' is not a valid environment variable reference");
        }
        String found = env.get(name);
        if (found != null && !found.isEmpty()) {
            return found;
        }
        if (sep >= 0) {
            return reference.substring(sep + 2);
        }
        throw new InvalidValueException("environment variable " + name + " is not set"
                + " (write ${" + name + ":-default} to give a default)");
    }
}
