package io.bendcdc.history;

import io.bendcdc.contract.TableSchema;
import io.bendcdc.contract.ColumnSchema;
import io.bendcdc.contract.ColumnChange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.bendcdc.contract.ColumnChange.AddColumn;
import io.bendcdc.contract.ColumnChange.DropColumn;
import io.bendcdc.contract.ColumnChange.ModifyColumn;
import io.bendcdc.contract.ColumnChange.RenameColumn;
import io.bendcdc.history.RenameParser.ColumnRename;

/**
 * The column steps between two schemas of one table. Only the statement can say that a column was
 * renamed, so renames come from the parsed DDL; every other column is matched by its exact name.
 */
final class ColumnDiff {

    private ColumnDiff() {
    }

    /**
     * @param before  the table before the statement; null when unknown (then only renames are given)
     * @param renames the statement's renames of this table, in statement order
     * @return renames first, then drops, adds and modifications
     */
    static List<ColumnChange> between(TableSchema before, TableSchema after, List<ColumnRename> renames) {
        List<ColumnChange> renamed = new ArrayList<>();
        List<ColumnChange> modified = new ArrayList<>();
        Set<String> renamedFrom = new HashSet<>();
        Set<String> renamedTo = new HashSet<>();
        for (ColumnRename r : renames) {
            // MySQL column names ignore case; the schemas spell them as the table does
            Optional<ColumnSchema> to = find(after, r.to());
            Optional<ColumnSchema> from = before == null ? Optional.empty() : find(before, r.from());
            if (to.isEmpty() || renamedTo.contains(to.get().name())) {
                continue;
            }
            if (before == null) {
                renamed.add(new RenameColumn(r.from(), to.get().name()));
                renamedTo.add(to.get().name());
                continue;
            }
            if (from.isEmpty() || renamedFrom.contains(from.get().name()) || from.get().name().equals(to.get().name())) {
                continue; // a replayed statement, or no rename at all
            }
            renamed.add(new RenameColumn(from.get().name(), to.get().name()));
            renamedFrom.add(from.get().name());
            renamedTo.add(to.get().name());
            if (!sameDefinition(from.get(), to.get())) {
                modified.add(new ModifyColumn(from.get(), to.get()));
            }
        }
        if (before == null) {
            return renamed;
        }
        List<ColumnChange> changes = new ArrayList<>(renamed);
        for (ColumnSchema b : before.columns()) {
            if (!renamedFrom.contains(b.name()) && kept(after, b.name(), renamedTo).isEmpty()) {
                changes.add(new DropColumn(b));
            }
        }
        for (ColumnSchema a : after.columns()) {
            if (renamedTo.contains(a.name())) {
                continue;
            }
            Optional<ColumnSchema> b = kept(before, a.name(), renamedFrom);
            if (b.isEmpty()) {
                changes.add(new AddColumn(a));
            } else if (!sameDefinition(b.get(), a)) {
                modified.add(new ModifyColumn(b.get(), a));
            }
        }
        changes.addAll(modified);
        return changes;
    }

    private static Optional<ColumnSchema> find(TableSchema table, String name) {
        Optional<ColumnSchema> exact = table.column(name);
        return exact.isPresent() ? exact
                : table.columns().stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The column of that exact name unless a rename already claimed it. */
    private static Optional<ColumnSchema> kept(TableSchema table, String name, Set<String> claimed) {
        return claimed.contains(name) ? Optional.empty() : table.column(name);
    }

    /** Everything but name and position: a move alone (FIRST / AFTER) is no modification. */
    static boolean sameDefinition(ColumnSchema a, ColumnSchema b) {
        return a.typeName().equals(b.typeName())
                && Objects.equals(a.typeExpression(), b.typeExpression())
                && a.jdbcType() == b.jdbcType()
                && Objects.equals(a.length(), b.length())
                && Objects.equals(a.scale(), b.scale())
                && a.optional() == b.optional()
                && a.autoIncremented() == b.autoIncremented()
                && a.hasDefaultValue() == b.hasDefaultValue()
                && Objects.equals(a.defaultValueExpression(), b.defaultValueExpression())
                && Objects.equals(a.charsetName(), b.charsetName())
                && a.enumValues().equals(b.enumValues());
    }
}
