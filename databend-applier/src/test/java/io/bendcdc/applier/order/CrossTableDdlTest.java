package io.bendcdc.applier.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.bendcdc.contract.BinlogPosition;
import io.bendcdc.contract.SchemaChange.RenameTable;
import io.bendcdc.contract.TableId;
import io.bendcdc.contract.TableSchema;

class CrossTableDdlTest {

    private static final BinlogPosition AT = BinlogPosition.of("bin.000001", 100, 0);
    private static final TableId A = new TableId("db", "a");
    private static final TableId B = new TableId("db", "b");
    private static final TableId C = new TableId("db", "c");
    private static final TableId TMP = new TableId("db", "tmp");

    private static RenameTable rename(TableId from, TableId to, String ddl) {
        return new RenameTable(from, to, new TableSchema(to, List.of(), List.of()), AT, ddl);
    }

    @Test
    void aPlainRenameTouchesBothNamesAndCanBeAppliedAgainHarmlessly() {
        CrossTableDdl ddl = new CrossTableDdl(AT, List.of(rename(A, B, "RENAME TABLE a TO b")));

        assertThat(ddl.tables()).containsExactly(A, B);
        assertThat(ddl.reusesNames()).isFalse();
    }

    @Test
    void aSwapOrAChainReusesNames() {
        String swap = "RENAME TABLE a TO tmp, b TO a, tmp TO b";
        CrossTableDdl swapped = new CrossTableDdl(AT, List.of(rename(A, TMP, swap), rename(B, A, swap),
                rename(TMP, B, swap)));
        String chain = "RENAME TABLE a TO b, b TO c";
        CrossTableDdl chained = new CrossTableDdl(AT, List.of(rename(A, B, chain), rename(B, C, chain)));

        assertThat(swapped.tables()).containsExactly(A, TMP, B);
        assertThat(swapped.reusesNames()).isTrue();
        assertThat(chained.tables()).containsExactly(A, B, C);
        assertThat(chained.reusesNames()).isTrue();
    }

    @Test
    void twoIndependentRenamesInOneStatementDoNotReuseNames() {
        String ddl = "RENAME TABLE a TO b, c TO tmp";
        assertThat(new CrossTableDdl(AT, List.of(rename(A, B, ddl), rename(C, TMP, ddl))).reusesNames()).isFalse();
    }
}
