package io.bendcdc.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Year;

import org.junit.jupiter.api.Test;

class YearConverterTest {

    @Test
    void theBinlogsReadingOfTheZeroYearIsTheZeroYear() {
        assertThat(YearConverter.year(Year.of(1900))).isZero();
        assertThat(YearConverter.year(Year.of(1901))).isEqualTo(1901);
        assertThat(YearConverter.year(Year.of(2155))).isEqualTo(2155);
    }

    @Test
    void snapshotNumbersAreTakenAsTheyAreWithNoTwoDigitYearAdjustment() {
        assertThat(YearConverter.year((short) 0)).isZero();
        assertThat(YearConverter.year((short) 1969)).isEqualTo(1969);
        assertThat(YearConverter.year(2069)).isEqualTo(2069);
        assertThat(YearConverter.year(java.sql.Date.valueOf(LocalDate.of(1999, 1, 1)))).isEqualTo(1999);
        assertThat(YearConverter.year(" 2000")).isEqualTo(2000);
    }

    @Test
    void aValueThatIsNoYearIsRefused() {
        assertThatThrownBy(() -> YearConverter.year(new Object())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("YEAR");
    }
}
