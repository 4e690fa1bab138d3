package io.bendcdc.applier.commit;

import io.bendcdc.applier.databend.AppliedState;
import io.bendcdc.contract.BinlogPosition;

/**
 * How far one topic partition has got, in three steps: events taken in ({@link #advance}, not
 * yet written), batches handed to the writer ({@link #handOver}, the state they will record once
 * written), and what Databend has committed ({@link #committed}), which is where the partition
 * resumes after a restart and what Kafka may be told.
 */
public final class PartitionProgress {

    /** What is applied once every batch handed over is written. */
    private AppliedState handed;
    /** What Databend has committed; set from the writer's thread. */
    private volatile AppliedState committed;
    private long pendingOffset = -1;
    private BinlogPosition pendingStreamed;

    public PartitionProgress(AppliedState resumed) {
        this.handed = resumed;
        this.committed = resumed;
    }

    /** Whether the event at this Kafka offset has been taken in before (a replay after a seek). */
    public boolean seen(long offset) {
        return offset <= handed.kafkaOffset();
    }

    /**
     * Whether a streamed event at {@code position} was already applied: after an engine crash
     * Kafka can hold a re-published run of changes before what this partition has applied.
     */
    public boolean alreadyApplied(BinlogPosition position) {
        return handed.alreadyApplied(position);
    }

    /** Takes in the event at {@code offset}; {@code streamed} is its binlog position, null for a snapshot read or a tombstone. */
    public void advance(long offset, BinlogPosition streamed) {
        pendingOffset = offset;
        if (streamed != null) {
            pendingStreamed = streamed;
        }
    }

    /** Whether events were taken in that no batch records yet. */
    public boolean pending() {
        return pendingOffset > handed.kafkaOffset();
    }

    /** The state a batch of everything taken in records; from now on that is what the partition has handed over. */
    public AppliedState handOver() {
        AppliedState next = handed.advance(pendingOffset, pendingStreamed);
        handed = next;
        pendingStreamed = null;
        return next;
    }

    /** The state after an event applied on its own (a truncate, a drop), written at once. */
    public AppliedState after(long offset, BinlogPosition streamed) {
        return handed.advance(offset, streamed);
    }

    /** Notes a state Databend committed synchronously, with nothing else in flight. */
    public void committedNow(AppliedState state) {
        handed = state;
        committed = state;
        pendingOffset = -1;
        pendingStreamed = null;
    }

    /** Notes that Databend committed a batch handed over; called from the writer's thread. */
    public void committed(AppliedState state) {
        committed = state;
    }

    /** What Databend has committed for this partition. */
    public AppliedState committed() {
        return committed;
    }

    /** The Kafka offset to resume from: the one after the last committed. */
    public long resumeOffset() {
        return committed.kafkaOffset() + 1;
    }

    /** The binlog position of the last streamed event handed over; null before the first. */
    public BinlogPosition lastStreamed() {
        return handed.lastStreamed();
    }

    /** The Kafka offset of the last event handed over. */
    public long handedOffset() {
        return handed.kafkaOffset();
    }
}
