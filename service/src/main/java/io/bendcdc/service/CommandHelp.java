package io.bendcdc.service;

import java.util.Map;

/** The --help text of each command; docs/cli.md says the same at more length. */
final class CommandHelp {

    private static final String EXIT_CODES = """
            Exit codes: 0 success (run/engine/apply: stopped cleanly, e.g. on SIGTERM),
                        1 failure (verify: a table differs), 2 bad usage or configuration.""";

    private static final Map<String, String> TEXTS = Map.of(
            "help", """
                    usage: bin/cdc <command> [options]     (bin/cdc <command> --help for more)

                    Commands:
                      run        --config F   engine and applier in one process, with /metrics and /health
                      engine     --config F   only the engine: binlog -> Kafka
                      apply      --config F   only the applier: Kafka -> Databend
                      verify     --config F [--table db.t]...   compare source and Databend, row by row
                      resync     --config F --table db.t [--table db.t]...   re-read tables while streaming
                      status     --config F   applied offsets, binlog positions and lag per topic partition
                      quickstart              local stack, demo database, pipeline, changes, verify

                    Configuration: one properties file, see config/cdc-local.properties and docs/configuration.md.
                    """ + EXIT_CODES,
            "run", """
                    usage: bin/cdc run --config F

                    Runs the engine (binlog -> Kafka) and the applier (Kafka -> Databend) in one process, and
                    serves /metrics and /health on metrics.host:metrics.port when metrics.enabled=true.
                    SIGTERM stops it cleanly: the engine first (offsets committed for what Kafka acknowledged),
                    then the applier (buffered changes written). Logs go to standard error.
                    """ + EXIT_CODES,
            "engine", """
                    usage: bin/cdc engine --config F

                    Runs only the engine: Debezium reads the binlog and publishes each change to Kafka.
                    Serves /metrics and /health like run. SIGTERM stops it cleanly with exit 0.
                    """ + EXIT_CODES,
            "apply", """
                    usage: bin/cdc apply --config F

                    Runs only the applier: reads the change topics and writes them to Databend. Several
                    apply processes with the same apply.consumer.group share the tables. SIGTERM stops it
                    cleanly (buffered changes written) with exit 0.
                    """ + EXIT_CODES,
            "verify", """
                    usage: bin/cdc verify --config F [--table db.t]... [--chunk-size N] [--recheck-after-ms N]
                                          [--max-keys N]

                    Compares each captured table (source.databases/tables include and exclude lists, or the
                    --table ones) between the source and Databend: row counts, and every column of every row
                    by key, in chunks of --chunk-size keys (10000). Keys that differ are read again after
                    --recheck-after-ms (3000) before being reported, as changes may still be flowing. Prints
                    "OK rows=N" per table, or the counts of missing, extra and different rows and the first
                    --max-keys (20) keys. Reads the source with source.user, which needs SELECT.
                    """ + EXIT_CODES,
            "resync", """
                    usage: bin/cdc resync --config F --table db.t [--table db.t]...

                    Sends Debezium's incremental snapshot signal to the running engine (Kafka topic
                    <kafka.topic.prefix>.signals): the engine re-reads the tables in key-ordered chunks while
                    streaming goes on, and the applier writes the rows again as upserts. Prints what was sent.
                    With the mariadb connector and no source.signal.table the snapshot advances as the
                    binlog does: on an idle source it waits for the next change in any table.
                    """ + EXIT_CODES,
            "status", """
                    usage: bin/cdc status --config F

                    Per change topic partition: the Kafka offset and binlog position the applier recorded as
                    applied (<databend.state.database>.applied_offsets), the topic's end offset, and the lag.
                    """ + EXIT_CODES,
            "quickstart", """
                    usage: bin/cdc quickstart     (the same as bin/quickstart)

                    Starts the local stack, creates a demo database, runs the pipeline, makes changes and
                    shows them in Databend, runs verify, and says how to look around.
                    """ + EXIT_CODES);

    private CommandHelp() {
    }

    static boolean exists(String command) {
        return TEXTS.containsKey(command);
    }

    static String of(String command) {
        return TEXTS.get(command);
    }
}
