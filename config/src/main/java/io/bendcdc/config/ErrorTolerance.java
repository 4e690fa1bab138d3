package io.bendcdc.config;

/** What the applier does with an event it cannot decode or Databend rejects. */
public enum ErrorTolerance {
    /** Stop with a clear error. */
    NONE,
    /** Send the event, with the error attached, to the dead-letter topic and go on. */
    DEAD_LETTER
}
