package io.bendcdc.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.bendcdc.contract.ColumnChange.Declared;

class AddedColumnParserTest {

    @Test
    void givenAddColumnsWithDefaultsAndAGeneratedColumn_whenParsed_thenEachClauseIsRead() {
        Map<String, Declared> added = AddedColumnParser.parse("ALTER TABLE `shop`.`t` ADD COLUMN `At` TIMESTAMP(6)"
                + " NOT NULL DEFAULT current_timestamp(6), ADD COLUMN g INT AS (id * 2) STORED,"
                + " ADD b BINARY(4) DEFAULT x'0aFF', ADD COLUMN plain INT, ADD COLUMN n VARCHAR(5) DEFAULT NULL");
        assertThat(added).containsOnly(
                Map.entry("at", new Declared(false, "current_timestamp(6)")),
                Map.entry("g", new Declared(true, null)),
                Map.entry("b", new Declared(false, "x'0aFF'")),
                Map.entry("plain", new Declared(false, null)),
                Map.entry("n", new Declared(false, "NULL")));
    }

    @Test
    void givenTheParenthesisedForm_whenParsed_thenEveryColumnIsRead() {
        assertThat(AddedColumnParser.parse("ALTER TABLE t ADD COLUMN (a INT DEFAULT 1, `B b` VARBINARY(3) DEFAULT 0x01)"))
                .containsOnly(Map.entry("a", new Declared(false, "1")), Map.entry("b b", new Declared(false, "0x01")));
    }

    @Test
    void givenOtherClauses_whenParsed_thenNothingIsReported() {
        assertThat(AddedColumnParser.parse("ALTER TABLE t MODIFY COLUMN a BIGINT DEFAULT 5, DROP COLUMN b")).isEmpty();
        assertThat(AddedColumnParser.parse("this is not SQL")).isEmpty();
    }

    @Test
    void givenMariaDbOnlySyntax_whenParsed_thenTheMariaDbGrammarReadsIt() {
        assertThat(AddedColumnParser.parse("ALTER TABLE t ADD COLUMN IF NOT EXISTS c INT AS (a + 1) PERSISTENT"))
                .containsOnly(Map.entry("c", new Declared(true, null)));
    }
}
