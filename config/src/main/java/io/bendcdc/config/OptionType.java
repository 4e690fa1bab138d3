package io.bendcdc.config;

/** The value types an option can have; the label is what the generated docs show. */
public enum OptionType {
    STRING("string"),
    INT("int"),
    LONG("long"),
    BOOLEAN("boolean"),
    /** Comma-separated, each item trimmed, empty items dropped. */
    LIST("list"),
    /** A Java enum, written case-insensitively. */
    ENUM("enum"),
    /** Milliseconds, as a long. */
    DURATION("duration (ms)"),
    /** A string that is never logged nor put in an error message. */
    PASSWORD("password"),
    /** {@code k1:v1,k2:v2}. */
    MAP("map");

    private final String label;

    OptionType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
