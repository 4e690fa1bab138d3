package io.bendcdc.service;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.bendcdc.applier.ApplierSettings;
import io.bendcdc.applier.databend.DatabendConnections;
import io.bendcdc.config.CdcConfig;
import io.bendcdc.config.CdcOptions;
import io.bendcdc.config.ConfigException;
import io.bendcdc.history.SchemaHistoryException;
import io.bendcdc.contract.TableId;
import io.bendcdc.engine.SourceSettings;
import io.bendcdc.engine.SourceConnections;

/**
 * The {@code bin/cdc} entry point: {@code cdc <command> [options]}. Exit codes: 0 success (or a
 * clean stop on SIGTERM), 1 failure or, for verify, a difference, 2 bad usage or configuration.
 */
public final class CdcCommand {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private static final Logger LOG = LoggerFactory.getLogger(CdcCommand.class);

    private CdcCommand() {
    }

    public static void main(String[] args) {
        // The binlog client logs through java.util.logging: send it to the same log.
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install();
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs a command; returns its exit code. run/engine/apply block until stopped. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl;
        try {
            cl = CommandLine.parse(args);
        } catch (CommandLine.UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(CommandHelp.of("help"));
            return USAGE;
        }
        String command = cl.command();
        if (!CommandHelp.exists(command)) {
            err.println("error: unknown command '" + command + "'");
            err.println(CommandHelp.of("help"));
            return USAGE;
        }
        if (cl.help() || command.equals("help")) {
            out.println(CommandHelp.of(command));
            return OK;
        }
        try {
            return switch (command) {
                case "run" -> serve(cl, ServiceRunner.Mode.RUN);
                case "engine" -> serve(cl, ServiceRunner.Mode.ENGINE);
                case "apply" -> serve(cl, ServiceRunner.Mode.APPLY);
                case "verify" -> verify(cl, out);
                case "resync" -> resync(cl, out);
                case "status" -> status(cl, out);
                case "quickstart" -> {
                    err.println("quickstart is a script: run bin/quickstart (or bin/cdc quickstart)");
                    yield USAGE;
                }
                default -> throw new IllegalStateException(command);
            };
        } catch (CommandLine.UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(CommandHelp.of(command));
            return USAGE;
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(command + " interrupted");
            return FAILED;
        } catch (Exception e) {
            LOG.debug("{} failed", command, e);
            err.println(command + " failed: " + causes(e));
            return FAILED;
        }
    }

