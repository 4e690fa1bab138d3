package io.bendcdc.history;

import io.bendcdc.contract.BinlogPosition;
import io.bendcdc.contract.TableId;
import io.bendcdc.contract.TableSchema;
import io.bendcdc.contract.ColumnSchema;
import io.bendcdc.contract.ColumnChange;
import io.bendcdc.contract.SchemaChange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.bendcdc.contract.ColumnChange.AddColumn;
import io.bendcdc.contract.ColumnChange.DropColumn;
import io.bendcdc.contract.ColumnChange.ModifyColumn;
import io.bendcdc.contract.ColumnChange.RenameColumn;
import io.bendcdc.contract.SchemaChange.AlterTable;
import io.bendcdc.contract.SchemaChange.CreateTable;
import io.bendcdc.contract.SchemaChange.DropTable;
import io.bendcdc.contract.SchemaChange.RenameTable;

/** Driven by the recorded MariaDB run in samples/ddl (history.jsonl and data.jsonl). */
class SchemaTimelineTest {

    private static final TableId T = new TableId("shop", "t");
    private static final TableId T2 = new TableId("shop", "t2");
    private static final TableId T3 = new TableId("shop", "t3");
    private static final String FILE = "mariadb-bin.000001";

    private final SchemaTimeline timeline = SchemaTimeline.of(Samples.history());

    @Test
    void givenSnapshot_whenBuilt_thenOnlyTheBaselineCreateIsReported() {
        List<SchemaChange> changes = timeline.changes(T);

        assertThat(changes.get(0)).isInstanceOf(CreateTable.class);
        assertThat(changes).filteredOn(c -> c instanceof DropTable).isEmpty();
        CreateTable baseline = (CreateTable) changes.get(0);
        assertThat(baseline.position()).isEqualTo(new BinlogPosition(FILE, 1353, 0, true));
        assertThat(names(baseline.schema())).containsExactly("id", "a", "b", "c");
        assertThat(baseline.schema().primaryKey()).containsExactly("id");
        assertThat(baseline.schema().column("c").orElseThrow())
                .extracting(ColumnSchema::typeName, ColumnSchema::length, ColumnSchema::scale)
                .containsExactly("DECIMAL", 10, 0);
    }

    @Test
    void givenTheSampleDdl_whenBuilt_thenTableTHasOneChangePerStatementInOrder() {
        assertThat(timeline.changes(T)).extracting(SchemaChange::ddl).containsExactly(
                Samples.read(Samples.history().get(5)).path("ddl").asText(),
                "ALTER TABLE t ADD COLUMN d VARCHAR(5) NOT NULL DEFAULT 'x'",
                "ALTER TABLE t RENAME COLUMN a TO a2",
                "ALTER TABLE t CHANGE COLUMN b b2 BIGINT",
                "ALTER TABLE t DROP COLUMN d",
                "ALTER TABLE t MODIFY c DECIMAL(20,2)");
        assertThat(timeline.changes(T)).extracting(c -> c.position().pos())
                .containsExactly(1353L, 1353L, 1798L, 2219L, 2649L, 3052L);
    }

    @Test
    void givenAddColumn_whenBuilt_thenAddColumnWithItsDefinition() {
        AlterTable add = alter(1);

        assertThat(add.columnChanges()).hasSize(1).first().isInstanceOf(AddColumn.class);
        ColumnSchema d = ((AddColumn) add.columnChanges().get(0)).column();
        assertThat(d).extracting(ColumnSchema::name, ColumnSchema::typeName, ColumnSchema::length, ColumnSchema::optional)
                .containsExactly("d", "VARCHAR", 5, false);
        assertThat(add.position()).isEqualTo(BinlogPosition.of(FILE, 1353, 0));
    }

    @Test
    void givenRenameColumn_whenBuilt_thenARenameNotADropAndAdd() {
        assertThat(alter(2).columnChanges()).containsExactly(new RenameColumn("a", "a2"));
    }

