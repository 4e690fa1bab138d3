package io.bendcdc.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.bendcdc.contract.TableId;
import io.bendcdc.service.ValueCanon.Kind;

class VerifyQueriesTest {

    private static final VerifiedTable SINGLE = new VerifiedTable(new TableId("shop", "orders"),
            new TableId("shop_copy", "orders"), List.of(new VerifiedTable.Column("id", Kind.INTEGER),
                    new VerifiedTable.Column("note", Kind.TEXT)), List.of(0));
    private static final VerifiedTable COMPOSITE = new VerifiedTable(new TableId("shop", "pair"),
            new TableId("shop", "pair"), List.of(new VerifiedTable.Column("a", Kind.INTEGER),
                    new VerifiedTable.Column("b", Kind.TEXT), new VerifiedTable.Column("raw", Kind.BINARY)),
            List.of(0, 1, 2));

    @Test
    void sourceChunksAreKeyOrderedAndStartAfterTheLastKey() {
        assertThat(VerifyQueries.sourceChunk(SINGLE, false, 10_000))
                .isEqualTo("SELECT `id`, `note` FROM `shop`.`orders` ORDER BY `id` LIMIT 10000");
        assertThat(VerifyQueries.sourceChunk(COMPOSITE, true, 5)).isEqualTo("SELECT `a`, `b`, `raw` FROM `shop`.`pair` "
                + "WHERE (`a`, `b`, `raw`) > (?, ?, UNHEX(?)) ORDER BY `a`, `b`, `raw` LIMIT 5");
        assertThat(VerifyQueries.sourceByKeys(SINGLE, 2))
                .isEqualTo("SELECT `id`, `note` FROM `shop`.`orders` WHERE (`id`) IN ((?), (?))");
    }

    @Test
    void databendLookupsWriteKeysAsLiteralsOfTheirType() {
        assertThat(VerifyQueries.targetByKeys(SINGLE, List.of(List.of("1"), List.of("2"))))
                .isEqualTo("SELECT \"id\", CONCAT('#', \"note\") FROM \"shop_copy\".\"orders\" WHERE \"id\" IN (1, 2)");
        assertThat(VerifyQueries.targetByKeys(COMPOSITE, List.of(List.of("1", "it's", "0aff"))))
                .isEqualTo("SELECT \"a\", CONCAT('#', \"b\"), \"raw\" FROM \"shop\".\"pair\" WHERE \"a\" IN (1) "
                        + "AND \"b\" IN ('it\\'s') AND \"raw\" IN (FROM_HEX('0aff'))");
    }

    @Test
    void databendKeyChunksContinueAfterTheLastKeyInLexicographicOrder() {
        assertThat(VerifyQueries.targetKeyChunk(COMPOSITE, List.of("1", "x", "00"), 7)).isEqualTo(
                "SELECT \"a\", CONCAT('#', \"b\"), \"raw\" FROM \"shop\".\"pair\" WHERE (\"a\" > 1) OR (\"a\" = 1 AND \"b\" > 'x') "
                        + "OR (\"a\" = 1 AND \"b\" = 'x' AND \"raw\" > FROM_HEX('00')) ORDER BY \"a\", \"b\", \"raw\" LIMIT 7");
        assertThat(VerifyQueries.targetKeyChunk(SINGLE, null, 3))
                .isEqualTo("SELECT \"id\" FROM \"shop_copy\".\"orders\" ORDER BY \"id\" LIMIT 3");
    }

    private static final VerifiedTable TYPES = new VerifiedTable(new TableId("db", "types"), new TableId("db", "types"),
            List.of(new VerifiedTable.Column("id", Kind.INTEGER), new VerifiedTable.Column("f", Kind.FLOAT),
                    new VerifiedTable.Column("d", Kind.DATE), new VerifiedTable.Column("dt", Kind.DATETIME),
                    new VerifiedTable.Column("tm", Kind.TIME), new VerifiedTable.Column("b1", Kind.BIT_BOOLEAN),
                    new VerifiedTable.Column("b64", Kind.BIT), new VerifiedTable.Column("yr", Kind.YEAR),
                    new VerifiedTable.Column("g", Kind.GEOMETRY), new VerifiedTable.Column("s", Kind.TEXT)),
            List.of(0, 6));

