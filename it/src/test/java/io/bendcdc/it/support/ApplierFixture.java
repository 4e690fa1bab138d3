package io.bendcdc.it.support;

import java.util.List;
import java.util.Map;

import io.bendcdc.applier.ApplierSettings;
import io.bendcdc.config.ErrorTolerance;
import io.bendcdc.config.SchemaEvolution;
import io.bendcdc.config.TinyInt1Type;

/** Applier settings for the local stack. */
public final class ApplierFixture {

    private ApplierFixture() {
    }

    public static ApplierSettings settings(String prefix, Map<String, String> databaseMapping, int batchRows) {
        return settings(prefix, databaseMapping, batchRows, 200);
    }

    public static ApplierSettings settings(String prefix, Map<String, String> databaseMapping, int batchRows,
            long batchMs) {
        return new ApplierSettings(LocalStack.kafkaBootstrap(), prefix, prefix + ".schema-history",
                prefix + "-applier", LocalStack.databendUrl("default"), "root", "", databaseMapping,
                prefix.replace('-', '_') + "_state", 100_000, batchRows, batchMs, 2, SchemaEvolution.APPLY, ErrorTolerance.NONE, "",
                Map.<String, List<String>>of(), TinyInt1Type.BOOLEAN, 5, 2000, Map.of());
    }
}
