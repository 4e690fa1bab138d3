package io.bendcdc.it.history;

import static io.bendcdc.it.support.LocalStack.mariadb;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

import io.bendcdc.config.SourceConnector;
import io.bendcdc.engine.CdcEngine;
import io.bendcdc.contract.BinlogPosition;
import io.bendcdc.contract.ColumnChange;
import io.bendcdc.contract.ColumnChange.AddColumn;
import io.bendcdc.contract.ColumnChange.DropColumn;
import io.bendcdc.contract.ColumnChange.ModifyColumn;
import io.bendcdc.contract.ColumnChange.RenameColumn;
import io.bendcdc.contract.ColumnSchema;
import io.bendcdc.contract.SchemaChange;
import io.bendcdc.contract.SchemaChange.AlterTable;
import io.bendcdc.contract.SchemaChange.CreateTable;
import io.bendcdc.contract.SchemaChange.RenameTable;
import io.bendcdc.history.SchemaHistoryReader;
import io.bendcdc.history.SchemaTimeline;
import io.bendcdc.contract.TableId;
import io.bendcdc.contract.TableSchema;
import io.bendcdc.it.support.EngineFixture;
import io.bendcdc.it.support.LocalStack;
import io.bendcdc.it.support.TopicReader;
import io.bendcdc.it.support.TopicReader.Envelope;

/** The engine's schema history topic, read back as a timeline, explains every data event it wrote. */
class SchemaTimelineIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void givenDdlWithInsertsBetween_whenTheHistoryIsRead_thenEachEventsSchemaIsTheOneInForceAtItsPosition() {
        // given a table with a row, captured by the engine
        String db = EngineFixture.unique("history");
        String prefix = EngineFixture.unique("ithistory");
        TableId t = new TableId(db, "t");
        TableId renamed = new TableId(db, "t_renamed");
        mariadb("CREATE DATABASE " + db,
                "CREATE TABLE " + db + ".t (id INT PRIMARY KEY, a VARCHAR(10), b INT)",
                "INSERT INTO " + db + ".t VALUES (1, 'one', 10)");

        try (CdcEngine engine = new CdcEngine(EngineFixture.settings(SourceConnector.MARIADB, prefix, db));
                TopicReader tTopic = new TopicReader(prefix + "." + db + ".t");
                TopicReader renamedTopic = new TopicReader(prefix + "." + db + ".t_renamed");
                SchemaHistoryReader history = new SchemaHistoryReader(
                        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.kafkaBootstrap()),
                        prefix + ".schema-history", id -> id.database().equals(db), WAIT)) {
            engine.start();
            assertThat(tTopic.readCount(1, WAIT, engine.completion())).extracting(Envelope::op).containsExactly("r");

            // when columns are added, renamed, retyped and dropped with inserts between
            mariadb("ALTER TABLE " + db + ".t ADD COLUMN c INT",
                    "INSERT INTO " + db + ".t VALUES (2, 'two', 20, 200)",
                    "ALTER TABLE " + db + ".t RENAME COLUMN a TO a2",
                    "INSERT INTO " + db + ".t VALUES (3, 'three', 30, 300)",
                    "ALTER TABLE " + db + ".t CHANGE COLUMN b b2 BIGINT",
                    "INSERT INTO " + db + ".t VALUES (4, 'four', 9000000000, 400)",
                    "ALTER TABLE " + db + ".t DROP COLUMN c",
                    "INSERT INTO " + db + ".t VALUES (5, 'five', 50)");
            List<Envelope> tEvents = tTopic.readCount(5, WAIT, engine.completion());
            assertThat(tEvents).hasSize(5);
            SchemaTimeline first = history.read();

            // then the changes are in order, the renames recognised as renames
            List<SchemaChange> changes = first.changes(t);
            assertThat(changes).hasSize(5);
            assertThat(changes.get(0)).isInstanceOf(CreateTable.class);
            assertThat(changes.get(0).position().snapshot()).isTrue();
            assertThat(columnChanges(changes.get(1))).singleElement().isInstanceOfSatisfying(AddColumn.class,
                    add -> assertThat(add.column().name()).isEqualTo("c"));
            assertThat(columnChanges(changes.get(2))).containsExactly(new RenameColumn("a", "a2"));
            assertThat(columnChanges(changes.get(3))).hasSize(2).first().isEqualTo(new RenameColumn("b", "b2"));
            assertThat(columnChanges(changes.get(3)).get(1)).isInstanceOfSatisfying(ModifyColumn.class,
                    m -> assertThat(m.after().typeName()).isEqualTo("BIGINT"));
            assertThat(columnChanges(changes.get(4))).singleElement().isInstanceOfSatisfying(DropColumn.class,
                    d -> assertThat(d.column().name()).isEqualTo("c"));
            assertSchemaAtEachEventIsItsShape(first, t, tEvents);

            // when the table is renamed and written to under its new name
            mariadb("RENAME TABLE " + db + ".t TO " + db + ".t_renamed",
                    "INSERT INTO " + db + ".t_renamed VALUES (6, 'six', 60)");
            List<Envelope> renamedEvents = renamedTopic.readCount(1, WAIT, engine.completion());
            assertThat(renamedEvents).hasSize(1);
            SchemaTimeline refreshed = history.refresh();

            // then the refreshed timeline continues the table under its new name
            assertThat(refreshed.changes(t)).hasSize(6);
            RenameTable rename = (RenameTable) refreshed.changes(t).get(5);
            assertThat(rename.from()).isEqualTo(t);
            assertThat(rename.to()).isEqualTo(renamed);
            assertThat(refreshed.changes(renamed)).containsExactly(rename);
            assertThat(refreshed.changesBetween(renamed, position(tEvents.get(4)), position(renamedEvents.get(0))))
                    .containsExactly(rename);
            assertThat(refreshed.latest(t)).isEmpty();
            assertThat(names(refreshed.latest(renamed).orElseThrow())).containsExactly("id", "a2", "b2");
            assertSchemaAtEachEventIsItsShape(refreshed, t, tEvents);
            assertSchemaAtEachEventIsItsShape(refreshed, renamed, renamedEvents);
            assertThat(refreshed.schemaAt(t, position(renamedEvents.get(0)))).as("t is gone by then").isEmpty();
        }
    }

    private static void assertSchemaAtEachEventIsItsShape(SchemaTimeline timeline, TableId table, List<Envelope> events) {
        for (Envelope e : events) {
            BinlogPosition at = position(e);
            TableSchema schema = timeline.schemaAt(table, at)
                    .orElseThrow(() -> new AssertionError("no schema of " + table + " at " + at));
            List<String> fields = new ArrayList<>();
            e.after().fieldNames().forEachRemaining(fields::add);
            assertThat(names(schema)).as("schema of %s at %s (offset %d)", table, at, e.offset())
                    .containsExactlyElementsOf(fields);
        }
    }

    private static List<ColumnChange> columnChanges(SchemaChange change) {
        assertThat(change).isInstanceOf(AlterTable.class);
        return ((AlterTable) change).columnChanges();
    }

    private static BinlogPosition position(Envelope e) {
        return BinlogPosition.fromSource(e.value().path("payload").path("source"));
    }

    private static List<String> names(TableSchema schema) {
        return schema.columns().stream().map(ColumnSchema::name).toList();
    }
}
