package io.bendcdc.applier.databend;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.bendcdc.applier.ApplyException;
import io.bendcdc.contract.TableId;

/** What Databend has: the columns of a table, as {@code system.columns} lists them. */
final class DatabendCatalog implements SchemaReconciler.Actual {

    private final DatabendSession session;

    DatabendCatalog(DatabendSession session) {
        this.session = session;
    }

    /** Column name → type as system.columns shows it, in table order; null when the table does not exist. */
    @Override
    public Map<String, String> columns(TableId table) {
        try {
            Map<String, String> cols = session.read("read the columns of " + table, c -> {
                Map<String, String> found = new LinkedHashMap<>();
                DatabendSession.query(c, DatabendDialect.selectColumns(table),
                        rs -> found.put(rs.getString(1).substring(1), rs.getString(2))); // after its marker
                return found;
            });
            return cols.isEmpty() ? null : cols;
        } catch (SQLException e) {
            throw new ApplyException("cannot read the columns of Databend table " + table + ": " + e.getMessage(), e);
        }
    }
}
