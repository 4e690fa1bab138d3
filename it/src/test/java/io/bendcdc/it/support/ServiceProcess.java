package io.bendcdc.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The engine or the applier run as its own JVM ({@code bin/cdc engine|apply}), as a user runs it, so that it can be killed with SIGKILL or SIGTERM. */
public final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ServiceProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static ServiceProcess engine(Path config, Path log) throws IOException {
        return start("engine", config, log, "UTC");
    }

    public static ServiceProcess applier(Path config, Path log) throws IOException {
        return applier(config, log, "UTC");
    }

    /** The applier in a JVM whose default time zone is {@code timeZone}. */
    public static ServiceProcess applier(Path config, Path log, String timeZone) throws IOException {
        return start("apply", config, log, timeZone);
    }

    private static ServiceProcess start(String command, Path config, Path log, String timeZone) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx1g", "-Duser.timezone=" + timeZone, "-cp",
                System.getProperty("java.class.path"), "io.bendcdc.service.CdcCommand", command, "--config",
                config.toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new ServiceProcess(pb.start(), log);
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

    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Sends SIGTERM and returns the exit code. */
    public int terminate(long timeoutSeconds) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            throw new AssertionError("process did not exit within " + timeoutSeconds + " s after SIGTERM");
        }
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int waitForExit(long timeoutSeconds) throws InterruptedException {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            throw new AssertionError("process still running after " + timeoutSeconds + " s; log:\n" + log());
        }
        return process.exitValue();
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
