package io.bendcdc.applier.databend;

import io.bendcdc.applier.type.DatabendType;
import io.bendcdc.contract.ColumnSchema;
import io.bendcdc.contract.TableId;
import io.bendcdc.contract.TableSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Databend statement builders: pure functions from names, types and values to SQL text, one
 * statement each (the server runs one statement per query). Identifiers are always quoted
 * ({@link Identifiers}), values rendered by {@link Literals}.
 *
 * <p>Syntax checked against Databend 1.2.895: {@code ALTER TABLE … ADD|DROP|RENAME|MODIFY COLUMN},
 * {@code ALTER TABLE a RENAME TO b} (same database only: a move to another database fails with
 * "Rename table not allow modify catalog or database", code 1006), {@code TRUNCATE TABLE},
 * tuple {@code IN} for composite keys.
 */
public final class DatabendDialect {

    private DatabendDialect() {
    }

    public static String createDatabaseIfNotExists(String database) {
        return "CREATE DATABASE IF NOT EXISTS " + Identifiers.quote(database);
    }

    /** The table of a source schema under the target name, columns in source order. */
    public static String createTable(TableId target, TableSchema schema, List<DatabendType> types, int rowsPerBlock) {
        return createTable(target, schema.columns().stream().map(ColumnSchema::name).toList(), types)
                + " row_per_block = " + rowsPerBlock;
    }

    /**
     * {@code CREATE TABLE IF NOT EXISTS "db"."t" ("a" Int32 NOT NULL, …)}. Databend has no primary
     * keys: the key columns are only used by REPLACE … ON (…) and DELETE.
     */
    public static String createTable(TableId target, List<String> columns, List<DatabendType> types) {
        checkSameSize(columns, types);
        StringJoiner defs = new StringJoiner(", ", " (", ")");
        for (int i = 0; i < columns.size(); i++) {
            defs.add(Identifiers.quote(columns.get(i)) + " " + types.get(i).sql());
        }
        return "CREATE TABLE IF NOT EXISTS " + Identifiers.quote(target) + defs;
    }

