package io.bendcdc.applier.databend;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a Databend action again when it failed for a transient reason (connection lost, server
 * unavailable, a commit conflict), with bounded exponential backoff; anything else fails at once.
 */
public final class RetryPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(RetryPolicy.class);

    public interface Action<T> {
        T run() throws SQLException;
    }

    private final int maxAttempts;
    private final long maxBackoffMs;
    private final Runnable onRetry;

    public RetryPolicy(RetrySettings settings, Runnable onRetry) {
        this(settings.maxAttempts(), settings.backoffMaxMs(), onRetry);
    }

    /** @param onRetry called before each new attempt, e.g. to count it */
    RetryPolicy(int maxAttempts, long maxBackoffMs, Runnable onRetry) {
        this.maxAttempts = Math.max(1, maxAttempts);
        this.maxBackoffMs = maxBackoffMs;
        this.onRetry = onRetry;
    }

    /** Runs {@code action}, again after {@code beforeRetry} (e.g. a reconnect) as long as it fails transiently. */
    public <T> T run(String what, Action<T> action, Runnable beforeRetry) throws SQLException {
        long backoff = 100;
        for (int attempt = 1;; attempt++) {
            try {
                return action.run();
            } catch (SQLException e) {
                if (!isTransient(e) || attempt >= maxAttempts) {
                    throw e;
                }
                onRetry.run();
                long sleep = Math.min(maxBackoffMs, backoff) + ThreadLocalRandom.current().nextLong(50);
                LOG.warn("{} failed (attempt {} of {}), retrying in {} ms: {}", what, attempt, maxAttempts, sleep,
                        e.getMessage());
                sleepQuietly(sleep);
                backoff *= 2;
                beforeRetry.run();
            }
        }
    }

    /** Walks the cause chain for a reason that a later attempt may not meet again. */
    public static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof java.io.IOException) {
                return true;
            }
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("connection refused") || m.contains("failed to connect") || m.contains("timeout")
                    || m.contains("timed out") || m.contains("connection reset") || m.contains("broken pipe")
                    || m.contains("query failed to complete") || m.contains("tableversionmismatched")
                    || m.contains("code=2009") || m.contains("unresolvableconflict") || m.contains("code=4001")
                    || m.contains("503") || m.contains("service unavailable")) {
                return true;
            }
        }
        return false;
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
