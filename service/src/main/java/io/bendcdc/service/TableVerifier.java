package io.bendcdc.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.bendcdc.contract.TableId;

/**
 * Compares one table between the source and Databend: row counts, then every row by key, in
 * key-ordered chunks so that memory stays bounded on large tables. Rows are read from the source
 * in its key order and looked up in Databend by key (the two sides' collations differ, so their
 * orders are never merged); a second pass over Databend's keys finds rows the source does not have.
 * Differing keys are read again after a pause before being reported, since changes may still be
 * on their way through the pipeline.
 */
final class TableVerifier {

    /** One key that differs: {@code what} is missing (not in Databend), extra (only in Databend) or different. */
    record Difference(String key, String what, String detail) {
    }

    /** The outcome for one table; {@code note} says when it was compared by counts only. */
    record Result(TableId source, TableId target, long sourceRows, long targetRows, List<Difference> differences,
            List<String> schemaProblems, String note) {
        boolean ok() {
            return differences.isEmpty() && schemaProblems.isEmpty() && sourceRows == targetRows;
        }

        long count(String what) {
            return differences.stream().filter(d -> d.what().equals(what)).count();
        }
    }

    /** MariaDB and MySQL take at most 65535 parameters per statement. */
    private static final int MAX_PARAMETERS = 60_000;
    private static final String SEP = "\u0001";
    private static final String NULL = "\u0000";

    private final Connection source;
    private final Connection target;
    private final int chunkSize;
    private final long recheckAfterMs;

    TableVerifier(Connection source, Connection target, int chunkSize, long recheckAfterMs) {
        this.source = source;
        this.target = target;
        this.chunkSize = chunkSize;
        this.recheckAfterMs = recheckAfterMs;
    }

    /** @param keyOverride key columns for a table without a primary key (apply.key.columns), may be empty */
    Result verify(TableId src, TableId dst, List<String> keyOverride) throws SQLException, InterruptedException {
        Map<String, String> targetTypes = targetColumnTypes(dst);
        List<VerifiedTable.Column> columns = new ArrayList<>();
        List<String> schemaProblems = new ArrayList<>();
        List<String> sourceNames = new ArrayList<>();
        forEachSourceRow(VerifyQueries.sourceColumnTypes(), src, rs -> {
            String name = rs.getString(1);
            sourceNames.add(name);
            if (!targetTypes.isEmpty() && !targetTypes.containsKey(name)) {
                schemaProblems.add("column " + name + " is missing in Databend");
            } else {
                columns.add(new VerifiedTable.Column(name,
                        ValueCanon.kindOf(rs.getString(2), rs.getString(3), targetTypes.get(name))));
            }
        });
        if (sourceNames.isEmpty()) {
            return new Result(src, dst, 0, 0, List.of(), List.of("no such table in the source"), null);
        }
        for (String name : targetTypes.keySet()) {
            if (!sourceNames.contains(name)) {
                schemaProblems.add("column " + name + " is only in Databend");
            }
        }
        VerifiedTable counted = new VerifiedTable(src, dst, columns, List.of());
        long sourceRows = count(source, VerifyQueries.sourceCount(counted));
        if (targetTypes.isEmpty()) {
            return new Result(src, dst, sourceRows, 0, List.of(), List.of("no such table in Databend"), null);
        }
        List<String> keyNames = primaryKey(src);
        if (keyNames.isEmpty()) {
            keyNames = keyOverride;
        }
        List<Integer> keys = new ArrayList<>();
        for (String k : keyNames) {
            int i = indexOf(columns, k);
            if (i < 0) {
                schemaProblems.add("key column " + k + " is missing in Databend");
            } else {
                keys.add(i);
            }
        }
        if (keyNames.isEmpty() || keys.size() != keyNames.size()) {
            return new Result(src, dst, sourceRows, count(target, VerifyQueries.targetCount(counted)), List.of(), schemaProblems,
                    keyNames.isEmpty() ? "no key: row counts compared only" : null);
        }
        VerifiedTable t = new VerifiedTable(src, dst, columns, keys);
        int chunk = Math.max(1, Math.min(chunkSize, MAX_PARAMETERS / keys.size()));

        Map<String, String> suspects = new LinkedHashMap<>(); // canonical key → first finding
        compareSourceChunks(t, chunk, suspects);
        findExtraKeys(t, chunk, suspects);
        List<Difference> differences = List.of();
        if (!suspects.isEmpty()) {
            Thread.sleep(recheckAfterMs);
            differences = recheck(t, chunk, suspects.keySet());
        }
        long sourceCount = count(source, VerifyQueries.sourceCount(t));
        long targetCount = count(target, VerifyQueries.targetCount(t));
        if (differences.isEmpty() && sourceCount != targetCount) {
            // Rows added or removed between the passes: count again once things settled.
            Thread.sleep(recheckAfterMs);
            sourceCount = count(source, VerifyQueries.sourceCount(t));
            targetCount = count(target, VerifyQueries.targetCount(t));
        }
        return new Result(src, dst, sourceCount, targetCount, differences, schemaProblems, null);
    }

