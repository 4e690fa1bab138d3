package io.bendcdc.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableVerifierTest {

    @Test
    void reportedValuesStayOnOneLineAndNullIsNotTheTextNull() {
        assertThat(TableVerifier.shown(null)).isEqualTo("NULL");
        assertThat(TableVerifier.shown("NULL")).isEqualTo("'NULL'");
        assertThat(TableVerifier.shown("a\nb\tc\\d\u0000")).isEqualTo("'a\\nb\\tc\\\\d\\u0000'");
        assertThat(TableVerifier.shown("x".repeat(70))).isEqualTo("'" + "x".repeat(57) + "...'");
        assertThat(TableVerifier.escaped("k\r\n")).isEqualTo("k\\r\\n");
    }
}
