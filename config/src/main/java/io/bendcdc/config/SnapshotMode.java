package io.bendcdc.config;

import java.util.Locale;

/** Debezium's {@code snapshot.mode} values this project supports. */
public enum SnapshotMode {
    INITIAL, WHEN_NEEDED, NO_DATA, RECOVERY, NEVER, INITIAL_ONLY;

    /** The spelling Debezium expects, e.g. {@code when_needed}. */
    public String debeziumName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
