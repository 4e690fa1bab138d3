package io.bendcdc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.bendcdc.engine.FloatSnapshotReads.Column;

class FloatSnapshotReadsTest {

    private static final List<Column> COLUMNS = List.of(
            new Column("shop", "t", "id", false), new Column("shop", "t", "we`ird f", true),
            new Column("shop", "t", "v", false),
            new Column("shop", "no_float", "id", false),
            new Column("crm", "u", "f", true),
            new Column("crm", "a, b", "f", true));

    @Test
    void aTableWithAFloatIsReadWithEachFloatAsADoubleOfTheSameValue() {
        Properties p = new Properties();
        FloatSnapshotReads.addTo(p, COLUMNS);

        assertThat(p).containsEntry("snapshot.select.statement.overrides", "\"shop\".\"t\",\"crm\".\"u\"")
                .containsEntry("snapshot.select.statement.overrides.\"shop\".\"t\"",
                        "SELECT `id`, (`we``ird f` + 0e0) AS `we``ird f`, `v` FROM `shop`.`t`")
                .containsEntry("snapshot.select.statement.overrides.\"crm\".\"u\"", "SELECT (`f` + 0e0) AS `f` FROM `crm`.`u`")
                .doesNotContainKey("snapshot.select.statement.overrides.\"shop\".\"no_float\"");
    }

    @Test
    void aTableTheUserOverridesKeepsTheUsersStatement() {
        Properties p = new Properties();
        p.setProperty("snapshot.select.statement.overrides", "crm.u");
        p.setProperty("snapshot.select.statement.overrides.crm.u", "SELECT * FROM crm.u WHERE f > 0");

        FloatSnapshotReads.addTo(p, COLUMNS);

        assertThat(p).containsEntry("snapshot.select.statement.overrides", "crm.u,\"shop\".\"t\"")
                .containsEntry("snapshot.select.statement.overrides.crm.u", "SELECT * FROM crm.u WHERE f > 0");
    }

    @Test
    void withoutFloatsNothingIsOverridden() {
        Properties p = new Properties();
        FloatSnapshotReads.addTo(p, List.of(new Column("shop", "t", "id", false)));

        assertThat(p).isEmpty();
    }
}
