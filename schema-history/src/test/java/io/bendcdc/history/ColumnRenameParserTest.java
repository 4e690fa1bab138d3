package io.bendcdc.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.bendcdc.history.ColumnRenameParser.ColumnRename;

class ColumnRenameParserTest {

    @Test
    void givenRenameColumn_whenParsed_thenTheRenameIsFound() {
        assertThat(ColumnRenameParser.parse("ALTER TABLE t RENAME COLUMN a TO a2"))
                .containsExactly(new ColumnRename("t", "a", "a2"));
    }

    @Test
    void givenChangeColumnWithNewName_whenParsed_thenItIsARename() {
        assertThat(ColumnRenameParser.parse("ALTER TABLE t CHANGE COLUMN b b2 BIGINT"))
                .containsExactly(new ColumnRename("t", "b", "b2"));
        assertThat(ColumnRenameParser.parse("alter table t change b b2 bigint not null after a"))
                .containsExactly(new ColumnRename("t", "b", "b2"));
    }

    @Test
    void givenChangeColumnKeepingItsName_whenParsed_thenNoRename() {
        assertThat(ColumnRenameParser.parse("ALTER TABLE t CHANGE COLUMN b b BIGINT")).isEmpty();
    }

    @Test
    void givenQuotedAndQualifiedNames_whenParsed_thenNamesAreUnquoted() {
        assertThat(ColumnRenameParser.parse("ALTER TABLE `shop`.`my t` RENAME COLUMN `a``x` TO `select`"))
                .containsExactly(new ColumnRename("my t", "a`x", "select"));
        assertThat(ColumnRenameParser.parse("ALTER TABLE shop.t RENAME COLUMN a TO b"))
                .containsExactly(new ColumnRename("t", "a", "b"));
    }

    @Test
    void givenSeveralSpecifications_whenParsed_thenEveryRenameInStatementOrder() {
        assertThat(ColumnRenameParser.parse(
                "ALTER TABLE t ADD COLUMN z INT, RENAME COLUMN a TO b, DROP COLUMN q, CHANGE c d TEXT, MODIFY e INT"))
                .containsExactly(new ColumnRename("t", "a", "b"), new ColumnRename("t", "c", "d"));
    }

    @Test
    void givenStatementsThatRenameNoColumn_whenParsed_thenNothing() {
        assertThat(ColumnRenameParser.parse("ALTER TABLE t ADD COLUMN d VARCHAR(5) NOT NULL DEFAULT 'x'")).isEmpty();
        assertThat(ColumnRenameParser.parse("ALTER TABLE t RENAME TO t9")).isEmpty();
        assertThat(ColumnRenameParser.parse("RENAME TABLE t2 TO t3")).isEmpty();
    }

    @Test
    void givenMariaDbOnlySyntax_whenParsed_thenTheMariaDbGrammarFindsTheRename() {
        assertThat(ColumnRenameParser.parse("ALTER TABLE t ADD COLUMN IF NOT EXISTS z INT, RENAME COLUMN a TO b"))
                .containsExactly(new ColumnRename("t", "a", "b"));
    }

    @Test
    void givenText_whenNoGrammarAcceptsIt_thenItFailsWithTheStatement() {
        assertThatThrownBy(() -> ColumnRenameParser.parse("ALTER TABLE t RENAME COLUMN a"))
                .isInstanceOf(SchemaHistoryException.class)
                .hasMessageContaining("ALTER TABLE t RENAME COLUMN a");
    }
}
