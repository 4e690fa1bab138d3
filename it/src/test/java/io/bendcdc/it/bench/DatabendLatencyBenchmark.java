package io.bendcdc.it.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.bendcdc.applier.type.DatabendType;
import io.bendcdc.applier.type.DatabendType.Kind;
import io.bendcdc.applier.databend.StagedUpsert;
import io.bendcdc.contract.TableId;
import io.bendcdc.it.support.EngineFixture;
import io.bendcdc.it.support.LocalStack;

/**
 * Latency of the local Databend server through databend-jdbc 0.2.8: a one-row REPLACE by
 * {@code Statement.execute}, and a 10k-row REPLACE from a staged file (the applier's write path).
 *
 * <pre>local/bench databend</pre>
 */
public final class DatabendLatencyBenchmark {

    public static void main(String[] args) throws Exception {
        String db = EngineFixture.unique("bench_latency");
        try (Connection c = DriverManager.getConnection(LocalStack.databendUrl("default"), "root", "");
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE \"" + db + "\"");
            st.execute("CREATE TABLE \"" + db + "\".\"t\" (\"id\" Int64 NOT NULL, \"v\" String NULL, "
                    + "\"n\" Decimal(12, 2) NULL, \"ts\" Timestamp NULL)");
            double[] one = new double[60];
            for (int i = 0; i < one.length; i++) {
                long t0 = System.nanoTime();
                st.execute("REPLACE INTO \"" + db + "\".\"t\" (\"id\", \"v\", \"n\", \"ts\") ON (\"id\") VALUES (" + i
                        + ", 'value " + i + "', 12.50, '2024-01-01 00:00:00.000001')");
                one[i] = (System.nanoTime() - t0) / 1e6;
            }
            StagedUpsert writer = new StagedUpsert();
            TableId table = new TableId(db, "t");
            List<DatabendType> types = List.of(DatabendType.of(Kind.INT64, false), DatabendType.of(Kind.STRING, true),
                    DatabendType.decimal(12, 2, true), DatabendType.of(Kind.TIMESTAMP, true));
            double[] staged = new double[12];
            for (int r = 0; r < staged.length; r++) {
                List<Object[]> rows = new ArrayList<>();
                for (int i = 0; i < 10_000; i++) {
                    rows.add(new Object[] {(long) i, "row " + i + " run " + r, new java.math.BigDecimal("1.25"),
                        java.time.LocalDateTime.of(2024, 1, 1, 0, 0, 0, 1000)});
                }
                long t0 = System.nanoTime();
                writer.upsert(c, table, List.of("id", "v", "n", "ts"), List.of("id"), types, rows);
                staged[r] = (System.nanoTime() - t0) / 1e6;
            }
            System.out.println("| statement (databend-jdbc 0.2.8, local server) | runs | p50 | p90 |");
            System.out.println("|---|---|---|---|");
            report("one-row REPLACE … ON (id) VALUES …", Arrays.copyOfRange(one, 10, one.length));
            report("10k-row REPLACE from a staged CSV file (upload + REPLACE … SELECT + REMOVE)",
                    Arrays.copyOfRange(staged, 2, staged.length));
            st.execute("DROP DATABASE \"" + db + "\"");
        }
    }

    private static void report(String what, double[] ms) {
        Arrays.sort(ms);
        System.out.printf("| %s | %d | %.0f ms | %.0f ms |%n", what, ms.length, ms[ms.length / 2],
                ms[(int) Math.ceil(ms.length * 0.9) - 1]);
    }

    private DatabendLatencyBenchmark() {
    }
}
