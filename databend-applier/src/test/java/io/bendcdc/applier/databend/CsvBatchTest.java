package io.bendcdc.applier.databend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bendcdc.applier.type.DatabendType;
import io.bendcdc.applier.type.DatabendType.Kind;
import io.bendcdc.contract.TableId;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvBatchTest {

    private static final List<String> COLS = List.of("id", "s", "bin", "ts", "d", "j", "ok");
    private static final List<DatabendType> TYPES = List.of(DatabendType.of(Kind.INT32, false), DatabendType.of(Kind.STRING, true),
            DatabendType.of(Kind.BINARY, true), DatabendType.of(Kind.TIMESTAMP, true), DatabendType.decimal(65, 30, true),
            DatabendType.of(Kind.VARIANT, true), DatabendType.of(Kind.BOOLEAN, true));

    @Test
    void givenRowsWithNullsEmptiesAndSpecialCharacters_whenEncoded_thenNullIsBareBackslashNAndTextIsAlwaysQuoted() {
        CsvBatch batch = CsvBatch.of(COLS, List.of("id"), TYPES, List.of(
                new Object[] {1, "say \"hi\", \\N\nnext", new byte[0], LocalDateTime.parse("9999-12-31T23:59:59.999999"),
                        new BigDecimal("-0.5"), "{\"a\":\"\\\"\"}", true},
                new Object[] {2, "", null, null, null, null, null},
                new Object[] {3, "\\N", new byte[] {(byte) 0xCA, (byte) 0xFE}, null, null, "null", false}));

        assertThat(new String(batch.bytes, StandardCharsets.UTF_8)).isEqualTo(
                "1,\"say \"\"hi\"\", \\N\nnext\",\"\",253402300799999999,-0.5,\"{\"\"a\"\":\"\"\\\"\"\"\"}\",true\n"
                        + "2,\"\",\\N,\\N,\\N,\\N,\\N\n"
                        + "3,\"\\N\",\"CAFE\",\\N,\\N,\"null\",false\n");
        assertThat(batch.rows).isEqualTo(3);
    }

    @Test
    void givenARepeatedKey_whenEncoded_thenItIsRefusedBecauseReplaceWouldFail() {
        assertThatThrownBy(() -> CsvBatch.of(List.of("a", "b"), List.of("a", "b"),
                List.of(DatabendType.of(Kind.INT32, false), DatabendType.of(Kind.BINARY, false)),
                List.of(new Object[] {1, new byte[] {1}}, new Object[] {1, new byte[] {2}}, new Object[] {1, new byte[] {1}})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repeated");
    }

    @Test
    void givenAValueThatDoesNotFit_whenEncoded_thenTheErrorNamesTheColumn() {
        assertThatThrownBy(() -> CsvBatch.of(List.of("id", "price"), List.of("id"),
                List.of(DatabendType.of(Kind.INT32, false), DatabendType.decimal(5, 2, true)),
                List.<Object[]>of(new Object[] {1, new BigDecimal("1.234")})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("price");
    }

    @Test
    void givenTheStagedFile_whenReplacedFrom_thenEachColumnIsCastFromItsText() {
        assertThat(StagedUpsert.replaceFromStage(new TableId("db", "t"), COLS, List.of("id"), TYPES, "@~/bendcdc/x/batch.csv"))
                .isEqualTo("REPLACE INTO \"db\".\"t\" (\"id\", \"s\", \"bin\", \"ts\", \"d\", \"j\", \"ok\") ON (\"id\") SELECT "
                        + "CAST($1 AS Int32), $2, FROM_HEX($3), TO_TIMESTAMP(CAST($4 AS Int64), 6), CAST($5 AS Decimal(65, 30)), "
                        + "PARSE_JSON($6), CAST($7 AS Boolean) FROM @~/bendcdc/x/batch.csv (FILE_FORMAT => 'bendcdc_csv_v1')");
    }

    @Test
    void givenTheFileFormat_whenDeclared_thenEveryReadingRuleIsSpelledOut() {
        assertThat(CsvBatch.FILE_FORMAT_SQL).contains("NULL_DISPLAY = '\\\\N'", "QUOTED_EMPTY_FIELD_AS = STRING",
                "EMPTY_FIELD_AS = NULL", "ESCAPE = ''");
    }
}
