package io.bendcdc.it.fidelity;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.bendcdc.it.fidelity.FidelityComparator.Difference;
import io.bendcdc.it.fidelity.FidelityComparator.Kind;
import io.bendcdc.it.fidelity.Scenario.Step;
import io.bendcdc.it.support.CdcProcess;
import io.bendcdc.it.support.LocalStack;
import io.bendcdc.it.support.ServiceConfig;

/**
 * Runs one {@link Scenario} through the whole product as a user does: the source made in a fresh
 * MariaDB database, {@code bin/cdc run} started as a process of its own (snapshot), the workload
 * applied while it streams (killed with SIGKILL and started again in the middle when asked), then
 * the copy compared with the source until they agree or the time is up. Once the pipeline is
 * stopped the copy is compared a last time, and {@code bin/cdc verify} is run on the same two
 * databases: a run passes only when the comparator finds no difference and verify agrees with it
 * ({@link VerifyAgreement}).
 */
final class FidelityRun {

    /**
     * What a run found.
     *
     * @param failure what stopped the run before the comparison (a statement MariaDB rejected, the
     *        process exiting, the snapshot never arriving), or null
     * @param agreement verify's verdict against the comparator's, or null when the run stopped before
     *        the last comparison
     */
    record Outcome(Scenario scenario, String database, List<Difference> differences, VerifyAgreement agreement,
            String failure, Path log, Duration took) {
        boolean passed() {
            return failure == null && differences.isEmpty() && agreement != null && agreement.agrees();
        }

        boolean verifyDisagreed() {
            return agreement != null && !agreement.agrees();
        }

        String report() {
            StringBuilder s = new StringBuilder();
            s.append("seed ").append(scenario.seed()).append(passed() ? " passed" : " FAILED").append(" in ")
                    .append(took.toSeconds()).append(" s (database ").append(database).append(", log ").append(log)
                    .append(")\n");
            if (!passed()) {
                s.append("  replay: ").append(scenario.options().replay(scenario.seed())).append('\n');
            }
            if (failure != null) {
                s.append("  ").append(failure.replace("\n", "\n  ")).append('\n');
            } else if (!passed()) {
                firstError(log).ifPresent(e -> s.append("  cdc run logged: ").append(e).append('\n'));
            }
            int shown = 0;
            for (Difference d : differences) {
                if (shown++ == 60) {
                    s.append("  … and ").append(differences.size() - 60).append(" more\n");
                    break;
                }
                s.append("  ").append(d).append('\n');
            }
            if (agreement != null) {
                s.append("  ").append(agreement.report().stripTrailing()).append('\n');
            }
            return s.toString();
        }
    }

    /** The first ERROR line of the process's output (where a stopped applier says why), cut to 400 characters. */
    private static java.util.Optional<String> firstError(Path log) {
        try (java.util.stream.Stream<String> lines = Files.lines(log)) {
            return lines.filter(l -> l.contains(" ERROR ")).findFirst()
                    .map(l -> l.length() > 400 ? l.substring(0, 400) + "…" : l);
        } catch (IOException | java.io.UncheckedIOException e) {
            return java.util.Optional.empty();
        }
    }

    private static final Predicate<Difference> ROW_OR_TABLE_MISSING = d -> d.kind() == Kind.TABLE
            || d.kind() == Kind.MISSING_ROW || d.kind() == Kind.EXTRA_ROW;

    private final Scenario scenario;
    private final Path dir;
    private final PrintStream log;
    private final Duration catchUp;
    private CopyChange beforeChecks = database -> { };
    private String database;
    private String stateDatabase;
    private Path config;

    /** {@code dir}: where each run gets a directory of its own for the statements, configuration and output. */
    FidelityRun(Scenario scenario, Path dir, PrintStream log, Duration catchUp) {
        this.scenario = scenario;
        this.dir = dir;
        this.log = log;
        this.catchUp = catchUp;
    }

    /** A change made to the Databend copy after the pipeline stopped, before the last comparison and verify. */
    @FunctionalInterface
    interface CopyChange {
        void apply(String databendDatabase) throws Exception;
    }

    /**
     * Has {@code change} made to the copy once the pipeline stopped, before the comparator's last look
     * and verify (to plant differences both must find).
     */
    FidelityRun changingTheCopyBeforeTheChecks(CopyChange change) {
        this.beforeChecks = change;
        return this;
    }

