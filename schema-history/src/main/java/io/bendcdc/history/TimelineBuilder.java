package io.bendcdc.history;

import io.bendcdc.contract.BinlogPosition;
import io.bendcdc.contract.ColumnChange;
import io.bendcdc.contract.TableId;
import io.bendcdc.contract.TableSchema;
import io.bendcdc.contract.SchemaChange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.bendcdc.history.RenameParser.ColumnRename;
import io.bendcdc.history.RenameParser.TableRename;
import io.bendcdc.history.HistoryEntry.TableChange;
import io.bendcdc.contract.SchemaChange.AlterTable;
import io.bendcdc.contract.SchemaChange.CreateTable;
import io.bendcdc.contract.SchemaChange.DropTable;
import io.bendcdc.contract.SchemaChange.RenameTable;

/**
 * Turns history records, in topic order, into per-table changes. Grows as records are appended
 * (see {@link SchemaHistoryReader#refresh()}); each {@link #build()} is an immutable copy.
 */
final class TimelineBuilder {

    private final Predicate<TableId> tables;
    /** Every table's schema now, filtered or not: a rename may bring an ignored table into view. */
    private final Map<TableId, TableSchema> current = new HashMap<>();
    private final Map<TableId, List<SchemaChange>> changes = new LinkedHashMap<>();
    /** Every change kept, once, in history order. */
    private final List<SchemaChange> all = new ArrayList<>();
    private BinlogPosition first;
    private boolean inLeadingRun = true;
    private BinlogPosition last;
    /** Every streamed record read, by position, statement and table changes. */
    private final Set<String> streamed = new HashSet<>();
    /** The snapshot being read: its position, the databases it creates whole and the tables it creates. */
    private BinlogPosition snapshotAt;
    private final Set<String> snapshotDatabases = new HashSet<>();
    private final Set<TableId> snapshotTables = new HashSet<>();

    TimelineBuilder(Predicate<TableId> tables) {
        this.tables = tables;
    }

    void add(HistoryEntry entry) {
        boolean snapshot = isSnapshot(entry);
        BinlogPosition at = snapshot ? asSnapshot(entry.position()) : entry.position();
        last = at;
        if (!snapshot && !streamed.add(at + "\n" + entry.ddl() + "\n" + entry.tableChanges().stream()
                .map(c -> c.type() + " " + c.id() + " " + c.previousId()).toList())) {
            // The same record written again: the engine restarted before it recorded where it had
            // read to. Applied twice, a swap of two tables' names would undo itself (fidelity seed 331).
            return;
        }
        if (snapshotAt != null && (!snapshot || !at.equals(snapshotAt))) {
            endSnapshot();
        }
        if (snapshot) {
            snapshotAt = at;
            if (entry.ddl() != null && entry.ddl().regionMatches(true, 0, "CREATE DATABASE", 0, 15)) {
                snapshotDatabases.add(entry.databaseName());
            }
            entry.tableChanges().stream().filter(c -> c.type().equals("CREATE")).forEach(c -> snapshotTables.add(c.id()));
        }
        if (!snapshot && entry.tableChanges().isEmpty() && isRenameTable(entry.ddl())) {
            for (TableRename r : RenameParser.tables(entry.ddl(), entry.databaseName())) {
                renameWithoutChange(r.from(), r.to(), at, entry.ddl());
            }
            return;
        }
        for (TableChange change : entry.tableChanges()) {
            if (snapshot) {
                baseline(change, at, entry.ddl());
                continue;
            }
            switch (change.type()) {
                case "CREATE" -> create(change, at, entry.ddl());
                case "ALTER" -> alter(change, at, entry.ddl());
                case "DROP" -> drop(change, at, entry.ddl());
                default -> throw new SchemaHistoryException("unknown table change type '" + change.type()
                        + "' at " + at + " for " + change.id() + ": " + entry.ddl());
            }
        }
    }

    SchemaTimeline build() {
        endSnapshot(); // a snapshot read in two parts is one drop and create per table all the same
        Map<TableId, List<SchemaChange>> copy = new LinkedHashMap<>();
        changes.forEach((id, list) -> copy.put(id, List.copyOf(list)));
        return new SchemaTimeline(copy, List.copyOf(all), last);
    }

    /**
     * Snapshot records carry a snapshot marker. Should a writer leave it out, the leading run of
     * records at the first record's position without a server id (streamed records name theirs)
     * is the snapshot too. Position alone is not enough: the first streamed DDL can share the
     * snapshot's pos (samples/ddl: ADD COLUMN d at 1353).
     */
    private boolean isSnapshot(HistoryEntry entry) {
        if (first == null) {
            first = entry.position();
        }
        boolean snapshot = entry.snapshotFlag() || inLeadingRun && !entry.hasServerId()
                && entry.position().file().equals(first.file()) && entry.position().pos() == first.pos();
        inLeadingRun &= snapshot;
        return snapshot;
    }

    private static BinlogPosition asSnapshot(BinlogPosition p) {
        return new BinlogPosition(p.file(), p.pos(), p.row(), true);
    }

