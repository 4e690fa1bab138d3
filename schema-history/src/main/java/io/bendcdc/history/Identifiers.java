package io.bendcdc.history;

/** MySQL identifier spelling. */
final class Identifiers {

    private Identifiers() {
    }

    /** {@code `a``b`} → {@code a`b}; {@code "a"} → {@code a}; a bare name stays as it is. */
    static String unquote(String name) {
        if (name.length() >= 2) {
            char q = name.charAt(0);
            if ((q == '`' || q == '"' || q == '\'') && name.charAt(name.length() - 1) == q) {
                String doubled = String.valueOf(q) + q;
                return name.substring(1, name.length() - 1).replace(doubled, String.valueOf(q));
            }
        }
        return name;
    }
}