    @Test
    void theSourceIsReadInExactForm() {
        assertThat(VerifyQueries.sourceChunk(TYPES, true, 10)).isEqualTo("SELECT `id`, `f` + 0e0, "
                + "DATE_FORMAT(`d`, '%Y-%m-%d'), DATE_FORMAT(`dt`, '%Y-%m-%d %H:%i:%s.%f'), CAST(`tm` AS CHAR), "
                + "CAST(`b1` AS UNSIGNED), CAST(`b64` AS UNSIGNED), CAST(`yr` AS UNSIGNED), ST_AsWKB(`g`), `s` "
                + "FROM `db`.`types` WHERE (`id`, `b64`) > (?, CAST(? AS UNSIGNED)) ORDER BY `id`, `b64` LIMIT 10");
    }

    @Test
    void bitAndYearKeysAreBoundAsNumbers() {
        VerifiedTable yearKey = new VerifiedTable(new TableId("db", "y"), new TableId("db", "y"),
                List.of(new VerifiedTable.Column("yr", Kind.YEAR), new VerifiedTable.Column("b", Kind.BIT_BOOLEAN)),
                List.of(0, 1));
        // YEAR 0000 is the key 0; a bare '0' would be the year 2000
        assertThat(VerifyQueries.sourceByKeys(yearKey, 1)).isEqualTo("SELECT CAST(`yr` AS UNSIGNED), CAST(`b` AS UNSIGNED) "
                + "FROM `db`.`y` WHERE (`yr`, `b`) IN ((CAST(? AS UNSIGNED), CAST(? AS UNSIGNED)))");
    }

    @Test
    void databendTextIsReadThroughAMarker() {
        assertThat(VerifyQueries.targetByKeys(TYPES, List.of(List.of("1", "5")))).isEqualTo("SELECT \"id\", \"f\", "
                + "\"d\", \"dt\", \"tm\", \"b1\", \"b64\", \"yr\", \"g\", CONCAT('#', \"s\") FROM \"db\".\"types\" "
                + "WHERE \"id\" IN (1) AND \"b64\" IN (5)");
        assertThat(VerifyQueries.targetKeyChunk(SINGLE, null, 3))
                .isEqualTo("SELECT \"id\" FROM \"shop_copy\".\"orders\" ORDER BY \"id\" LIMIT 3");
        VerifiedTable textKey = new VerifiedTable(new TableId("db", "k"), new TableId("db", "k"),
                List.of(new VerifiedTable.Column("name", Kind.TEXT)), List.of(0));
        assertThat(VerifyQueries.targetKeyChunk(textKey, List.of("NULL"), 2)).isEqualTo(
                "SELECT CONCAT('#', \"name\") FROM \"db\".\"k\" WHERE (\"name\" > 'NULL') ORDER BY \"name\" LIMIT 2");
        assertThat(VerifyQueries.targetLiteral(Kind.GEOMETRY, "0101")).isEqualTo("FROM_HEX('0101')");
        assertThat(VerifyQueries.targetLiteral(Kind.BIT_BOOLEAN, "true")).isEqualTo("true");
    }

    @Test
    void tableAndDatabaseListings() {
        assertThat(VerifyQueries.targetTables("shop")).isEqualTo(
                "SELECT CONCAT('#', \"name\") FROM system.tables WHERE \"database\" = 'shop' AND \"engine\" <> 'VIEW' ORDER BY \"name\"");
        assertThat(VerifyQueries.sourceDatabases())
                .isEqualTo("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA ORDER BY SCHEMA_NAME");
    }

    @Test
    void booleanKeysAreBoundAsNumbersOnTheSource() {
        assertThat(VerifyQueries.sourceParameter(Kind.BOOLEAN, "true")).isEqualTo("1");
        assertThat(VerifyQueries.sourceParameter(Kind.TEXT, "true")).isEqualTo("true");
        assertThat(VerifyQueries.targetLiteral(Kind.TEXT, null)).isEqualTo("NULL");
    }
}