    /** Pass 1: source rows in key order, chunk by chunk, each looked up in Databend by key. */
    private void compareSourceChunks(VerifiedTable t, int chunk, Map<String, String> suspects) throws SQLException {
        List<String> last = null;
        while (true) {
            Map<String, List<String>> src = new LinkedHashMap<>();
            try (PreparedStatement ps = source.prepareStatement(VerifyQueries.sourceChunk(t, last != null, chunk))) {
                if (last != null) {
                    bindKey(ps, 1, t, last);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        List<String> row = sourceRow(t, rs);
                        src.put(keyOf(t, row), row);
                        last = keyValues(t, row);
                    }
                }
            }
            if (src.isEmpty()) {
                return;
            }
            Map<String, List<String>> dst = targetRowsByKey(t, src.values().stream().map(r -> keyValues(t, r)).toList());
            src.forEach((key, row) -> {
                List<String> other = dst.get(key);
                if (other == null) {
                    suspects.putIfAbsent(key, "missing");
                } else if (!other.equals(row)) {
                    suspects.putIfAbsent(key, "different");
                }
            });
            if (src.size() < chunk) {
                return;
            }
        }
    }

    /** Pass 2: Databend's keys in its own key order, chunk by chunk, each looked up in the source. */
    private void findExtraKeys(VerifiedTable t, int chunk, Map<String, String> suspects) throws SQLException {
        List<String> last = null;
        while (true) {
            List<List<String>> keys = new ArrayList<>();
            try (Statement st = target.createStatement();
                    ResultSet rs = st.executeQuery(VerifyQueries.targetKeyChunk(t, last, chunk))) {
                while (rs.next()) {
                    List<String> key = new ArrayList<>();
                    for (int k = 0; k < t.keys().size(); k++) {
                        key.add(ValueCanon.target(t.key(k).kind(), rs, k + 1));
                    }
                    keys.add(key);
                    last = key;
                }
            }
            if (keys.isEmpty()) {
                return;
            }
            Map<String, List<String>> src = sourceRowsByKey(t, keys);
            for (List<String> key : keys) {
                String k = join(key);
                if (!src.containsKey(k)) {
                    suspects.putIfAbsent(k, "extra");
                }
            }
            if (keys.size() < chunk) {
                return;
            }
        }
    }

    /** Reads the suspect keys again on both sides and keeps those that still differ. */
    private List<Difference> recheck(VerifiedTable t, int chunk, Collection<String> suspectKeys) throws SQLException {
        List<Difference> out = new ArrayList<>();
        List<String> all = new ArrayList<>(suspectKeys);
        for (int from = 0; from < all.size(); from += chunk) {
            List<List<String>> keys = all.subList(from, Math.min(all.size(), from + chunk)).stream()
                    .map(TableVerifier::split).toList();
            Map<String, List<String>> src = sourceRowsByKey(t, keys);
            Map<String, List<String>> dst = targetRowsByKey(t, keys);
            for (List<String> key : keys) {
                String k = join(key);
                List<String> a = src.get(k);
                List<String> b = dst.get(k);
                if (a != null && b == null) {
                    out.add(new Difference(display(t, key), "missing", "not in Databend"));
                } else if (a == null && b != null) {
                    out.add(new Difference(display(t, key), "extra", "not in the source"));
                } else if (a != null && !a.equals(b)) {
                    out.add(new Difference(display(t, key), "different", columnsThatDiffer(t, a, b)));
                }
            }
        }
        return out;
    }

    private Map<String, List<String>> sourceRowsByKey(VerifiedTable t, List<List<String>> keys) throws SQLException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = source.prepareStatement(VerifyQueries.sourceByKeys(t, keys.size()))) {
            int p = 1;
            for (List<String> key : keys) {
                p = bindKey(ps, p, t, key);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> row = sourceRow(t, rs);
                    rows.put(keyOf(t, row), row);
                }
            }
        }
        return rows;
    }

    /** Databend's rows of the keys, by key; for a composite key rows of other keys may come too, and are not asked for. */
    private Map<String, List<String>> targetRowsByKey(VerifiedTable t, List<List<String>> keys) throws SQLException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (Statement st = target.createStatement(); ResultSet rs = st.executeQuery(VerifyQueries.targetByKeys(t, keys))) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 0; i < t.columns().size(); i++) {
                    row.add(ValueCanon.target(t.columns().get(i).kind(), rs, i + 1));
                }
                rows.put(keyOf(t, row), row);
            }
        }
        return rows;
    }

    private static int bindKey(PreparedStatement ps, int first, VerifiedTable t, List<String> key) throws SQLException {
        int p = first;
        for (int k = 0; k < key.size(); k++) {
            ps.setString(p++, VerifyQueries.sourceParameter(t.key(k).kind(), key.get(k)));
        }
        return p;
    }

    private static List<String> sourceRow(VerifiedTable t, ResultSet rs) throws SQLException {
        List<String> row = new ArrayList<>();
        for (int i = 0; i < t.columns().size(); i++) {
            row.add(ValueCanon.source(t.columns().get(i).kind(), rs, i + 1));
        }
        return row;
    }

    private static List<String> keyValues(VerifiedTable t, List<String> row) {
        return t.keys().stream().map(row::get).toList();
    }

    private static String keyOf(VerifiedTable t, List<String> row) {
        return join(keyValues(t, row));
    }

    /** A key's canonical values as one map key; null is kept apart from any text. */
    private static String join(List<String> values) {
        return String.join(SEP, values.stream().map(v -> v == null ? NULL : v).toList());
    }

    private static List<String> split(String joined) {
        return java.util.Arrays.stream(joined.split(SEP, -1)).map(v -> v.equals(NULL) ? null : v).toList();
    }

    private static String display(VerifiedTable t, List<String> key) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < key.size(); k++) {
            parts.add(t.key(k).name() + "=" + (key.get(k) == null ? "NULL" : escaped(key.get(k))));
        }
        return key.size() == 1 ? parts.get(0) : "(" + String.join(", ", parts) + ")";
    }

    private static String columnsThatDiffer(VerifiedTable t, List<String> a, List<String> b) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!Objects.equals(a.get(i), b.get(i))) {
                out.add(t.columns().get(i).name() + ": source " + shown(a.get(i)) + ", Databend " + shown(b.get(i)));
            }
        }
        return String.join("; ", out);
    }

    /** A value for the report: NULL bare, text quoted and cut at 60, control characters escaped (one line per key). */
    static String shown(String v) {
        if (v == null) {
            return "NULL";
        }
        return "'" + escaped(v.length() > 60 ? v.substring(0, 57) + "..." : v) + "'";
    }

    /** Backslash, newline, carriage return, tab and other control characters written as escapes. */
    static String escaped(String v) {
        StringBuilder out = new StringBuilder();
        v.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    private static int indexOf(List<VerifiedTable.Column> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private List<String> primaryKey(TableId src) throws SQLException {
        List<String> key = new ArrayList<>();
        forEachSourceRow(VerifyQueries.sourcePrimaryKey(), src, rs -> key.add(rs.getString(1)));
        return key;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** Runs a source catalog query whose parameters are the table's database and name. */
    private void forEachSourceRow(String sql, TableId table, RowReader reader) throws SQLException {
        try (PreparedStatement ps = source.prepareStatement(sql)) {
            ps.setString(1, table.database());
            ps.setString(2, table.table());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    /** The tables of a Databend database; empty when it does not exist. */
    List<TableId> targetTables(String database) throws SQLException {
        List<TableId> tables = new ArrayList<>();
        try (Statement st = target.createStatement();
                ResultSet rs = st.executeQuery(VerifyQueries.targetTables(database))) {
            while (rs.next()) {
                tables.add(new TableId(database, ValueCanon.unmarked(rs.getString(1))));
            }
        }
        return tables;
    }

    /** Column name → Databend type; empty when the table does not exist. */
    private Map<String, String> targetColumnTypes(TableId dst) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        try (Statement st = target.createStatement();
                ResultSet rs = st.executeQuery(VerifyQueries.targetColumnTypes(dst))) {
            while (rs.next()) {
                // a column named NULL would come back as SQL NULL without the marker
                types.put(ValueCanon.unmarked(rs.getString(1)), rs.getString(2));
            }
        }
        return types;
    }

    private static long count(Connection c, String countQuery) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(countQuery)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
