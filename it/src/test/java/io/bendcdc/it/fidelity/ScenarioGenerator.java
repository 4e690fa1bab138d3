package io.bendcdc.it.fidelity;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import io.bendcdc.it.fidelity.ColumnType.Context;
import io.bendcdc.it.fidelity.ColumnType.Phase;
import io.bendcdc.it.fidelity.Scenario.Options;
import io.bendcdc.it.fidelity.Scenario.Step;
import io.bendcdc.it.fidelity.TableModel.Column;
import io.bendcdc.it.fidelity.TableModel.KeyKind;

/**
 * Makes a {@link Scenario} from a seed: a few tables of random column types with keys of every
 * shape and names that need quoting, rows at the types' limits, and a workload of single changes,
 * transactions (some rolled back), key changes, upserts, a large transaction and, with
 * {@code options.ddl()}, schema changes. Everything is drawn from one {@link Random}, so a seed
 * replays exactly. Inputs of the {@link KnownDefect}s in {@code options.excluded()} are not made.
 */
final class ScenarioGenerator {

    private static final List<String> TABLE_NAMES = List.of("t", "Order Items", "select", "MixedCase", "group",
            "key value", "UPPER", "from", "x-y", "table");
    private static final List<String> COLUMN_NAMES = List.of("c", "Value", "select", "a b", "NULL", "order",
            "Mixed Case", "key", "ünï", "from", "x-y", "desc", "index", "timestamp", "_id", "DATE", "v");

    private final Random r;
    private final Options options;
    private final ZoneOffset zone;
    private final List<TableModel> tables = new ArrayList<>();
    private final Set<String> usedTableNames = new HashSet<>();
    private int tableCounter;
    private int columnCounter;

    private ScenarioGenerator(long seed, Options options) {
        this.r = new Random(seed);
        this.options = options;
        this.zone = ColumnType.pick(r, List.of(ZoneOffset.UTC, ZoneOffset.ofHoursMinutes(5, 30), ZoneOffset.ofHours(-8)));
    }

    static Scenario generate(long seed, Options options) {
        return new ScenarioGenerator(seed, options).scenario(seed);
    }

    private boolean excludes(KnownDefect d) {
        return options.excluded().contains(d);
    }

    /**
     * With a restart in the run every value may be read by a snapshot: a SIGKILL before the engine
     * stored its offsets makes it take the snapshot again.
     */
    private Context ctx(Phase phase) {
        return new Context(r, options.excluded(), options.restart() ? Phase.SNAPSHOT : phase, zone);
    }

