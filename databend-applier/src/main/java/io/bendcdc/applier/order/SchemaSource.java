package io.bendcdc.applier.order;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.bendcdc.applier.ApplyException;
import io.bendcdc.contract.BinlogPosition;
import io.bendcdc.contract.ChangeTopics;
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
     * The table's changes after {@code after} (null: all), which no event has brought in yet: once a
     * table's changes stop nothing else prompts a read, so the history is read again here when the
     * last read is older than a second.
     */
    synchronized List<SchemaChange> changesAfter(TableId table, BinlogPosition after) {
        if (timeline == null || System.currentTimeMillis() - readAtMs >= IDLE_READ_INTERVAL_MS) {
            read();
        }
        return after == null ? timeline.changes(table) : timeline.changesAfter(table, after);
    }

    /**
     * The cross-table statement at {@code position}: the renames the history records there. The
     * caller found the position in the timeline, so no further read is needed.
     */
    synchronized CrossTableDdl crossTableDdlAt(BinlogPosition position) {
        List<SchemaChange.RenameTable> renames = current(position).changesAt(position).stream()
                .filter(c -> c instanceof SchemaChange.RenameTable).map(c -> (SchemaChange.RenameTable) c).toList();
        return new CrossTableDdl(position, renames);
    }

    /**
     * The position of the table's newest snapshot baseline, where a partition that applied only
     * snapshot rows stands; empty when no snapshot read the table.
     */
    synchronized Optional<BinlogPosition> snapshotBaseline(TableId table) {
        if (timeline == null) {
            read();
        }
        List<SchemaChange> changes = timeline.changes(table);
        for (int i = changes.size() - 1; i >= 0; i--) {
            if (changes.get(i).position().snapshot()) {
                return Optional.of(changes.get(i).position());
            }
        }
        return Optional.empty();
    }

    /**
     * The table whose changes {@code topic} holds, found among the tables the history names: a
     * topic's name is the table's with the characters Kafka refuses replaced, so it cannot be read
     * back. Where several tables share the name, the one that exists now; empty when none does.
     */
    public synchronized Optional<TableId> tableOfTopic(String topic, ChangeTopics topics) {
        if (timeline == null || timeline.tables().stream().noneMatch(t -> topics.changeTopic(t).equals(topic))) {
            read(); // a table created since the last read
        }
        List<TableId> named = timeline.tables().stream().filter(t -> topics.changeTopic(t).equals(topic)).toList();
        if (named.size() == 1) {
            return Optional.of(named.get(0));
        }
        return named.stream().filter(t -> timeline.latest(t).isPresent()).findFirst();
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
