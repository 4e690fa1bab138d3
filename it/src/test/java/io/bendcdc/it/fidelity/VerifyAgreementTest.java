package io.bendcdc.it.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.bendcdc.it.fidelity.FidelityComparator.Difference;
import io.bendcdc.it.fidelity.FidelityComparator.Kind;

/** How verify's exit code and verdict lines are judged against the comparator's differences (no server). */
class VerifyAgreementTest {

    private static final String DB = "fid_7_abc";

    private static final String LOG = "2024-05-01T10:00:00.000Z INFO  [main] CdcCommand - fid_7_abc.t  DIFFERENT in a log line\n";

    @Test
    void bothCleanAgree() {
        VerifyAgreement a = judge(List.of(), 0, LOG + DB + ".t  OK rows=3\n" + DB + ".key value 2  OK rows=0\n"
                + "verify: OK (2 tables)\n");

        assertThat(a.agrees()).as(a.report()).isTrue();
        assertThat(a.verifyOk()).containsExactly("key value 2", "t");
        assertThat(a.report()).startsWith("verify agrees (both clean, exit 0,");
    }

    @Test
    void verifyFlaggingATableTheComparatorFoundCleanDisagrees() {
        VerifyAgreement a = judge(List.of(), 1, DB + ".t  OK rows=3\n" + DB + ".select  DIFFERENT source rows=2 "
                + "databend rows=2: 0 missing, 0 extra, 1 different\n  different id=1: v: source '1', Databend '2'\n"
                + "verify: DIFFERENT (1 of 2 tables differ)\n");

        assertThat(a.agrees()).isFalse();
        assertThat(a.report()).contains("the comparator found no difference, verify exited 1 flagging [select]",
                "verify:   different id=1: v: source '1', Databend '2'");
    }

    @Test
    void verifyMissingATableTheComparatorFlaggedDisagreesAndNamesIt() {
        List<Difference> found = List.of(new Difference(Kind.VALUE, "Order Items", "id=1", "v", "'1'", "'2'"),
                new Difference(Kind.TABLE, "gone", null, null, "absent", "present"));
        VerifyAgreement a = judge(found, 1, DB + ".Order Items  DIFFERENT source rows=2 databend rows=2: 0 missing, "
                + "0 extra, 1 different\n  different id=1: v: source '1', Databend '2'\n"
                + "verify: DIFFERENT (1 of 1 tables differ)\n");

        assertThat(a.agrees()).isFalse();
        assertThat(a.missedByVerify()).containsExactly("gone");
        assertThat(a.report()).contains("the comparator flagged [Order Items, gone], verify exited 1 flagging "
                + "[Order Items]", "flagged by the comparator only: [gone]");
    }

    @Test
    void verifyClaimingOkWhereTheComparatorFoundADifferenceDisagrees() {
        List<Difference> found = List.of(new Difference(Kind.MISSING_ROW, "t", "id=1", null, "present", "absent"));
        VerifyAgreement a = judge(found, 0, DB + ".t  OK rows=1\nverify: OK (1 tables)\n");

        assertThat(a.agrees()).isFalse();
        assertThat(a.report()).contains("flagged by the comparator only: [t] (verify found OK: [t])");
    }

    @Test
    void verifyThatFailedWithoutAVerdictDisagreesEitherWay() {
        String failed = "verify failed: Connection refused\n";

        assertThat(judge(List.of(), 1, failed).agrees()).isFalse();
        assertThat(judge(List.of(new Difference(Kind.TABLE, "t", null, null, "present", "absent")), 1, failed).agrees())
                .isFalse();
    }

    @Test
    void verifyFlaggingMoreTablesThanTheComparatorStillAgreesAndSaysWhich() {
        List<Difference> found = List.of(new Difference(Kind.EXTRA_ROW, "t", "id=9", null, "absent", "present"));
        VerifyAgreement a = judge(found, 1, DB + ".t  DIFFERENT source rows=1 databend rows=2: 0 missing, 1 extra, "
                + "0 different\n" + DB + ".u  DIFFERENT source rows=1 databend rows=2: 0 missing, 0 extra, 0 different "
                + "(no key: row counts compared only)\nverify: DIFFERENT (2 of 2 tables differ)\n");

        assertThat(a.agrees()).as(a.report()).isTrue();
        assertThat(a.report()).contains("both flag [t]; verify also flags [u]");
    }

    private static VerifyAgreement judge(List<Difference> found, int exitCode, String output) {
        return VerifyAgreement.judge(DB, found, exitCode, output, Path.of("verify.log"), Duration.ofMillis(1500));
    }
}
