package io.bendcdc.applier;

import java.util.List;
import java.util.Optional;

import io.bendcdc.history.BinlogPosition;
import io.bendcdc.history.SchemaChange;
import io.bendcdc.history.SchemaHistoryReader;
import io.bendcdc.history.SchemaTimeline;
import io.bendcdc.history.TableId;
import io.bendcdc.history.TableSchema;

/**
 * The DDL timeline, shared by the applier's workers, read from the schema history topic and
 * re-read when a data event is newer than anything it knows (at most every {@code minRefreshMs}) or
 * when an event's shape shows the timeline is stale.
 */
final class SchemaSource implements AutoCloseable {

    private final SchemaHistoryReader reader;
    private final long minRefreshMs;
    private SchemaTimeline timeline;
    private long refreshedAtMs;

    SchemaSource(SchemaHistoryReader reader, long minRefreshMs) {
        this.reader = reader;
        this.minRefreshMs = minRefreshMs;
    }

    synchronized boolean changedSince(TableId table, BinlogPosition from, BinlogPosition to) {
        return !changesBetween(table, from, to).isEmpty();
    }

    synchronized List<SchemaChange> changesBetween(TableId table, BinlogPosition from, BinlogPosition to) {
        return current(to).changesBetween(table, from, to);
    }

    synchronized Optional<TableSchema> schemaAt(TableId table, BinlogPosition position) {
        return current(position).schemaAt(table, position);
    }

    /** Reads what the history topic gained, whatever the time since the last read. */
    synchronized void refresh() {
        timeline = reader.refresh();
        refreshedAtMs = System.currentTimeMillis();
    }

    private SchemaTimeline current(BinlogPosition needed) {
        long now = System.currentTimeMillis();
        boolean behind = timeline == null || timeline.lastPosition().map(p -> p.compareTo(needed) < 0).orElse(true);
        if (timeline == null || (behind && now - refreshedAtMs >= minRefreshMs)) {
            refresh();
        }
        return timeline;
    }

    @Override
    public synchronized void close() {
        reader.close();
    }
}
