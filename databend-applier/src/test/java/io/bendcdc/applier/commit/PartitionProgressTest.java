package io.bendcdc.applier.commit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.bendcdc.applier.databend.AppliedState;
import io.bendcdc.contract.BinlogPosition;

class PartitionProgressTest {

    private static final BinlogPosition P1 = BinlogPosition.of("bin.000001", 100, 0);
    private static final BinlogPosition P2 = BinlogPosition.of("bin.000001", 200, 0);

    @Test
    void aPartitionResumesAfterWhatDatabendCommittedNotAfterWhatWasHandedOver() {
        PartitionProgress p = new PartitionProgress(new AppliedState("t", 0, 9, P1));
        assertThat(p.resumeOffset()).isEqualTo(10);

        p.advance(10, P2);
        p.advance(11, null);
        AppliedState batch = p.handOver();

        assertThat(batch).isEqualTo(new AppliedState("t", 0, 11, P2));
        assertThat(p.resumeOffset()).as("not committed yet").isEqualTo(10);
        p.committed(batch);
        assertThat(p.resumeOffset()).isEqualTo(12);
    }

    @Test
    void eventsAtOrBeforeTheLastHandedOverAreSeenAndStreamedEventsBeforeTheLastStreamedAreApplied() {
        PartitionProgress p = new PartitionProgress(new AppliedState("t", 0, 9, P2));

        assertThat(p.seen(9)).isTrue();
        assertThat(p.seen(10)).isFalse();
        assertThat(p.alreadyApplied(P1)).isTrue();
        assertThat(p.alreadyApplied(P2)).as("the events of a key change share a position").isFalse();
    }

    @Test
    void somethingIsPendingOnlyBetweenTakingAnEventInAndHandingItOver() {
        PartitionProgress p = new PartitionProgress(AppliedState.none("t", 0));
        assertThat(p.pending()).isFalse();

        p.advance(0, null);
        assertThat(p.pending()).isTrue();
        p.handOver();
        assertThat(p.pending()).isFalse();
    }

    @Test
    void aStateWrittenAtOnceIsCommittedAndClearsWhatWasPending() {
        PartitionProgress p = new PartitionProgress(AppliedState.none("t", 0));
        p.advance(0, null);
        p.handOver();

        AppliedState truncate = p.after(1, P1);
        p.committedNow(truncate);

        assertThat(p.pending()).isFalse();
        assertThat(p.committed()).isEqualTo(truncate);
        assertThat(p.lastStreamed()).isEqualTo(P1);
        assertThat(p.handedOffset()).isEqualTo(1);
    }
}
