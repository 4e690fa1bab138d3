package io.bendcdc.config;

/** The groups options are declared in; every option's name starts with its group's prefix. */
public enum Group {
    SOURCE("source", "Source (MySQL / MariaDB)"),
    KAFKA("kafka", "Kafka"),
    ENGINE("engine", "CDC engine (embedded Debezium)"),
    DATABEND("databend", "Databend target"),
    APPLY("apply", "Applier"),
    METRICS("metrics", "Metrics and health");

    private final String prefix;
    private final String title;

    Group(String prefix, String title) {
        this.prefix = prefix;
        this.title = title;
    }

    /** The name prefix without the trailing dot, e.g. {@code source}. */
    public String prefix() {
        return prefix;
    }

    public String title() {
        return title;
    }
}
