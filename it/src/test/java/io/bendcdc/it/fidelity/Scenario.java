package io.bendcdc.it.fidelity;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * One generated run, a pure function of the seed and the options: the statements that make the
 * source before the pipeline starts, then the workload applied while it streams.
 *
 * @param sessionZone the time zone of the session that writes (TIMESTAMP literals are local to it)
 * @param restartBefore index of the workload step before which {@code cdc run} is killed with
 *        SIGKILL and started again, or -1
 */
record Scenario(long seed, Options options, ZoneOffset sessionZone, List<String> setup, List<Step> workload,
        int restartBefore) {

    /**
     * @param ddl whether the workload includes schema changes
     * @param restart whether {@code cdc run} is killed and restarted in the middle of the workload
     * @param excluded the known defects whose inputs are left out
     */
    record Options(boolean ddl, boolean restart, Set<KnownDefect> excluded) {
        /** The command line that replays a run with these options. */
        String replay(long seed) {
            String include = excluded.isEmpty() ? "true"
                    : excluded.size() == KnownDefect.values().length ? "false"
                    : String.join(",", java.util.EnumSet.complementOf(java.util.EnumSet.copyOf(excluded)).stream()
                            .map(Enum::name).toList());
            return "local/bench fidelity 1 " + seed + " -Dfidelity.ddl=" + ddl + " -Dfidelity.restart=" + restart
                    + " -Dfidelity.includeKnownDefects=" + (include.isEmpty() ? "false" : include);
        }
    }

    /** Statements run on one connection, in order (a transaction is BEGIN … COMMIT or ROLLBACK). */
    record Step(String what, List<String> statements) {
    }
}
