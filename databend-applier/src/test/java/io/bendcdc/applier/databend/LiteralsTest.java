package io.bendcdc.applier.databend;

import static org.assertj.core.api.Assertions.assertThat;

import io.bendcdc.applier.type.DatabendType;
import io.bendcdc.applier.type.DatabendType.Kind;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class LiteralsTest {

    @Test
    void givenStringsWithSpecialCharacters_whenRendered_thenQuotesAreDoubledAndBackslashesEscaped() {
        assertThat(Literals.string("it's")).isEqualTo("'it''s'");
        assertThat(Literals.string("a\\b")).isEqualTo("'a\\\\b'");
        assertThat(Literals.string("l1\nl2\r\tx\0")).isEqualTo("'l1\\nl2\\r\\tx\0'");
        assertThat(Literals.string("\u000024")).as("a NUL before digits, raw").isEqualTo("'\u000024'");
        assertThat(Literals.string("😀 \"dq\"")).isEqualTo("'😀 \"dq\"'");
        assertThat(Literals.string("")).isEqualTo("''");
    }

    @Test
    void givenNumbers_whenRendered_thenIntegersAreBareAndDecimalsAndFloatsAreCastFromText() {
        assertThat(Literals.of(DatabendType.of(Kind.INT64, true), Long.MIN_VALUE)).isEqualTo("-9223372036854775808");
        assertThat(Literals.of(DatabendType.decimal(65, 30, true), new BigDecimal("0.000000000000000000000000000001")))
                .isEqualTo("CAST('0.000000000000000000000000000001' AS Decimal(65, 30))");
        assertThat(Literals.of(DatabendType.of(Kind.FLOAT32, true), 1.1f)).isEqualTo("CAST('1.1' AS Float32)");
        assertThat(Literals.of(DatabendType.of(Kind.INT32, true), null)).isEqualTo("NULL");
    }
}
