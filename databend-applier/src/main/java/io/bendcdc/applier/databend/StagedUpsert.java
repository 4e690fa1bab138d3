package io.bendcdc.applier.databend;

import com.databend.jdbc.DatabendConnection;
import io.bendcdc.applier.type.DatabendType;
import io.bendcdc.contract.TableId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes a batch of row images of one table in one statement: the rows become a CSV file
 * ({@link CsvBatch}) uploaded to the user stage, then
 * {@code REPLACE INTO t (…) ON (keys) SELECT <casts> FROM @~/…/batch.csv (FILE_FORMAT => …)},
 * then the file is removed. Every value reads back exactly (see WRITE_PATH.md for why not the
 * driver's own PreparedStatement batches, which turn empty strings into NULL and drop
 * microseconds).
 *
 * <p>Runs in the caller's session, so inside its transaction when one is open (the upload itself
 * is not transactional; an orphan file after a crash is harmless). Thread-safe: the only state is
 * whether the named file format was declared, and declaring it twice is harmless.
 */
public final class StagedUpsert {

    private static final Logger LOG = LoggerFactory.getLogger(StagedUpsert.class);

    /** Databend's "Unknown UserDefinedFileFormat": the server lost its metadata (it restarted). */
    private static final String UNKNOWN_FILE_FORMAT = "UserDefinedFileFormat";

    private static final String STAGE_DIR = "bendcdc";

    private volatile boolean fileFormatReady;

    /**
     * Replaces the rows with the given keys by these row images.
     *
     * @param target     the Databend table (database already mapped)
     * @param columns    the columns written, in the order of each row's values
     * @param keyColumns the key columns (a subset of {@code columns}); keys must be distinct
     * @param types      the Databend type of each column
     * @param rows       the row values, decoded Java values (see {@code ChangeEvent})
     * @throws IllegalArgumentException on a repeated key or a value that does not fit its column
     */
    public void upsert(Connection c, TableId target, List<String> columns, List<String> keyColumns,
            List<DatabendType> types, Iterable<Object[]> rows) throws SQLException {
        write(c, target, columns, keyColumns, types, rows, true);
    }

    /**
     * Inserts these row images; the caller has deleted their keys first, in the same transaction
     * (see {@link DatabendDialect#upsertsByDeleteAndInsert}).
     */
    public void insert(Connection c, TableId target, List<String> columns, List<String> keyColumns,
            List<DatabendType> types, Iterable<Object[]> rows) throws SQLException {
        write(c, target, columns, keyColumns, types, rows, false);
    }

    private void write(Connection c, TableId target, List<String> columns, List<String> keyColumns,
            List<DatabendType> types, Iterable<Object[]> rows, boolean replace) throws SQLException {
        CsvBatch batch = CsvBatch.of(columns, keyColumns, types, rows);
        if (batch.rows == 0) {
            return;
        }
        String dir = STAGE_DIR + "/" + UUID.randomUUID();
        String file = "batch.csv";
        String location = "@~/" + dir + "/" + file;
        c.unwrap(DatabendConnection.class).uploadStream(null, dir, new ByteArrayInputStream(batch.bytes), file,
                batch.bytes.length, false);
        try {
            String statement = replace ? replaceFromStage(target, columns, keyColumns, types, location)
                    : insertFromStage(target, columns, types, location);
            ensureFileFormat(c);
            try {
                execute(c, statement);
            } catch (SQLException e) {
                if (e.getMessage() == null || !e.getMessage().contains(UNKNOWN_FILE_FORMAT)) {
                    throw e;
                }
                fileFormatReady = false;
                ensureFileFormat(c);
                execute(c, statement);
            }
        } finally {
            remove(c, "@~/" + dir + "/");
        }
    }

    /** The statement that replaces from a staged CSV file written by {@link CsvBatch}. Pure. */
    static String replaceFromStage(TableId target, List<String> columns, List<String> keyColumns,
            List<DatabendType> types, String location) {
        return DatabendDialect.replaceSelect(target, columns, keyColumns, stagedColumns(types), staged(location));
    }

    /** The statement that inserts from a staged CSV file written by {@link CsvBatch}. Pure. */
    static String insertFromStage(TableId target, List<String> columns, List<DatabendType> types, String location) {
        return DatabendDialect.insertSelect(target, columns, stagedColumns(types), staged(location));
    }

    private static List<String> stagedColumns(List<DatabendType> types) {
        List<String> select = new ArrayList<>(types.size());
        for (int i = 0; i < types.size(); i++) {
            select.add(ValueText.toSql(types.get(i), "$" + (i + 1)));
        }
        return select;
    }

    private static String staged(String location) {
        return location + " (FILE_FORMAT => '" + CsvBatch.FILE_FORMAT + "')";
    }

    private void ensureFileFormat(Connection c) throws SQLException {
        if (!fileFormatReady) {
            execute(c, CsvBatch.FILE_FORMAT_SQL);
            fileFormatReady = true;
        }
    }

    private static void remove(Connection c, String location) {
        try {
            execute(c, "REMOVE " + location);
        } catch (SQLException e) {
            // Only a leftover file in the user stage; the write itself is done or already failed.
            LOG.warn("could not remove staged batch {}: {}", location, e.getMessage());
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        // Statement.executeUpdate sends nothing in databend-jdbc 0.2.8: execute() does.
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
