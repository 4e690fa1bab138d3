package io.bendcdc.it.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The differential fidelity harness on fixed seeds: random schemas and workloads (DDL and a SIGKILL
 * restart included) through {@code bin/cdc run}, every value compared. Inputs of the listed
 * {@link KnownDefect}s are left out; anything else that differs fails, with the seed to replay.
 */
class FidelityIT {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void databendEqualsTheSourceAfterSnapshotStreamingDdlAndRestart(long seed) throws Exception {
        Scenario.Options options = FidelityOptions.fromSystemProperties();
        Scenario scenario = ScenarioGenerator.generate(seed, options);
        FidelityRun.Outcome outcome = new FidelityRun(scenario, Path.of("target", "fidelity", "seed-" + seed), System.out,
                FidelityOptions.catchUp()).run();
        System.out.print(outcome.report());
        assertThat(outcome.passed()).as(outcome.report()).isTrue();
    }
}
