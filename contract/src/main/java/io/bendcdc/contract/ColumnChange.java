package io.bendcdc.contract;

import java.util.Objects;

/**
 * One column-level step of an {@link SchemaChange.AlterTable}, derived by comparing the table
 * before and after the statement, with renames taken from the statement itself.
 */
public sealed interface ColumnChange {

    /**
     * A column that did not exist before; {@code column} is its definition after the change, and
     * {@code declared} what the statement's {@code ADD COLUMN} clause says of it where that
     * definition is silent.
     */
    record AddColumn(ColumnSchema column, Declared declared) implements ColumnChange {
        public AddColumn {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(declared, "declared");
        }

        /** An added column whose clause is not known. */
        public AddColumn(ColumnSchema column) {
            this(column, Declared.UNKNOWN);
        }
    }

    /**
     * An added column as its {@code ADD COLUMN} clause declares it, read from the statement: the
     * history's structured definition says neither that a column is generated ({@code AS (expr)})
     * nor what a hex literal default is (it records such a column as if its default were NULL).
     *
     * @param generated    the clause has {@code [GENERATED ALWAYS] AS (expr)}
     * @param defaultValue the clause's {@code DEFAULT} as written, e.g. {@code X'0A0B'}; null when it has none
     */
    record Declared(boolean generated, String defaultValue) {
        /** Nothing known from the statement. */
        public static final Declared UNKNOWN = new Declared(false, null);
    }

    /** A column that is gone; {@code column} is its definition before the change. */
    record DropColumn(ColumnSchema column) implements ColumnChange {
        public DropColumn {
            Objects.requireNonNull(column, "column");
        }
    }

    /**
     * A column that keeps its data under a new name (RENAME COLUMN, or CHANGE COLUMN with a new
     * name). When its type changed too, a {@link ModifyColumn} for the new name follows.
     */
    record RenameColumn(String from, String to) implements ColumnChange {
        public RenameColumn {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /**
     * A column whose definition (type, length, scale, nullability, default, charset...) changed;
     * a move (FIRST / AFTER) alone is not reported. {@code before} has the old name when the
     * column was also renamed, {@code after} the new one.
     */
    record ModifyColumn(ColumnSchema before, ColumnSchema after) implements ColumnChange {
        public ModifyColumn {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }
    }
}
