package io.bendcdc.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.bendcdc.contract.TableId;
import io.bendcdc.history.RenameParser.ColumnRename;
import io.bendcdc.history.RenameParser.TableRename;

class RenameParserTest {

    @Test
    void givenRenameColumn_whenParsed_thenTheRenameIsFound() {
        assertThat(RenameParser.columns("ALTER TABLE t RENAME COLUMN a TO a2"))
                .containsExactly(new ColumnRename("t", "a", "a2"));
    }

    @Test
    void givenChangeColumnWithNewName_whenParsed_thenItIsARename() {
        assertThat(RenameParser.columns("ALTER TABLE t CHANGE COLUMN b b2 BIGINT"))
                .containsExactly(new ColumnRename("t", "b", "b2"));
        assertThat(RenameParser.columns("alter table t change b b2 bigint not null after a"))
                .containsExactly(new ColumnRename("t", "b", "b2"));
    }

    @Test
    void givenChangeColumnKeepingItsName_whenParsed_thenNoRename() {
        assertThat(RenameParser.columns("ALTER TABLE t CHANGE COLUMN b b BIGINT")).isEmpty();
    }

    @Test
    void givenQuotedAndQualifiedNames_whenParsed_thenNamesAreUnquoted() {
        assertThat(RenameParser.columns("ALTER TABLE `shop`.`my t` RENAME COLUMN `a``x` TO `select`"))
                .containsExactly(new ColumnRename("my t", "a`x", "select"));
        assertThat(RenameParser.columns("ALTER TABLE shop.t RENAME COLUMN a TO b"))
                .containsExactly(new ColumnRename("t", "a", "b"));
    }

    @Test
    void givenSeveralSpecifications_whenParsed_thenEveryRenameInStatementOrder() {
        assertThat(RenameParser.columns(
                "ALTER TABLE t ADD COLUMN z INT, RENAME COLUMN a TO b, DROP COLUMN q, CHANGE c d TEXT, MODIFY e INT"))
                .containsExactly(new ColumnRename("t", "a", "b"), new ColumnRename("t", "c", "d"));
    }

    @Test
    void givenStatementsThatRenameNoColumn_whenParsed_thenNothing() {
        assertThat(RenameParser.columns("ALTER TABLE t ADD COLUMN d VARCHAR(5) NOT NULL DEFAULT 'x'")).isEmpty();
        assertThat(RenameParser.columns("ALTER TABLE t RENAME TO t9")).isEmpty();
        assertThat(RenameParser.columns("RENAME TABLE t2 TO t3")).isEmpty();
    }

    @Test
    void givenMariaDbOnlySyntax_whenParsed_thenTheMariaDbGrammarFindsTheRename() {
        assertThat(RenameParser.columns("ALTER TABLE t ADD COLUMN IF NOT EXISTS z INT, RENAME COLUMN a TO b"))
                .containsExactly(new ColumnRename("t", "a", "b"));
    }

    @Test
    void givenText_whenNoGrammarAcceptsIt_thenItFailsWithTheStatement() {
        assertThatThrownBy(() -> RenameParser.columns("ALTER TABLE t RENAME COLUMN a"))
                .isInstanceOf(SchemaHistoryException.class)
                .hasMessageContaining("ALTER TABLE t RENAME COLUMN a");
    }

    @Test
    void tableRenamesAreFoundInStatementOrderWithTheirDatabases() {
        assertThat(RenameParser.tables("RENAME TABLE b TO tmp, `shop`.`c` TO b, tmp TO other.`x y`", "shop"))
                .containsExactly(new TableRename(new TableId("shop", "b"),
                                new TableId("shop", "tmp")),
                        new TableRename(new TableId("shop", "c"),
                                new TableId("shop", "b")),
                        new TableRename(new TableId("shop", "tmp"),
                                new TableId("other", "x y")));
    }
}
