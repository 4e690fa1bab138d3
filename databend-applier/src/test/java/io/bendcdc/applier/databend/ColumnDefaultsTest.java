package io.bendcdc.applier.databend;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.bendcdc.applier.type.DatabendType;
import io.bendcdc.applier.type.TypeMapping;
import io.bendcdc.config.TinyInt1Type;
import io.bendcdc.contract.ColumnChange.Declared;
import io.bendcdc.contract.ColumnSchema;
import io.bendcdc.contract.TableId;

/** What the rows already there hold in a column that ALTER TABLE … ADD COLUMN gave them. */
class ColumnDefaultsTest {

    private static final TypeMapping TYPES = new TypeMapping(TinyInt1Type.BOOLEAN);

    private static ColumnSchema column(String type, Integer length, Integer scale, boolean optional, String defaultValue,
            List<String> enumValues) {
        return new ColumnSchema("c", 1, type, type, 0, length, scale, optional, false, defaultValue != null, defaultValue,
                null, enumValues);
    }

    private static Object existing(String type, Integer length, Integer scale, boolean optional, String defaultValue) {
        return existing(column(type, length, scale, optional, defaultValue, List.of()));
    }

    private static Object existing(ColumnSchema c) {
        DatabendType t = TYPES.map(new TableId("d", "t"), c, null);
        ColumnDefaults.Existing e = ColumnDefaults.of(c, t);
        return e instanceof ColumnDefaults.Value v ? v.value() : e;
    }

    @Test
    void aDeclaredDefaultOfEachTypeIsTheValueTheRowsGet() {
        assertThat(existing("INT", null, null, true, "1")).isEqualTo(new BigDecimal("1"));
        assertThat(existing("DECIMAL", 10, 2, true, "12.5")).isEqualTo(new BigDecimal("12.5"));
        assertThat(existing("DATETIME", 6, null, true, "2000-01-01 00:00:00.000001"))
                .isEqualTo(LocalDateTime.of(2000, 1, 1, 0, 0, 0, 1_000));
        assertThat(existing("DATE", null, null, false, "2020-02-29")).isEqualTo(LocalDate.of(2020, 2, 29));
        assertThat(existing("TINYINT", 1, null, false, "1")).isEqualTo(true);
        assertThat(existing("BIT", 1, null, true, "b'1'")).isEqualTo(true);
        assertThat(existing("BIT", 8, null, true, "b'101'")).isEqualTo(new BigDecimal(5));
        assertThat(existing("TIME", 3, null, true, "12:34:56.789")).isEqualTo(Duration.parse("PT12H34M56.789S"));
        assertThat(existing("VARCHAR", 20, null, true, "it''s")).isEqualTo("it's");
        assertThat(existing("CHAR", 3, null, true, "ab ")).isEqualTo("ab");
        assertThat((byte[]) existing("BINARY", 4, null, true, "ab")).containsExactly('a', 'b', 0, 0);
        assertThat((byte[]) existing("VARBINARY", 8, null, true, "0x0a7f")).containsExactly(0x0a, 0x7f);
        assertThat(existing("VARBINARY", 8, null, true, "0x0aff")).as("not UTF-8: Databend rejects it as a default")
                .isInstanceOf(ColumnDefaults.Underivable.class);
    }

    @Test
    void aNotNullColumnWithoutDefaultGetsTheTypesImplicitDefault() {
        assertThat(existing("INT", null, null, false, null)).isEqualTo(BigDecimal.ZERO);
        assertThat(existing("VARCHAR", 10, null, false, null)).isEqualTo("");
        assertThat(existing("TIME", 0, null, false, null)).isEqualTo(Duration.ZERO);
        assertThat(existing(column("ENUM", null, null, false, null, List.of("'it''s'", "'y'")))).isEqualTo("it's");
        assertThat((byte[]) existing("BINARY", 2, null, false, null)).containsExactly(0, 0);
    }

    @Test
    void aNullableColumnWithoutDefaultOrWithDefaultNullGetsNull() {
        assertThat(existing("INT", null, null, true, null)).isNull();
        assertThat(existing("VARCHAR", 10, null, true, "NULL")).isNull();
    }

    @Test
    void whatTheDdlDoesNotFixIsNotGuessed() {
        assertThat(existing("DATETIME", 0, null, true, "CURRENT_TIMESTAMP")).isInstanceOf(ColumnDefaults.Underivable.class);
        assertThat(existing("TIMESTAMP", 0, null, true, "2000-01-01 00:00:00")).as("read in an unknown time zone")
                .isInstanceOf(ColumnDefaults.Underivable.class);
        assertThat(existing("DATETIME", 0, null, true, "2000-01-01 00:00:00.5")).as("rounded or cut by the source")
                .isInstanceOf(ColumnDefaults.Underivable.class);
        assertThat(existing("DECIMAL", 10, 1, true, "1.25")).isInstanceOf(ColumnDefaults.Underivable.class);
        assertThat(existing("VARCHAR", 10, null, true, "a\\\\nb")).as("an escape or a backslash: the SQL mode decides")
                .isInstanceOf(ColumnDefaults.Underivable.class);
        assertThat(existing("DATE", null, null, false, null)).as("the zero date")
                .isInstanceOf(ColumnDefaults.Underivable.class);
        assertThat(existing("INT", null, null, true, "(1 + 1)")).isInstanceOf(ColumnDefaults.Underivable.class);
        assertThat(existing("DOUBLE", null, null, true, "-123.456e-9")).as("Databend keeps ten decimal places")
                .isInstanceOf(ColumnDefaults.Underivable.class);
        assertThat(existing("DOUBLE", null, null, true, "1.5e-9")).isEqualTo(new BigDecimal("1.5e-9"));
    }