    @Test
    void givenChangeColumnWithNewNameAndType_whenBuilt_thenRenameAndModify() {
        List<ColumnChange> changes = alter(3).columnChanges();

        assertThat(changes).hasSize(2);
        assertThat(changes.get(0)).isEqualTo(new RenameColumn("b", "b2"));
        ModifyColumn modify = (ModifyColumn) changes.get(1);
        assertThat(modify.before()).extracting(ColumnSchema::name, ColumnSchema::typeName).containsExactly("b", "INT");
        assertThat(modify.after()).extracting(ColumnSchema::name, ColumnSchema::typeName).containsExactly("b2", "BIGINT");
    }

    @Test
    void givenDropColumn_whenBuilt_thenDropColumn() {
        assertThat(alter(4).columnChanges()).singleElement()
                .isInstanceOfSatisfying(DropColumn.class, d -> assertThat(d.column().name()).isEqualTo("d"));
    }

    @Test
    void givenModifyDecimal_whenBuilt_thenModifyWithOldAndNewPrecision() {
        assertThat(alter(5).columnChanges()).singleElement().isInstanceOfSatisfying(ModifyColumn.class, m -> {
            assertThat(m.before()).extracting(ColumnSchema::length, ColumnSchema::scale).containsExactly(10, 0);
            assertThat(m.after()).extracting(ColumnSchema::length, ColumnSchema::scale).containsExactly(20, 2);
        });
    }

    @Test
    void givenCreateRenameDrop_whenBuilt_thenT2EndsInTheRenameAndT3ContinuesFromIt() {
        assertThat(timeline.changes(T2)).hasSize(2);
        assertThat(timeline.changes(T2).get(0)).isInstanceOfSatisfying(CreateTable.class,
                c -> assertThat(names(c.schema())).containsExactly("id", "v"));
        RenameTable rename = (RenameTable) timeline.changes(T2).get(1);
        assertThat(rename.from()).isEqualTo(T2);
        assertThat(rename.to()).isEqualTo(T3);
        assertThat(rename.schema().id()).isEqualTo(T3);
        assertThat(names(rename.schema())).containsExactly("id", "v");
        assertThat(rename.position()).isEqualTo(BinlogPosition.of(FILE, 3868, 0));

        assertThat(timeline.changes(T3)).hasSize(2);
        assertThat(timeline.changes(T3).get(0)).isSameAs(rename);
        assertThat(timeline.changes(T3).get(1)).isInstanceOfSatisfying(DropTable.class,
                d -> assertThat(d.ddl()).isEqualTo("DROP TABLE `shop`.`t3`"));
    }

    @Test
    void givenASwapRecordedPairByPair_whenBuilt_thenEachNameCarriesTheOtherTablesSchemaAtOnePosition() throws Exception {
        // RENAME TABLE t TO tmp, t3 TO t, tmp TO t3 at 4400, recorded as Debezium does: one record per
        // pair, the tables as the statement leaves them, none for tmp (gone by the end)
        List<String> history = new ArrayList<>(Samples.history().subList(0, 13)); // ... t2 renamed to t3
        String renameRecord = Samples.history().get(12);
        ObjectMapper json = new ObjectMapper();
        ObjectNode toTmp = (ObjectNode) json.readTree(renameRecord);
        ((ObjectNode) toTmp.get("position")).put("pos", 4400);
        toTmp.put("ddl", "RENAME TABLE t TO tmp");
        toTmp.putArray("tableChanges");
        history.add(toTmp.toString());
        ObjectNode t3ToT = toTmp.deepCopy();
        t3ToT.put("ddl", "RENAME TABLE t3 TO t");
        t3ToT.set("tableChanges", json.readTree(renameRecord).get("tableChanges"));
        var change = (ObjectNode) t3ToT.get("tableChanges").get(0);
        change.put("id", "\"shop\".\"t\"").put("previousId", "\"shop\".\"t3\"");
        history.add(t3ToT.toString());

        SchemaTimeline swapped = SchemaTimeline.of(history);

        BinlogPosition at = BinlogPosition.of(FILE, 4400, 0);
        assertThat(swapped.changesAt(at)).extracting(c -> ((RenameTable) c).from().table() + ">" + ((RenameTable) c).to().table())
                .containsExactly("t>tmp", "t3>t");
        BinlogPosition after = BinlogPosition.of(FILE, 4500, 0);
        assertThat(swapped.schemaAt(new TableId("shop", "tmp"), after).map(SchemaTimelineTest::names))
                .contains(List.of("id", "a2", "b2", "c"));
        assertThat(swapped.schemaAt(T, after).map(SchemaTimelineTest::names)).contains(List.of("id", "v"));
        assertThat(swapped.schemaAt(T3, after)).isEmpty();
    }

