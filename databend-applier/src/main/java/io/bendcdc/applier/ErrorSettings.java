package io.bendcdc.applier;

import io.bendcdc.config.CdcConfig;
import io.bendcdc.config.CdcOptions;
import io.bendcdc.config.ErrorTolerance;

/** What happens to an event that cannot be decoded or that Databend rejects. */
public record ErrorSettings(ErrorTolerance tolerance, String deadLetterTopic) {

    public static ErrorSettings from(CdcConfig c) {
        return new ErrorSettings(c.get(CdcOptions.APPLY_ERRORS_TOLERANCE), c.get(CdcOptions.APPLY_DEAD_LETTER_TOPIC));
    }

    public boolean deadLetters() {
        return tolerance == ErrorTolerance.DEAD_LETTER;
    }
}
