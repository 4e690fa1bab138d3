package io.bendcdc.applier.type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bendcdc.config.TinyInt1Type;
import io.bendcdc.contract.ColumnSchema;
import io.bendcdc.contract.TableId;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TypeMappingTest {

    private static final TableId TABLE = new TableId("shop", "items");
    private final TypeMapping mapping = new TypeMapping(TinyInt1Type.BOOLEAN);

    @ParameterizedTest(name = "{0}({1},{2}) -> {3}")
    @CsvSource(nullValues = "-", value = {
            "TINYINT, 1, -, Boolean NULL",
            "BOOLEAN, 1, -, Boolean NULL",
            "BOOL, -, -, Boolean NULL",
            "TINYINT, 4, -, Int8 NULL",
            "TINYINT UNSIGNED, 3, -, UInt8 NULL",
            "TINYINT UNSIGNED, 1, -, UInt8 NULL",
            "SMALLINT, 6, -, Int16 NULL",
            "SMALLINT UNSIGNED, 5, -, UInt16 NULL",
            "MEDIUMINT, 9, -, Int32 NULL",
            "MEDIUMINT UNSIGNED, 8, -, UInt32 NULL",
            "INT, 11, -, Int32 NULL",
            "INT UNSIGNED, 10, -, UInt32 NULL",
            "INT UNSIGNED ZEROFILL, 10, -, UInt32 NULL",
            "BIGINT, 20, -, Int64 NULL",
            "BIGINT UNSIGNED, 20, -, UInt64 NULL",
            "DECIMAL, 12, 2, 'Decimal(12, 2) NULL'",
            "DECIMAL, 65, 30, 'Decimal(65, 30) NULL'",
            "DECIMAL, -, -, 'Decimal(10, 0) NULL'",
            "NUMERIC, 5, -, 'Decimal(5, 0) NULL'",
            "DECIMAL UNSIGNED, 10, 2, 'Decimal(10, 2) NULL'",
            "FLOAT, -, -, Float32 NULL",
            "FLOAT, 7, 4, Float32 NULL",
            "FLOAT, 30, -, Float64 NULL",
            "DOUBLE, -, -, Float64 NULL",
            "DOUBLE PRECISION, -, -, Float64 NULL",
            "BIT, 1, -, Boolean NULL",
            "BIT, 64, -, UInt64 NULL",
            "CHAR, 10, -, String NULL",
            "VARCHAR, 100, -, String NULL",
            "TEXT, -, -, String NULL",
            "LONGTEXT, -, -, String NULL",
            "ENUM, 1, -, String NULL",
            "SET, 1, -, String NULL",
            "BINARY, 16, -, Binary NULL",
            "VARBINARY, 16, -, Binary NULL",
            "BLOB, -, -, Binary NULL",
            "LONGBLOB, -, -, Binary NULL",
            "DATE, -, -, Date NULL",
            "DATETIME, 6, -, Timestamp NULL",
            "TIMESTAMP, -, -, Timestamp NULL",
            "TIME, 6, -, String NULL",
            "YEAR, -, -, UInt16 NULL",
            "JSON, -, -, Variant NULL",
            "GEOMETRY, -, -, Binary NULL",
            "POINT, -, -, Binary NULL",
            "MULTIPOLYGON, -, -, Binary NULL",
            "int unsigned, 10, -, UInt32 NULL",
    })
    void givenASourceColumnType_whenMapped_thenItGetsTheDesignsDatabendType(String type, Integer length, Integer scale, String expected) {
        assertThat(mapping.map(TABLE, column("c", type, length, scale, true), null).sql()).isEqualTo(expected);
    }

    @Test
    void givenANotNullColumn_whenMapped_thenTheTypeIsNotNull() {
        assertThat(mapping.map(TABLE, column("id", "INT UNSIGNED", 10, null, false), null).sql()).isEqualTo("UInt32 NOT NULL");
    }

    @Test
    void givenTinyInt1ConfiguredAsInt8_whenMapped_thenItIsInt8() {
        TypeMapping int8 = new TypeMapping(TinyInt1Type.INT8);

        assertThat(int8.map(TABLE, column("active", "TINYINT", 1, null, true), null).sql()).isEqualTo("Int8 NULL");
        assertThat(int8.map(TABLE, column("flag", "BOOLEAN", 1, null, false), null).sql()).isEqualTo("Int8 NOT NULL");
    }

    @Test
    void givenTimeColumns_whenMapped_thenTheyAreStringsThatRememberTheirFractionalDigits() {
        assertThat(mapping.map(TABLE, column("t", "TIME", 6, null, true), null).timeFsp()).isEqualTo(6);
        assertThat(mapping.map(TABLE, column("t", "TIME", null, null, true), null).timeFsp()).isZero();
        assertThat(mapping.map(TABLE, column("s", "VARCHAR", 6, null, true), null).holdsTime()).isFalse();
    }

    @Test
    void givenAMariaDbJsonColumnReportedAsLongtext_whenTheEnvelopeSaysJson_thenItIsVariant() {
        ColumnSchema attrs = column("attrs", "LONGTEXT", null, null, true);

        assertThat(mapping.map(TABLE, attrs, TypeMapping.JSON_LOGICAL_TYPE).sql()).isEqualTo("Variant NULL");
        assertThat(mapping.map(TABLE, attrs, null).sql()).isEqualTo("String NULL");
    }

    @Test
    void givenAnUnknownType_whenMapped_thenItFailsNamingTableColumnAndType() {
        assertThatThrownBy(() -> mapping.map(TABLE, column("addr", "INET6", null, null, true), null))
                .isInstanceOf(UnmappedTypeException.class)
                .hasMessageContaining("shop.items.addr").hasMessageContaining("INET6");
    }

    @Test
    void givenADecimalBeyondDatabendsPrecision_whenMapped_thenItFails() {
        assertThatThrownBy(() -> mapping.map(TABLE, column("d", "DECIMAL", 80, 2, true), null))
                .isInstanceOf(UnmappedTypeException.class).hasMessageContaining("shop.items.d");
    }

    @Test
    void givenAllColumnsOfATable_whenMapped_thenTypesFollowColumnOrder() {
        List<DatabendType> types = mapping.map(TABLE, List.of(column("id", "INT UNSIGNED", 10, null, false),
                column("price", "DECIMAL", 12, 2, true)));

        assertThat(types).extracting(DatabendType::sql).containsExactly("UInt32 NOT NULL", "Decimal(12, 2) NULL");
    }

    static ColumnSchema column(String name, String type, Integer length, Integer scale, boolean optional) {
        return new ColumnSchema(name, 1, type, type, 0, length, scale, optional, false, false, null, null, List.of());
    }
}
