package io.bendcdc.applier.databend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.bendcdc.applier.ApplyException;
import io.bendcdc.applier.type.DatabendType;
import io.bendcdc.applier.type.TypeMapping;
import io.bendcdc.contract.ColumnSchema;
import io.bendcdc.contract.TableId;
import io.bendcdc.contract.TableSchema;

/**
 * A source table's Databend counterpart: the mapped name, the columns with their Databend types,
 * and the key REPLACE and DELETE use (the primary key, else configured key columns; with neither
 * the table is append-only).
 */
public record TargetTable(TableId id, TableSchema source, List<String> columns, List<DatabendType> types,
        List<String> keyColumns, List<DatabendType> keyTypes) {

    private static final Logger LOG = LoggerFactory.getLogger(TargetTable.class);
    private static final Set<TableId> WARNED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public static TargetTable of(TableSchema schema, TableMapping tables) {
        TypeMapping mapping = new TypeMapping(tables.tinyint1As());
        List<String> columns = schema.columns().stream().map(ColumnSchema::name).toList();
        List<DatabendType> types = mapping.map(schema.id(), schema.columns());
        List<String> keys = schema.primaryKey();
        if (keys.isEmpty()) {
            keys = tables.keyColumnsOf(schema.id());
            for (String k : keys) {
                if (!columns.contains(k)) {
                    throw new ApplyException("apply.key.columns names column '" + k + "' for " + schema.id()
                            + ", which has no such column (columns: " + columns + ")");
                }
            }
            if (keys.isEmpty() && WARNED.add(schema.id())) {
                LOG.warn("{} has no primary key and no apply.key.columns entry: it is applied append-only "
                        + "(updates add rows, deletes are not applied)", schema.id());
            }
        }
        List<DatabendType> keyTypes = new ArrayList<>();
        for (String k : keys) {
            keyTypes.add(types.get(columns.indexOf(k)));
        }
        return new TargetTable(tables.target(schema.id()), schema, columns, types, keys, keyTypes);
    }

    public boolean appendOnly() {
        return keyColumns.isEmpty();
    }

    public Object[] row(Map<String, Object> image) {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = image.get(columns.get(i));
        }
        return values;
    }
}
