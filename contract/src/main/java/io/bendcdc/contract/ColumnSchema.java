package io.bendcdc.contract;

import java.util.List;
import java.util.Objects;

/**
 * A source column as Debezium's structured table changes describe it.
 *
 * @param typeName     MySQL type name as Debezium reports it, e.g. {@code INT UNSIGNED}, {@code DECIMAL}
 * @param length       declared length or precision; null when the type has none
 * @param scale        declared scale (DECIMAL) or fractional seconds (DATETIME(6) has no scale but length); null if none
 * @param enumValues   the allowed values of an ENUM or SET, else empty
 */
public record ColumnSchema(
        String name,
        int position,
        String typeName,
        String typeExpression,
        int jdbcType,
        Integer length,
        Integer scale,
        boolean optional,
        boolean autoIncremented,
        boolean hasDefaultValue,
        String defaultValueExpression,
        String charsetName,
        List<String> enumValues) {

    public ColumnSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(typeName, "typeName");
        enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
    }
}
