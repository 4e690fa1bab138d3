package io.bendcdc.it.fidelity;

import java.time.Duration;

/** The harness's switches, read from system properties (the same for the IT and {@code local/bench fidelity}). */
final class FidelityOptions {

    private FidelityOptions() {
    }

    /**
     * {@code fidelity.ddl} (true): schema changes in the workload; {@code fidelity.restart} (true): SIGKILL
     * and restart in the middle; {@code fidelity.includeKnownDefects} (false): see {@link KnownDefect#excludedBy}.
     */
    static Scenario.Options fromSystemProperties() {
        return new Scenario.Options(Boolean.parseBoolean(System.getProperty("fidelity.ddl", "true")),
                Boolean.parseBoolean(System.getProperty("fidelity.restart", "true")),
                KnownDefect.excludedBy(System.getProperty("fidelity.includeKnownDefects")));
    }

    /**
     * {@code fidelity.catchUpSeconds}: how long Databend may take to agree after the workload; 60 s by
     * default, 120 s with a restart (the killed process's Kafka consumers hold their partitions until
     * their session times out, 6 s in a run, before the new process's applier gets them; and the
     * machine may be busy).
     */
    static Duration catchUp(boolean restart) {
        return Duration.ofSeconds(Long.getLong("fidelity.catchUpSeconds", restart ? 120 : 60));
    }
}
