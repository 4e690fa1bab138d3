package io.bendcdc.applier.order;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.bendcdc.applier.ApplyException;
import io.bendcdc.contract.BinlogPosition;
import io.bendcdc.contract.SchemaChange;
import io.bendcdc.history.SchemaHistoryReader;
import io.bendcdc.history.SchemaTimeline;
import io.bendcdc.contract.TableId;
import io.bendcdc.contract.TableSchema;

/**
 * The DDL timeline, shared by the applier's workers, read from the schema history topic.
 *
 * <p>The engine stores a DDL's history record, and waits for Kafka to acknowledge it, before it
 * reads the binlog past that DDL. So once a data event has been received, reading the history
 * topic to its end yields every DDL before that event. The timeline is therefore complete up to
 * the newest event received before its last read, and is read again when an event lies beyond
 * that. Workers report what they polled ({@link #received}), so that one read covers a whole
 * poll rather than one event.
 */
public final class SchemaSource implements AutoCloseable {

    private static final long IDLE_READ_INTERVAL_MS = 1_000;

    private final Supplier<SchemaTimeline> reader;
    private final AutoCloseable closer;
    private SchemaTimeline timeline;
    private long readAtMs;
    /** The newest position of the events workers have received from Kafka. */
    private BinlogPosition receivedThrough;
    /** The timeline holds every DDL up to here. */
    private BinlogPosition completeThrough;

    public SchemaSource(SchemaHistoryReader reader) {
        this(reader::refresh, reader::close);
    }

    SchemaSource(Supplier<SchemaTimeline> reader, AutoCloseable closer) {
        this.reader = reader;
        this.closer = closer;
    }

    /** Notes that a worker holds an event at this position, received from Kafka. */
    public synchronized void received(BinlogPosition position) {
        if (receivedThrough == null || position.compareTo(receivedThrough) > 0) {
            receivedThrough = position;
        }
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

    /**
     * The table's DROP TABLE, when that is the last the history says of it and it lies after
     * {@code after} (null: anywhere). Once a table's changes stop nothing else prompts a read, so
     * the history is read again here when the last read is older than a second.
     */
    synchronized Optional<SchemaChange.DropTable> pendingDrop(TableId table, BinlogPosition after) {
        if (timeline == null || System.currentTimeMillis() - readAtMs >= IDLE_READ_INTERVAL_MS) {
            read();
        }
        List<SchemaChange> changes = timeline.changes(table);
        if (!changes.isEmpty() && changes.get(changes.size() - 1) instanceof SchemaChange.DropTable drop
                && (after == null || drop.position().compareTo(after) > 0)) {
            return Optional.of(drop);
        }
        return Optional.empty();
    }

    /**
     * The table's changes after {@code after}, which no event has brought in yet: once a table's
     * changes stop nothing else prompts a read, so the history is read again here when the last read
     * is older than a second.
     */
    synchronized List<SchemaChange> changesAfter(TableId table, BinlogPosition after) {
        if (timeline == null || System.currentTimeMillis() - readAtMs >= IDLE_READ_INTERVAL_MS) {
            read();
        }
        return timeline.changesAfter(table, after);
    }

    private SchemaTimeline current(BinlogPosition needed) {
        if (timeline == null || completeThrough == null || needed.compareTo(completeThrough) > 0) {
            received(needed);
            read();
        }
        return timeline;
    }

    private void read() {
        BinlogPosition covered = receivedThrough; // taken before the read: every one of these events is in hand
        timeline = reader.get();
        readAtMs = System.currentTimeMillis();
        if (covered != null) {
            completeThrough = covered;
        }
    }

    @Override
    public synchronized void close() {
        try {
            closer.close();
        } catch (Exception e) {
            throw new ApplyException("closing the schema history reader failed: " + e.getMessage(), e);
        }
    }
}
