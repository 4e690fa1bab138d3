package io.bendcdc.applier.databend;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.bendcdc.contract.TableId;

/**
 * Reads of a Databend table by key, as {@code bin/cdc verify} makes them: rows of given keys, keys
 * in key order a chunk at a time, the row count, the column types. Key values come as canonical
 * text with the kind of literal they need. Pure: the statements are tested as text.
 */
public final class TableReads {

    /** How a key value's canonical text is written as a literal. */
    public enum LiteralKind {
        /** Bare: numbers and booleans. */
        BARE,
        /** {@code FROM_HEX('…')} of hex digits. */
        BINARY,
        /** A quoted string. */
        TEXT
    }

    private final TableId table;
    private final List<String> columns;
    private final List<String> keyColumns;
    private final List<LiteralKind> keyKinds;

    /** @param keyKinds the literal kind of each key column, in key order */
    public TableReads(TableId table, List<String> columns, List<String> keyColumns, List<LiteralKind> keyKinds) {
        if (keyColumns.size() != keyKinds.size()) {
            throw new IllegalArgumentException(keyColumns.size() + " key columns but " + keyKinds.size() + " kinds");
        }
        this.table = table;
        this.columns = List.copyOf(columns);
        this.keyColumns = List.copyOf(keyColumns);
        this.keyKinds = List.copyOf(keyKinds);
    }

    /** The rows of the given keys (canonical values in key column order). */
    public String rowsByKeys(List<List<String>> keys) {
        String where;
        if (keyColumns.size() == 1) {
            where = Identifiers.quote(keyColumns.get(0)) + " IN (" + keys.stream()
                    .map(k -> literal(keyKinds.get(0), k.get(0))).collect(Collectors.joining(", ")) + ")";
        } else {
            // Row-value IN is not something to rely on in Databend: written out as ORs of ANDs.
            where = keys.stream().map(k -> {
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < k.size(); i++) {
                    parts.add(Identifiers.quote(keyColumns.get(i)) + " = " + literal(keyKinds.get(i), k.get(i)));
                }
                return "(" + String.join(" AND ", parts) + ")";
            }).collect(Collectors.joining(" OR "));
        }
        return "SELECT " + Identifiers.quoteAll(columns) + " FROM " + Identifiers.quote(table) + " WHERE " + where;
    }

    /** Keys in key order: the first chunk ({@code last} null) or the one after {@code last}. */
    public String keyChunk(List<String> last, int limit) {
        String keys = Identifiers.quoteAll(keyColumns);
        return "SELECT " + keys + " FROM " + Identifiers.quote(table) + (last == null ? "" : " WHERE " + after(last))
                + " ORDER BY " + keys + " LIMIT " + limit;
    }

    /** "Key after {@code last}" in key order: (a > x) OR (a = x AND b > y) ... */
    String after(List<String> last) {
        List<String> ors = new ArrayList<>();
        for (int i = 0; i < last.size(); i++) {
            List<String> ands = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                ands.add(Identifiers.quote(keyColumns.get(j)) + " = " + literal(keyKinds.get(j), last.get(j)));
            }
            ands.add(Identifiers.quote(keyColumns.get(i)) + " > " + literal(keyKinds.get(i), last.get(i)));
            ors.add("(" + String.join(" AND ", ands) + ")");
        }
        return String.join(" OR ", ors);
    }

    /** The row count of a table. */
    public static String count(TableId table) {
        return DatabendDialect.countRows(table);
    }

    /** A table's columns as {@code (name, type)} rows, in table order. */
    public static String columnTypes(TableId table) {
        return "SELECT \"name\", \"type\" FROM system.columns WHERE \"database\" = "
                + literal(LiteralKind.TEXT, table.database()) + " AND \"table\" = " + literal(LiteralKind.TEXT, table.table());
    }

    /** A canonical value as a literal: bare, binary from hex, or quoted. */
    public static String literal(LiteralKind kind, String canonical) {
        if (canonical == null) {
            return "NULL";
        }
        if (kind == LiteralKind.BARE) {
            return canonical;
        }
        String quoted = "'" + canonical.replace("\\", "\\\\").replace("'", "\\'") + "'";
        return kind == LiteralKind.BINARY ? "FROM_HEX(" + quoted + ")" : quoted;
    }
}