    @Test
    void givenRecordsWrittenAgainAfterARestart_whenBuilt_thenEachChangeIsThereOnce() {
        List<String> history = new ArrayList<>(Samples.history());
        history.addAll(Samples.history().subList(7, 14)); // RENAME COLUMN … DROP TABLE t3, written again

        SchemaTimeline replayed = SchemaTimeline.of(history);

        assertThat(replayed.changes(T)).hasSize(timeline.changes(T).size());
        assertThat(replayed.changes(T2)).hasSize(2);
        assertThat(replayed.changesAt(BinlogPosition.of(FILE, 3868, 0))).hasSize(1);
    }

    @Test
    void givenEveryDataEvent_whenAskedForTheSchemaAtItsPosition_thenTheColumnsAreTheEventsFields() {
        List<Samples.DataEvent> events = Samples.dataEvents();

        assertThat(events).hasSize(13);
        for (Samples.DataEvent e : events) {
            TableSchema schema = timeline.schemaAt(e.table(), e.position()).orElseThrow(
                    () -> new AssertionError("no schema for " + e.topic() + "@" + e.offset()));
            assertThat(names(schema)).as(e.topic() + " offset " + e.offset() + " at " + e.position())
                    .containsExactlyElementsOf(e.fieldNames());
        }
    }

    @Test
    void givenPositionsAroundEachDdl_whenAskedForTheSchema_thenBeforeHasTheOldShapeAndAfterTheNew() {
        BinlogPosition snapshotRow = Samples.dataEvent("ddlspike.shop.t", 0).position();
        assertThat(names(timeline.schemaAt(T, snapshotRow).orElseThrow())).containsExactly("id", "a", "b", "c");
        assertThat(names(timeline.schemaAt(T, BinlogPosition.of(FILE, 1353, 1)).orElseThrow()))
                .containsExactly("id", "a", "b", "c", "d");
        assertThat(names(timeline.schemaAt(T, BinlogPosition.of(FILE, 1798, 0)).orElseThrow()))
                .as("at the DDL's own history position").containsExactly("id", "a", "b", "c", "d");
        assertThat(names(timeline.schemaAt(T, BinlogPosition.of(FILE, 1799, 0)).orElseThrow()))
                .containsExactly("id", "a2", "b", "c", "d");
        assertThat(timeline.schemaAt(T, BinlogPosition.of(FILE, 3052, 0)).orElseThrow().column("c").orElseThrow().scale())
                .isEqualTo(0);
        assertThat(timeline.schemaAt(T, BinlogPosition.of(FILE, 3359, 0)).orElseThrow().column("c").orElseThrow().scale())
                .isEqualTo(2);
    }

