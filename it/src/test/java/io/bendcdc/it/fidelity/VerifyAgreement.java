package io.bendcdc.it.fidelity;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.bendcdc.it.fidelity.FidelityComparator.Difference;
import io.bendcdc.it.support.CdcProcess;

/**
 * Whether {@code bin/cdc verify}'s verdict on a run's copy agrees with the {@link FidelityComparator}'s.
 * They agree when both find nothing (verify exits 0 and prints {@code verify: OK}), or when the
 * comparator found differences and verify exits 1 having reported as different (at least) every
 * table the comparator flagged. verify may flag more tables than the comparator when the comparator
 * found something: the tables it flags alone are shown in the report, not held against it.
 *
 * <p>verify is run as a user runs it: {@code cdc verify --config <the run's file>} as a process of its
 * own (the service's main class, as {@code bin/cdc} starts it), judged by its exit code and the
 * verdict line it prints per table. A process costs a JVM start (a second or two) per run, small
 * beside a run's minute or more.
 *
 * @param comparatorTables the tables the comparator found a difference in (of any kind)
 * @param verifyTables the tables verify reported as {@code DIFFERENT}
 * @param verifyOk the tables verify reported as {@code OK}
 */
record VerifyAgreement(Set<String> comparatorTables, Set<String> verifyTables, Set<String> verifyOk, int exitCode,
        String output, Path log, Duration took) {

    /** The verdict line verify prints for a clean run, when it compared {@code n} tables. */
    private static final String ALL_OK = "verify: OK (";

    /**
     * Runs {@code cdc verify --config <config> [options]} on the run's database once the pipeline
     * stopped, its output going to {@code log}, and judges it against the comparator's {@code differences}.
     */
    static VerifyAgreement check(Path config, Path log, String database, List<Difference> differences,
            String... options) throws IOException, InterruptedException {
        long start = System.nanoTime();
        // Differing keys are read again after a pause, for changes still on their way; the pipeline
        // has stopped, so a short pause is enough.
        List<String> args = new ArrayList<>(List.of("verify", "--config", config.toString(), "--recheck-after-ms", "100"));
        args.addAll(List.of(options));
        CdcProcess.Result r;
        try (CdcProcess verify = CdcProcess.start(log, args.toArray(String[]::new))) {
            int code = verify.waitForExit(300);
            r = new CdcProcess.Result(code, verify.output());
        }
        return judge(database, differences, r.exitCode(), r.output(), log, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Judges verify's exit code and output on {@code database} against the comparator's differences. */
    static VerifyAgreement judge(String database, List<Difference> differences, int exitCode, String output, Path log,
            Duration took) {
        Set<String> flagged = new TreeSet<>();
        differences.forEach(d -> flagged.add(d.table()));
        Set<String> different = new TreeSet<>();
        Set<String> ok = new TreeSet<>();
        String prefix = database + ".";
        for (String line : output.split("\n")) {
            // "db.table  OK rows=…", "db.table  DIFFERENT …"; detail lines are indented, log lines start otherwise
            if (!line.startsWith(prefix)) {
                continue;
            }
            String rest = line.substring(prefix.length());
            int gap = rest.indexOf("  ");
            if (gap <= 0) {
                continue;
            }
            String table = rest.substring(0, gap);
            String verdict = rest.substring(gap + 2);
            if (verdict.startsWith("DIFFERENT")) {
                different.add(table);
            } else if (verdict.equals("OK") || verdict.startsWith("OK ")) {
                ok.add(table);
            }
        }
        return new VerifyAgreement(flagged, different, ok, exitCode, output, log, took);
    }

    boolean agrees() {
        if (comparatorTables.isEmpty()) {
            return exitCode == 0 && verifyTables.isEmpty() && output.contains(ALL_OK);
        }
        return exitCode == 1 && verifyTables.containsAll(comparatorTables);
    }

    /** The tables the comparator flagged that verify did not report as different. */
    Set<String> missedByVerify() {
        Set<String> missed = new TreeSet<>(comparatorTables);
        missed.removeAll(verifyTables);
        return missed;
    }

    /** The tables verify reported as different that the comparator did not flag. */
    Set<String> flaggedByVerifyOnly() {
        Set<String> only = new TreeSet<>(verifyTables);
        only.removeAll(comparatorTables);
        return only;
    }

    /** One line when they agree; when not, which tables each side flagged and verify's verdict lines. */
    String report() {
        String secs = String.format("%.1f s", took.toMillis() / 1000.0);
        if (agrees()) {
            return "verify agrees (" + (comparatorTables.isEmpty() ? "both clean"
                    : "both flag " + comparatorTables + (flaggedByVerifyOnly().isEmpty() ? ""
                            : "; verify also flags " + flaggedByVerifyOnly()))
                    + ", exit " + exitCode + ", " + secs + ")";
        }
        List<String> why = new ArrayList<>();
        if (comparatorTables.isEmpty()) {
            why.add("the comparator found no difference, verify exited " + exitCode
                    + (verifyTables.isEmpty() ? "" : " flagging " + verifyTables));
        } else {
            why.add("the comparator flagged " + comparatorTables + ", verify exited " + exitCode + " flagging "
                    + verifyTables);
            if (!missedByVerify().isEmpty()) {
                why.add("flagged by the comparator only: " + missedByVerify()
                        + (verifyOk.isEmpty() ? "" : " (verify found OK: " + intersect(missedByVerify(), verifyOk) + ")"));
            }
        }
        StringBuilder s = new StringBuilder("verify DISAGREES with the comparator (" + secs + ", output " + log + "): ")
                .append(String.join("; ", why)).append('\n');
        int shown = 0;
        for (String line : output.split("\n")) {
            // its log lines (to standard error, in the same file) start with the time
            if (!line.isBlank() && !Character.isDigit(line.charAt(0))) {
                if (shown++ == 40) {
                    s.append("    …\n");
                    break;
                }
                s.append("    verify: ").append(line).append('\n');
            }
        }
        return s.toString();
    }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        Set<String> both = new TreeSet<>(a);
        both.retainAll(b);
        return both;
    }
}
