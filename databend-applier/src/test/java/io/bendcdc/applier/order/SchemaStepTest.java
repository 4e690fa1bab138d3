package io.bendcdc.applier.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.bendcdc.applier.ApplyException;
import io.bendcdc.applier.databend.SchemaApplier;
import io.bendcdc.applier.databend.TableMapping;
import io.bendcdc.applier.databend.TargetTable;
import io.bendcdc.config.SchemaEvolution;
import io.bendcdc.config.TinyInt1Type;
import io.bendcdc.contract.BinlogPosition;
import io.bendcdc.contract.SchemaChange;
import io.bendcdc.contract.TableId;
import io.bendcdc.history.SchemaTimeline;

/**
 * When DDL happens, on the recorded history of samples/ddl: shop.t is snapshotted at
 * mariadb-bin.000001:1353, then altered at 1353 (ADD COLUMN d), 1798 (RENAME COLUMN a TO a2),
 * 2219 (CHANGE b b2), 2649 (DROP COLUMN d), 3052 (MODIFY c); t2 is created at 3480, renamed to t3
 * at 3868, and t3 dropped at 4615.
 */
class SchemaStepTest {

    private static final TableId T = new TableId("shop", "t");
    private static final BinlogPosition SNAPSHOT = new BinlogPosition("mariadb-bin.000001", 1353, 0, true);
    private static final TableMapping TABLES = new TableMapping(Map.of(), Map.of(), TinyInt1Type.BOOLEAN, 100_000);

    private final SchemaSource schemas = new SchemaSource(() -> SchemaTimeline.of(history()), () -> { });
    private final List<String> applied = new ArrayList<>();
    private final SchemaApplier databend = new SchemaApplier() {
        @Override
        public void ensureTable(TargetTable target) {
            applied.add("ensure " + target.id() + " " + target.columns());
        }

        @Override
        public void apply(SchemaChange change) {
            applied.add("apply " + change.ddl());
        }
    };

    private SchemaStep step(SchemaEvolution policy, BinlogPosition appliedThrough) {
        return step(policy, T, appliedThrough);
    }

    private SchemaStep step(SchemaEvolution policy, TableId topicTable, BinlogPosition appliedThrough) {
        return new SchemaStep(schemas, databend, TABLES, policy, "history", topicTable, appliedThrough);
    }

    private static BinlogPosition at(long pos) {
        return BinlogPosition.of("mariadb-bin.000001", pos, 0);
    }

    @Test
    void aTableSeenForTheFirstTimeIsCreatedWithTheSchemaInForceAtItsFirstEvent() throws Exception {
        SchemaStep step = step(SchemaEvolution.APPLY, null);

        assertThat(step.needed(T, SNAPSHOT)).isTrue();
        TargetTable target = step.take(T, SNAPSHOT);

        assertThat(target.columns()).containsExactly("id", "a", "b", "c");
        assertThat(applied).containsExactly("ensure shop.t [id, a, b, c]");
        assertThat(step.needed(T, SNAPSHOT)).isFalse();
    }

    @Test
    void theDdlBetweenTwoEventsIsAppliedInBinlogOrderBeforeTheLaterOne() throws Exception {
        SchemaStep step = step(SchemaEvolution.APPLY, null);
        step.take(T, SNAPSHOT);
        applied.clear();

        assertThat(step.needed(T, at(1500))).as("after ADD COLUMN d").isTrue();
        assertThat(step.sameTable(T)).isTrue();
        TargetTable target = step.take(T, at(2300));

        assertThat(applied).containsExactly(
                "apply ALTER TABLE t ADD COLUMN d VARCHAR(5) NOT NULL DEFAULT 'x'",
                "apply ALTER TABLE t RENAME COLUMN a TO a2",
                "apply ALTER TABLE t CHANGE COLUMN b b2 BIGINT");
        assertThat(target.columns()).containsExactly("id", "a2", "b2", "c", "d");
        assertThat(step.needed(T, at(2600))).as("no DDL between 2219 and 2600").isFalse();
    }

    @Test
    void aPartitionResumedFromTheStateTableAppliesOnlyTheDdlAfterWhatItApplied() throws Exception {
        SchemaStep step = step(SchemaEvolution.APPLY, at(2300));

        TargetTable target = step.take(T, at(3100));

        assertThat(applied).containsExactly(
                "apply ALTER TABLE t DROP COLUMN d",
                "apply ALTER TABLE t MODIFY c DECIMAL(20,2)",
                "ensure shop.t [id, a2, b2, c]");
        assertThat(target.columns()).containsExactly("id", "a2", "b2", "c");
    }

    @Test
    void withEvolutionStopASchemaChangeStopsBeforeAnythingIsApplied() throws Exception {
        SchemaStep step = step(SchemaEvolution.STOP, null);
        step.take(T, SNAPSHOT);
        applied.clear();

        assertThatThrownBy(() -> step.take(T, at(1500)))
                .isInstanceOf(ApplyException.class)
                .hasMessageContaining("shop.t")
                .hasMessageContaining("ADD COLUMN d")
                .hasMessageContaining("apply.schema.evolution=stop");
        assertThat(applied).isEmpty();
    }

