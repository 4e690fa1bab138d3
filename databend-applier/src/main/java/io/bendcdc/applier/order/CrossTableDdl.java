package io.bendcdc.applier.order;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.bendcdc.contract.BinlogPosition;
import io.bendcdc.contract.SchemaChange;
import io.bendcdc.contract.TableId;

/**
 * One DDL statement that moves data between table names: {@code RENAME TABLE a TO b}, a chain
 * ({@code a TO b, b TO c}) or a swap ({@code a TO tmp, b TO a, tmp TO b}). Each name's topic holds
 * that name's changes before and after the statement, so it is applied as a step of its own: once
 * every partition of every name it touches has written everything before {@link #position}, and
 * before any of them writes anything after it.
 *
 * @param renames the statement's renames, in statement order
 */
public record CrossTableDdl(BinlogPosition position, List<SchemaChange.RenameTable> renames) {

    public CrossTableDdl {
        if (renames.isEmpty()) {
            throw new IllegalArgumentException("a cross-table DDL renames at least one table");
        }
        renames = List.copyOf(renames);
    }

    /** Every name the statement touches, old and new, in statement order. */
    public Set<TableId> tables() {
        Set<TableId> out = new LinkedHashSet<>();
        for (SchemaChange.RenameTable r : renames) {
            out.add(r.from());
            out.add(r.to());
        }
        return out;
    }

    /**
     * Whether applying the statement again after it was applied would undo it: a name is both
     * renamed away and renamed to (a swap, a chain), so the renames cannot tell from the tables
     * present whether they have run.
     */
    public boolean reusesNames() {
        Set<TableId> from = new LinkedHashSet<>();
        renames.forEach(r -> from.add(r.from()));
        return renames.stream().anyMatch(r -> from.contains(r.to()));
    }

    /** The statement, on one line, for messages: Debezium records each pair of a statement apart. */
    public String ddl() {
        return String.join("; ", renames.stream().map(r -> r.ddl() == null ? "" : r.ddl().replaceAll("\\s+", " "))
                .distinct().toList());
    }
}
