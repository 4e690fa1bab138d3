package io.bendcdc.applier.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.bendcdc.contract.BinlogPosition;
import io.bendcdc.contract.SchemaChange;
import io.bendcdc.history.SchemaTimeline;
import io.bendcdc.contract.TableId;

/**
 * The schema history topic is played by the recorded history of samples/ddl: records 0–5 are the
 * snapshot of shop.t at mariadb-bin.000001:1353, record 6 is {@code ADD COLUMN d} at 1353, record 7
 * {@code RENAME COLUMN a TO a2} at 1798.
 */
class SchemaSourceTest {

    private static final TableId T = new TableId("shop", "t");
    private static final BinlogPosition SNAPSHOT = new BinlogPosition("mariadb-bin.000001", 1353, 0, true);

    private final List<String> history = history();
    private final List<String> topic = new ArrayList<>();
    private final AtomicInteger reads = new AtomicInteger();
    private SchemaSource schemas;

    @BeforeEach
    void snapshotInTheTopic() {
        topic.addAll(history.subList(0, 6));
        schemas = new SchemaSource(() -> {
            reads.incrementAndGet();
            return SchemaTimeline.of(List.copyOf(topic));
        }, () -> { });
    }

    @Test
    void givenTheTimelineJustRead_whenAnEventArrivesAfterADdlWrittenSince_thenTheDdlIsSeen() {
        schemas.received(SNAPSHOT);
        assertThat(schemas.schemaAt(T, SNAPSHOT)).isPresent();

        topic.add(history.get(6)); // the engine stores the DDL, then publishes the change after it
        BinlogPosition afterDdl = BinlogPosition.of("mariadb-bin.000001", 1600, 0);
        schemas.received(afterDdl);

        assertThat(schemas.changesBetween(T, SNAPSHOT, afterDdl)).extracting(SchemaChange::ddl)
                .containsExactly("ALTER TABLE t ADD COLUMN d VARCHAR(5) NOT NULL DEFAULT 'x'");
        assertThat(reads).hasValue(2);
    }

    @Test
    void givenAPollOfEvents_whenEachIsLookedUp_thenTheHistoryIsReadOnceForThemAll() {
        topic.addAll(history.subList(6, 8));
        schemas.received(BinlogPosition.of("mariadb-bin.000001", 2000, 3));

        for (long pos : new long[] {1400, 1700, 1900, 2000}) {
            schemas.changedSince(T, SNAPSHOT, BinlogPosition.of("mariadb-bin.000001", pos, 0));
        }

        assertThat(reads).hasValue(1);
    }

    @Test
    void givenAnEventNewerThanAnyPolled_whenLookedUp_thenTheHistoryIsReadAgain() {
        schemas.received(BinlogPosition.of("mariadb-bin.000001", 1400, 0));
        assertThat(schemas.changedSince(T, SNAPSHOT, BinlogPosition.of("mariadb-bin.000001", 1400, 0))).isFalse();

        topic.add(history.get(6));
        topic.add(history.get(7));
        BinlogPosition next = BinlogPosition.of("mariadb-bin.000001", 2000, 0);

        assertThat(schemas.changesBetween(T, SNAPSHOT, next)).hasSize(2);
        assertThat(reads).hasValue(2);
    }

    @Test
    void givenARenameAndADrop_whenAskedWhatFollowsAPosition_thenTheChangesAfterItAndTheWholeRenameStatementAreFound() {
        topic.addAll(history.subList(6, history.size())); // ... t2 created, renamed to t3 at 3868, t3 dropped at 4615
        TableId t2 = new TableId("shop", "t2");
        TableId t3 = new TableId("shop", "t3");
        BinlogPosition rename = BinlogPosition.of("mariadb-bin.000001", 3868, 0);
        BinlogPosition drop = BinlogPosition.of("mariadb-bin.000001", 4615, 0);

        assertThat(schemas.changesAfter(t3, null)).extracting(c -> c.position().pos()).containsExactly(3868L, 4615L);
        assertThat(schemas.changesAfter(t3, BinlogPosition.of("mariadb-bin.000001", 4000, 0)))
                .singleElement().isInstanceOf(io.bendcdc.contract.SchemaChange.DropTable.class);
        assertThat(schemas.changesAfter(t3, drop)).as("a DDL is not in force at its own position").hasSize(1);
        assertThat(schemas.changesAfter(t3, drop.afterDdl())).as("but right after it").isEmpty();

        CrossTableDdl statement = schemas.crossTableDdlAt(rename);
        assertThat(statement.tables()).containsExactly(t2, t3);
        assertThat(statement.reusesNames()).isFalse();
    }

    @Test
    void theSnapshotBaselineIsWhereAPartitionThatAppliedOnlySnapshotRowsStands() {
        topic.addAll(history.subList(6, history.size()));

        assertThat(schemas.snapshotBaseline(T)).contains(SNAPSHOT);
        assertThat(schemas.snapshotBaseline(new TableId("shop", "t3"))).as("created while streaming").isEmpty();
    }

    private static List<String> history() {
        try (InputStream in = SchemaSourceTest.class.getResourceAsStream("/samples/ddl/history.jsonl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
