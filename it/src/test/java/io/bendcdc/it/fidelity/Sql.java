package io.bendcdc.it.fidelity;

/** Identifier quoting for both sides. */
final class Sql {

    private Sql() {
    }

    /** A MariaDB identifier. */
    static String id(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** A Databend identifier. */
    static String dbId(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