    @Test
    void withEvolutionStopTheFirstSightOfATableStillCreatesIt() throws Exception {
        step(SchemaEvolution.STOP, null).take(T, SNAPSHOT);

        assertThat(applied).containsExactly("ensure shop.t [id, a, b, c]");
    }

    @Test
    void aDropWithNoRowAfterItIsPendingUntilAppliedAndThenForgotten() throws Exception {
        TableId t3 = new TableId("shop", "t3");
        SchemaStep step = step(SchemaEvolution.APPLY, t3, null);
        step.take(t3, at(4000));

        List<SchemaChange> pending = step.pendingChanges();
        assertThat(pending).singleElement().isInstanceOf(SchemaChange.DropTable.class);
        BinlogPosition recorded = step.catchUp(pending);

        assertThat(applied).containsExactly("ensure shop.t3 [id, v]", "apply DROP TABLE `shop`.`t3`");
        assertThat(recorded).isEqualTo(at(4615).afterDdl());
        assertThat(step.target()).isNull();
        assertThat(step.pendingChanges()).isEmpty();
    }

    @Test
    void alterationsWithNoRowAfterThemAreAppliedOnceAndThePartitionRecordsThePlaceRightAfterTheLast() throws Exception {
        SchemaStep step = step(SchemaEvolution.APPLY, at(2300));
        step.take(T, at(2300));
        applied.clear();

        BinlogPosition recorded = step.catchUp(step.pendingChanges());

        assertThat(applied).containsExactly("apply ALTER TABLE t DROP COLUMN d", "apply ALTER TABLE t MODIFY c DECIMAL(20,2)");
        assertThat(step.pendingChanges()).isEmpty();
        assertThat(step.target().columns()).containsExactly("id", "a2", "b2", "c");
        assertThat(recorded).isGreaterThan(at(3052)).isLessThan(at(3053));
    }

    @Test
    void aRenameBeforeAnEventIsFoundUntilAppliedAndIsNeverAppliedByTheStepItself() throws Exception {
        TableId t2 = new TableId("shop", "t2");
        TableId t3 = new TableId("shop", "t3");
        BinlogPosition rename = at(3868);
        SchemaStep renamedTo = step(SchemaEvolution.APPLY, t3, null);

        assertThat(renamedTo.crossTableDdlBefore(t3, at(4000), p -> false))
                .hasValueSatisfying(ddl -> {
                    assertThat(ddl.position()).isEqualTo(rename);
                    assertThat(ddl.tables()).containsExactly(t2, t3);
                });
        assertThat(renamedTo.crossTableDdlBefore(t3, at(4000), rename::equals)).isEmpty();

        SchemaStep renamedAway = step(SchemaEvolution.APPLY, t2, at(3500));
        renamedAway.take(t2, at(3500));
        assertThat(renamedAway.pendingChanges()).singleElement().isInstanceOf(SchemaChange.RenameTable.class);
        renamedAway.reach(renamedTo.crossTableDdlBefore(t3, at(4000), p -> false).orElseThrow());
        applied.clear();
        renamedTo.reach(renamedTo.crossTableDdlBefore(t3, at(4000), p -> false).orElseThrow());

        renamedTo.take(t3, at(4000));
        assertThat(applied).as("the rename is applied once, for both names, by CrossTableSteps")
                .containsExactly("ensure shop.t3 [id, v]");
        renamedAway.catchUp(renamedAway.pendingChanges());
        assertThat(applied).containsExactly("ensure shop.t3 [id, v]");
        assertThat(renamedAway.pendingChanges()).isEmpty();
    }

    @Test
    void aPartitionThatAppliedOnlySnapshotRowsResumesAtTheSnapshotBaseline() throws Exception {
        BinlogPosition resumed = SchemaStep.resumePosition(schemas, T, null, true);
        assertThat(resumed).isEqualTo(SNAPSHOT);
        assertThat(SchemaStep.resumePosition(schemas, T, null, false)).isNull();
        assertThat(SchemaStep.resumePosition(schemas, T, at(2300), true)).isEqualTo(at(2300));

        SchemaStep step = step(SchemaEvolution.APPLY, resumed);
        step.take(T, at(1500));
        assertThat(applied).as("the DDL after the snapshot, then the table as it is")
                .containsExactly("apply ALTER TABLE t ADD COLUMN d VARCHAR(5) NOT NULL DEFAULT 'x'",
                        "ensure shop.t [id, a, b, c, d]");
    }

    @Test
    void withEvolutionStopADropStopsToo() throws Exception {
        TableId t3 = new TableId("shop", "t3");
        SchemaStep step = step(SchemaEvolution.STOP, t3, null);
        step.take(t3, at(4000));
        applied.clear();

        assertThatThrownBy(() -> step.catchUp(step.pendingChanges())).isInstanceOf(ApplyException.class);
        assertThat(applied).isEmpty();
    }

    private static List<String> history() {
        try (InputStream in = SchemaStepTest.class.getResourceAsStream("/samples/ddl/history.jsonl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
