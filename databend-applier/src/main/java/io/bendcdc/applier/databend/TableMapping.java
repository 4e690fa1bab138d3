package io.bendcdc.applier.databend;

import java.util.List;
import java.util.Map;

import io.bendcdc.config.CdcConfig;
import io.bendcdc.config.CdcOptions;
import io.bendcdc.config.TinyInt1Type;
import io.bendcdc.contract.TableId;

/**
 * How a source table becomes a Databend table: its database (renamed by
 * {@code databend.database.mapping}), its key where the source has none
 * ({@code apply.key.columns}), the type of {@code TINYINT(1)}, and the block size of new tables.
 */
public record TableMapping(Map<String, String> databaseMapping, Map<String, List<String>> keyColumns,
        TinyInt1Type tinyint1As, int rowsPerBlock) {

    public TableMapping {
        databaseMapping = Map.copyOf(databaseMapping);
        keyColumns = Map.copyOf(keyColumns);
    }

    public static TableMapping from(CdcConfig c) {
        return new TableMapping(c.get(CdcOptions.DATABEND_DATABASE_MAPPING), c.get(CdcOptions.APPLY_KEY_COLUMNS),
                c.get(CdcOptions.APPLY_TINYINT1_AS), c.get(CdcOptions.DATABEND_TABLE_ROWS_PER_BLOCK));
    }

    /** The Databend table a source table is written to. */
    public TableId target(TableId source) {
        return new TableId(databaseMapping.getOrDefault(source.database(), source.database()), source.table());
    }

    /** The configured key columns of a source table without a primary key; empty when none are configured. */
    public List<String> keyColumnsOf(TableId source) {
        return keyColumns.getOrDefault(source.toString(), List.of());
    }
}
