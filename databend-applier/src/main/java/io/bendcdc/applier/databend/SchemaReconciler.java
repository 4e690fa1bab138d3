package io.bendcdc.applier.databend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.bendcdc.applier.ApplyException;
import io.bendcdc.applier.type.DatabendType;
import io.bendcdc.applier.type.TypeMapping;
import io.bendcdc.config.TinyInt1Type;
import io.bendcdc.contract.ColumnChange;
import io.bendcdc.contract.ColumnSchema;
import io.bendcdc.contract.SchemaChange;
import io.bendcdc.contract.TableId;
import io.bendcdc.contract.TableSchema;

/**
 * Plans the statements that bring a Databend table to the schema a source DDL left behind, from
 * the table's actual columns: only the difference is issued, so a DDL applied twice is a no-op.
 * Where a column is added whose value on the rows already there cannot be derived, the plan also
 * says so, and that the table must be read again from the source. Pure; {@link SchemaApplier}
 * runs the plan.
 */
public final class SchemaReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaReconciler.class);

    /** What Databend has: column name → type as system.columns spells it; null when the table is absent. */
    interface Actual {
        Map<String, String> columns(TableId table);
    }

    /**
     * The statements to run, in order, and the columns they add whose value on the rows already
     * there only the source knows (those rows get NULL until the table is read again).
     */
    record Plan(List<String> statements, List<UnknownValues> unknown) {
        Plan {
            statements = List.copyOf(statements);
            unknown = List.copyOf(unknown);
        }
    }

    /** Column {@code column} of source table {@code source} was added; the rows already there hold {@code why}. */
    record UnknownValues(TableId source, String column, String why) {
    }

    private final TypeMapping types;
    private final int rowsPerBlock;

    public SchemaReconciler(TinyInt1Type tinyint1As, int rowsPerBlock) {
        this.types = new TypeMapping(tinyint1As);
        this.rowsPerBlock = rowsPerBlock;
    }

    /** Statements to create {@code target} as {@code schema}, or to add what an existing table lacks. */
    Plan ensure(TableId target, TableSchema schema, Actual actual) {
        Map<String, String> have = actual.columns(target);
        List<DatabendType> wanted = types.map(schema.id(), schema.columns());
        List<String> sql = new ArrayList<>();
        if (have == null) {
            sql.add(DatabendDialect.createDatabaseIfNotExists(target.database()));
            sql.add(DatabendDialect.createTable(target, schema, wanted, rowsPerBlock));
            return new Plan(sql, List.of());
        }
        List<UnknownValues> unknown = new ArrayList<>();
        for (int i = 0; i < schema.columns().size(); i++) {
            ColumnSchema c = schema.columns().get(i);
            if (!have.containsKey(c.name())) {
                sql.add(addColumn(target, schema, c, ColumnChange.Declared.UNKNOWN, wanted.get(i), unknown));
            }
        }
        return new Plan(sql, unknown);
    }

    Plan plan(SchemaChange change, Map<String, String> sourceToTarget, Actual actual) {
        if (change instanceof SchemaChange.CreateTable c) {
            return ensure(target(c.table(), sourceToTarget), c.schema(), actual);
        }
        if (change instanceof SchemaChange.DropTable d) {
            return new Plan(List.of(DatabendDialect.dropTableIfExists(target(d.table(), sourceToTarget))), List.of());
        }
        if (change instanceof SchemaChange.RenameTable r) {
            return rename(r, sourceToTarget, actual);
        }
        SchemaChange.AlterTable a = (SchemaChange.AlterTable) change;
        return alter(a, target(a.table(), sourceToTarget), actual);
    }

    private Plan rename(SchemaChange.RenameTable r, Map<String, String> map, Actual actual) {
        TableId from = target(r.from(), map);
        TableId to = target(r.to(), map);
        if (actual.columns(to) != null) {
            return new Plan(List.of(), List.of()); // already renamed
        }
        if (actual.columns(from) != null) {
            if (from.database().equals(to.database())) {
                return new Plan(List.of(DatabendDialect.renameTable(from, to)), List.of());
            }
            throw new ApplyException("cannot apply exactly: " + r.ddl() + " moves " + from + " to another Databend "
                    + "database (" + to.database() + "), which Databend cannot rename into");
        }
        return ensure(to, r.schema(), actual);
    }

    private Plan alter(SchemaChange.AlterTable a, TableId target, Actual actual) {
        Map<String, String> have = actual.columns(target);
        if (have == null) {
            return ensure(target, a.after(), actual);
        }
        Map<String, String> cols = new java.util.LinkedHashMap<>(have);
        List<String> sql = new ArrayList<>();
        List<UnknownValues> unknown = new ArrayList<>();
        for (ColumnChange change : a.columnChanges()) {
            if (change instanceof ColumnChange.RenameColumn r) {
                if (cols.containsKey(r.from()) && !cols.containsKey(r.to())) {
                    sql.add(DatabendDialect.renameColumn(target, r.from(), r.to()));
                    cols.put(r.to(), cols.remove(r.from()));
                }
            } else if (change instanceof ColumnChange.DropColumn d) {
                if (cols.remove(d.column().name()) != null) {
                    sql.add(DatabendDialect.dropColumn(target, d.column().name()));
                }
            } else if (change instanceof ColumnChange.AddColumn add) {
                if (!cols.containsKey(add.column().name())) {
                    DatabendType t = types.map(a.table(), add.column(), null);
                    sql.add(addColumn(target, a.after(), add.column(), add.declared(), t, unknown));
                    cols.put(add.column().name(), t.baseSql());
                }
            } else if (change instanceof ColumnChange.ModifyColumn m) {
                DatabendType t = types.map(a.table(), m.after(), null);
                String current = cols.get(m.after().name());
                if (current != null && !sameType(current, t)) {
                    sql.add(DatabendDialect.modifyColumnType(target, m.after().name(), t));
                    cols.put(m.after().name(), t.sql());
                }
            }
        }
        // Whatever the steps, the result must be the source's columns; else stop rather than diverge.
        List<String> wanted = a.after().columns().stream().map(ColumnSchema::name).toList();
        if (!new java.util.HashSet<>(cols.keySet()).equals(new java.util.HashSet<>(wanted))) {
            throw new ApplyException("cannot apply exactly: after " + oneLine(a.ddl()) + " the source table " + a.table()
                    + " has columns " + wanted + " but Databend's " + target + " would have " + cols.keySet());
        }
        return new Plan(sql, unknown);
    }

    /**
     * The rows already there get what the source gave them; no change event will ever carry it.
     * Where that cannot be derived, the column is added as nullable and, when the source table has
     * a key to read it again by, reported in {@code unknown}. A table without one is not read
     * again: its rows are appended, and reading them again would copy them twice.
     */
    private String addColumn(TableId target, TableSchema source, ColumnSchema c, ColumnChange.Declared declared,
            DatabendType t, List<UnknownValues> unknown) {
        ColumnDefaults.Existing existing = ColumnDefaults.of(c, t, declared);
        if (existing instanceof ColumnDefaults.Value v && v.value() != null) {
            return DatabendDialect.addColumn(target, c.name(), t, v.value());
        }
        if (existing instanceof ColumnDefaults.Underivable u) {
            if (source.primaryKey().isEmpty()) {
                LOG.warn("Column {} added to {}: the rows already there hold {} in the source, which cannot be"
                        + " derived from the DDL; {} has no primary key to read them again by, so they hold NULL in"
                        + " Databend", c.name(), target, u.why(), source.id());
            } else {
                unknown.add(new UnknownValues(source.id(), c.name(), u.why()));
            }
        }
        return DatabendDialect.addColumn(target, c.name(), t.withNullable(true));
    }

    static boolean sameType(String actual, DatabendType wanted) {
        String a = actual.replace(" ", "").toLowerCase(Locale.ROOT);
        boolean nullable = a.startsWith("nullable(");
        if (nullable) {
            a = a.substring("nullable(".length(), a.length() - 1);
        }
        return nullable == wanted.nullable() && a.equals(wanted.baseSql().replace(" ", "").toLowerCase(Locale.ROOT));
    }

    private static TableId target(TableId source, Map<String, String> map) {
        return new TableId(map.getOrDefault(source.database(), source.database()), source.table());
    }

    private static String oneLine(String ddl) {
        return ddl == null ? "" : ddl.replaceAll("\\s+", " ");
    }
}
