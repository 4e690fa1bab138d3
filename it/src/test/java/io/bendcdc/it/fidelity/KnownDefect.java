package io.bendcdc.it.fidelity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The pipeline's known defects (symptoms of issue 10, by number), the one place the generator asks
 * what to leave out so that a run exercises what currently works. A fix is proven by deleting its
 * entry: the generator then produces the case again and the harness must pass with it. Symptoms 4,
 * 5 and 10 have no entry: the harness did not reproduce them, so their inputs are generated.
 */
public enum KnownDefect {
    YEAR_ZERO_SNAPSHOT("1, 2", "YEAR 0000 stops the snapshot (IllegalArgumentException in the driver); "
            + "worked around, it arrives as 2000"),
    YEAR_ZERO_BINLOG("2", "YEAR 0000 written while streaming arrives as 1900"),
    FLOAT_SNAPSHOT("3", "FLOAT read by the snapshot keeps six significant digits"),
    ADD_COLUMN_DEFAULT("6", "ADD COLUMN … DEFAULT of a temporal, BINARY or BIT type leaves existing rows NULL (BIT(n) "
            + "gets b'101' as 101), a text default keeps its SQL escapes ('x''y' arrives as x''y); numeric defaults work"),
    DEFAULT_COLUMN_SET_NULL("7", "NULL written to a column that has a DEFAULT arrives as the default"),
    RENAME_TABLE("8", "RENAME TABLE loses the unchanged rows and leaves the old name in Databend"),
    DROP_CREATE("9", "DROP TABLE + CREATE TABLE of the name, reached while the applier is behind (after a restart), "
            + "keeps the old table's rows and columns; caught up, it worked"),
    ADD_COLUMN_NOT_NULL_NO_DEFAULT("11", "ADD COLUMN … NOT NULL without DEFAULT leaves existing rows NULL, not 0/''");

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
