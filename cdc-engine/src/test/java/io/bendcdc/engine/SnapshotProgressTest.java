package io.bendcdc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class SnapshotProgressTest {

    private static final Schema SOURCE = SchemaBuilder.struct().field("db", Schema.STRING_SCHEMA)
            .field("table", Schema.STRING_SCHEMA).field("snapshot", Schema.OPTIONAL_STRING_SCHEMA).build();
    private static final Schema ENVELOPE = SchemaBuilder.struct().field("op", Schema.STRING_SCHEMA)
            .field("source", SOURCE).build();

    @Test
    void totalsCountSnapshotReadsPerTableAndOutliveTheEndOfATablesSnapshot() {
        SnapshotProgress progress = new SnapshotProgress(table -> 3, 5_000);
        progress.record(record("r", "shop.t", "first"), 0);
        progress.record(record("r", "shop.t", "last_in_data_collection"), 1);
        progress.record(record("c", "shop.t", null), 2);
        progress.record(record("r", "shop.u", "incremental"), 3);

        assertThat(progress.totalRowsByTable()).containsExactly(Map.entry("shop.t", 2L), Map.entry("shop.u", 1L));
        assertThat(progress.rowsByTable()).containsOnlyKeys("shop.u");
    }

    @Test
    void aTableReadWithinOneBatchTookTheTimeSinceTheBatchBefore() {
        SnapshotProgress progress = new SnapshotProgress(table -> 1000, 5_000, 0);
        progress.record(record("r", "shop.a", "first"), 100);
        progress.record(record("r", "shop.a", "last_in_data_collection"), 220);
        progress.record(record("r", "shop.b", "first_in_data_collection"), 220);
        progress.record(record("r", "shop.b", "last_in_data_collection"), 220);

        assertThat(progress.lastDone()).isEqualTo(new SnapshotProgress.Done("shop.b", 2, 120));
    }

    @Test
    void theFirstTableStartedWithTheEngine() {
        SnapshotProgress progress = new SnapshotProgress(table -> 1000, 5_000, 1_000);
        progress.record(record("r", "shop.a", "first"), 1_120);
        progress.record(record("r", "shop.a", "last"), 1_120);

        assertThat(progress.lastDone()).isEqualTo(new SnapshotProgress.Done("shop.a", 2, 120));
    }

    private static SourceRecord record(String op, String table, String snapshot) {
        String[] parts = table.split("\\.");
        Struct source = new Struct(SOURCE).put("db", parts[0]).put("table", parts[1]).put("snapshot", snapshot);
        Struct value = new Struct(ENVELOPE).put("op", op).put("source", source);
        return new SourceRecord(Map.of(), Map.of(), "topic", ENVELOPE, value);
    }
}