    /** The message and the causes' messages: "failed to create X" alone rarely says why. */
    private static String causes(Throwable e) {
        StringBuilder s = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null && !s.toString().contains(c.getMessage())) {
                s.append(": ").append(c.getMessage());
            }
        }
        return s.toString();
    }

    private static CdcConfig config(CommandLine cl) {
        return CdcConfig.load(Path.of(cl.required("config")));
    }

    private static int serve(CommandLine cl, ServiceRunner.Mode mode) throws Exception {
        cl.requireOnly("config");
        CdcConfig config = config(cl);
        LOG.info("Starting {} with:\n{}", mode.name().toLowerCase(), config.describe());
        ServiceRunner runner = new ServiceRunner(config, mode);
        // SIGTERM runs shutdown hooks. A JVM ended by a signal exits 143; a clean stop is exit 0, so
        // the hook halts with the runner's own code once everything is closed.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runner.close();
            Runtime.getRuntime().halt(runner.exitCode());
        }, "service-shutdown"));
        try {
            runner.start();
        } catch (SchemaHistoryException | io.bendcdc.engine.SourceUnavailableException e) {
            LOG.error("Cannot start: {}", e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            LOG.error("Cannot start: {}", e.getMessage(), e);
            return FAILED;
        }
        return runner.awaitExit();
    }

    private static int verify(CommandLine cl, PrintStream out) throws Exception {
        cl.requireOnly("config", "table", "chunk-size", "recheck-after-ms", "max-keys");
        CdcConfig config = config(cl);
        int chunk = positive(cl, "chunk-size", 10_000);
        int recheckMs = positive(cl, "recheck-after-ms", 3_000);
        int maxKeys = positive(cl, "max-keys", 20);
        ApplierSettings applier = ApplierSettings.from(config);
        try (Connection source = sourceConnection(config);
                Connection target = DatabendConnections.open(applier.target())) {
            List<TableId> tables = new ArrayList<>();
            for (String t : cl.all("table")) {
                tables.add(parseTable(t));
            }
            if (tables.isEmpty()) {
                tables = CapturedTables.list(source, config);
            }
            if (tables.isEmpty()) {
                out.println("verify: no captured tables found in the source");
                return FAILED;
            }
            TableVerifier verifier = new TableVerifier(source, target, chunk, recheckMs);
            int differing = 0;
            Set<TableId> expected = new HashSet<>();
            for (TableId t : tables) {
                expected.add(applier.tables().target(t));
                TableVerifier.Result r = verifier.verify(t, applier.tables().target(t), applier.tables().keyColumnsOf(t));
                print(r, maxKeys, out);
                if (!r.ok()) {
                    differing++;
                }
            }
            int compared = tables.size();
            if (cl.all("table").isEmpty()) {
                // Tables the applier would not write: a renamed-away or dropped table left behind, or
                // one written by something else. The state database is the applier's own.
                Set<String> databases = new TreeSet<>();
                for (String db : CapturedTables.databases(source, config, tables)) {
                    databases.add(applier.tables().databaseMapping().getOrDefault(db, db));
                }
                databases.remove(applier.target().stateDatabase());
                for (String db : databases) {
                    for (TableId extra : verifier.targetTables(db)) {
                        if (!expected.contains(extra)) {
                            out.println(extra + "  DIFFERENT only in Databend (no captured source table is written to it)");
                            differing++;
                            compared++;
                        }
                    }
                }
            }
            out.println(differing == 0 ? "verify: OK (" + compared + " tables)"
                    : "verify: DIFFERENT (" + differing + " of " + compared + " tables differ)");
            return differing == 0 ? OK : FAILED;
        }
    }

    private static void print(TableVerifier.Result r, int maxKeys, PrintStream out) {
        String name = r.source().equals(r.target()) ? r.source().toString() : r.source() + " -> " + r.target();
        String note = r.note() == null ? "" : " (" + r.note() + ")";
        if (r.ok()) {
            out.println(name + "  OK rows=" + r.sourceRows() + note);
            return;
        }
        out.println(name + "  DIFFERENT source rows=" + r.sourceRows() + " databend rows=" + r.targetRows() + ": "
                + r.count("missing") + " missing, " + r.count("extra") + " extra, " + r.count("different")
                + " different" + note);
        r.schemaProblems().forEach(p -> out.println("  " + p));
        r.differences().stream().limit(maxKeys).forEach(d -> out.println("  " + d.what() + " " + d.key()
                + ("different".equals(d.what()) ? ": " + d.detail() : "")));
        if (r.differences().size() > maxKeys) {
            out.println("  ... and " + (r.differences().size() - maxKeys) + " more keys");
        }
    }

    private static int resync(CommandLine cl, PrintStream out) throws Exception {
        cl.requireOnly("config", "table");
        CdcConfig config = config(cl);
        List<String> tables = new ArrayList<>();
        for (String t : cl.all("table")) {
            tables.add(parseTable(t).toString());
        }
        if (tables.isEmpty()) {
            throw new CommandLine.UsageException("--table is required");
        }
        ResyncSignal.Sent sent = ResyncSignal.send(config.get(CdcOptions.KAFKA_BOOTSTRAP_SERVERS),
                config.get(CdcOptions.KAFKA_TOPIC_PREFIX), tables, config.passthrough(CdcOptions.KAFKA_PRODUCER_PREFIX));
        out.println("resync: sent to topic " + sent.topic() + " (partition " + sent.partition() + ", offset "
                + sent.offset() + ")");
        out.println("  key:   " + sent.key());
        out.println("  value: " + sent.value());
        out.println("The running engine re-reads " + String.join(", ", tables)
                + " in chunks while streaming continues (bendcdc_snapshot_rows_read_total counts the rows);"
                + " run verify once it is done.");
        return OK;
    }

    private static int status(CommandLine cl, PrintStream out) throws Exception {
        cl.requireOnly("config");
        CdcConfig config = config(cl);
        StatusReport report = new StatusReport(ApplierSettings.from(config),
                config.passthrough(CdcOptions.KAFKA_ADMIN_PREFIX));
        StatusReport.print(report.read(), out);
        return OK;
    }

    private static Connection sourceConnection(CdcConfig config) throws SQLException {
        Connection c = SourceConnections.open(SourceSettings.from(config));
        try (Statement st = c.createStatement()) {
            // TIMESTAMP values as UTC, as Debezium sends them and the applier stores them.
            st.execute("SET time_zone = '+00:00'");
        }
        return c;
    }

    private static TableId parseTable(String s) {
        int dot = s.indexOf('.');
        if (dot <= 0 || dot == s.length() - 1 || s.indexOf('.', dot + 1) >= 0) {
            throw new CommandLine.UsageException("--table needs db.table, got '" + s + "'");
        }
        return new TableId(s.substring(0, dot), s.substring(dot + 1));
    }

    private static int positive(CommandLine cl, String name, int fallback) {
        String v = cl.optional(name, Integer.toString(fallback));
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CommandLine.UsageException("--" + name + " needs a positive whole number, got '" + v + "'");
    }
}
