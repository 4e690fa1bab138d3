package io.bendcdc.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/cdc <command>} as its own JVM (the service's main class on the test classpath), as a
 * user runs it, so that it can be killed with SIGKILL or SIGTERM.
 */
public final class CdcProcess implements AutoCloseable {

    private final Process process;
    private final Path output;

    private CdcProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts {@code cdc <args>}, standard out and error going to {@code output}. */
    public static CdcProcess start(Path output, String... args) throws IOException {
        return startInZone("UTC", output, args);
    }

    /** {@code cdc engine --config <config>}. */
    public static CdcProcess engine(Path config, Path output) throws IOException {
        return start(output, "engine", "--config", config.toString());
    }

    /** {@code cdc apply --config <config>}. */
    public static CdcProcess applier(Path config, Path output) throws IOException {
        return start(output, "apply", "--config", config.toString());
    }

    /** The applier in a JVM whose default time zone is {@code timeZone}. */
    public static CdcProcess applier(Path config, Path output, String timeZone) throws IOException {
        return startInZone(timeZone, output, "apply", "--config", config.toString());
    }

    /** Writes a properties file for the local stack with the given overrides. */
    public static Path config(Path dir, Map<String, String> properties) throws IOException {
        StringBuilder text = new StringBuilder();
        if (!properties.containsKey("metrics.enabled")) {
            text.append("metrics.enabled=false\n"); // several processes of a test would share the port
        }
        properties.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Path file = dir.resolve("cdc.properties");
        Files.writeString(file, text);
        return file;
    }

    private static CdcProcess startInZone(String timeZone, Path output, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx1g", "-Duser.timezone=" + timeZone, "-cp",
                System.getProperty("java.class.path"), "io.bendcdc.service.CdcCommand"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
        return new CdcProcess(p, output);
    }

    /** Runs {@code cdc <args>} to its end; the exit code and what it printed. */
    public record Result(int exitCode, String output) {
    }

    public static Result run(Path dir, long timeoutSeconds, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "cdc-", ".out");
        try (CdcProcess p = start(out, args)) {
            int code = p.waitForExit(timeoutSeconds);
            return new Result(code, p.output());
        }
    }

    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Sends SIGTERM and returns the exit code. */
    public int terminate(long timeoutSeconds) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            throw new AssertionError("still running " + timeoutSeconds + " s after SIGTERM; output:\n" + output());
        }
        return process.exitValue();
    }

    public int waitForExit(long timeoutSeconds) throws InterruptedException {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            throw new AssertionError("still running after " + timeoutSeconds + " s; output:\n" + output());
        }
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
