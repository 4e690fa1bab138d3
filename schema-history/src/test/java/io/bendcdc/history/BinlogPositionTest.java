package io.bendcdc.history;

import io.bendcdc.contract.BinlogPosition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class BinlogPositionTest {

    @Test
    void givenFileRotation_whenCompared_thenTheFileNumberOrdersNotTheText() {
        BinlogPosition end9 = BinlogPosition.of("mariadb-bin.000009", 999_999, 3);
        BinlogPosition start10 = BinlogPosition.of("mariadb-bin.000010", 4, 0);
        BinlogPosition past999999 = BinlogPosition.of("mariadb-bin.1000000", 4, 0);
        BinlogPosition last6digits = BinlogPosition.of("mariadb-bin.999999", 4, 0);

        assertThat(end9).isLessThan(start10);
        assertThat(last6digits).isLessThan(past999999);
    }

    @Test
    void givenOneFile_whenCompared_thenPosThenRowOrder() {
        List<BinlogPosition> sorted = new ArrayList<>(List.of(
                BinlogPosition.of("mariadb-bin.000001", 2134, 1),
                BinlogPosition.of("mariadb-bin.000001", 1712, 0),
                BinlogPosition.of("mariadb-bin.000001", 2134, 0)));
        sorted.sort(null);

        assertThat(sorted).extracting(BinlogPosition::pos, BinlogPosition::row)
                .containsExactly(tuple(1712L, 0), tuple(2134L, 0),
                        tuple(2134L, 1));
    }

    @Test
    void givenSnapshotAndStreamedAtOnePos_whenCompared_thenTheSnapshotComesFirst() {
        // samples/ddl: the snapshot read at 1353 and ADD COLUMN d's history record is also at 1353
        BinlogPosition snapshot = new BinlogPosition("mariadb-bin.000001", 1353, 0, true);
        BinlogPosition streamed = BinlogPosition.of("mariadb-bin.000001", 1353, 0);

        assertThat(snapshot).isLessThan(streamed);
        assertThat(snapshot.compareTo(new BinlogPosition("mariadb-bin.000001", 1353, 0, true))).isZero();
    }

    @Test
    void givenSampleDataEvents_whenBuiltFromSource_thenFileposRowAndSnapshotAreRead() {
        List<Samples.DataEvent> events = Samples.dataEvents();

        assertThat(events.get(0).position()).isEqualTo(new BinlogPosition("mariadb-bin.000001", 1353, 0, true));
        assertThat(events.get(2).position().snapshot()).as("snapshot=last").isTrue();
        assertThat(events.get(3).position()).isEqualTo(BinlogPosition.of("mariadb-bin.000001", 1712, 0));
    }

    @Test
    void givenSampleHistory_whenBuiltFromPosition_thenSkipCountsAreNotARow() {
        BinlogPosition p = BinlogPosition.fromHistory(Samples.read(
                "{\"file\":\"mariadb-bin.000001\",\"pos\":1798,\"gtids\":\"0-1-7\",\"server_id\":1,\"event\":1,\"row\":2}"));

        assertThat(p).isEqualTo(BinlogPosition.of("mariadb-bin.000001", 1798, 0));
    }

    @Test
    void givenRenameColumnSample_whenOrdered_thenHistoryPosLiesStrictlyBetweenTheDataAroundIt() {
        BinlogPosition insertBefore = Samples.dataEvent("ddlspike.shop.t", 3).position();
        BinlogPosition renameColumn = BinlogPosition.fromHistory(Samples.read(Samples.history().get(7)).path("position"));
        BinlogPosition insertAfter = Samples.dataEvent("ddlspike.shop.t", 4).position();

        assertThat(renameColumn.pos()).isEqualTo(1798);
        assertThat(insertBefore).isLessThan(renameColumn);
        assertThat(renameColumn).isLessThan(insertAfter);
    }

    @Test
    void givenSnapshotFlags_whenRead_thenOnlyFalseAndMissingAreStreamed() {
        for (String flag : List.of("true", "\"true\"", "\"first\"", "\"last\"", "\"incremental\"", "\"INITIAL\"")) {
            assertThat(BinlogPosition.isSnapshotFlag(Samples.read("{\"s\":" + flag + "}").get("s"))).as(flag).isTrue();
        }
        for (String flag : List.of("false", "\"false\"", "null")) {
            assertThat(BinlogPosition.isSnapshotFlag(Samples.read("{\"s\":" + flag + "}").get("s"))).as(flag).isFalse();
        }
        assertThat(BinlogPosition.isSnapshotFlag(null)).isFalse();
    }

    @Test
    void givenPositionWithoutFile_whenRead_thenItFailsNamingTheField() {
        assertThatThrownBy(() -> HistoryEntry.parse("{\"position\":{\"pos\":4}}"))
                .isInstanceOf(SchemaHistoryException.class).hasMessageContaining("'file'");
    }
}
