package io.bendcdc.applier.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZonedTimestampTextTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "2024-05-06T07:08:09Z", "2024-05-06T07:08:09.1Z", "2024-05-06T07:08:09.123456Z",
            "2024-05-06T07:08:09.123456789Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999Z",
            "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z", "2024-02-29T12:00:00Z", "2038-01-19T03:14:07Z",
            "2024-01-02T05:04:05+02:00", "2024-01-02T05:04:05.5-07:30", "2024-01-01T00:00:00.Z", "+10000-01-01T00:00:00Z"})
    void givenAValidZonedTimestamp_whenParsed_thenItIsTheInstantTheIsoFormatterGives(String text) {
        Instant expected = DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);

        assertThat(ZonedTimestampText.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "2024-04-31T00:00:00Z", "2024-01-01T24:00:00Z",
            "2024-01-01T00:60:00Z", "2024-01-01T00:00:60Z", "2024-01-01T00:00:00.1234567890Z",
            "2024-01-01 00:00:00Z", "2024-01-01T00:00:0xZ", "2024-01-01T00:00:00", "not a timestamp"})
    void givenAnInvalidZonedTimestamp_whenParsed_thenItIsRefusedAsTheIsoFormatterRefusesIt(String text) {
        assertThatThrownBy(() -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from))
                .isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> ZonedTimestampText.parse(text)).isInstanceOf(DateTimeParseException.class);
    }
}
