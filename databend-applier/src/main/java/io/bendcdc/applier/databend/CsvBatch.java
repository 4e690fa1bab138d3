package io.bendcdc.applier.databend;

import io.bendcdc.applier.type.DatabendType;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A batch of rows as a CSV file that Databend reads back exactly with {@link #FILE_FORMAT_SQL}:
 * NULL is an unquoted {@code \N}; strings, JSON and binary hex are always quoted (a quote doubled, backslash
 * literal), so an empty string ({@code ""}) and the text {@code \N} stay distinct from NULL; other
 * values are {@link ValueText}'s canonical text. Pure: no I/O.
 */
final class CsvBatch {

    static final String FILE_FORMAT = "bendcdc_csv_v1";

    /** Every option spelled out, so that no server default decides how a value reads back. */
    static final String FILE_FORMAT_SQL = "CREATE OR REPLACE FILE FORMAT " + FILE_FORMAT
            + " TYPE = CSV FIELD_DELIMITER = ',' RECORD_DELIMITER = '\\n' QUOTE = '\"' ESCAPE = ''"
            + " NULL_DISPLAY = '\\\\N' EMPTY_FIELD_AS = NULL QUOTED_EMPTY_FIELD_AS = STRING SKIP_HEADER = 0"
            + " TRIM_SPACE = false ALLOW_QUOTED_NULLS = false ERROR_ON_COLUMN_COUNT_MISMATCH = true"
            + " COMPRESSION = NONE";

    final byte[] bytes;
    final int rows;

    private CsvBatch(byte[] bytes, int rows) {
        this.bytes = bytes;
        this.rows = rows;
    }

    /**
     * @throws IllegalArgumentException on a repeated key (REPLACE would fail with code 4000) or a
     *                                  value that cannot be written exactly
     */
    static CsvBatch of(List<String> columns, List<String> keyColumns, List<DatabendType> types, Iterable<Object[]> rows) {
        int n = columns.size();
        int[] keyIndex = keyColumns.stream().mapToInt(columns::indexOf).toArray();
        boolean[] quoted = new boolean[n];
        for (int i = 0; i < n; i++) {
            DatabendType.Kind k = types.get(i).kind();
            // Quoted whenever the text can be empty: an unquoted empty field reads as NULL.
            quoted[i] = k == DatabendType.Kind.STRING || k == DatabendType.Kind.VARIANT || k == DatabendType.Kind.BINARY;
        }
        StringBuilder csv = new StringBuilder(4096);
        // The canonical texts of a key identify it exactly; a set of them detects repeats cheaply.
        Set<Object> seen = new HashSet<>();
        String[] texts = new String[n];
        int count = 0;
        for (Object[] row : rows) {
            if (row.length != n) {
                throw new IllegalArgumentException("row has " + row.length + " values for " + n + " columns");
            }
            for (int i = 0; i < n; i++) {
                try {
                    texts[i] = row[i] == null ? null : ValueText.of(types.get(i), row[i]);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("column " + columns.get(i) + ": " + e.getMessage(), e);
                }
            }
            if (!seen.add(key(texts, keyIndex))) {
                throw new IllegalArgumentException("key " + key(texts, keyIndex) + " is repeated in the batch; coalesce by key first");
            }
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                String t = texts[i];
                if (t == null) {
                    csv.append("\\N");
                } else if (quoted[i]) {
                    appendQuoted(csv, t);
                } else {
                    csv.append(t);
                }
            }
            csv.append('\n');
            count++;
        }
        return new CsvBatch(csv.toString().getBytes(StandardCharsets.UTF_8), count);
    }

    private static Object key(String[] texts, int[] keyIndex) {
        if (keyIndex.length == 1) {
            return texts[keyIndex[0]] == null ? List.of() : texts[keyIndex[0]];
        }
        Object[] k = new Object[keyIndex.length];
        for (int i = 0; i < keyIndex.length; i++) {
            k[i] = texts[keyIndex[i]];
        }
        return java.util.Arrays.asList(k);
    }

    private static void appendQuoted(StringBuilder csv, String s) {
        csv.append('"');
        int from = 0;
        for (int i = s.indexOf('"'); i >= 0; i = s.indexOf('"', from)) {
            csv.append(s, from, i + 1).append('"');
            from = i + 1;
        }
        csv.append(s, from, s.length()).append('"');
    }
}
