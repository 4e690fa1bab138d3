package io.bendcdc.applier.databend;

import io.bendcdc.contract.TableId;

import java.util.List;
import java.util.StringJoiner;

/**
 * Databend identifier quoting. Double quotes, with a double quote doubled: the only form that can
 * hold every name (a backtick inside a backtick-quoted name cannot be written, code 1005). Quoted
 * names keep their case, so {@code Upper}, {@code a b}, {@code back`tick}, {@code dq"uote} and
 * reserved words such as {@code select} all arrive as the source spells them.
 */
public final class Identifiers {

    private Identifiers() {
    }

    public static String quote(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("empty identifier");
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** {@code "db"."table"}. */
    public static String quote(TableId table) {
        return quote(table.database()) + '.' + quote(table.table());
    }

    /** {@code "a", "b"}. */
    public static String quoteAll(List<String> names) {
        StringJoiner j = new StringJoiner(", ");
        for (String n : names) {
            j.add(quote(n));
        }
        return j.toString();
    }
}