    /**
     * {@code REPLACE INTO t ("a", "b") ON ("a") VALUES (…), (…)}: a whole batch as literals. Keys
     * must be distinct within the batch (Databend fails with code 4000 otherwise).
     */
    public static String replaceValues(TableId target, List<String> columns, List<String> keyColumns,
            List<DatabendType> types, Iterable<Object[]> rows) {
        checkSameSize(columns, types);
        StringBuilder sb = new StringBuilder(256).append(replaceHead(target, columns, keyColumns)).append(" VALUES ");
        boolean first = true;
        for (Object[] row : rows) {
            if (row.length != columns.size()) {
                throw new IllegalArgumentException("row has " + row.length + " values for " + columns.size() + " columns");
            }
            sb.append(first ? "(" : ", (");
            first = false;
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(Literals.of(types.get(i), row[i]));
            }
            sb.append(')');
        }
        if (first) {
            throw new IllegalArgumentException("no rows to replace into " + target);
        }
        return sb.toString();
    }

    /**
     * {@code REPLACE INTO t ("a", "b") ON ("a") SELECT <select list> FROM <source>}: the source is
     * for example a staged file with its file format.
     */
    public static String replaceSelect(TableId target, List<String> columns, List<String> keyColumns,
            List<String> selectList, String from) {
        if (selectList.size() != columns.size()) {
            throw new IllegalArgumentException(selectList.size() + " select items for " + columns.size() + " columns");
        }
        return replaceHead(target, columns, keyColumns) + " SELECT " + String.join(", ", selectList) + " FROM " + from;
    }

    /** {@code INSERT INTO t ("a", "b") SELECT <select list> FROM <source>}. */
    public static String insertSelect(TableId target, List<String> columns, List<String> selectList, String from) {
        if (selectList.size() != columns.size()) {
            throw new IllegalArgumentException(selectList.size() + " select items for " + columns.size() + " columns");
        }
        return "INSERT INTO " + Identifiers.quote(target) + " (" + Identifiers.quoteAll(columns) + ") SELECT "
                + String.join(", ", selectList) + " FROM " + from;
    }

    /**
     * Whether rows keyed by these types are written as a DELETE of their keys and an INSERT rather
     * than a {@code REPLACE … ON (key)}: Databend (1.2.895) fails a REPLACE into an empty table
     * whose key holds a Decimal of precision 18 or less with code 1104 ("entered unreachable
     * code"); DELETE and INSERT handle such keys. In one transaction the two are the REPLACE.
     */
    public static boolean upsertsByDeleteAndInsert(List<DatabendType> keyTypes) {
        for (DatabendType t : keyTypes) {
            if (t.kind() == DatabendType.Kind.DECIMAL && t.precision() <= 18) {
                return true;
            }
        }
        return false;
    }

    /**
     * One DELETE for a batch of keys: {@code "k" IN (…)} for a single key column,
     * {@code ("k1", "k2") IN ((…), (…))} for a composite key. A key holding a NULL (possible with
     * configured key columns) cannot match through IN and gets {@code OR ("k1" = … AND "k2" IS NULL)}.
     */
    public static String deleteByKeys(TableId table, List<String> keyColumns, List<DatabendType> keyTypes,
            List<List<Object>> keys) {
        checkSameSize(keyColumns, keyTypes);
        if (keyColumns.isEmpty()) {
            throw new IllegalArgumentException("delete from " + table + " needs key columns");
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no keys to delete from " + table);
        }
        boolean single = keyColumns.size() == 1;
        StringJoiner in = new StringJoiner(", ", "(", ")");
        List<String> withNulls = new ArrayList<>();
        for (List<Object> key : keys) {
            if (key.size() != keyColumns.size()) {
                throw new IllegalArgumentException("key " + key + " does not match key columns " + keyColumns);
            }
            if (hasNull(key)) {
                withNulls.add(matchWithNulls(keyColumns, keyTypes, key));
                continue;
            }
            if (single) {
                in.add(Literals.of(keyTypes.get(0), key.get(0)));
            } else {
                StringJoiner tuple = new StringJoiner(", ", "(", ")");
                for (int i = 0; i < key.size(); i++) {
                    tuple.add(Literals.of(keyTypes.get(i), key.get(i)));
                }
                in.add(tuple.toString());
            }
        }
        StringJoiner where = new StringJoiner(" OR ");
        if (withNulls.size() < keys.size()) {
            String lhs = single ? Identifiers.quote(keyColumns.get(0)) : "(" + Identifiers.quoteAll(keyColumns) + ")";
            where.add(lhs + " IN " + in);
        }
        withNulls.forEach(where::add);
        return "DELETE FROM " + Identifiers.quote(table) + " WHERE " + where;
    }

    public static String addColumn(TableId table, String column, DatabendType type) {
        return alter(table) + " ADD COLUMN " + Identifiers.quote(column) + " " + type.sql();
    }

    /** ADD COLUMN with a constant default, which fills the rows already there. */
    public static String addColumn(TableId table, String column, DatabendType type, Object defaultValue) {
        return addColumn(table, column, type) + " DEFAULT " + Literals.of(type, defaultValue);
    }

    public static String dropColumn(TableId table, String column) {
        return alter(table) + " DROP COLUMN " + Identifiers.quote(column);
    }

    public static String renameColumn(TableId table, String from, String to) {
        return alter(table) + " RENAME COLUMN " + Identifiers.quote(from) + " TO " + Identifiers.quote(to);
    }

    /** Changes type and nullability; Databend converts the stored values (and fails if one does not fit). */
    public static String modifyColumnType(TableId table, String column, DatabendType type) {
        return alter(table) + " MODIFY COLUMN " + Identifiers.quote(column) + " " + type.sql();
    }

    public static String truncateTable(TableId table) {
        return "TRUNCATE TABLE " + Identifiers.quote(table);
    }

    public static String dropTableIfExists(TableId table) {
        return "DROP TABLE IF EXISTS " + Identifiers.quote(table);
    }

    /** Renames within one database; Databend cannot move a table to another database. */
    public static String renameTable(TableId from, TableId to) {
        if (!from.database().equals(to.database())) {
            throw new IllegalArgumentException("Databend cannot rename " + from + " into another database: " + to);
        }
        return alter(from) + " RENAME TO " + Identifiers.quote(to.table());
    }

    /**
     * {@code INSERT INTO t ("a", "b") VALUES (…), (…)}: a batch of an append-only table (one
     * without a key), every value a literal.
     */
    public static String insertValues(TableId target, List<String> columns, List<DatabendType> types,
            List<Object[]> rows) {
        checkSameSize(columns, types);
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(Identifiers.quote(target)).append(" (")
                .append(Identifiers.quoteAll(columns)).append(") VALUES ");
        for (int r = 0; r < rows.size(); r++) {
            sql.append(r == 0 ? "(" : ", (");
            Object[] row = rows.get(r);
            for (int i = 0; i < row.length; i++) {
                sql.append(i == 0 ? "" : ", ").append(Literals.of(types.get(i), row[i]));
            }
            sql.append(')');
        }
        return sql.toString();
    }

    /**
     * The columns of a table, as {@code (name, type)} rows in table order; none when it does not
     * exist. Each name comes after a {@code ~}: databend-jdbc 0.2.8 reads the text {@code NULL}
     * as SQL NULL, and a column may be named {@code NULL}.
     */
    public static String selectColumns(TableId table) {
        return "SELECT CONCAT('~', name), type FROM system.columns WHERE database = " + Literals.string(table.database())
                + " AND table = " + Literals.string(table.table());
    }

    /** {@code SELECT COUNT(*)} of a table. */
    public static String countRows(TableId table) {
        return "SELECT COUNT(*) FROM " + Identifiers.quote(table);
    }

    /** Databend's IN list turns into a join above this many values (1,024 by default). */
    public static String setInlistToJoinThreshold(int values) {
        return "SET inlist_to_join_threshold = " + values;
    }

    public static String begin() {
        return "BEGIN";
    }

    public static String commit() {
        return "COMMIT";
    }

    public static String rollback() {
        return "ROLLBACK";
    }

    private static boolean hasNull(List<Object> key) {
        // List.of(...).contains(null) throws; keys come in any List implementation.
        for (Object v : key) {
            if (v == null) {
                return true;
            }
        }
        return false;
    }

    private static String matchWithNulls(List<String> keyColumns, List<DatabendType> keyTypes, List<Object> key) {
        StringJoiner and = new StringJoiner(" AND ", "(", ")");
        for (int i = 0; i < key.size(); i++) {
            String col = Identifiers.quote(keyColumns.get(i));
            Object v = key.get(i);
            and.add(v == null ? col + " IS NULL" : col + " = " + Literals.of(keyTypes.get(i), v));
        }
        return and.toString();
    }

    private static String replaceHead(TableId target, List<String> columns, List<String> keyColumns) {
        if (keyColumns.isEmpty()) {
            throw new IllegalArgumentException("REPLACE into " + target + " needs key columns");
        }
        for (String k : keyColumns) {
            if (!columns.contains(k)) {
                throw new IllegalArgumentException("key column " + k + " is not among the columns " + columns);
            }
        }
        return "REPLACE INTO " + Identifiers.quote(target) + " (" + Identifiers.quoteAll(columns) + ") ON ("
                + Identifiers.quoteAll(keyColumns) + ")";
    }

    private static String alter(TableId table) {
        return "ALTER TABLE " + Identifiers.quote(table);
    }

    private static void checkSameSize(List<String> names, List<DatabendType> types) {
        Objects.requireNonNull(names, "names");
        if (names.size() != types.size()) {
            throw new IllegalArgumentException(names.size() + " names but " + types.size() + " types");
        }
    }
}
