package io.bendcdc.it.fidelity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The pipeline's known defects (symptoms of issue 10, by number), the one place the generator asks
 * what to leave out so that a run exercises what currently works. A fix is proven by deleting its
 * entry: the generator then produces the case again and the harness must pass with it. Entries
 * named for a symptom of issue 10 carry its number; the others were found by the harness.
 */
public enum KnownDefect {
    FLOAT_READ_AGAIN("11", "a table read again from the source (an ADD COLUMN whose value on the rows already there"
            + " the applier cannot derive) gets its FLOAT columns with six significant digits: Debezium's incremental"
            + " snapshot reads through the text protocol (seeds 509, 518); the binary protocol (useServerPrepStmts)"
            + " reads FLOAT exactly but TIME fractions and YEAR wrongly"),
    ENUM_STREAMED("-", "a streamed ENUM member with a comma, a backslash or an emoji arrives altered ('x,y' as x\\,y,"
            + " '\\N' as \\\\N, '😀' as ?): Debezium makes the value from the members it parsed out of the DDL"),
    DECIMAL_HALVES_SWAPPED("-", "DECIMAL of precision above 38: some rows written by the snapshot arrive with the"
            + " two 128-bit halves of the value swapped (1 as 340282366920938463463374607431768211456); no minimal repro yet"),
    BINARY_EMPTY_DEFAULT("-", "CREATE TABLE … BINARY(n) DEFAULT X'' while streaming fails in Debezium's DDL parser and"
            + " stops the engine"),
    JSON_AS_STRING("-", "a MariaDB JSON column (LONGTEXT with a json_valid check) becomes String in Databend, not"
            + " Variant: the envelope does not say it is JSON");

    private final String symptom;
    private final String description;

    KnownDefect(String symptom, String description) {
        this.symptom = symptom;
        this.description = description;
    }

    public String symptom() {
        return symptom;
    }

    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return name() + " (issue 10 symptom " + symptom + ": " + description + ")";
    }

    /**
     * The defects a run leaves out of its inputs, from {@code fidelity.includeKnownDefects}: absent or
     * {@code false} leaves out all of them, {@code true} none, a comma-separated list of names
     * includes just those (the others are still left out).
     */
    public static Set<KnownDefect> excludedBy(String includeKnownDefects) {
        if (includeKnownDefects == null || includeKnownDefects.isBlank() || includeKnownDefects.equals("false")) {
            return EnumSet.allOf(KnownDefect.class);
        }
        if (includeKnownDefects.equals("true")) {
            return EnumSet.noneOf(KnownDefect.class);
        }
        Set<KnownDefect> excluded = EnumSet.allOf(KnownDefect.class);
        Arrays.stream(includeKnownDefects.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> KnownDefect.valueOf(s.toUpperCase(Locale.ROOT))).forEach(excluded::remove);
        return excluded;
    }
}