    @Test
    void givenWhatTheClauseDeclares_whenTheHistoryIsSilent_thenAHexBinaryDefaultIsReadFromTheStatementAndTheRestIsNotGuessed() {
        // the history records BINARY(4) DEFAULT X'0aff' as a nullable column without a default
        ColumnSchema binary = column("BINARY", 4, null, true, null, List.of());
        assertThat(declared(binary, new Declared(false, "X'0a7f'"))).isEqualTo(new byte[] {0x0a, 0x7f, 0, 0});
        assertThat(declared(column("VARBINARY", 8, null, false, null, List.of()), new Declared(false, "0x0A")))
                .isEqualTo(new byte[] {0x0a});
        assertThat(declared(column("VARCHAR", 8, null, true, null, List.of()), new Declared(false, "0x41")))
                .as("hex text in the column's charset").isInstanceOf(ColumnDefaults.Underivable.class);
        assertThat(declared(binary, new Declared(false, "NULL"))).isNull();
        assertThat(declared(column("VARBINARY", 4, null, true, null, List.of()), new Declared(false, "0xFF00")))
                .as("Databend reads a column default through text: not UTF-8 is rejected")
                .isInstanceOf(ColumnDefaults.Underivable.class);
        assertThat(declared(binary, Declared.UNKNOWN)).isNull();
    }

    @Test
    void givenACharDefault_whenAdded_thenOnlyItsTrailingSpacesGoAsTheSourceReadsThem() {
        assertThat(existing("CHAR", 10, null, true, "ab  ")).isEqualTo("ab");
        assertThat(existing("CHAR", 10, null, true, "\r\n")).as("fidelity seed 528").isEqualTo("\r\n");
        assertThat(existing("CHAR", 10, null, true, "a\t ")).isEqualTo("a\t");
        assertThat(existing("VARCHAR", 10, null, true, "ab  ")).isEqualTo("ab  ");
    }

    @Test
    void givenTheTextNullAsDefault_whenTheHistorySpellsItNull_thenTheQuotesInTheStatementMakeItText() {
        // the history records both DEFAULT NULL and DEFAULT 'NULL' as the expression NULL (fidelity seed 335)
        ColumnSchema text = column("ENUM", 1, null, true, "NULL", List.of("a", "NULL"));
        assertThat(declared(text, new Declared(false, "'NULL'"))).isEqualTo("NULL");
        assertThat(declared(column("VARCHAR", 8, null, true, "NULL", List.of()), new Declared(false, "NULL"))).isNull();
        assertThat(declared(column("VARCHAR", 8, null, true, "NULL", List.of()), Declared.UNKNOWN)).isNull();
    }

    @Test
    void givenAGeneratedOrAutoIncrementColumn_whenAdded_thenItsValuesAreUnderivable() {
        assertThat(declared(column("INT", null, null, true, null, List.of()), new Declared(true, null)))
                .isInstanceOf(ColumnDefaults.Underivable.class);
        ColumnSchema auto = new ColumnSchema("c", 1, "INT", "INT", 0, null, null, false, true, false, null, null, null);
        assertThat(declared(auto, Declared.UNKNOWN)).isInstanceOf(ColumnDefaults.Underivable.class);
    }

    @Test
    void givenCurrentTimestamp_whenTheHistoryRecordsTheEpoch_thenTheStatementSaysItIsUnderivable() {
        // Debezium's history records DEFAULT CURRENT_TIMESTAMP as 1970-01-01 00:00:00
        ColumnSchema dt = column("DATETIME", 0, null, true, "1970-01-01 00:00:00", List.of());
        assertThat(declared(dt, new Declared(false, "CURRENT_TIMESTAMP"))).isInstanceOf(ColumnDefaults.Underivable.class);
        assertThat(declared(dt, new Declared(false, "now()"))).isInstanceOf(ColumnDefaults.Underivable.class);
        assertThat(declared(dt, new Declared(false, "'1970-01-01 00:00:00'"))).isEqualTo(LocalDateTime.of(1970, 1, 1, 0, 0));
        assertThat(declared(column("INT", null, null, true, "-5", List.of()), new Declared(false, "-5")))
                .isEqualTo(new BigDecimal("-5"));
    }

    @Test
    void givenABitDefault_whenTheHistorySpellsItsDigits_thenTheyAreReadInBaseTwo() {
        // the history records BIT(63) DEFAULT b'1110110001000000001011111111111' as those digits
        assertThat(existing("BIT", 63, null, true, "1110110001000000001011111111111"))
                .isEqualTo(new BigDecimal(Long.parseLong("1110110001000000001011111111111", 2)));
        assertThat(existing("BIT", 8, null, true, "101")).isEqualTo(new BigDecimal(5));
    }

    private static Object declared(ColumnSchema c, Declared declared) {
        ColumnDefaults.Existing e = ColumnDefaults.of(c, TYPES.map(new TableId("d", "t"), c, null), declared);
        return e instanceof ColumnDefaults.Value v ? v.value() : e;
    }
}