    /**
     * The snapshot's DROP TABLE IF EXISTS / DROP DATABASE only precede its CREATE; the CREATE is
     * the baseline. A later snapshot of a known table (the engine stopped before it recorded the
     * first, or a blocking snapshot) re-reads the whole table, whatever DDL in between the history
     * missed: the table is created anew, a drop and a create at the snapshot's position, so that
     * what the snapshot does not hold (rows of a table now empty, columns gone) goes.
     */
    private void baseline(TableChange change, BinlogPosition at, String ddl) {
        TableSchema schema = change.table();
        if (schema == null) {
            return;
        }
        if (current.put(schema.id(), schema) != null) {
            emit(new DropTable(schema.id(), at, ddl), schema.id());
        }
        emit(new CreateTable(schema, at, ddl), schema.id());
    }

    /**
     * Ends the snapshot being read: a table of a database the snapshot created whole that it did
     * not create is gone (dropped or renamed while the engine was not reading the binlog).
     */
    private void endSnapshot() {
        if (snapshotAt == null) {
            return;
        }
        for (TableId id : new ArrayList<>(current.keySet())) {
            if (snapshotDatabases.contains(id.database()) && !snapshotTables.contains(id)) {
                current.remove(id);
                emit(new DropTable(id, snapshotAt, "(not in the snapshot at " + snapshotAt + ")"), id);
            }
        }
        snapshotAt = null;
        snapshotDatabases.clear();
        snapshotTables.clear();
    }

    private void create(TableChange change, BinlogPosition at, String ddl) {
        TableSchema schema = required(change, at, ddl);
        TableSchema before = current.put(schema.id(), schema);
        if (!schema.equals(before)) { // equal: the same record written again after an engine restart
            emit(new CreateTable(schema, at, ddl), schema.id());
        }
    }

    private void alter(TableChange change, BinlogPosition at, String ddl) {
        TableSchema schema = required(change, at, ddl);
        TableId id = schema.id();
        TableId from = change.previousId();
        TableSchema before;
        if (from != null && !from.equals(id)) {
            before = current.remove(from);
            emit(new RenameTable(from, id, schema, at, ddl), from, id);
            if (before == null) {
                current.put(id, schema);
                return; // the rename carries the schema; there is nothing to compare with
            }
            before = before.withId(id);
        } else {
            before = current.get(id);
        }
        current.put(id, schema);
        if (schema.equals(before) || !tables.test(id)) {
            // a pure table rename, an index-only change, a record replayed after a restart, or a
            // table nobody asked for (whose statement need not even parse)
            return;
        }
        List<ColumnChange> diff = ColumnDiff.between(before, schema, renames(ddl, id, from));
        emit(new AlterTable(before, schema, declared(diff, ddl), at, ddl), id);
    }

    /** The added columns with what their clause in the statement declares (see {@link ColumnChange.Declared}). */
    private static List<ColumnChange> declared(List<ColumnChange> diff, String ddl) {
        if (diff.stream().noneMatch(c -> c instanceof ColumnChange.AddColumn)) {
            return diff;
        }
        Map<String, ColumnChange.Declared> clauses = AddedColumnParser.parse(ddl);
        return diff.stream().map(c -> c instanceof ColumnChange.AddColumn add
                ? new ColumnChange.AddColumn(add.column(), clauses.getOrDefault(
                        add.column().name().toLowerCase(Locale.ROOT), ColumnChange.Declared.UNKNOWN))
                : c).toList();
    }

    /**
     * A rename the history has no table change for: a name the statement renames again before it
     * ends ({@code b} of {@code RENAME TABLE b TO tmp, c TO b, tmp TO c}). The table keeps its
     * schema under the new name.
     */
    private void renameWithoutChange(TableId from, TableId to, BinlogPosition at, String ddl) {
        TableSchema before = current.remove(from);
        if (before == null) {
            return; // a table the history never knew: nothing to carry
        }
        TableSchema schema = before.withId(to);
        current.put(to, schema);
        emit(new RenameTable(from, to, schema, at, ddl), from, to);
    }

    private static boolean isRenameTable(String ddl) {
        return ddl != null && ddl.stripLeading().regionMatches(true, 0, "RENAME", 0, 6);
    }

    private void drop(TableChange change, BinlogPosition at, String ddl) {
        current.remove(change.id());
        emit(new DropTable(change.id(), at, ddl), change.id());
    }

    private static List<ColumnRename> renames(String ddl, TableId id, TableId previousId) {
        List<ColumnRename> own = new ArrayList<>();
        for (ColumnRename r : RenameParser.columns(ddl)) {
            if (r.table().equalsIgnoreCase(id.table())
                    || previousId != null && r.table().equalsIgnoreCase(previousId.table())) {
                own.add(r);
            }
        }
        return own;
    }

    private static TableSchema required(TableChange change, BinlogPosition at, String ddl) {
        if (change.table() == null) {
            throw new SchemaHistoryException(change.type() + " of " + change.id() + " at " + at
                    + " has no table in the schema history record: " + ddl);
        }
        return change.table();
    }

    private void emit(SchemaChange change, TableId... ids) {
        boolean kept = false;
        for (TableId id : ids) {
            if (tables.test(id)) {
                changes.computeIfAbsent(id, k -> new ArrayList<>()).add(change);
                kept = true;
            }
        }
        if (kept) {
            all.add(change);
        }
    }
}
