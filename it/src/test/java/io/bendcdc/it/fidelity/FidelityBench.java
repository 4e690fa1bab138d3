package io.bendcdc.it.fidelity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code local/bench fidelity N [firstSeed] [-Dfidelity.…=…]}: runs the fidelity harness on N
 * consecutive seeds (from a random first seed unless given) and prints each failing seed with its
 * differences and the command that replays it. Exits 1 when a seed failed. {@code -Dfidelity.print=true}
 * prints the seeds' statements instead of running them.
 */
public final class FidelityBench {

    private FidelityBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> positional = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("-D") && a.contains("=")) {
                System.setProperty(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else {
                positional.add(a);
            }
        }
        int n = positional.isEmpty() ? 10 : Integer.parseInt(positional.get(0));
        long first = positional.size() > 1 ? Long.parseLong(positional.get(1)) : System.nanoTime() % 1_000_000_000L;
        Scenario.Options options = FidelityOptions.fromSystemProperties();
        System.out.printf("fidelity: seeds %d..%d, ddl=%s, restart=%s, known defects left out: %s%n", first, first + n - 1,
                options.ddl(), options.restart(), options.excluded().stream().map(Enum::name).toList());
        List<FidelityRun.Outcome> failed = new ArrayList<>();
        for (long seed = first; seed < first + n; seed++) {
            Scenario scenario = ScenarioGenerator.generate(seed, options);
            if (Boolean.getBoolean("fidelity.print")) {
                // the statements only, nothing run
                System.out.println("-- seed " + seed + ", session time_zone " + scenario.sessionZone());
                scenario.setup().forEach(s -> System.out.println(s + ";"));
                scenario.workload().forEach(step -> step.statements().forEach(s -> System.out.println(s + ";")));
                continue;
            }
            FidelityRun.Outcome outcome;
            try {
                outcome = new FidelityRun(scenario, Path.of("target", "fidelity"), System.out,
                        FidelityOptions.catchUp(options.restart())).run();
            } catch (Exception e) {
                // the harness itself failed on this seed: say so, and go on with the next
                java.io.StringWriter trace = new java.io.StringWriter();
                e.printStackTrace(new java.io.PrintWriter(trace));
                outcome = new FidelityRun.Outcome(scenario, "?", List.of(), "the harness failed: " + trace,
                        Path.of("target", "fidelity"), java.time.Duration.ZERO);
            }
            System.out.print(outcome.report());
            if (!outcome.passed()) {
                failed.add(outcome);
            }
        }
        if (Boolean.getBoolean("fidelity.print")) {
            return;
        }
        System.out.printf("%nfidelity: %d of %d seeds passed%n", n - failed.size(), n);
        for (FidelityRun.Outcome o : failed) {
            System.out.printf("  failed: seed %d (%d differences%s): %s%n", o.scenario().seed(), o.differences().size(),
                    o.failure() == null ? "" : ", " + o.failure().lines().findFirst().orElse(""),
                    o.scenario().options().replay(o.scenario().seed()));
        }
        System.exit(failed.isEmpty() ? 0 : 1);
    }
}
