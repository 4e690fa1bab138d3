package io.bendcdc.applier.databend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Backoff is capped at 1 ms (plus RetryPolicy's own jitter of under 50 ms), so the retries are quick. */
class RetryPolicyTest {

    private static final String SYNTAX_ERROR = "QueryErrors{code=1005, message=error: \n  --> SQL:1:1\n  |\n"
            + "1 | SELEC 1\n  | ^^^^^ unrecognized keyword `SELEC`}";

    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger reconnects = new AtomicInteger();
    private final RetryPolicy retry = new RetryPolicy(3, 1, retries::incrementAndGet);

    // run()

    @Test
    void givenAnActionThatSucceeds_whenRun_thenItRunsOnceAndItsValueIsReturned() throws SQLException {
        AtomicInteger attempts = new AtomicInteger();

        String value = retry.run("write", () -> {
            attempts.incrementAndGet();
            return "done";
        }, reconnects::incrementAndGet);

        assertThat(value).isEqualTo("done");
        assertThat(attempts).hasValue(1);
        assertThat(retries).hasValue(0);
        assertThat(reconnects).hasValue(0);
    }

    @Test
    void givenTransientFailures_whenALaterAttemptSucceeds_thenItsValueIsReturnedAfterOneRetryPerFailure()
            throws SQLException {
        AtomicInteger attempts = new AtomicInteger();

        Integer value = retry.run("write", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new SQLException("Connection reset");
            }
            return attempts.get();
        }, reconnects::incrementAndGet);

        assertThat(value).isEqualTo(3);
        assertThat(retries).hasValue(2);
        assertThat(reconnects).hasValue(2);
    }

    @Test
    void givenATransientFailure_whenRetried_thenOnRetryThenBeforeRetryRunBetweenTheAttempts() throws SQLException {
        List<String> calls = new ArrayList<>();
        RetryPolicy counted = new RetryPolicy(2, 1, () -> calls.add("onRetry"));
        AtomicInteger attempts = new AtomicInteger();

        counted.run("write", () -> {
            calls.add("attempt " + attempts.incrementAndGet());
            if (attempts.get() == 1) {
                throw new SQLException("Read timed out");
            }
            return null;
        }, () -> calls.add("beforeRetry"));

        assertThat(calls).containsExactly("attempt 1", "onRetry", "beforeRetry", "attempt 2");
    }

    @Test
    void givenAFailureThatStaysTransient_whenMaxAttemptsAreUsed_thenTheLastFailureIsThrown() {
        AtomicInteger attempts = new AtomicInteger();
        List<SQLException> thrown = new ArrayList<>();

        assertThatThrownBy(() -> retry.run("write", () -> {
            SQLException e = new SQLException("Connection refused (attempt " + attempts.incrementAndGet() + ")");
            thrown.add(e);
            throw e;
        }, reconnects::incrementAndGet)).isSameAs(thrown.get(2));

        assertThat(attempts).hasValue(3);
        assertThat(retries).hasValue(2);
        assertThat(reconnects).hasValue(2);
    }

    @Test
    void givenANonTransientFailure_whenRun_thenItIsThrownAfterOneAttempt() {
        AtomicInteger attempts = new AtomicInteger();
        SQLException syntaxError = new SQLException(SYNTAX_ERROR);

        assertThatThrownBy(() -> retry.run("write", () -> {
            attempts.incrementAndGet();
            throw syntaxError;
        }, reconnects::incrementAndGet)).isSameAs(syntaxError);

        assertThat(attempts).hasValue(1);
        assertThat(retries).hasValue(0);
        assertThat(reconnects).hasValue(0);
    }

    @Test
    void givenATransientFailureFollowedByANonTransientOne_whenRun_thenTheSecondIsThrownAtOnce() {
        AtomicInteger attempts = new AtomicInteger();
        SQLException syntaxError = new SQLException(SYNTAX_ERROR);

        assertThatThrownBy(() -> retry.run("write", () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new SQLException("Broken pipe");
            }
            throw syntaxError;
        }, reconnects::incrementAndGet)).isSameAs(syntaxError);

        assertThat(attempts).hasValue(2);
        assertThat(retries).hasValue(1);
    }

    @Test
    void givenAtMostZeroAttempts_whenRun_thenTheActionStillRunsOnceAndIsNotRetried() {
        RetryPolicy none = new RetryPolicy(0, 1, retries::incrementAndGet);
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> none.run("write", () -> {
            attempts.incrementAndGet();
            throw new SQLException("Connection refused");
        }, reconnects::incrementAndGet)).hasMessage("Connection refused");

        assertThat(attempts).hasValue(1);
        assertThat(retries).hasValue(0);
    }

    // isTransient()

    @ParameterizedTest
    @ValueSource(strings = {
            "Connection refused",
            "Failed to connect to databend:8000",
            "Read timeout while waiting for the query result",
            "Read timed out",
            "Connection reset by peer",
            "Broken pipe (Write failed)",
            "Query failed to complete: the server is shutting down",
            "TableVersionMismatched: expected table version 12, got 13",
            "QueryErrors{code=2009, message=table was changed by another transaction}",
            "UnresolvableConflict: concurrent commits to table items",
            "QueryErrors{code=4001, message=concurrent commits could not be merged}",
            "HTTP 503 from the query endpoint",
            "Service Unavailable",
            "CONNECTION REFUSED",
    })
    void givenAMessageOfATransientKind_whenClassified_thenItIsTransient(String message) {
        assertThat(RetryPolicy.isTransient(new SQLException(message))).isTrue();
    }

    @Test
    void givenATransientMessageDeepInTheCauseChain_whenClassified_thenItIsTransient() {
        SQLException e = new SQLException("batch write failed",
                new IllegalStateException("request failed", new RuntimeException("Connection reset")));

        assertThat(RetryPolicy.isTransient(e)).isTrue();
    }

    @Test
    void givenAnSqlTransientException_whenClassified_thenItIsTransientWhateverItsMessage() {
        assertThat(RetryPolicy.isTransient(new SQLTransientException("try again"))).isTrue();
        assertThat(RetryPolicy.isTransient(new SQLTransientConnectionException("lost"))).isTrue();
        assertThat(RetryPolicy.isTransient(new SQLException("write failed", new SQLTransientException("try again")))).isTrue();
    }

    @Test
    void givenAnIoExceptionInTheCauseChain_whenClassified_thenItIsTransientWhateverItsMessage() {
        assertThat(RetryPolicy.isTransient(new SQLException("write failed", new EOFException("unexpected end of stream"))))
                .isTrue();
        assertThat(RetryPolicy.isTransient(new SQLException("write failed",
                new RuntimeException("upload failed", new IOException("stream closed"))))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            SYNTAX_ERROR,
            "QueryErrors{code=4000, message=duplicated data detected in the values being replaced into (only the first "
                    + "one will be described): at row 7, the value specified for the 'ON CONFLICT' column 'id' is 1}",
            "QueryErrors{code=1065, message=error: column nope doesn't exist}",
            "QueryErrors{code=1025, message=Unknown table 'shop'.'no_such_table'}",
    })
    void givenARejectionThatWouldRecur_whenClassified_thenItIsNotTransient(String message) {
        assertThat(RetryPolicy.isTransient(new SQLException(message))).isFalse();
    }

    @Test
    void givenAnExceptionWithoutMessageOrCause_whenClassified_thenItIsNotTransient() {
        assertThat(RetryPolicy.isTransient(new SQLException())).isFalse();
    }

    @Test
    void givenANonTransientCauseUnderANonTransientException_whenClassified_thenItIsNotTransient() {
        assertThat(RetryPolicy.isTransient(new SQLException("write failed", new IllegalArgumentException("bad value"))))
                .isFalse();
    }
}
