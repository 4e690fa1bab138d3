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
        assertThat(ValueCanon.canonical(TIME, "-838:59:59")).isEqualTo("-838:59:59.000000");
        assertThat(ValueCanon.canonical(BOOLEAN, "1")).isEqualTo(ValueCanon.canonical(BOOLEAN, "true"));
        assertThat(ValueCanon.canonical(BOOLEAN, "0")).isEqualTo("false");
        assertThat(ValueCanon.canonical(FLOAT, "1.1")).isEqualTo(ValueCanon.canonical(FLOAT, "1.100000023841858"));
        assertThat(ValueCanon.canonical(JSON, "{\"b\": 1, \"a\": [1, 2]}")).isEqualTo("{\"a\":[1,2],\"b\":1}");
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
    }
}
