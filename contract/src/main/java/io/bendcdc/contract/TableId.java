package io.bendcdc.contract;

import java.util.Objects;

/** A source table: database and table name, as MySQL spells them (case kept). */
public record TableId(String database, String table) implements Comparable<TableId> {

    public TableId {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(table, "table");
    }

    /** Parses Debezium's id form {@code "db"."table"} or a plain {@code db.table}. */
    public static TableId parse(String id) {
        String s = id.trim();
        if (s.startsWith("\"")) {
            int end = s.indexOf("\".\"");
            if (end < 0 || !s.endsWith("\"")) {
                throw new IllegalArgumentException("not a table id: " + id);
            }
            return new TableId(s.substring(1, end), s.substring(end + 3, s.length() - 1));
        }
        int dot = s.indexOf('.');
        if (dot <= 0 || dot == s.length() - 1) {
            throw new IllegalArgumentException("not a table id (db.table): " + id);
        }
        return new TableId(s.substring(0, dot), s.substring(dot + 1));
    }

    @Override
    public int compareTo(TableId o) {
        int c = database.compareTo(o.database);
        return c != 0 ? c : table.compareTo(o.table);
    }

    @Override
    public String toString() {
        return database + "." + table;
    }
}
