package io.bendcdc.history;

import io.bendcdc.contract.TableId;
import io.bendcdc.contract.TableSchema;
import io.bendcdc.contract.ColumnSchema;
import io.bendcdc.contract.ColumnChange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.bendcdc.contract.ColumnChange.AddColumn;
import io.bendcdc.contract.ColumnChange.DropColumn;
import io.bendcdc.contract.ColumnChange.ModifyColumn;
import io.bendcdc.contract.ColumnChange.RenameColumn;
import io.bendcdc.history.RenameParser.ColumnRename;

class ColumnDiffTest {

    private static final TableId T = new TableId("shop", "t");

    @Test
    void givenSwappedColumnNames_whenDiffed_thenTwoRenamesAndNoModification() {
        TableSchema before = table(col("a", "INT", 1), col("b", "VARCHAR", 2));
        TableSchema after = table(col("b", "INT", 1), col("a", "VARCHAR", 2));

        List<ColumnChange> changes = ColumnDiff.between(before, after,
                List.of(new ColumnRename("t", "a", "b"), new ColumnRename("t", "b", "a")));

        assertThat(changes).containsExactly(new RenameColumn("a", "b"), new RenameColumn("b", "a"));
    }

    @Test
    void givenRenameAndAnAddOfTheOldName_whenDiffed_thenRenameThenAdd() {
        TableSchema before = table(col("a", "INT", 1));
        TableSchema after = table(col("b", "INT", 1), col("a", "TEXT", 2));

        List<ColumnChange> changes = ColumnDiff.between(before, after, List.of(new ColumnRename("t", "a", "b")));

        assertThat(changes).containsExactly(new RenameColumn("a", "b"), new AddColumn(col("a", "TEXT", 2)));
    }

    @Test
    void givenNoRenameInTheStatement_whenAColumnDisappearsAndAnotherAppears_thenDropAndAdd() {
        TableSchema before = table(col("id", "INT", 1), col("a", "INT", 2));
        TableSchema after = table(col("id", "INT", 1), col("z", "INT", 2));

        assertThat(ColumnDiff.between(before, after, List.of()))
                .containsExactly(new DropColumn(col("a", "INT", 2)), new AddColumn(col("z", "INT", 2)));
    }

    @Test
    void givenRenameWithOtherCase_whenDiffed_thenMatchedIgnoringCase() {
        TableSchema before = table(col("Price", "INT", 1));
        TableSchema after = table(col("cost", "BIGINT", 1));

        assertThat(ColumnDiff.between(before, after, List.of(new ColumnRename("t", "PRICE", "COST"))))
                .containsExactly(new RenameColumn("Price", "cost"),
                        new ModifyColumn(col("Price", "INT", 1), col("cost", "BIGINT", 1)));
    }

    @Test
    void givenOnlyAMove_whenDiffed_thenNothing() {
        TableSchema before = table(col("a", "INT", 1), col("b", "INT", 2));
        TableSchema after = table(col("b", "INT", 1), col("a", "INT", 2));

        assertThat(ColumnDiff.between(before, after, List.of())).isEmpty();
    }

    @Test
    void givenUnknownBefore_whenDiffed_thenOnlyTheStatementsRenames() {
        TableSchema after = table(col("a2", "INT", 1), col("x", "INT", 2));

        assertThat(ColumnDiff.between(null, after, List.of(new ColumnRename("t", "a", "a2"))))
                .containsExactly(new RenameColumn("a", "a2"));
    }

    @Test
    void givenReplayedRename_whenTheOldNameIsAlreadyGone_thenNothing() {
        TableSchema schema = table(col("a2", "INT", 1));

        assertThat(ColumnDiff.between(schema, schema, List.of(new ColumnRename("t", "a", "a2")))).isEmpty();
    }

    private static TableSchema table(ColumnSchema... columns) {
        return new TableSchema(T, List.of(columns), List.of());
    }

    private static ColumnSchema col(String name, String type, int position) {
        return new ColumnSchema(name, position, type, type, 4, null, null, true, false, false, null, null, List.of());
    }
}
