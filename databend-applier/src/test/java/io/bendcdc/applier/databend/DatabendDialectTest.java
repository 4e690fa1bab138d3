package io.bendcdc.applier.databend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bendcdc.applier.type.DatabendType;
import io.bendcdc.applier.type.DatabendType.Kind;
import io.bendcdc.contract.ColumnSchema;
import io.bendcdc.contract.TableId;
import io.bendcdc.contract.TableSchema;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class DatabendDialectTest {

    private static final TableId T = new TableId("shop", "items");
    private static final DatabendType ID = DatabendType.of(Kind.UINT32, false);
    private static final DatabendType STR = DatabendType.of(Kind.STRING, true);

    @Test
    void insertSelectReadsEveryColumnFromTheSource() {
        assertThat(DatabendDialect.insertSelect(T, List.of("id", "name"), List.of("CAST($1 AS UInt32)", "$2"), "@~/f.csv"))
                .isEqualTo("INSERT INTO \"shop\".\"items\" (\"id\", \"name\") SELECT CAST($1 AS UInt32), $2 FROM @~/f.csv");
    }

    @Test
    void keysWithASmallDecimalAreUpsertedByDeleteAndInsertAllOthersByReplace() {
        assertThat(DatabendDialect.upsertsByDeleteAndInsert(List.of(DatabendType.decimal(12, 2, false)))).isTrue();
        assertThat(DatabendDialect.upsertsByDeleteAndInsert(List.of(STR, DatabendType.decimal(18, 0, true)))).isTrue();
        assertThat(DatabendDialect.upsertsByDeleteAndInsert(List.of(DatabendType.decimal(19, 0, false)))).isFalse();
        assertThat(DatabendDialect.upsertsByDeleteAndInsert(List.of(ID, STR))).isFalse();
    }

    @Test
    void givenADatabase_whenCreated_thenItIsQuotedAndIdempotent() {
        assertThat(DatabendDialect.createDatabaseIfNotExists("Shop db")).isEqualTo("CREATE DATABASE IF NOT EXISTS \"Shop db\"");
    }

    @Test
    void givenASourceSchema_whenTheTableIsCreated_thenColumnsKeepSourceOrderNamesAndNullabilityAndBlocksTheirSize() {
        TableSchema schema = new TableSchema(new TableId("src", "items"), List.of(
                col("id", 1), col("Price", 2), col("select", 3)), List.of("id"));

        assertThat(DatabendDialect.createTable(T, schema, List.of(ID, DatabendType.decimal(12, 2, true), STR), 100_000))
                .isEqualTo("CREATE TABLE IF NOT EXISTS \"shop\".\"items\" (\"id\" UInt32 NOT NULL, "
                        + "\"Price\" Decimal(12, 2) NULL, \"select\" String NULL) row_per_block = 100000");
    }

    @Test
    void givenRowsOfEveryKind_whenReplacedAsLiterals_thenEachValueIsRenderedExactly() {
        List<String> cols = List.of("id", "s", "b", "d", "ts", "dt", "bin", "j", "ok", "t", "u");
        List<DatabendType> types = List.of(ID, STR, DatabendType.of(Kind.BOOLEAN, true), DatabendType.decimal(65, 30, true),
                DatabendType.of(Kind.TIMESTAMP, true), DatabendType.of(Kind.DATE, true), DatabendType.of(Kind.BINARY, true),
                DatabendType.of(Kind.VARIANT, true), DatabendType.of(Kind.BOOLEAN, false), DatabendType.time(6, true),
                DatabendType.of(Kind.UINT64, true));
        Object[] row = {7L, "it's a \\ \"test\"\n\t😀", true, new BigDecimal("-1.5"), LocalDateTime.parse("9999-12-31T23:59:59.999999"),
                LocalDate.parse("1000-01-01"), new byte[] {0, (byte) 0xFF}, "{\"a\":\"x'y\"}", 0,
                Duration.parse("-PT838H59M59S"), new BigDecimal("18446744073709551615")};
        Object[] nulls = {8L, null, null, null, null, null, null, null, false, null, null};

        assertThat(DatabendDialect.replaceValues(T, cols, List.of("id"), types, List.of(row, nulls))).isEqualTo(
                "REPLACE INTO \"shop\".\"items\" (\"id\", \"s\", \"b\", \"d\", \"ts\", \"dt\", \"bin\", \"j\", \"ok\", \"t\", \"u\") ON (\"id\") VALUES "
                        + "(7, 'it''s a \\\\ \"test\"\\n\\t😀', TRUE, CAST('-1.5' AS Decimal(65, 30)), TO_TIMESTAMP(253402300799999999, 6), "
                        + "CAST('1000-01-01' AS Date), FROM_HEX('00FF'), PARSE_JSON('{\"a\":\"x''y\"}'), FALSE, '-838:59:59.000000', "
                        + "18446744073709551615), "
                        + "(8, NULL, NULL, NULL, NULL, NULL, NULL, NULL, FALSE, NULL, NULL)");
    }

    @Test
    void givenSelectItemsAndASource_whenReplacedFromASelect_thenTheHeadListsColumnsAndKeys() {
        assertThat(DatabendDialect.replaceSelect(T, List.of("id", "v"), List.of("id"), List.of("$1", "$2"), "@~/x.csv"))
                .isEqualTo("REPLACE INTO \"shop\".\"items\" (\"id\", \"v\") ON (\"id\") SELECT $1, $2 FROM @~/x.csv");
    }

    @Test
    void givenAKeyColumnNotAmongTheColumns_whenReplaced_thenItIsRefused() {
        assertThatThrownBy(() -> DatabendDialect.replaceSelect(T, List.of("v"), List.of("id"), List.of("$1"), "@~/x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id");
    }

    @Test
    void givenSingleColumnKeys_whenDeleted_thenOneInListHoldsThemAll() {
        assertThat(DatabendDialect.deleteByKeys(T, List.of("k"), List.of(STR), List.of(List.of("it's"), List.of("a\\b"), List.of(""))))
                .isEqualTo("DELETE FROM \"shop\".\"items\" WHERE \"k\" IN ('it''s', 'a\\\\b', '')");
    }

    @Test
    void givenCompositeKeys_whenDeleted_thenOneTupleInListHoldsThemAll() {
        List<DatabendType> types = List.of(ID, DatabendType.of(Kind.TIMESTAMP, false), DatabendType.of(Kind.BINARY, false));

        assertThat(DatabendDialect.deleteByKeys(T, List.of("a", "b", "c"), types, List.of(
                List.of(1L, Instant.parse("1970-01-01T00:00:01Z"), new byte[] {1}),
                List.of(2L, LocalDateTime.parse("2024-01-02T03:04:05.000006"), new byte[0]))))
                .isEqualTo("DELETE FROM \"shop\".\"items\" WHERE (\"a\", \"b\", \"c\") IN "
                        + "((1, TO_TIMESTAMP(1000000, 6), FROM_HEX('01')), (2, TO_TIMESTAMP(1704164645000006, 6), FROM_HEX('')))");
    }

    @Test
    void givenKeysWithNulls_whenDeleted_thenThoseMatchByIsNull() {
        assertThat(DatabendDialect.deleteByKeys(T, List.of("a", "b"), List.of(ID, STR),
                List.of(Arrays.asList(1L, null), List.of(2L, "y"))))
                .isEqualTo("DELETE FROM \"shop\".\"items\" WHERE (\"a\", \"b\") IN ((2, 'y')) OR (\"a\" = 1 AND \"b\" IS NULL)");
        assertThat(DatabendDialect.deleteByKeys(T, List.of("a"), List.of(STR), List.of(Arrays.asList((Object) null))))
                .isEqualTo("DELETE FROM \"shop\".\"items\" WHERE (\"a\" IS NULL)");
    }

    @Test
    void givenNoKeys_whenDeleted_thenItIsRefusedRatherThanDeletingEverything() {
        assertThatThrownBy(() -> DatabendDialect.deleteByKeys(T, List.of("k"), List.of(STR), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DatabendDialect.deleteByKeys(T, List.of(), List.of(), List.of(List.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenSchemaChanges_whenAltered_thenEachStatementIsDatabendsSyntax() {
        assertThat(DatabendDialect.addColumn(T, "note", STR)).isEqualTo("ALTER TABLE \"shop\".\"items\" ADD COLUMN \"note\" String NULL");
        assertThat(DatabendDialect.addColumn(T, "d", DatabendType.of(Kind.STRING, false), "x"))
                .isEqualTo("ALTER TABLE \"shop\".\"items\" ADD COLUMN \"d\" String NOT NULL DEFAULT 'x'");
        assertThat(DatabendDialect.dropColumn(T, "d")).isEqualTo("ALTER TABLE \"shop\".\"items\" DROP COLUMN \"d\"");
        assertThat(DatabendDialect.renameColumn(T, "a", "a2")).isEqualTo("ALTER TABLE \"shop\".\"items\" RENAME COLUMN \"a\" TO \"a2\"");
        assertThat(DatabendDialect.modifyColumnType(T, "c", DatabendType.decimal(20, 2, true)))
                .isEqualTo("ALTER TABLE \"shop\".\"items\" MODIFY COLUMN \"c\" Decimal(20, 2) NULL");
        assertThat(DatabendDialect.truncateTable(T)).isEqualTo("TRUNCATE TABLE \"shop\".\"items\"");
        assertThat(DatabendDialect.dropTableIfExists(T)).isEqualTo("DROP TABLE IF EXISTS \"shop\".\"items\"");
        assertThat(DatabendDialect.renameTable(T, new TableId("shop", "items2")))
                .isEqualTo("ALTER TABLE \"shop\".\"items\" RENAME TO \"items2\"");
    }

    @Test
    void givenARenameIntoAnotherDatabase_whenBuilt_thenItIsRefusedAsDatabendCannotDoIt() {
        assertThatThrownBy(() -> DatabendDialect.renameTable(T, new TableId("other", "items")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another database");
    }

    private static ColumnSchema col(String name, int position) {
        return new ColumnSchema(name, position, "INT", "INT", 4, null, null, true, false, false, null, null, List.of());
    }
}
