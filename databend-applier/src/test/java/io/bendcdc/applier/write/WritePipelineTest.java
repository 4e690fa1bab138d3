package io.bendcdc.applier.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class WritePipelineTest {

    @Test
    void givenSeveralWrites_whenSubmitted_thenTheyRunInOrderAndNeverTwoAtOnce() throws Exception {
        List<Integer> order = new CopyOnWriteArrayList<>();
        AtomicInteger running = new AtomicInteger();
        AtomicBoolean overlapped = new AtomicBoolean();
        try (WritePipeline pipeline = new WritePipeline("test-writer")) {
            for (int i = 0; i < 20; i++) {
                int n = i;
                pipeline.submit(() -> {
                    overlapped.compareAndSet(false, running.incrementAndGet() > 1);
                    sleep(2);
                    order.add(n);
                    running.decrementAndGet();
                });
            }
            pipeline.drain();
        }

        assertThat(order).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
        assertThat(overlapped).isFalse();
    }

    @Test
    void givenAWriteThatFails_whenTheNextIsSubmitted_thenItsFailureIsThrownAndTheNextDoesNotRun() throws Exception {
        AtomicBoolean secondRan = new AtomicBoolean();
        try (WritePipeline pipeline = new WritePipeline("test-writer")) {
            pipeline.submit(() -> {
                throw new SQLException("rejected by Databend");
            });

            assertThatThrownBy(() -> pipeline.submit(() -> secondRan.set(true)))
                    .isInstanceOf(SQLException.class).hasMessage("rejected by Databend");
            pipeline.drain(); // the failure was reported once; nothing is in flight
        }
        assertThat(secondRan).isFalse();
    }

    @Test
    void givenAWriteInFlight_whenThePipelineIsClosed_thenTheWriteCompletes() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean completed = new AtomicBoolean();
        WritePipeline pipeline = new WritePipeline("test-writer");
        pipeline.submit(() -> {
            started.countDown();
            sleep(200);
            completed.set(true);
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        pipeline.close();

        assertThat(completed).isTrue();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
