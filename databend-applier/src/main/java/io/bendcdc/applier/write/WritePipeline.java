package io.bendcdc.applier.write;

import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.bendcdc.applier.ApplyException;

/**
 * Writes a worker's batches on a thread of its own, one at a time and in the order given, so that
 * the next batch is polled and decoded while Databend writes this one. At most one batch is in
 * flight: memory stays bounded at two batches, and a batch is never started before the one ahead
 * of it committed. A failed write is thrown to the worker at its next submit or drain.
 */
public final class WritePipeline implements AutoCloseable {

    /** A write made on the pipeline's thread. */
    public interface Write {
        void run() throws SQLException;
    }

    private final ExecutorService thread;
    private Future<?> inFlight;

    public WritePipeline(String name) {
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Waits for the write in flight, then starts this one. */
    public void submit(Write write) throws SQLException {
        drain();
        inFlight = thread.submit(() -> {
            write.run();
            return null;
        });
    }

    /**
     * Waits until nothing is in flight; the connection is then free for the worker's own use.
     *
     * @throws SQLException or the unchecked exception the last write failed with
     */
    public void drain() throws SQLException {
        Future<?> f = inFlight;
        if (f == null) {
            return;
        }
        inFlight = null;
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApplyException("interrupted while waiting for a batch to be written", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException s) {
                throw s;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new ApplyException("writing a batch failed: " + cause, cause);
        }
    }

    /** Lets the batch in flight finish (a stop should not abort a write it can complete), then stops. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                thread.shutdownNow(); // the transaction is rolled back and replayed after the restart
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
