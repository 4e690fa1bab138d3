package io.bendcdc.service;

import static io.bendcdc.service.ValueCanon.Kind.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValueCanonTest {

    @Test
    void equalValuesWrittenDifferentlyHaveOneCanonicalText() {
        assertThat(ValueCanon.canonical(DECIMAL, "120.50")).isEqualTo(ValueCanon.canonical(DECIMAL, "120.5"));
        assertThat(ValueCanon.canonical(DECIMAL, "0.00")).isEqualTo("0");
        assertThat(ValueCanon.canonical(DATETIME, "2024-01-01T00:00:00.1Z"))
                .isEqualTo(ValueCanon.canonical(DATETIME, "2024-01-01 00:00:00.100000"))
                .isEqualTo("2024-01-01 00:00:00.100000");
        assertThat(ValueCanon.canonical(DATETIME, "2024-01-01 00:00:00")).isEqualTo("2024-01-01 00:00:00.000000");
        assertThat(ValueCanon.canonical(DATETIME, "2024-01-01T12:00:00.1234567+02:00"))
                .isEqualTo("2024-01-01 10:00:00.123456");
        assertThat(ValueCanon.canonical(BOOLEAN, "1")).isEqualTo(ValueCanon.canonical(BOOLEAN, "true"));
        assertThat(ValueCanon.canonical(BOOLEAN, "0")).isEqualTo("false");
        assertThat(ValueCanon.canonical(FLOAT, "1.1")).isEqualTo(ValueCanon.canonical(FLOAT, "1.100000023841858"));
        assertThat(ValueCanon.canonical(JSON, "{\"b\": 1, \"a\": [1, 2]}")).isEqualTo("{\"a\":[1,2],\"b\":1}");
    }

    @Test
    void floatsCompareAtSinglePrecisionFromTheSourcesExactDoubleAndDatabendsShortestText() {
        // FLOAT 123456.703125 read as f + 0e0 from MariaDB; Databend prints the Float32 as 123456.7
        assertThat(ValueCanon.canonical(FLOAT, "123456.703125")).isEqualTo(ValueCanon.canonical(FLOAT, "123456.7"));
        assertThat(ValueCanon.canonical(FLOAT, "3.4028234663852886e38")).isEqualTo(ValueCanon.canonical(FLOAT, "3.4028235e38"));
        assertThat(ValueCanon.canonical(FLOAT, "-1.1754899964148981e-38")).isEqualTo(ValueCanon.canonical(FLOAT, "-1.17549e-38"));
        // the six digits of the text protocol are another value
        assertThat(ValueCanon.canonical(FLOAT, "123457")).isNotEqualTo(ValueCanon.canonical(FLOAT, "123456.7"));
        assertThat(ValueCanon.canonical(FLOAT, "123456.703125")).isNotEqualTo(ValueCanon.canonical(FLOAT, "123456.71"));
    }

    @Test
    void bitYearAndBooleansCompareByValue() {
        // BIT(1) read as CAST(b AS UNSIGNED) against Databend's Boolean
        assertThat(ValueCanon.canonical(BIT_BOOLEAN, "1")).isEqualTo(ValueCanon.canonical(BIT_BOOLEAN, "true"));
        assertThat(ValueCanon.canonical(BIT_BOOLEAN, "0")).isEqualTo(ValueCanon.canonical(BIT_BOOLEAN, "false"));
        assertThat(ValueCanon.canonical(BIT_BOOLEAN, "1")).isNotEqualTo(ValueCanon.canonical(BIT_BOOLEAN, "false"));
        // BIT(64) read as an unsigned number against UInt64
        assertThat(ValueCanon.canonical(BIT, "18446744073709551615")).isEqualTo("18446744073709551615");
        assertThat(ValueCanon.canonical(BIT, "5")).isNotEqualTo(ValueCanon.canonical(BIT, "4"));
        // YEAR 0000 is 0, never 2000
        assertThat(ValueCanon.canonical(YEAR, "0")).isEqualTo("0").isNotEqualTo(ValueCanon.canonical(YEAR, "2000"));
        assertThat(ValueCanon.canonical(YEAR, "2155")).isEqualTo("2155");
    }

    @Test
    void temporalValuesCompareAtMicroseconds() {
        // DATE_FORMAT(c, '%Y-%m-%d %H:%i:%s.%f') on the source; Databend's Timestamp text
        assertThat(ValueCanon.canonical(DATETIME, "2024-01-01 00:00:00.001000"))
                .isEqualTo(ValueCanon.canonical(DATETIME, "2024-01-01 00:00:00.001000"))
                .isNotEqualTo(ValueCanon.canonical(DATETIME, "2024-01-01 00:00:00.100000"));
        assertThat(ValueCanon.canonical(DATETIME, "1000-01-01 00:00:00.000000")).isEqualTo("1000-01-01 00:00:00.000000");
        assertThat(ValueCanon.canonical(DATETIME, "1582-10-04 00:00:00.000000"))
                .isNotEqualTo(ValueCanon.canonical(DATETIME, "1582-10-14 00:00:00.000000"));
        // TIME is the text the applier writes: compared as it is
        assertThat(ValueCanon.canonical(TIME, "-838:59:59.000000")).isEqualTo("-838:59:59.000000");
        assertThat(ValueCanon.canonical(TIME, "-12:34:56.78")).isNotEqualTo(ValueCanon.canonical(TIME, "-12:34:56.780000"));
    }

    @Test
    void databendTextIsReadThroughAMarkerSoThatTheTextNullIsNotSqlNull() {
        assertThat(ValueCanon.unmarked("#NULL")).isEqualTo("NULL");
        assertThat(ValueCanon.unmarked("#")).isEqualTo("");
        assertThat(ValueCanon.unmarked(null)).isNull();
        assertThat(ValueCanon.targetRead(TEXT)).isEqualTo(io.bendcdc.applier.databend.TableReads.ColumnRead.MARKED_TEXT);
        assertThat(ValueCanon.targetRead(TIME)).isEqualTo(io.bendcdc.applier.databend.TableReads.ColumnRead.VALUE);
        assertThat(ValueCanon.canonical(TEXT, "NULL")).isNotNull().isEqualTo("NULL");
    }

    @Test
    void differentValuesStayDifferent() {
        assertThat(ValueCanon.canonical(DECIMAL, "1.01")).isNotEqualTo(ValueCanon.canonical(DECIMAL, "1.1"));
        assertThat(ValueCanon.canonical(DATETIME, "2024-01-01 00:00:00.000001"))
                .isNotEqualTo(ValueCanon.canonical(DATETIME, "2024-01-01 00:00:00"));
        assertThat(ValueCanon.canonical(TEXT, "a ")).isNotEqualTo("a");
    }

    @Test
    void kindFollowsTheSourceTypeAndHowDatabendHoldsIt() {
        assertThat(ValueCanon.kindOf("tinyint", "tinyint(1)", "Boolean NULL")).isEqualTo(BOOLEAN);
        assertThat(ValueCanon.kindOf("tinyint", "tinyint(1)", "Int8")).isEqualTo(INTEGER);
        assertThat(ValueCanon.kindOf("varbinary", "varbinary(10)", "Binary")).isEqualTo(BINARY);
        assertThat(ValueCanon.kindOf("longtext", "longtext", "Variant NULL")).isEqualTo(JSON);
        assertThat(ValueCanon.kindOf("longtext", "longtext", "String NULL")).isEqualTo(TEXT);
        assertThat(ValueCanon.kindOf("bit", "bit(1)", "Boolean NULL")).isEqualTo(BIT_BOOLEAN);
        assertThat(ValueCanon.kindOf("bit", "bit(64)", "UInt64 NULL")).isEqualTo(BIT);
        assertThat(ValueCanon.kindOf("year", "year(4)", "UInt16 NULL")).isEqualTo(YEAR);
        assertThat(ValueCanon.kindOf("float", "float", "Float32 NULL")).isEqualTo(FLOAT);
        assertThat(ValueCanon.kindOf("geometry", "geometry", "Binary NULL")).isEqualTo(GEOMETRY);
        assertThat(ValueCanon.kindOf("point", "point", "Binary NULL")).isEqualTo(GEOMETRY);
    }
}
