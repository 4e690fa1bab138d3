package io.bendcdc.applier.databend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.bendcdc.applier.databend.TableReads.ColumnRead;
import io.bendcdc.applier.databend.TableReads.LiteralKind;
import io.bendcdc.contract.TableId;

class TableReadsTest {

    private static final TableReads READS = new TableReads(new TableId("shop", "t"), List.of("id", "name", "raw"),
            List.of(ColumnRead.VALUE, ColumnRead.MARKED_TEXT, ColumnRead.VALUE), List.of("name", "id"),
            List.of(LiteralKind.TEXT, LiteralKind.BARE));

    @Test
    void textColumnsAreSelectedBehindAMarkerSoThatTheTextNullIsNotSqlNull() {
        assertThat(READS.rowsByKeys(List.of(List.of("NULL", "1")))).isEqualTo("SELECT \"id\", CONCAT('#', \"name\"), "
                + "\"raw\" FROM \"shop\".\"t\" WHERE \"name\" IN ('NULL') AND \"id\" IN (1)");
        assertThat(READS.keyChunk(List.of("a'b", "2"), 100)).isEqualTo("SELECT CONCAT('#', \"name\"), \"id\" FROM "
                + "\"shop\".\"t\" WHERE (\"name\" > 'a\\'b') OR (\"name\" = 'a\\'b' AND \"id\" > 2) ORDER BY \"name\", \"id\" LIMIT 100");
    }

    @Test
    void aCompositeKeyIsLookedUpColumnByColumnEachValueOnce() {
        assertThat(READS.rowsByKeys(List.of(List.of("a", "1"), List.of("a", "2"), List.of("b", "1"))))
                .isEqualTo("SELECT \"id\", CONCAT('#', \"name\"), \"raw\" FROM \"shop\".\"t\" "
                        + "WHERE \"name\" IN ('a', 'b') AND \"id\" IN (1, 2)");
    }

    @Test
    void columnsReadAsTheyAreByDefault() {
        TableReads plain = new TableReads(new TableId("shop", "t"), List.of("id", "name"), List.of("id"),
                List.of(LiteralKind.BARE));
        assertThat(plain.rowsByKeys(List.of(List.of("1"), List.of("2"))))
                .isEqualTo("SELECT \"id\", \"name\" FROM \"shop\".\"t\" WHERE \"id\" IN (1, 2)");
    }

    @Test
    void tablesOfADatabase() {
        assertThat(TableReads.tableNames("it's")).isEqualTo(
                "SELECT CONCAT('#', \"name\") FROM system.tables WHERE \"database\" = 'it\\'s' AND \"engine\" <> 'VIEW' ORDER BY \"name\"");
        assertThat(TableReads.columnTypes(new TableId("a", "b")))
                .isEqualTo("SELECT CONCAT('#', \"name\"), \"type\" FROM system.columns WHERE \"database\" = 'a' AND \"table\" = 'b'");
    }
}
