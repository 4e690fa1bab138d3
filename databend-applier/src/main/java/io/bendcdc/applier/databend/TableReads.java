package io.bendcdc.applier.databend;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.bendcdc.contract.TableId;

/**
 * Reads of a Databend table by key, as {@code bin/cdc verify} makes them: rows of given keys, keys
 * in key order a chunk at a time, the row count, the column types, the tables of a database. Key
 * values come as canonical text with the kind of literal they need. Pure: the statements are
 * tested as text.
 */
public final class TableReads {

    /**
     * Prefixed to every value of a {@link ColumnRead#MARKED_TEXT} column: databend-jdbc 0.2.8 returns
     * the text {@code NULL} as SQL NULL, so text is read as {@code CONCAT('#', c)}, which is NULL
     * only for NULL.
     */
    public static final String TEXT_MARKER = "#";

    /** How a column is selected. */
    public enum ColumnRead {
        /** The column as it is. */
        VALUE,
        /** {@code CONCAT('#', c)}: text that may be the four letters NULL; strip {@link #TEXT_MARKER}. */
        MARKED_TEXT
    }

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
    private final List<ColumnRead> reads;
    private final List<ColumnRead> keyReads;

    /** Every column read as it is. @param keyKinds the literal kind of each key column, in key order */
    public TableReads(TableId table, List<String> columns, List<String> keyColumns, List<LiteralKind> keyKinds) {
        this(table, columns, java.util.Collections.nCopies(columns.size(), ColumnRead.VALUE), keyColumns, keyKinds);
    }

    /**
     * @param reads    how each column is selected, in column order
     * @param keyKinds the literal kind of each key column, in key order; key columns must be among the columns
     */
    public TableReads(TableId table, List<String> columns, List<ColumnRead> reads, List<String> keyColumns,
            List<LiteralKind> keyKinds) {
        if (keyColumns.size() != keyKinds.size()) {
            throw new IllegalArgumentException(keyColumns.size() + " key columns but " + keyKinds.size() + " kinds");
        }
        if (columns.size() != reads.size()) {
            throw new IllegalArgumentException(columns.size() + " columns but " + reads.size() + " reads");
        }
        this.table = table;
        this.columns = List.copyOf(columns);
        this.keyColumns = List.copyOf(keyColumns);
        this.keyKinds = List.copyOf(keyKinds);
        this.reads = List.copyOf(reads);
        List<ColumnRead> kr = new ArrayList<>();
        for (String k : keyColumns) {
            int i = this.columns.indexOf(k);
            kr.add(i < 0 ? ColumnRead.VALUE : reads.get(i));
        }
        this.keyReads = List.copyOf(kr);
    }

    /**
     * The rows of the given keys (canonical values in key column order). For a composite key the
     * result may hold other rows too, those whose every key column value is among the given ones:
     * each key column is matched against its own {@code IN} list, and the caller matches rows by
     * key. Databend answers an OR of one AND per key in time growing far faster than its length
     * (600 keys of an (INT, DECIMAL) key: 223 s on the local engine; as two IN lists: 0.06 s).
     */
    public String rowsByKeys(List<List<String>> keys) {
        List<String> ands = new ArrayList<>();
        for (int i = 0; i < keyColumns.size(); i++) {
            int column = i;
            ands.add(Identifiers.quote(keyColumns.get(i)) + " IN (" + keys.stream()
                    .map(k -> literal(keyKinds.get(column), k.get(column))).distinct().collect(Collectors.joining(", "))
                    + ")");
        }
        return "SELECT " + selected(columns, reads) + " FROM " + Identifiers.quote(table) + " WHERE "
                + String.join(" AND ", ands);
    }

    private static String selected(List<String> names, List<ColumnRead> how) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String c = Identifiers.quote(names.get(i));
            out.add(how.get(i) == ColumnRead.MARKED_TEXT ? "CONCAT('" + TEXT_MARKER + "', " + c + ")" : c);
        }
        return String.join(", ", out);
    }

    /** Keys in key order: the first chunk ({@code last} null) or the one after {@code last}. */
    public String keyChunk(List<String> last, int limit) {
        String keys = Identifiers.quoteAll(keyColumns);
        return "SELECT " + selected(keyColumns, keyReads) + " FROM " + Identifiers.quote(table) + (last == null ? "" : " WHERE " + after(last))
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

    /**
     * A table's columns as {@code (name, type)} rows, in table order, the name behind
     * {@link #TEXT_MARKER} (a column may be named {@code NULL}).
     */
    public static String columnTypes(TableId table) {
        return "SELECT CONCAT('" + TEXT_MARKER + "', \"name\"), \"type\" FROM system.columns WHERE \"database\" = "
                + literal(LiteralKind.TEXT, table.database()) + " AND \"table\" = " + literal(LiteralKind.TEXT, table.table());
    }

    /** The names of the tables (not views) of a database, in name order, behind {@link #TEXT_MARKER}. */
    public static String tableNames(String database) {
        return "SELECT CONCAT('" + TEXT_MARKER + "', \"name\") FROM system.tables WHERE \"database\" = " + literal(LiteralKind.TEXT, database)
                + " AND \"engine\" <> 'VIEW' ORDER BY \"name\"";
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
