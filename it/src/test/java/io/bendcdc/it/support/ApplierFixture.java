package io.bendcdc.it.support;

import java.util.List;
import java.util.Map;

import io.bendcdc.applier.ApplierSettings;
import io.bendcdc.applier.ErrorSettings;
import io.bendcdc.applier.coalesce.BatchSettings;
import io.bendcdc.applier.databend.RetrySettings;
import io.bendcdc.applier.databend.TableMapping;
import io.bendcdc.applier.databend.TargetSettings;
import io.bendcdc.applier.poll.KafkaSettings;
import io.bendcdc.config.ErrorTolerance;
import io.bendcdc.config.SchemaEvolution;
import io.bendcdc.config.TinyInt1Type;
import io.bendcdc.contract.ChangeTopics;

/** Applier settings for the local stack. */
public final class ApplierFixture {

    private ApplierFixture() {
    }

    public static ApplierSettings settings(String prefix, Map<String, String> databaseMapping, int batchRows) {
        return settings(prefix, databaseMapping, batchRows, 200);
    }

    public static ApplierSettings settings(String prefix, Map<String, String> databaseMapping, int batchRows,
            long batchMs) {
        return new ApplierSettings(
                new KafkaSettings(LocalStack.kafkaBootstrap(), new ChangeTopics(prefix), prefix + ".schema-history",
                        prefix + "-applier", Map.of()),
                new TargetSettings(LocalStack.databendUrl("default"), "root", "", prefix.replace('-', '_') + "_state"),
                new TableMapping(databaseMapping, Map.<String, List<String>>of(), TinyInt1Type.BOOLEAN, 100_000),
                new BatchSettings(batchRows, batchMs), new RetrySettings(5, 2000), SchemaEvolution.APPLY,
                new ErrorSettings(ErrorTolerance.NONE, ""), 2);
    }
}
