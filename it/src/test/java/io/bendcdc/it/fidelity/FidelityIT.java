package io.bendcdc.it.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The differential fidelity harness on fixed seeds: random schemas and workloads through
 * {@code bin/cdc run} (snapshot, then streaming with DDL; one seed with a SIGKILL and restart in the
 * middle), every value compared. Inputs of the listed {@link KnownDefect}s are left out (unless
 * {@code -Dfidelity.includeKnownDefects} says otherwise); anything else that differs fails, with the
 * seed and the command that replays it. {@code bin/cdc verify} is run on each copy too, and a run also
 * fails when verify's verdict does not agree with the comparator's ({@link VerifyAgreement}).
 */
class FidelityIT {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void databendEqualsTheSourceAfterSnapshotAndStreamingWithDdl(long seed) throws Exception {
        run(seed, false);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3})
    void databendEqualsTheSourceAfterASigkillAndRestartInTheMiddle(long seed) throws Exception {
        run(seed, true);
    }

    private static void run(long seed, boolean restart) throws Exception {
        Scenario.Options defaults = FidelityOptions.fromSystemProperties();
        Scenario.Options options = new Scenario.Options(defaults.ddl(), restart, defaults.excluded());
        Scenario scenario = ScenarioGenerator.generate(seed, options);
        FidelityRun.Outcome outcome = new FidelityRun(scenario, Path.of("target", "fidelity"), System.out,
                FidelityOptions.catchUp(restart)).run();
        System.out.print(outcome.report());
        assertThat(outcome.passed()).as(outcome.report()).isTrue();
    }
}
