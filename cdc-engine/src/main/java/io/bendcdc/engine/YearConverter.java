package io.bendcdc.engine;

import java.util.Properties;

import org.apache.kafka.connect.data.SchemaBuilder;

import io.debezium.spi.converter.CustomConverter;
import io.debezium.spi.converter.RelationalColumn;

/**
 * Reads {@code YEAR} columns exactly, as the year the source holds: 0 (the zero year
 * {@code 0000}) or 1901–2155. Debezium's own conversion moves years below 70 by 2000 (its
 * two-digit-year adjustment, so a snapshot of {@code 0000} gave 2000) and the binlog client reads
 * the stored 0 as 1900, a year the type cannot hold (so a streamed {@code 0000} gave 1900). The
 * schema stays Debezium's {@code io.debezium.time.Year}. With the driver's
 * {@code yearIsDateType=false} (set by {@link DebeziumConnectorProperties}) the snapshot reads a
 * number rather than a date, which for {@code 0000} the driver cannot make.
 */
public final class YearConverter implements CustomConverter<SchemaBuilder, RelationalColumn> {

    /** The binlog client's reading of the stored zero year. */
    private static final int BINLOG_ZERO_YEAR = 1900;

    @Override
    public void configure(Properties props) {
        // nothing to configure
    }

    @Override
    public void converterFor(RelationalColumn column, ConverterRegistration<SchemaBuilder> registration) {
        if (!"YEAR".equalsIgnoreCase(column.typeName())) {
            return;
        }
        SchemaBuilder schema = io.debezium.time.Year.builder();
        if (column.isOptional()) {
            schema.optional();
        }
        registration.register(schema, value -> value == null ? null : year(value));
    }

    /**
     * The year a value read from the snapshot (a number, or a date when the driver makes one) or
     * from the binlog (a {@link java.time.Year}) stands for.
     *
     * @throws IllegalArgumentException for a value that is no year
     */
    static int year(Object value) {
        if (value instanceof java.time.Year y) {
            return y.getValue() == BINLOG_ZERO_YEAR ? 0 : y.getValue();
        }
        if (value instanceof Number n) {
            return n.intValue();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().getYear();
        }
        if (value instanceof java.time.LocalDate d) {
            return d.getYear();
        }
        if (value instanceof String s) {
            return Integer.parseInt(s.trim());
        }
        throw new IllegalArgumentException("a YEAR value of unexpected type " + value.getClass().getName() + ": " + value);
    }
}
