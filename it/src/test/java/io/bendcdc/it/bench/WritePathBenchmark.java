package io.bendcdc.it.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.bendcdc.applier.databend.DatabendDialect;
import io.bendcdc.applier.databend.Identifiers;
import io.bendcdc.applier.type.DatabendType;
import io.bendcdc.applier.databend.StagedUpsert;
import io.bendcdc.contract.TableId;
import io.bendcdc.it.support.EngineFixture;
import io.bendcdc.it.support.LocalStack;

/**
 * Rows/s of the three ways to write a batch of upserts to Databend, and whether each reads back
 * exactly: the staged CSV file the applier uses, the driver's PreparedStatement batch, and a
 * literal multi-row REPLACE.
 *
 * <pre>local/bench write-path</pre>
 */
public final class WritePathBenchmark {

    private final StagedUpsert writer = new StagedUpsert();
    private final Connection connection;
    private final String database;

    private WritePathBenchmark(Connection connection, String database) {
        this.connection = connection;
        this.database = database;
    }

    public static void main(String[] args) throws Exception {
        String db = EngineFixture.unique("bench_write");
        try (Connection c = DriverManager.getConnection(LocalStack.databendUrl("default"), "root", "")) {
            new WritePathBenchmark(c, db).execute("CREATE DATABASE " + Identifiers.quote(db));
            new WritePathBenchmark(c, db).run();
            new WritePathBenchmark(c, db).execute("DROP DATABASE " + Identifiers.quote(db));
        }
    }

    /**
     * Throughput of the three write paths for one 10-column table (the figures are in
     * databend-applier/WRITE_PATH.md). Each run writes new keys into the same
     * table, so REPLACE also checks against the rows already there.
     */
    private void run() throws SQLException {
        List<String> cols = List.of("id", "i", "big", "price", "name", "descr", "created", "day", "active", "ratio");
        List<DatabendType> types = List.of(DatabendType.of(DatabendType.Kind.INT64, false), DatabendType.of(DatabendType.Kind.INT32, true),
                DatabendType.of(DatabendType.Kind.INT64, true), DatabendType.decimal(12, 2, true), DatabendType.of(DatabendType.Kind.STRING, true),
                DatabendType.of(DatabendType.Kind.STRING, true), DatabendType.of(DatabendType.Kind.TIMESTAMP, true),
                DatabendType.of(DatabendType.Kind.DATE, true), DatabendType.of(DatabendType.Kind.BOOLEAN, true),
                DatabendType.of(DatabendType.Kind.FLOAT64, true));
        int runs = Integer.getInteger("bench.runs", 3);
        for (int size : new int[] {10_000, 100_000}) {
            for (String path : List.of("staged", "prepared-batch", "literal-values")) {
                TableId t = table("bench_" + path.replace('-', '_') + "_" + size);
                execute(DatabendDialect.createTable(t, cols, types));
                long[] nanos = new long[runs];
                long mismatches = 0;
                for (int run = 0; run < runs; run++) {
                    List<Object[]> rows = benchRows((long) run * size, size);
                    long start = System.nanoTime();
                    switch (path) {
                        case "staged" -> writer.upsert(connection, t, cols, List.of("id"), types, rows);
                        case "prepared-batch" -> preparedBatch(t, cols, types, rows);
                        default -> execute(DatabendDialect.replaceValues(t, cols, List.of("id"), types, rows));
                    }
                    nanos[run] = System.nanoTime() - start;
                    if (run == 0) {
                        mismatches = mismatches(t, rows);
                    }
                }
                Arrays.sort(nanos);
                double median = nanos[runs / 2] / 1e9;
                System.out.printf(Locale.ROOT, "BENCH %-15s %7d rows: median %.3f s (%,.0f rows/s), runs %s, rows not read back equal: %d%n",
                        path, size, median, size / median, Arrays.toString(Arrays.stream(nanos).map(n -> n / 1_000_000).toArray()),
                        mismatches);
            }
        }
    }

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private static List<Object[]> benchRows(long firstId, int n) {
        List<Object[]> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long id = firstId + i;
            rows.add(new Object[] {id, (int) (id % 1000), id * 1_000_003L, BigDecimal.valueOf(id % 100_000, 2),
                    i % 10 == 0 ? "" : "name-" + id, "a longer description, with \"quotes\", commas and é😀 #" + id,
                    LocalDateTime.of(2024, 1, 2, 3, 4, 5).plusNanos((id % 1_000_000) * 1000), LocalDate.of(2024, 1, 1).plusDays(id % 3000),
                    id % 2 == 0, id / 7.0});
        }
        return rows;
    }

    /** databend-jdbc's own path: REPLACE … VALUES (?, …) with addBatch/executeBatch (a CSV attachment). */
    private void preparedBatch(TableId t, List<String> cols, List<DatabendType> types, List<Object[]> rows) throws SQLException {
        String sql = "REPLACE INTO " + Identifiers.quote(t) + " (" + Identifiers.quoteAll(cols) + ") ON (\"id\") VALUES ("
                + String.join(", ", cols.stream().map(c -> "?").toList()) + ")";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    Object v = row[i];
                    if (v == null) {
                        ps.setNull(i + 1, Types.VARCHAR);
                    } else if (v instanceof LocalDateTime ldt) {
                        // setTimestamp would drop the microseconds; the text keeps them.
                        ps.setString(i + 1, MICROS.format(ldt));
                    } else {
                        ps.setString(i + 1, v.toString());
                    }
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Rows of the batch whose read-back text differs from what the staged path's canonical text says. */
    private long mismatches(TableId t, List<Object[]> rows) throws SQLException {
        long first = (Long) rows.get(0)[0];
        List<List<String>> back = rows("SELECT id, i, big, price, name, descr, created, day, active, ratio FROM " + Identifiers.quote(t)
                + " WHERE id >= " + first + " AND id < " + (first + rows.size()) + " ORDER BY id");
        long bad = Math.abs(back.size() - rows.size());
        for (int r = 0; r < Math.min(back.size(), rows.size()); r++) {
            Object[] row = rows.get(r);
            List<String> got = back.get(r);
            String created = MICROS.format((LocalDateTime) row[6]);
            boolean equal = got.get(4) != null && got.get(4).equals(row[4]) && got.get(5).equals(row[5])
                    && got.get(6).equals(created) && new BigDecimal(got.get(3)).equals(row[3])
                    && Double.parseDouble(got.get(9)) == (Double) row[9];
            bad += equal ? 0 : 1;
        }
        return bad;
    }


    private TableId table(String name) {
        return new TableId(database, name);
    }

    private void execute(String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    private List<List<String>> rows(String sql) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
        }
        return out;
    }
}