    Outcome run() throws Exception {
        long start = System.nanoTime();
        String tag = (scenario.seed() < 0 ? "m" : "") + Math.abs(scenario.seed()) + "_"
                + Long.toString(System.currentTimeMillis() % 100_000_000, 36);
        String db = "fid_" + tag;
        String prefix = "fid-" + tag.replace('_', '-');
        Path runDir = Files.createDirectories(dir.resolve(db));
        Path cdcLog = runDir.resolve("cdc-run.log");
        writeStatements(runDir.resolve("statements.sql"));
        log.printf("seed %d: database %s, %d setup statements, %d workload steps%s, session time zone %s%n",
                scenario.seed(), db, scenario.setup().size(), scenario.workload().size(),
                scenario.restartBefore() >= 0 ? ", SIGKILL and restart before step " + scenario.restartBefore() : "",
                scenario.sessionZone());
        String failure = null;
        List<Difference> differences = List.of();
        Map<String, String> props = new java.util.LinkedHashMap<>(ServiceConfig.properties(prefix, db,
                ServiceConfig.freePort()));
        // The killed process's consumers hold their partitions until their session times out (45 s by
        // default) before the new process's applier gets them; the broker's least is 6 s.
        props.put("kafka.consumer.session.timeout.ms", "6000");
        VerifyAgreement agreement = null;
        database = db;
        stateDatabase = props.get("databend.state.database");
        try (Connection source = LocalStack.mariadb(); Statement st = source.createStatement()) {
            st.execute("CREATE DATABASE " + Sql.id(db) + " CHARACTER SET utf8mb4");
            st.execute("USE " + Sql.id(db));
            st.execute("SET time_zone = '" + scenario.sessionZone().getId().replace("Z", "+00:00") + "'");
            for (String sql : scenario.setup()) {
                execute(st, sql, "setup");
            }
            config = ServiceConfig.write(runDir, props);
            CdcProcess cdc = CdcProcess.start(cdcLog, "run", "--config", config.toString());
            try {
                // the snapshot is in once every table and row is there (values are compared at the end)
                failure = await(cdc, cdcLog, Duration.ofSeconds(120), ROW_OR_TABLE_MISSING.negate(), true, db,
                        "the snapshot");
                if (failure == null) {
                    for (int i = 0; i < scenario.workload().size(); i++) {
                        if (i == scenario.restartBefore()) {
                            cdc.kill9();
                            Files.writeString(cdcLog, "\n==== killed with SIGKILL before step " + i + ", started again ====\n",
                                    java.nio.file.StandardOpenOption.APPEND);
                            cdc = CdcProcess.start(cdcLog, "run", "--config", config.toString());
                        }
                        Step step = scenario.workload().get(i);
                        for (String sql : step.statements()) {
                            execute(st, sql, "step " + i + " (" + step.what() + ")");
                        }
                    }
                    failure = await(cdc, cdcLog, catchUp, d -> false, false, db, "the workload");
                }
            } finally {
                stop(cdc);
            }
            // the pipeline stopped: the comparator and verify see the same copy
            beforeChecks.apply(db);
            differences = FidelityComparator.compare(db, db);
            agreement = VerifyAgreement.check(config, runDir.resolve("verify.log"), db, differences);
        } catch (StatementFailed e) {
            failure = e.getMessage();
        }
        Outcome outcome = new Outcome(scenario, db, differences, agreement, failure, cdcLog,
                Duration.ofNanos(System.nanoTime() - start));
        if (outcome.passed()) {
            // a failed run's databases stay for a look; a passed run's go (Databend keeps tables in memory)
            dropDatabases();
        }
        return outcome;
    }

    /** The configuration file {@code cdc run} and verify were given, or null before the run made it. */
    Path config() {
        return config;
    }

    /** Drops the run's databases in MariaDB and Databend (the copy and the applier's state). */
    void dropDatabases() throws Exception {
        if (database == null) {
            return;
        }
        LocalStack.mariadb("DROP DATABASE IF EXISTS " + Sql.id(database));
        try (Connection c = java.sql.DriverManager.getConnection(LocalStack.databendUrl("default"), "root", "");
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + Sql.dbId(database));
            st.execute("DROP DATABASE IF EXISTS " + Sql.dbId(stateDatabase));
        }
    }

    /**
     * Waits until the only differences left are the tolerated ones, or the limit passes; null when they
     * are, or when the limit passed and {@code mustSettle} is false (the caller then reports the last
     * differences), else why not.
     */
    private static final Duration AGREED_FOR = Duration.ofSeconds(4);

    private String await(CdcProcess cdc, Path cdcLog, Duration limit, Predicate<Difference> tolerated, boolean mustSettle,
            String db, String what) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        long agreedSince = -1;
        while (true) {
            if (!cdc.isAlive()) {
                return "cdc run exited during " + what + firstError(cdcLog).map(e -> " (first error: " + e + ")").orElse("")
                        + "; its output ends with:\n" + tail(cdc.output(), 40);
            }
            List<Difference> diffs = FidelityComparator.compare(db, db);
            if (diffs.stream().allMatch(tolerated)) {
                // Agreeing once is not enough: a copy one step behind can look right for a moment (a
                // table the source created and dropped, that the copy has not made yet). The applier
                // takes its pending schema steps once a second.
                if (agreedSince < 0) {
                    agreedSince = System.nanoTime();
                }
                if (System.nanoTime() - agreedSince >= AGREED_FOR.toNanos()) {
                    return null;
                }
            } else {
                agreedSince = -1;
            }
            if (System.nanoTime() > deadline) {
                return mustSettle ? "Databend did not catch up with " + what + " within " + limit.toSeconds() + " s:\n"
                        + diffs.stream().limit(20).map(Difference::toString).collect(java.util.stream.Collectors.joining("\n"))
                        : null;
            }
            Thread.sleep(1000);
        }
    }

    private void execute(Statement st, String sql, String where) throws StatementFailed {
        try {
            st.execute(sql);
        } catch (SQLException e) {
            throw new StatementFailed("MariaDB rejected a generated statement at " + where + ": " + e.getMessage()
                    + "\n" + FidelityComparator.show(sql));
        }
    }

    private static void stop(CdcProcess cdc) throws InterruptedException {
        if (cdc.isAlive()) {
            try {
                cdc.terminate(60);
            } catch (AssertionError e) {
                cdc.kill9();
            }
        }
    }

    private void writeStatements(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("-- seed " + scenario.seed() + ", session time_zone " + scenario.sessionZone());
        scenario.setup().forEach(s -> lines.add(s + ";"));
        for (int i = 0; i < scenario.workload().size(); i++) {
            if (i == scenario.restartBefore()) {
                lines.add("-- cdc run killed with SIGKILL and started again here");
            }
            lines.add("-- step " + i + ": " + scenario.workload().get(i).what());
            scenario.workload().get(i).statements().forEach(s -> lines.add(s + ";"));
        }
        Files.write(file, lines);
    }

    private static String tail(String text, int lines) {
        String[] all = text.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }

    private static final class StatementFailed extends Exception {
        StatementFailed(String message) {
            super(message);
        }
    }
}
