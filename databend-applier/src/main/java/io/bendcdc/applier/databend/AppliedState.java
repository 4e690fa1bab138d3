package io.bendcdc.applier.databend;

import io.bendcdc.contract.BinlogPosition;

/**
 * What has been applied from one topic partition: the last Kafka offset, and the binlog position
 * of the last streamed (non-snapshot) event, or null if none yet.
 */
public record AppliedState(String topic, int partition, long kafkaOffset, BinlogPosition lastStreamed) {

    /** Nothing applied yet. */
    public static AppliedState none(String topic, int partition) {
        return new AppliedState(topic, partition, -1, null);
    }

    public AppliedState advance(long offset, BinlogPosition streamed) {
        return new AppliedState(topic, partition, offset, streamed != null ? streamed : lastStreamed);
    }

    /**
     * Whether a streamed event at {@code position} was already applied: after an engine crash Kafka
     * can hold a re-published run of changes that sit before what this partition has applied.
     * Strictly before: the events of a primary-key change share one position.
     */
    public boolean alreadyApplied(BinlogPosition position) {
        return lastStreamed != null && position.compareTo(lastStreamed) < 0;
    }
}
