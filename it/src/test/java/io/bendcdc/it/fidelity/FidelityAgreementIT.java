package io.bendcdc.it.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.bendcdc.it.fidelity.FidelityComparator.Difference;
import io.bendcdc.it.fidelity.FidelityComparator.Kind;
import io.bendcdc.it.support.LocalStack;

/**
 * The agreement between verify and the comparator, shown able to fail. A harness run (no DDL, no
 * restart) whose Databend copy gets, once the pipeline stopped, a changed value, a missing row and
 * an extra row (each in a table of its own) and a table that exists only in Databend: the
 * comparator and {@code bin/cdc verify} must each report every one of them, and agree. Then verify
 * limited to one of those tables ({@code --table}) must be found to disagree, naming the tables it
 * left out.
 */
class FidelityAgreementIT {

    /** Where the seeds are taken from: the first with three tables or more is used (printed). */
    private static final long FIRST_SEED = 500;
    private static final String EXTRA_TABLE = "planted only here";

    @Test
    void theComparatorAndVerifyBothReportEachPlantedDifference() throws Exception {
        Scenario.Options options = new Scenario.Options(false, false, EnumSet.allOf(KnownDefect.class));
        Scenario scenario = scenarioWithThreeTables(options);
        System.out.println("seed " + scenario.seed() + " (replay: " + options.replay(scenario.seed()) + ")");
        Planted planted = new Planted();
        FidelityRun run = new FidelityRun(scenario, Path.of("target", "fidelity"), System.out,
                FidelityOptions.catchUp(false)).changingTheCopyBeforeTheChecks(planted::plant);
        try {
            FidelityRun.Outcome outcome = run.run();
            System.out.print(outcome.report());
            System.out.println("planted: " + planted);
            String db = outcome.database();
            assertThat(outcome.failure()).as(outcome.report()).isNull();

            // the comparator reports each planted difference, and nothing else
            List<Difference> found = outcome.differences();
            assertThat(found).as(outcome.report())
                    .anyMatch(d -> d.kind() == Kind.VALUE && d.table().equals(planted.changedTable)
                            && d.column().equals(planted.changedColumn))
                    .anyMatch(d -> d.kind() == Kind.MISSING_ROW && d.table().equals(planted.missingRowTable))
                    .anyMatch(d -> d.kind() == Kind.EXTRA_ROW && d.table().equals(planted.extraRowTable))
                    .anyMatch(d -> d.kind() == Kind.TABLE && d.table().equals(EXTRA_TABLE) && d.source().equals("absent"));
            assertThat(found).as(outcome.report()).hasSize(4);

            // verify reports each one, with exit code 1, and so agrees with the comparator
            VerifyAgreement agreement = outcome.agreement();
            String out = agreement.output();
            assertThat(agreement.exitCode()).as(out).isEqualTo(1);
            assertThat(agreement.verifyTables()).as(out).containsExactlyInAnyOrder(planted.changedTable,
                    planted.missingRowTable, planted.extraRowTable, EXTRA_TABLE);
            assertThat(line(out, db + "." + planted.changedTable + "  ")).as(out).endsWith(": 0 missing, 0 extra, 1 different");
            assertThat(out).contains("  different ", ": " + planted.changedColumn + ": source ");
            assertThat(line(out, db + "." + planted.missingRowTable + "  ")).as(out).endsWith(": 1 missing, 0 extra, 0 different");
            assertThat(line(out, db + "." + planted.extraRowTable + "  ")).as(out).endsWith(": 0 missing, 1 extra, 0 different");
            assertThat(out).contains(db + "." + EXTRA_TABLE + "  DIFFERENT only in Databend", "verify: DIFFERENT (4 of ");
            assertThat(agreement.agrees()).as(agreement.report()).isTrue();
            assertThat(outcome.passed()).isFalse();

            // when verify looks at one of the tables only, then the check finds it missing the others
            VerifyAgreement narrow = VerifyAgreement.check(run.config(),
                    Path.of("target", "fidelity", db, "verify-one-table.log"), db, found, "--table",
                    db + "." + planted.changedTable);
            System.out.println(narrow.report());
            assertThat(narrow.agrees()).as(narrow.report()).isFalse();
            assertThat(narrow.missedByVerify()).containsExactlyInAnyOrder(planted.missingRowTable, planted.extraRowTable,
                    EXTRA_TABLE);
            assertThat(narrow.report()).contains("verify DISAGREES with the comparator", "flagged by the comparator only: "
                    + new TreeSet<>(Set.of(planted.missingRowTable, planted.extraRowTable, EXTRA_TABLE)));
        } finally {
            run.dropDatabases();
        }
    }

