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
                .isEqualTo("SELECT \"id\", \"note\" FROM \"shop_copy\".\"orders\" WHERE \"id\" IN (1, 2)");
        assertThat(VerifyQueries.targetByKeys(COMPOSITE, List.of(List.of("1", "it's", "0aff"))))
                .isEqualTo("SELECT \"a\", \"b\", \"raw\" FROM \"shop\".\"pair\" WHERE (\"a\" = 1 AND \"b\" = 'it\\'s' "
                        + "AND \"raw\" = FROM_HEX('0aff'))");
    }

    @Test
    void databendKeyChunksContinueAfterTheLastKeyInLexicographicOrder() {
        assertThat(VerifyQueries.targetKeyChunk(COMPOSITE, List.of("1", "x", "00"), 7)).isEqualTo(
                "SELECT \"a\", \"b\", \"raw\" FROM \"shop\".\"pair\" WHERE (\"a\" > 1) OR (\"a\" = 1 AND \"b\" > 'x') "
                        + "OR (\"a\" = 1 AND \"b\" = 'x' AND \"raw\" > FROM_HEX('00')) ORDER BY \"a\", \"b\", \"raw\" LIMIT 7");
        assertThat(VerifyQueries.targetKeyChunk(SINGLE, null, 3))
                .isEqualTo("SELECT \"id\" FROM \"shop_copy\".\"orders\" ORDER BY \"id\" LIMIT 3");
    }

    @Test
    void booleanKeysAreBoundAsNumbersOnTheSource() {
        assertThat(VerifyQueries.sourceParameter(Kind.BOOLEAN, "true")).isEqualTo("1");
        assertThat(VerifyQueries.sourceParameter(Kind.TEXT, "true")).isEqualTo("true");
        assertThat(VerifyQueries.targetLiteral(Kind.TEXT, null)).isEqualTo("NULL");
    }
}