    @Test
    void givenTablesThatDidNotExistYetOrAnyMore_whenAskedForTheSchema_thenEmpty() {
        assertThat(timeline.schemaAt(T2, BinlogPosition.of(FILE, 3000, 0))).isEmpty();
        assertThat(timeline.schemaAt(T2, BinlogPosition.of(FILE, 3790, 0))).isPresent();
        assertThat(timeline.schemaAt(T2, BinlogPosition.of(FILE, 4155, 0))).as("renamed away").isEmpty();
        assertThat(timeline.schemaAt(T3, BinlogPosition.of(FILE, 3790, 0))).as("before the rename").isEmpty();
        assertThat(timeline.schemaAt(T3, BinlogPosition.of(FILE, 4929, 0))).as("dropped").isEmpty();
        assertThat(timeline.schemaAt(new TableId("shop", "nope"), BinlogPosition.of(FILE, 4929, 0))).isEmpty();
    }

    @Test
    void givenTwoDataEvents_whenAskedForTheChangesBetween_thenTheDdlInBetween() {
        BinlogPosition afterAdd = Samples.dataEvent("ddlspike.shop.t", 3).position();
        BinlogPosition afterDrop = Samples.dataEvent("ddlspike.shop.t", 6).position();

        assertThat(timeline.changesBetween(T, Samples.dataEvent("ddlspike.shop.t", 2).position(), afterAdd))
                .extracting(SchemaChange::ddl).containsExactly("ALTER TABLE t ADD COLUMN d VARCHAR(5) NOT NULL DEFAULT 'x'");
        assertThat(timeline.changesBetween(T, afterAdd, afterDrop)).extracting(SchemaChange::ddl).containsExactly(
                "ALTER TABLE t RENAME COLUMN a TO a2", "ALTER TABLE t CHANGE COLUMN b b2 BIGINT",
                "ALTER TABLE t DROP COLUMN d");
        assertThat(timeline.changesBetween(T, afterDrop, Samples.dataEvent("ddlspike.shop.t", 7).position()))
                .extracting(SchemaChange::ddl).containsExactly("ALTER TABLE t MODIFY c DECIMAL(20,2)");
    }

    @Test
    void givenNothingAppliedYet_whenAskedForTheChangesUpToTheFirstSnapshotRow_thenTheBaselineOnly() {
        assertThat(timeline.changesBetween(T, null, Samples.dataEvent("ddlspike.shop.t", 0).position()))
                .singleElement().isInstanceOf(CreateTable.class);
    }

    @Test
    void givenRenamedTable_whenAskedForTheChangesOfEitherName_thenBothReportTheRename() {
        BinlogPosition t2Row = Samples.dataEvent("ddlspike.shop.t2", 0).position();
        BinlogPosition t3Row = Samples.dataEvent("ddlspike.shop.t3", 0).position();

        assertThat(timeline.changesBetween(T2, t2Row, t3Row)).singleElement().isInstanceOf(RenameTable.class);
        assertThat(timeline.changesBetween(T3, null, t3Row)).singleElement().isInstanceOf(RenameTable.class);
    }

    @Test
    void givenWholeHistory_whenAskedForLatestAndTables_thenDroppedAndRenamedAwayAreGone() {
        assertThat(timeline.tables()).containsExactly(T, T2, T3);
        assertThat(timeline.existingTables()).containsExactly(T);
        assertThat(names(timeline.latest(T).orElseThrow())).containsExactly("id", "a2", "b2", "c");
        assertThat(timeline.latest(T2)).isEmpty();
        assertThat(timeline.latest(T3)).isEmpty();
        assertThat(timeline.lastPosition()).contains(BinlogPosition.of(FILE, 4615, 0));
    }

    @Test
    void givenAFilter_whenBuilt_thenOnlyThoseTablesAndRenamesTouchingThem() {
        SchemaTimeline onlyT3 = SchemaTimeline.of(Samples.history(), id -> id.table().equals("t3"));

        assertThat(onlyT3.tables()).containsExactly(T3);
        assertThat(onlyT3.changes(T3)).extracting(c -> c.getClass().getSimpleName())
                .containsExactly("RenameTable", "DropTable");
    }

