package io.bendcdc.history;

import io.bendcdc.contract.BinlogPosition;
import io.bendcdc.contract.TableId;
import io.bendcdc.contract.TableSchema;
import io.bendcdc.contract.SchemaChange;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Each table's schema over binlog positions, built from the schema history in topic order.
 *
 * <p>A change at position p applies to the table's data events at positions greater than p (see
 * {@link BinlogPosition} for the ordering). The one exception: a snapshot's baseline applies to the
 * snapshot's own rows, which share its position. A table renamed t2 → t3 continues under t3: the
 * {@link SchemaChange.RenameTable} is in the changes of both names, t2 has no schema after it and
 * t3 none before it. Immutable; a newer history gives a new timeline.
 */
public final class SchemaTimeline {

    private final Map<TableId, List<SchemaChange>> changes;
    private final List<SchemaChange> all;
    private final BinlogPosition lastPosition;

    SchemaTimeline(Map<TableId, List<SchemaChange>> changes, List<SchemaChange> all, BinlogPosition lastPosition) {
        this.changes = Map.copyOf(changes);
        this.all = all;
        this.lastPosition = lastPosition;
    }

    /** Builds the timeline of every table from history record values (JSON), in topic order. */
    public static SchemaTimeline of(List<String> jsonRecords) {
        return of(jsonRecords, id -> true);
    }

    /**
     * Like {@link #of(List)}, keeping only the tables {@code tables} accepts (a rename is kept when
     * either name is accepted).
     *
     * @throws SchemaHistoryException when a record cannot be read
     */
    public static SchemaTimeline of(List<String> jsonRecords, Predicate<TableId> tables) {
        TimelineBuilder builder = new TimelineBuilder(tables);
        for (String json : jsonRecords) {
            builder.add(HistoryEntry.parse(json));
        }
        return builder.build();
    }

    /**
     * The schema in force for a data event of {@code table} at {@code position}: that left by the
     * last change at or before it. Empty when the table did not exist there (not yet created,
     * dropped, renamed away) or is unknown.
     */
    public Optional<TableSchema> schemaAt(TableId table, BinlogPosition position) {
        Objects.requireNonNull(position, "position");
        List<SchemaChange> list = changes.getOrDefault(table, List.of());
        for (int i = list.size() - 1; i >= 0; i--) {
            if (inForceAt(list.get(i), position)) {
                return list.get(i).schemaAfter(table);
            }
        }
        return Optional.empty();
    }

    /**
     * The changes of {@code table} in force for a data event at {@code toInclusive} but not yet for
     * one at {@code fromExclusive}, in history order: what to apply to the target before writing
     * the event at {@code toInclusive} when the event at {@code fromExclusive} was the last written.
     * The same rule as {@link #schemaAt}, so the schema the changes lead to is
     * {@code schemaAt(table, toInclusive)}.
     *
     * @param fromExclusive null for "nothing written yet"
     */
    public List<SchemaChange> changesBetween(TableId table, BinlogPosition fromExclusive, BinlogPosition toInclusive) {
        Objects.requireNonNull(toInclusive, "toInclusive");
        List<SchemaChange> out = new ArrayList<>();
        for (SchemaChange c : changes.getOrDefault(table, List.of())) {
            if (inForceAt(c, toInclusive) && (fromExclusive == null || !inForceAt(c, fromExclusive))) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * A change is in force for data events after it. A history position is the end of the
     * previous transaction, so no streamed data event shares it; only snapshot rows share the
     * snapshot baseline's position, and that baseline is their schema.
     */
    private static boolean inForceAt(SchemaChange change, BinlogPosition event) {
        int c = change.position().compareTo(event);
        return c < 0 || c == 0 && change.position().snapshot();
    }

    /**
     * The changes of {@code table} not yet in force for a data event at {@code fromExclusive}, in
     * history order: everything to apply once the event at {@code fromExclusive} was the last one
     * written and no event follows.
     */
    public List<SchemaChange> changesAfter(TableId table, BinlogPosition fromExclusive) {
        Objects.requireNonNull(fromExclusive, "fromExclusive");
        List<SchemaChange> out = new ArrayList<>();
        for (SchemaChange c : changes.getOrDefault(table, List.of())) {
            if (!inForceAt(c, fromExclusive)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * Every change made by the statement at {@code position}, of any table, in history order: one
     * {@code RENAME TABLE a TO b, b TO c} is a change per pair, all at its position.
     */
    public List<SchemaChange> changesAt(BinlogPosition position) {
        return all.stream().filter(c -> c.position().equals(position)).toList();
    }

    /** Every change of {@code table}, in history order. */
    public List<SchemaChange> changes(TableId table) {
        return changes.getOrDefault(table, List.of());
    }

    /** The table's schema after the whole history; empty when it is dropped, renamed away or unknown. */
    public Optional<TableSchema> latest(TableId table) {
        List<SchemaChange> list = changes.getOrDefault(table, List.of());
        return list.isEmpty() ? Optional.empty() : list.get(list.size() - 1).schemaAfter(table);
    }

    /** Every table the history names (including dropped and renamed-away ones), sorted. */
    public Set<TableId> tables() {
        return Collections.unmodifiableSet(new TreeSet<>(changes.keySet()));
    }

    /** The tables that exist after the whole history, sorted. */
    public Set<TableId> existingTables() {
        Set<TableId> out = new TreeSet<>();
        for (TableId id : changes.keySet()) {
            if (latest(id).isPresent()) {
                out.add(id);
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /** The position of the last history record read (of any table); empty for an empty history. */
    public Optional<BinlogPosition> lastPosition() {
        return Optional.ofNullable(lastPosition);
    }
}
