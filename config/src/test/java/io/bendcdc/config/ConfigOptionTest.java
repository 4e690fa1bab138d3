package io.bendcdc.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigOptionTest {

    @Test
    void givenIntWithSpaces_whenParsed_thenTrimmedInteger() {
        assertThat(CdcOptions.SOURCE_PORT.parse(" 3307 ")).isEqualTo(3307);
    }

    @Test
    void givenNonNumber_whenParsedAsInt_thenInvalidValue() {
        assertThatThrownBy(() -> CdcOptions.SOURCE_PORT.parse("33o6"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("expected a 32-bit integer");
    }

    @Test
    void givenLargeNumber_whenParsedAsLong_thenLong() {
        assertThat(CdcOptions.SOURCE_SERVER_ID.parse("4294967295")).isEqualTo(4_294_967_295L);
    }

    @Test
    void givenBooleanInAnyCase_whenParsed_thenBoolean() {
        assertThat(CdcOptions.METRICS_ENABLED.parse("FALSE")).isFalse();
        assertThat(CdcOptions.METRICS_ENABLED.parse("True")).isTrue();
    }

    @Test
    void givenBooleanTypo_whenParsed_thenInvalidRatherThanFalse() {
        assertThatThrownBy(() -> CdcOptions.METRICS_ENABLED.parse("yes"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("expected true or false");
    }

    @Test
    void givenListWithSpacesAndEmptyItems_whenParsed_thenTrimmedItemsOnly() {
        assertThat(CdcOptions.SOURCE_TABLES_INCLUDE.parse(" shop.orders , ,shop.items,"))
                .containsExactly("shop.orders", "shop.items");
    }

    @Test
    void givenMap_whenParsed_thenOrderedEntries() {
        assertThat(CdcOptions.DATABEND_DATABASE_MAPPING.parse("shop: shop_dw , crm:crm_dw"))
                .containsExactly(Map.entry("shop", "shop_dw"), Map.entry("crm", "crm_dw"));
    }

    @Test
    void givenMapEntryWithoutColon_whenParsed_thenInvalidValueNamingTheEntry() {
        assertThatThrownBy(() -> CdcOptions.DATABEND_DATABASE_MAPPING.parse("shop:dw,crm"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("'crm'");
    }

    @Test
    void givenMapKeyTwice_whenParsed_thenInvalidValue() {
        assertThatThrownBy(() -> CdcOptions.DATABEND_DATABASE_MAPPING.parse("a:x,a:y"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("key 'a' is given twice");
    }

    @Test
    void givenKeyColumns_whenParsed_thenColumnsPerTable() {
        assertThat(CdcOptions.APPLY_KEY_COLUMNS.parse("shop.log:day|seq, crm.events : id"))
                .containsExactly(Map.entry("shop.log", List.of("day", "seq")), Map.entry("crm.events", List.of("id")));
    }

    @Test
    void givenKeyColumnsWithoutColumns_whenParsed_thenInvalidValue() {
        assertThatThrownBy(() -> CdcOptions.APPLY_KEY_COLUMNS.parse("shop.log:|"))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void givenKeyColumns_whenFormatted_thenSameSyntaxBack() {
        String written = "shop.log:day|seq,crm.events:id";
        assertThat(CdcOptions.APPLY_KEY_COLUMNS.format(CdcOptions.APPLY_KEY_COLUMNS.parse(written)))
                .isEqualTo(written);
    }

    @Test
    void givenEnumInAnyCase_whenParsed_thenConstant() {
        assertThat(CdcOptions.SOURCE_SNAPSHOT_MODE.parse("When_Needed")).isEqualTo(SnapshotMode.WHEN_NEEDED);
        assertThat(CdcOptions.SOURCE_CONNECTOR.parse("MARIADB")).isEqualTo(SourceConnector.MARIADB);
    }

    @Test
    void givenUnknownEnumValue_whenParsed_thenErrorListsAllowedValues() {
        assertThatThrownBy(() -> CdcOptions.SOURCE_CONNECTOR.parse("postgres"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("expected one of mysql, mariadb");
    }

    @Test
    void givenSnapshotMode_whenAskedForDebeziumName_thenLowerCaseWithUnderscores() {
        assertThat(SnapshotMode.INITIAL_ONLY.debeziumName()).isEqualTo("initial_only");
    }

    @Test
    void givenValueOutsideRange_whenValidated_thenReasonGivesTheRange() {
        assertThat(CdcOptions.SOURCE_PORT.validate(70_000)).contains("must be between 1 and 65535");
        assertThat(CdcOptions.APPLY_PARALLELISM.validate(0)).contains("must be at least 1");
    }

    @Test
    void givenIllegalTopicCharacters_whenValidated_thenRejected() {
        assertThat(CdcOptions.KAFKA_TOPIC_PREFIX.validate("my prefix!")).isPresent();
        assertThat(CdcOptions.KAFKA_TOPIC_PREFIX.validate("prod-eu_1.cdc")).isEmpty();
    }

    @Test
    void givenPassword_whenParsed_thenNotTrimmed() {
        assertThat(CdcOptions.SOURCE_PASSWORD.parse(" pa ss ")).isEqualTo(" pa ss ");
    }

    @Test
    void givenDefaultThatFailsItsValidator_whenBuilt_thenDeclarationRejected() {
        ConfigOption.Builder<Integer> builder = ConfigOption.integer("apply.bad").group(Group.APPLY)
                .doc("x").defaultValue(0).validator(Validator.atLeast(1));

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("default is invalid");
    }

    @Test
    void givenNameOutsideItsGroup_whenBuilt_thenDeclarationRejected() {
        ConfigOption.Builder<String> builder = ConfigOption.string("kafka.x").group(Group.SOURCE)
                .doc("x").defaultValue("");

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
    }
}
