package io.bendcdc.it.fidelity;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the generator knows of one source table: its name, columns and the keys it holds (by the
 * counter each key was made from). It is not the comparison's reference, which reads the databases
 * themselves; it lets the workload pick rows that exist and columns that may change.
 */
final class TableModel {

    /** A column; {@code defaultLiteral} is null when the column has no DEFAULT. Key columns are NOT NULL. */
    record Column(String name, ColumnType type, String defaultLiteral, boolean key, boolean notNull) {
        Column(String name, ColumnType type, String defaultLiteral, boolean key) {
            this(name, type, defaultLiteral, key, key);
        }

        Column renamed(String newName) {
            return new Column(newName, type, defaultLiteral, key, notNull);
        }

        String ddl() {
            return Sql.id(name) + " " + type.ddl() + (notNull ? " NOT NULL" : "")
                    + (defaultLiteral == null ? "" : " DEFAULT " + defaultLiteral);
        }
    }

    /** The primary key shapes the generator makes. */
    enum KeyKind {
        INT(List.of(new ColumnType(ColumnType.Base.INT, false, 0, 0))),
        BIGINT_UNSIGNED(List.of(new ColumnType(ColumnType.Base.BIGINT, true, 0, 0))),
        VARCHAR(List.of(new ColumnType(ColumnType.Base.VARCHAR, false, 40, 0))),
        INT_VARCHAR(List.of(new ColumnType(ColumnType.Base.INT, false, 0, 0),
                new ColumnType(ColumnType.Base.VARCHAR, false, 40, 0))),
        VARCHAR_BIGINT_UNSIGNED_DATE(List.of(new ColumnType(ColumnType.Base.VARCHAR, false, 40, 0),
                new ColumnType(ColumnType.Base.BIGINT, true, 0, 0), new ColumnType(ColumnType.Base.DATE, false, 0, 0))),
        DECIMAL(List.of(new ColumnType(ColumnType.Base.DECIMAL, false, 20, 5))),
        /** Precision 18 or less: Databend's REPLACE cannot key on it, the applier deletes and inserts. */
        SMALL_DECIMAL(List.of(new ColumnType(ColumnType.Base.DECIMAL, false, 12, 2))),
        INT_DECIMAL(List.of(new ColumnType(ColumnType.Base.INT, false, 0, 0),
                new ColumnType(ColumnType.Base.DECIMAL, false, 65, 30))),
        /** INT_DECIMAL within 38 digits (see {@link KnownDefect#DECIMAL_HALVES_SWAPPED}). */
        INT_DECIMAL38(List.of(new ColumnType(ColumnType.Base.INT, false, 0, 0),
                new ColumnType(ColumnType.Base.DECIMAL, false, 38, 10)));

        final List<ColumnType> types;

        KeyKind(List<ColumnType> types) {
            this.types = types;
        }
    }

    private static final List<String> KEY_TEXT = List.of("", "NULL", "\\N", "'", "\"", "\\", "a b", ",", "\t", "\n",
            "😀", "Key", "\0");

    String name;
    final List<Column> columns = new ArrayList<>();
    long nextKey;
    List<Long> present = new ArrayList<>();

    TableModel(String name) {
        this.name = name;
    }

    List<Column> keyColumns() {
        return columns.stream().filter(Column::key).toList();
    }

    List<Column> valueColumns() {
        return columns.stream().filter(c -> !c.key()).toList();
    }

    String createStatement() {
        return "CREATE TABLE " + Sql.id(name) + " (" + columns.stream().map(Column::ddl).collect(Collectors.joining(", "))
                + ", PRIMARY KEY (" + keyColumns().stream().map(c -> Sql.id(c.name())).collect(Collectors.joining(", "))
                + "))";
    }

    /** The key made from counter {@code i}, one literal per key column; distinct counters give distinct keys. */
    List<String> keyLiterals(long i) {
        List<String> out = new ArrayList<>();
        for (Column c : keyColumns()) {
            out.add(keyLiteral(c.type(), i));
        }
        return out;
    }

    String keyCondition(long i) {
        List<Column> keys = keyColumns();
        List<String> lits = keyLiterals(i);
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            parts.add(Sql.id(keys.get(k).name()) + " = " + lits.get(k));
        }
        return String.join(" AND ", parts);
    }

    private static String keyLiteral(ColumnType t, long i) {
        return switch (t.base()) {
            case INT -> i == 0 ? "-2147483648" : i == 1 ? "2147483647" : Long.toString(i % 2 == 0 ? i : -i);
            case BIGINT -> i == 0 ? "0" : i == 1 ? "18446744073709551615"
                    : (i % 2 == 0 ? BigInteger.valueOf(i) : BigInteger.ONE.shiftLeft(63).add(BigInteger.valueOf(i))).toString();
            case VARCHAR -> ColumnType.quote(KEY_TEXT.get((int) ((i * 7) % KEY_TEXT.size())) + i);
            case DATE -> ColumnType.quote(LocalDate.of(1000, 1, 1).plusDays(i * 997 % 3_000_000).toString());
            case DECIMAL -> {
                String nines = "9".repeat(t.size() - t.scale()) + "." + "9".repeat(t.scale());
                yield i == 0 ? "-" + nines : i == 1 ? nines : (i % 2 == 0 ? "" : "-") + i + "." + "0".repeat(t.scale() - 1) + "1";
            }
            default -> throw new IllegalArgumentException("not a key type: " + t);
        };
    }
}