    private Scenario scenario(long seed) {
        List<String> setup = new ArrayList<>();
        int n = 2 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            TableModel t = newTable();
            tables.add(t);
            setup.add(t.createStatement());
            int rows = 3 + r.nextInt(25);
            while (rows > 0) {
                int k = Math.min(rows, 1 + r.nextInt(5));
                setup.add(insert(t, k, Phase.SNAPSHOT));
                rows -= k;
            }
        }
        List<Step> workload = new ArrayList<>();
        int steps = 40 + r.nextInt(60);
        for (int i = 0; i < steps; i++) {
            workload.add(step());
        }
        int restartBefore = options.restart() ? steps / 3 + r.nextInt(steps / 3) : -1;
        return new Scenario(seed, options, zone, setup, workload, restartBefore);
    }

    // ---- schema

    private String tableName() {
        String base = ColumnType.pick(r, TABLE_NAMES);
        String name = usedTableNames.contains(base.toLowerCase(Locale.ROOT)) ? base + " " + (++tableCounter) : base;
        while (usedTableNames.contains(name.toLowerCase(Locale.ROOT))) {
            name = base + " " + (++tableCounter);
        }
        usedTableNames.add(name.toLowerCase(Locale.ROOT));
        return name;
    }

    private String columnName(TableModel t) {
        String base = ColumnType.pick(r, COLUMN_NAMES);
        Set<String> used = t.columns.stream().map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        String name = base;
        while (used.contains(name.toLowerCase(Locale.ROOT))) {
            name = base + "_" + (++columnCounter);
        }
        return name;
    }

    private TableModel newTable() {
        TableModel t = new TableModel(tableName());
        KeyKind kind = ColumnType.pick(r, List.of(KeyKind.values()));
        if (kind == KeyKind.INT_DECIMAL && excludes(KnownDefect.DECIMAL_HALVES_SWAPPED)) {
            kind = KeyKind.INT_DECIMAL38;
        }
        for (ColumnType kt : kind.types) {
            t.columns.add(new Column(columnName(t), kt, null, true));
        }
        int values = 2 + r.nextInt(9);
        for (int i = 0; i < values; i++) {
            ColumnType type = randomType();
            String def = type.takesDefault() && r.nextInt(4) == 0 ? type.literal(ctx(Phase.SNAPSHOT)) : null;
            if (def != null && def.equals("X''") && excludes(KnownDefect.BINARY_EMPTY_DEFAULT)) {
                def = null;
            }
            t.columns.add(new Column(columnName(t), type, def, false));
        }
        return t;
    }

    // ---- rows

    private String valueOrNull(Column c, Phase phase) {
        boolean mayBeNull = !c.notNull();
        return mayBeNull && r.nextInt(7) == 0 ? "NULL" : c.type().literal(ctx(phase));
    }

    /** INSERT of {@code k} new keys with values for a random subset of the columns. */
    private String insert(TableModel t, int k, Phase phase) {
        List<Column> cols = new ArrayList<>(t.keyColumns());
        for (Column c : t.valueColumns()) {
            if (c.notNull() || r.nextInt(5) != 0) {
                cols.add(c);
            }
        }
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            long key = t.nextKey++;
            t.present.add(key);
            List<String> vals = new ArrayList<>(t.keyLiterals(key));
            for (Column c : cols.subList(t.keyColumns().size(), cols.size())) {
                vals.add(valueOrNull(c, phase));
            }
            rows.add("(" + String.join(", ", vals) + ")");
        }
        return "INSERT INTO " + Sql.id(t.name) + " (" + cols.stream().map(c -> Sql.id(c.name()))
                .collect(Collectors.joining(", ")) + ") VALUES " + String.join(", ", rows);
    }

    private String update(TableModel t, long key) {
        List<Column> vals = t.valueColumns();
        List<String> sets = new ArrayList<>();
        int n = 1 + r.nextInt(Math.min(3, vals.size()));
        for (int i = 0; i < n; i++) {
            Column c = ColumnType.pick(r, vals);
            sets.add(Sql.id(c.name()) + " = " + valueOrNull(c, Phase.STREAM));
        }
        return "UPDATE " + Sql.id(t.name) + " SET " + String.join(", ", sets) + " WHERE " + t.keyCondition(key);
    }

    private String updateKey(TableModel t, int index) {
        long old = t.present.get(index);
        long now = t.nextKey++;
        t.present.set(index, now);
        List<Column> keys = t.keyColumns();
        List<String> lits = t.keyLiterals(now);
        List<String> sets = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            sets.add(Sql.id(keys.get(k).name()) + " = " + lits.get(k));
        }
        return "UPDATE " + Sql.id(t.name) + " SET " + String.join(", ", sets) + " WHERE " + t.keyCondition(old);
    }

    private String delete(TableModel t, int index) {
        long key = t.present.remove(index);
        return "DELETE FROM " + Sql.id(t.name) + " WHERE " + t.keyCondition(key);
    }

    /** REPLACE or INSERT … ON DUPLICATE KEY UPDATE of an existing key. */
    private String upsert(TableModel t, long key) {
        List<Column> vals = t.valueColumns();
        List<String> names = new ArrayList<>();
        List<String> lits = new ArrayList<>(t.keyLiterals(key));
        t.keyColumns().forEach(c -> names.add(Sql.id(c.name())));
        for (Column c : vals) {
            names.add(Sql.id(c.name()));
            lits.add(valueOrNull(c, Phase.STREAM));
        }
        String head = " INTO " + Sql.id(t.name) + " (" + String.join(", ", names) + ") VALUES (" + String.join(", ", lits) + ")";
        if (r.nextBoolean()) {
            return "REPLACE" + head;
        }
        Column c = ColumnType.pick(r, vals);
        return "INSERT" + head + " ON DUPLICATE KEY UPDATE " + Sql.id(c.name()) + " = " + valueOrNull(c, Phase.STREAM);
    }

    /** One DML statement on a random table, keeping the model in step. */
    private String dml(TableModel t) {
        int op = r.nextInt(100);
        if (t.present.isEmpty() || op < 35) {
            return insert(t, r.nextInt(4) == 0 ? 2 + r.nextInt(4) : 1, Phase.STREAM);
        }
        int index = r.nextInt(t.present.size());
        if (op < 65) {
            return update(t, t.present.get(index));
        }
        if (op < 75) {
            return updateKey(t, index);
        }
        if (op < 90) {
            return delete(t, index);
        }
        return upsert(t, t.present.get(index));
    }

    // ---- workload

    private Step step() {
        int op = r.nextInt(100);
        TableModel t = ColumnType.pick(r, tables);
        if (options.ddl() && op < 8) {
            return ddl(t);
        }
        if (op < 20) {
            return transaction(t);
        }
        if (op < 21) {
            return largeTransaction(t);
        }
        return new Step("dml", List.of(dml(t)));
    }

    private Step transaction(TableModel first) {
        boolean rollback = r.nextInt(3) == 0;
        List<List<Long>> saved = tables.stream().map(t -> (List<Long>) new ArrayList<>(t.present)).toList();
        List<String> sql = new ArrayList<>(List.of("BEGIN"));
        int n = 2 + r.nextInt(5);
        for (int i = 0; i < n; i++) {
            sql.add(dml(i == 0 ? first : ColumnType.pick(r, tables)));
        }
        sql.add(rollback ? "ROLLBACK" : "COMMIT");
        if (rollback) {
            for (int i = 0; i < tables.size(); i++) {
                tables.get(i).present = new ArrayList<>(saved.get(i));
            }
        }
        return new Step(rollback ? "rolled-back transaction" : "transaction", sql);
    }

    private Step largeTransaction(TableModel t) {
        List<String> sql = new ArrayList<>(List.of("BEGIN"));
        for (int i = 0; i < 6; i++) {
            sql.add(insert(t, 50, Phase.STREAM));
        }
        for (int i = 0; i < 20 && !t.present.isEmpty(); i++) {
            sql.add(i % 2 == 0 ? update(t, t.present.get(r.nextInt(t.present.size())))
                    : delete(t, r.nextInt(t.present.size())));
        }
        sql.add("COMMIT");
        return new Step("large transaction", sql);
    }

    /**
     * Whether ADD COLUMN … NOT NULL without DEFAULT of this type is made: not while its defect is
     * excluded, and not for the types whose implicit default is a zero date or YEAR 0000 (zero dates are
     * not generated yet) or not valid JSON.
     */
    private boolean implicitDefaultCovered(ColumnType type) {
        return switch (type.base()) {
            case DATE, DATETIME, TIMESTAMP, JSON -> false;
            default -> true;
        };
    }

    /** A random column type, but none of an excluded defect's (see {@link KnownDefect}). */
    private ColumnType randomType() {
        while (true) {
            ColumnType type = ColumnType.random(r);
            if (type.base() == ColumnType.Base.DECIMAL && type.size() > 38 && excludes(KnownDefect.DECIMAL_HALVES_SWAPPED)
                    || type.base() == ColumnType.Base.JSON && excludes(KnownDefect.JSON_AS_STRING)) {
                continue;
            }
            return type;
        }
    }

    private Step ddl(TableModel t) {
        List<String> kinds = List.of("add", "add", "drop column", "rename column", "truncate", "create table",
                "drop table", "rename table", "drop and create");
        String kind = ColumnType.pick(r, kinds);
        String table = Sql.id(t.name);
        switch (kind) {
            case "add" -> {
                List<String> adds = new ArrayList<>();
                int n = 1 + r.nextInt(3);
                // a table with a FLOAT column is never read again: see KnownDefect.FLOAT_READ_AGAIN
                boolean noReread = excludes(KnownDefect.FLOAT_READ_AGAIN)
                        && t.columns.stream().anyMatch(c -> c.type().base() == ColumnType.Base.FLOAT);
                for (int i = 0; i < n; i++) {
                    ColumnType type = randomType();
                    while (type.base() == ColumnType.Base.FLOAT && excludes(KnownDefect.FLOAT_READ_AGAIN)) {
                        type = randomType();
                    }
                    String def = null;
                    boolean notNull = false;
                    int how = r.nextInt(3);
                    if (how == 0 && type.takesDefault()) {
                        def = type.literal(ctx(Phase.STREAM));
                        if ((type.base() == ColumnType.Base.DATETIME || type.base() == ColumnType.Base.TIMESTAMP)
                                && r.nextBoolean()) {
                            // existing rows get the time of the ALTER: only a re-read from the source has it
                            def = "CURRENT_TIMESTAMP(" + type.size() + ")";
                        }
                        if (def.equals("X''") && excludes(KnownDefect.BINARY_EMPTY_DEFAULT) || noReread) {
                            def = null;
                        }
                    } else if (how == 1 && implicitDefaultCovered(type)) {
                        notNull = true; // existing rows get the type's implicit default (0, '', the first ENUM member)
                    }
                    Column c = new Column(columnName(t), type, def, false, notNull);
                    t.columns.add(c);
                    adds.add("ADD COLUMN " + c.ddl());
                }
                return new Step("add column", List.of("ALTER TABLE " + table + " " + String.join(", ", adds)));
            }
            case "drop column" -> {
                List<Column> vals = t.valueColumns();
                if (vals.size() < 2) {
                    return new Step("dml", List.of(dml(t)));
                }
                Column c = ColumnType.pick(r, vals);
                t.columns.remove(c);
                return new Step("drop column", List.of("ALTER TABLE " + table + " DROP COLUMN " + Sql.id(c.name())));
            }
            case "rename column" -> {
                Column c = ColumnType.pick(r, t.valueColumns());
                Column renamed = c.renamed(columnName(t));
                t.columns.set(t.columns.indexOf(c), renamed);
                return new Step("rename column", List.of("ALTER TABLE " + table + " RENAME COLUMN " + Sql.id(c.name())
                        + " TO " + Sql.id(renamed.name())));
            }
            case "truncate" -> {
                t.present.clear();
                return new Step("truncate", List.of("TRUNCATE TABLE " + table));
            }
            case "create table" -> {
                TableModel added = newTable();
                tables.add(added);
                return new Step("create table", List.of(added.createStatement(), insert(added, 1 + r.nextInt(5), Phase.STREAM)));
            }
            case "drop table" -> {
                if (tables.size() < 2) {
                    return new Step("dml", List.of(dml(t)));
                }
                tables.remove(t);
                return new Step("drop table", List.of("DROP TABLE " + table));
            }
            case "rename table" -> {
                int how = r.nextInt(4);
                if (how == 0 && tables.size() >= 2) {
                    TableModel u = ColumnType.pick(r, tables.stream().filter(o -> o != t).toList());
                    String tmp = tableName();
                    String other = Sql.id(u.name);
                    String name = t.name;
                    t.name = u.name;
                    u.name = name;
                    return new Step("swap tables", List.of("RENAME TABLE " + table + " TO " + Sql.id(tmp) + ", " + other
                            + " TO " + table + ", " + Sql.id(tmp) + " TO " + other, dml(t), dml(u)));
                }
                if (how == 1) {
                    String between = tableName();
                    t.name = tableName();
                    return new Step("rename table twice", List.of("RENAME TABLE " + table + " TO " + Sql.id(between)
                            + ", " + Sql.id(between) + " TO " + Sql.id(t.name), dml(t)));
                }
                t.name = tableName();
                String rename = "RENAME TABLE " + table + " TO " + Sql.id(t.name);
                return how == 2 ? new Step("rename table, no row after", List.of(rename))
                        : new Step("rename table", List.of(rename, dml(t)));
            }
            case "drop and create" -> {
                int at = tables.indexOf(t);
                TableModel again = newTable();
                usedTableNames.remove(again.name.toLowerCase(Locale.ROOT));
                again.name = t.name;
                tables.set(at, again);
                return new Step("drop and create", List.of("DROP TABLE " + table, again.createStatement(),
                        insert(again, 1 + r.nextInt(5), Phase.STREAM)));
            }
            default -> throw new IllegalStateException(kind);
        }
    }
}
