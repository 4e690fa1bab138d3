package io.bendcdc.it.fidelity;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code local/bench fidelity N [firstSeed] [-Dfidelity.…=…]}: runs the fidelity harness on N
 * consecutive seeds (from a random first seed unless given) and prints each failing seed with its
 * differences (or verify's disagreement with the comparator) and the command that replays it. Exits 1 when a seed failed. {@code -Dfidelity.print=true}
 * prints the seeds' statements instead of running them; {@code -Dfidelity.parallel=K} runs K seeds at once;
 * {@code -Dfidelity.seeds=a,b,c} runs just those seeds.
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
        List<Long> seeds = new ArrayList<>();
        String listed = System.getProperty("fidelity.seeds", "");
        if (listed.isBlank()) {
            for (long seed = first; seed < first + n; seed++) {
                seeds.add(seed);
            }
        } else {
            for (String seed : listed.split(",")) {
                seeds.add(Long.parseLong(seed.trim()));
            }
            n = seeds.size();
        }
        Scenario.Options options = FidelityOptions.fromSystemProperties();
        System.out.printf("fidelity: seeds %s, ddl=%s, restart=%s, known defects left out: %s%n",
                listed.isBlank() ? first + ".." + (first + n - 1) : listed, options.ddl(), options.restart(),
                options.excluded().stream().map(Enum::name).toList());
        if (Boolean.getBoolean("fidelity.print")) {
            for (long seed : seeds) {
                // the statements only, nothing run
                Scenario scenario = ScenarioGenerator.generate(seed, options);
                System.out.println("-- seed " + seed + ", session time_zone " + scenario.sessionZone());
                scenario.setup().forEach(s -> System.out.println(s + ";"));
                scenario.workload().forEach(step -> step.statements().forEach(s -> System.out.println(s + ";")));
            }
            return;
        }
        // Seeds run side by side, each in databases, topics and a process of its own: a run mostly waits
        // for the pipeline to catch up.
        int parallel = Integer.getInteger("fidelity.parallel", 1);
        ExecutorService runs = Executors.newFixedThreadPool(parallel);
        List<Future<FidelityRun.Outcome>> outcomes = new ArrayList<>();
        for (long seed : seeds) {
            Scenario scenario = ScenarioGenerator.generate(seed, options);
            outcomes.add(runs.submit(() -> run(scenario, options)));
        }
        runs.shutdown();
        List<FidelityRun.Outcome> failed = new ArrayList<>();
        for (Future<FidelityRun.Outcome> f : outcomes) {
            FidelityRun.Outcome outcome = f.get();
            if (!outcome.passed()) {
                failed.add(outcome);
            }
        }
        System.out.printf("%nfidelity: %d of %d seeds passed%n", n - failed.size(), n);
        for (FidelityRun.Outcome o : failed) {
            System.out.printf("  failed: seed %d (%d differences%s%s): %s%n", o.scenario().seed(), o.differences().size(),
                    o.verifyDisagreed() ? ", verify disagreed" : "", o.failure() == null ? "" : ", " + o.failure().lines().findFirst().orElse(""),
                    o.scenario().options().replay(o.scenario().seed()));
        }
        System.exit(failed.isEmpty() ? 0 : 1);
    }

    private static FidelityRun.Outcome run(Scenario scenario, Scenario.Options options) {
        FidelityRun.Outcome outcome;
        try {
            outcome = new FidelityRun(scenario, Path.of("target", "fidelity"), System.out,
                    FidelityOptions.catchUp(options.restart())).run();
        } catch (Exception e) {
            // the harness itself failed on this seed: say so, and go on with the next
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            outcome = new FidelityRun.Outcome(scenario, "?", List.of(), null, "the harness failed: " + trace,
                    Path.of("target", "fidelity"), Duration.ZERO);
        }
        System.out.print(outcome.report()); // one print per report, so that reports of parallel runs do not mix
        return outcome;
    }
}