    private static Scenario scenarioWithThreeTables(Scenario.Options options) {
        for (long seed = FIRST_SEED;; seed++) {
            Scenario s = ScenarioGenerator.generate(seed, options);
            if (s.setup().stream().filter(sql -> sql.startsWith("CREATE TABLE")).count() >= 3) {
                return s;
            }
        }
    }

    private static String line(String output, String start) {
        return output.lines().filter(l -> l.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with " + start + " in:\n" + output));
    }

    /**
     * The differences planted in a copy: a changed value in the first table with a column whose type it
     * can change, a deleted row and a copied row with another key in two other tables, and a table of
     * its own. Rows are picked by Databend's {@code _row_id}, so no key needs writing out.
     */
    private static final class Planted {
        String changedTable;
        String changedColumn;
        String missingRowTable;
        String extraRowTable;

        void plant(String db) throws Exception {
            Map<String, Map<String, String>> tables = databendColumns(db);
            assertThat(tables).as("tables in Databend").hasSizeGreaterThanOrEqualTo(3);
            try (Connection c = DriverManager.getConnection(LocalStack.databendUrl("default"), "root", "");
                    Statement st = c.createStatement()) {
                for (Map.Entry<String, Map<String, String>> t : tables.entrySet()) {
                    List<String> keys = sourceKey(db, t.getKey());
                    for (Map.Entry<String, String> col : t.getValue().entrySet()) {
                        String changed = changedValue(Sql.dbId(col.getKey()), col.getValue());
                        if (changedTable == null && !keys.contains(col.getKey()) && changed != null
                                && count(st, table(db, t.getKey()), Sql.dbId(col.getKey()) + " IS NOT NULL") > 0) {
                            changedTable = t.getKey();
                            changedColumn = col.getKey();
                            String id = Sql.dbId(changedColumn);
                            st.execute("UPDATE " + table(db, changedTable) + " SET " + id + " = " + changed
                                    + " WHERE _row_id IN (SELECT _row_id FROM " + table(db, changedTable) + " WHERE " + id
                                    + " IS NOT NULL LIMIT 1)");
                        }
                    }
                }
                assertThat(changedTable).as("a table with a column of a type whose value can be changed: " + tables)
                        .isNotNull();
                List<String> others = tables.keySet().stream().filter(t -> !t.equals(changedTable)).toList();
                missingRowTable = others.stream().filter(t -> count(st, table(db, t), "true") > 0).findFirst()
                        .orElseThrow(() -> new AssertionError("no other table with a row: " + tables));
                st.execute("DELETE FROM " + table(db, missingRowTable) + " WHERE _row_id IN (SELECT _row_id FROM "
                        + table(db, missingRowTable) + " LIMIT 1)");
                extraRowTable = others.stream().filter(t -> !t.equals(missingRowTable))
                        .filter(t -> count(st, table(db, t), "true") > 0).findFirst()
                        .orElseThrow(() -> new AssertionError("no third table with a row: " + tables));
                copyRowWithNewKey(st, db, extraRowTable, sourceKey(db, extraRowTable).get(0),
                        tables.get(extraRowTable));
                st.execute("CREATE TABLE " + table(db, EXTRA_TABLE) + " (\"id\" Int32)");
                st.execute("INSERT INTO " + table(db, EXTRA_TABLE) + " VALUES (1)");
            }
        }

        /** Inserts a copy of one row whose first key column holds a value no generated key has. */
        private static void copyRowWithNewKey(Statement st, String db, String t, String keyColumn,
                Map<String, String> columns) throws SQLException {
            String type = columns.get(keyColumn);
            String newKey = type.equals("String") ? "concat(" + Sql.dbId(keyColumn) + ", ' planted')"
                    : type.equals("Date") ? "to_date('9999-12-31')"
                    : "123457"; // integer and DECIMAL keys: the generator makes none of this value
            assertThat(type.equals("String") || count(st, table(db, t), Sql.dbId(keyColumn) + " = " + newKey) == 0)
                    .as("the new key %s of %s is not there already", newKey, t).isTrue();
            List<String> names = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (String col : columns.keySet()) {
                names.add(Sql.dbId(col));
                values.add(col.equals(keyColumn) ? newKey : Sql.dbId(col));
            }
            st.execute("INSERT INTO " + table(db, t) + " (" + String.join(", ", names) + ") SELECT "
                    + String.join(", ", values) + " FROM " + table(db, t) + " LIMIT 1");
        }

        /** An expression of a column's value that differs from it (for a value that is not NULL), or null. */
        private static String changedValue(String id, String type) {
            if (type.equals("String")) {
                return "concat(" + id + ", '~')";
            }
            if (type.equals("Boolean")) {
                return "NOT " + id;
            }
            if (type.matches("U?Int\\d+|Float\\d+|Decimal\\(.*\\)")) {
                return "IF(" + id + " = 0, 1, 0)";
            }
            return null;
        }

        private static long count(Statement st, String table, String where) {
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table + " WHERE " + where)) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String table(String db, String t) {
            return Sql.dbId(db) + "." + Sql.dbId(t);
        }

        /** Databend's tables in {@code db}, in name order, each with its columns' types (without Nullable). */
        private static Map<String, Map<String, String>> databendColumns(String db) throws SQLException {
            Map<String, Map<String, String>> tables = new java.util.TreeMap<>();
            // names read behind a marker, as the comparator does (databend-jdbc returns the text NULL as NULL)
            try (Connection c = DriverManager.getConnection(LocalStack.databendUrl("default"), "root", "")) {
                for (String t : strings(c, "SELECT concat('~', name) FROM system.tables WHERE database = ?", db)) {
                    tables.put(t.substring(1), new LinkedHashMap<>());
                }
                for (Map.Entry<String, Map<String, String>> t : tables.entrySet()) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT concat('~', name), type FROM system.columns "
                            + "WHERE database = ? AND table = ?")) {
                        ps.setString(1, db);
                        ps.setString(2, t.getKey());
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                String type = rs.getString(2);
                                t.getValue().put(rs.getString(1).substring(1), type.startsWith("Nullable(")
                                        ? type.substring("Nullable(".length(), type.length() - 1) : type);
                            }
                        }
                    }
                }
            }
            return tables;
        }

        private static List<String> strings(Connection c, String sql, String param) throws SQLException {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, param);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        }

        /** The source table's primary key columns, in key order. */
        private static List<String> sourceKey(String db, String t) throws SQLException {
            List<String> keys = new ArrayList<>();
            try (Connection c = LocalStack.mariadb(); PreparedStatement ps = c.prepareStatement(
                    "SELECT column_name FROM information_schema.key_column_usage WHERE table_schema = ? "
                            + "AND table_name = ? AND constraint_name = 'PRIMARY' ORDER BY ordinal_position")) {
                ps.setString(1, db);
                ps.setString(2, t);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        keys.add(rs.getString(1));
                    }
                }
            }
            assertThat(keys).as("the primary key of %s", t).isNotEmpty();
            return keys;
        }

        @Override
        public String toString() {
            return "changed value in " + changedTable + "." + changedColumn + ", missing row in " + missingRowTable
                    + ", extra row in " + extraRowTable + ", table " + EXTRA_TABLE;
        }
    }
}
