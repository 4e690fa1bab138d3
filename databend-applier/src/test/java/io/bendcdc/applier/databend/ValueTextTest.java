package io.bendcdc.applier.databend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bendcdc.applier.type.DatabendType;
import io.bendcdc.applier.type.DatabendType.Kind;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class ValueTextTest {

    @Test
    void givenTimeDurations_whenFormatted_thenTheyReadLikeMySqlTimeIncludingNegativeAndLongOnes() {
        assertThat(ValueText.time(Duration.parse("-PT838H59M59S"), 6)).isEqualTo("-838:59:59.000000");
        assertThat(ValueText.time(Duration.parse("PT838H59M59S"), 0)).isEqualTo("838:59:59");
        assertThat(ValueText.time(Duration.ofNanos(-1000), 6)).isEqualTo("-00:00:00.000001");
        assertThat(ValueText.time(Duration.ofMillis(-1500), 3)).isEqualTo("-00:00:01.500");
        assertThat(ValueText.time(Duration.ofSeconds(5), 0)).isEqualTo("00:00:05");
        assertThat(ValueText.time(Duration.ofHours(100).plusMinutes(7), 2)).isEqualTo("100:07:00.00");
    }

    @Test
    void givenTimestamps_whenWritten_thenTheyAreMicrosecondsSinceTheEpochInUtc() {
        DatabendType ts = DatabendType.of(Kind.TIMESTAMP, true);

        assertThat(ValueText.of(ts, LocalDateTime.parse("9999-12-31T23:59:59.999999"))).isEqualTo("253402300799999999");
        assertThat(ValueText.of(ts, LocalDateTime.parse("1000-01-01T00:00:00"))).isEqualTo("-30610224000000000");
        assertThat(ValueText.of(ts, Instant.parse("1970-01-01T00:00:00.000001Z"))).isEqualTo("1");
        assertThat(ValueText.of(ts, LocalDateTime.parse("1969-12-31T23:59:59.999999"))).isEqualTo("-1");
    }

    @Test
    void givenUnsignedValues_whenWritten_thenWrappedLongsAndPreciseDecimalsReadAsTheUnsignedNumber() {
        DatabendType u64 = DatabendType.of(Kind.UINT64, false);

        assertThat(ValueText.of(u64, -1L)).isEqualTo("18446744073709551615");
        assertThat(ValueText.of(u64, new BigDecimal("18446744073709551615"))).isEqualTo("18446744073709551615");
        assertThat(ValueText.of(DatabendType.of(Kind.INT64, false), -1L)).isEqualTo("-1");
    }

    @Test
    void givenDecimals_whenWritten_thenTheyArePlainAndNeverRounded() {
        DatabendType d = DatabendType.decimal(12, 2, true);

        assertThat(ValueText.of(d, new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(ValueText.of(d, new BigDecimal("10.5"))).isEqualTo("10.5");
        assertThat(ValueText.of(d, "10.50")).isEqualTo("10.50");
        assertThat(ValueText.of(d, new BigDecimal("1.2300"))).isEqualTo("1.23");
        assertThatThrownBy(() -> ValueText.of(d, new BigDecimal("1.234"))).hasMessageContaining("fraction digits");
        assertThatThrownBy(() -> ValueText.of(d, new BigDecimal("12345678901"))).hasMessageContaining("does not fit");
    }

    @Test
    void givenOtherKinds_whenWritten_thenTheTextIsWhatDatabendParsesBack() {
        assertThat(ValueText.of(DatabendType.of(Kind.BOOLEAN, true), 1)).isEqualTo("true");
        assertThat(ValueText.of(DatabendType.of(Kind.BOOLEAN, true), false)).isEqualTo("false");
        assertThat(ValueText.of(DatabendType.of(Kind.BINARY, true), new byte[] {0, (byte) 0xAB})).isEqualTo("00AB");
        assertThat(ValueText.of(DatabendType.of(Kind.DATE, true), LocalDate.of(1, 1, 1))).isEqualTo("0001-01-01");
        assertThat(ValueText.of(DatabendType.of(Kind.FLOAT32, true), 1.1f)).isEqualTo("1.1");
        assertThat(ValueText.of(DatabendType.time(6, true), Duration.ofSeconds(1))).isEqualTo("00:00:01.000000");
    }

    @Test
    void givenAValueOfTheWrongJavaType_whenWritten_thenItFailsNamingBoth() {
        assertThatThrownBy(() -> ValueText.of(DatabendType.of(Kind.DATE, true), "2024-01-01"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("String").hasMessageContaining("Date");
    }

    @Test
    void givenEachKind_whenReadFromText_thenTheConversionIsTheExactOne() {
        assertThat(ValueText.toSql(DatabendType.of(Kind.TIMESTAMP, true), "$3")).isEqualTo("TO_TIMESTAMP(CAST($3 AS Int64), 6)");
        assertThat(ValueText.toSql(DatabendType.of(Kind.BINARY, true), "$1")).isEqualTo("FROM_HEX($1)");
        assertThat(ValueText.toSql(DatabendType.of(Kind.VARIANT, true), "$1")).isEqualTo("PARSE_JSON($1)");
        assertThat(ValueText.toSql(DatabendType.of(Kind.STRING, true), "$1")).isEqualTo("$1");
        assertThat(ValueText.toSql(DatabendType.decimal(65, 30, true), "$1")).isEqualTo("CAST($1 AS Decimal(65, 30))");
    }
}