    @Test
    void givenSnapshotRecordsWithoutTheSnapshotMarker_whenBuilt_thenTheLeadingRunIsStillTheBaseline() {
        List<String> unmarked = new ArrayList<>();
        for (String r : Samples.history()) {
            unmarked.add(r.replace(",\"snapshot\":\"INITIAL\"", ""));
        }

        SchemaTimeline fromUnmarked = SchemaTimeline.of(unmarked);

        assertThat(fromUnmarked.changes(T)).extracting(SchemaChange::ddl)
                .containsExactlyElementsOf(timeline.changes(T).stream().map(SchemaChange::ddl).toList());
        assertThat(fromUnmarked.changes(T).get(0).position().snapshot()).isTrue();
        assertThat(fromUnmarked.changes(T).get(1).position().snapshot()).as("ADD COLUMN at the same pos").isFalse();
    }

    @Test
    void givenARecordWrittenTwice_whenBuilt_thenTheReplayIsNoChange() {
        List<String> replayed = new ArrayList<>(Samples.history().subList(0, 8));
        replayed.add(Samples.history().get(7)); // RENAME COLUMN a TO a2 again, as after an engine restart

        assertThat(SchemaTimeline.of(replayed).changes(T)).hasSize(3);
    }

    @Test
    void givenALaterSnapshotOfAChangedTable_whenBuilt_thenTheTableIsCreatedAnewAtItsPosition() {
        List<String> records = new ArrayList<>(Samples.history().subList(0, 7)); // baseline + ADD COLUMN d
        records.add(Samples.history().get(5).replace("\"pos\":1353", "\"pos\":9000")); // a new snapshot of t
        records.add(Samples.history().get(5).replace("\"pos\":1353", "\"pos\":9500")); // and again, unchanged

        List<SchemaChange> changes = SchemaTimeline.of(records).changes(T);

        BinlogPosition again = new BinlogPosition(FILE, 9000, 0, true);
        assertThat(changes).as("each later snapshot re-reads the whole table").hasSize(6);
        assertThat(changes.get(2)).isInstanceOfSatisfying(DropTable.class, d -> assertThat(d.position()).isEqualTo(again));
        assertThat(changes.get(3)).isInstanceOfSatisfying(CreateTable.class, c -> {
            assertThat(c.position()).isEqualTo(again);
            assertThat(names(c.schema())).containsExactly("id", "a", "b", "c");
        });
        assertThat(changes.get(4)).isInstanceOf(DropTable.class);
        assertThat(changes.get(5)).isInstanceOf(CreateTable.class);
    }

    @Test
    void givenALaterSnapshotOfTheDatabaseWithoutATable_whenBuilt_thenTheTableIsDroppedThere() {
        List<String> records = new ArrayList<>(Samples.history().subList(0, 7)); // baseline + ADD COLUMN d
        records.add(Samples.history().get(3).replace("\"pos\":1353", "\"pos\":9000")); // CREATE DATABASE shop, no t

        List<SchemaChange> changes = SchemaTimeline.of(records).changes(T);

        assertThat(changes).last().isInstanceOfSatisfying(DropTable.class,
                d -> assertThat(d.position()).isEqualTo(new BinlogPosition(FILE, 9000, 0, true)));
        assertThat(SchemaTimeline.of(records).existingTables()).doesNotContain(T);
    }

    @Test
    void givenARecordThatIsNotJson_whenBuilt_thenItFailsClearly() {
        assertThatThrownBy(() -> SchemaTimeline.of(List.of("{\"position\":")))
                .isInstanceOf(SchemaHistoryException.class).hasMessageContaining("not JSON");
    }

    private AlterTable alter(int index) {
        return (AlterTable) timeline.changes(T).get(index);
    }

    private static List<String> names(TableSchema schema) {
        return schema.columns().stream().map(ColumnSchema::name).toList();
    }
}
