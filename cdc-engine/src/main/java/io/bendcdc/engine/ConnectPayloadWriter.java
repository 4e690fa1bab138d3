package io.bendcdc.engine;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.List;

import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes a Connect value as the JSON payload {@code JsonConverter} writes with
 * {@code decimal.format=BASE64} and {@code replace.null.with.default=false}, byte for byte, but
 * straight to a generator: JsonConverter builds a tree of nodes per record and looks up a logical
 * converter for every value, which was most of the engine's serialization time.
 *
 * <p>Only what Debezium's change envelopes hold is written here: primitives, strings, bytes,
 * structs, arrays and Connect's Decimal. {@link #canWrite} tells whether a schema stays within
 * that; anything else (maps, Connect's Date/Time/Timestamp, schemaless values) is left to
 * JsonConverter.
 */
final class ConnectPayloadWriter {

    /** Whether every value of {@code schema} can be written here; walks the schema, so callers cache it. */
    static boolean canWrite(Schema schema) {
        if (schema == null) {
            return false;
        }
        if (schema.name() != null && isConnectLogical(schema.name())) {
            return Decimal.LOGICAL_NAME.equals(schema.name());
        }
        return switch (schema.type()) {
            case INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, BOOLEAN, STRING, BYTES -> true;
            case ARRAY -> canWrite(schema.valueSchema());
            case STRUCT -> schema.fields().stream().allMatch(f -> canWrite(f.schema()));
            case MAP -> false;
        };
    }

    /** The names JsonConverter converts specially; Debezium's own logical types are plain values to it. */
    private static boolean isConnectLogical(String name) {
        return name.startsWith("org.apache.kafka.connect.data.");
    }

    /** Writes {@code value} of a schema for which {@link #canWrite} holds. */
    void write(JsonGenerator g, Schema schema, Object value) throws IOException {
        if (value == null) {
            // A NULL stays NULL: Debezium puts a column's DEFAULT into its schema, and writing that
            // default for an explicit NULL would change the row.
            if (!schema.isOptional()) {
                throw new DataException("Conversion error: null value for field that is required and has no default value");
            }
            g.writeNull();
            return;
        }
        if (schema.name() != null && Decimal.LOGICAL_NAME.equals(schema.name())) {
            if (!(value instanceof BigDecimal d)) {
                throw new DataException("Invalid type for Decimal, expected BigDecimal but was " + value.getClass());
            }
            g.writeBinary(Decimal.fromLogical(schema, d));
            return;
        }
        try {
            switch (schema.type()) {
                case INT8 -> g.writeNumber((Byte) value);
                case INT16 -> g.writeNumber((Short) value);
                case INT32 -> g.writeNumber((Integer) value);
                case INT64 -> g.writeNumber((Long) value);
                case FLOAT32 -> g.writeNumber((Float) value);
                case FLOAT64 -> g.writeNumber((Double) value);
                case BOOLEAN -> g.writeBoolean((Boolean) value);
                case STRING -> g.writeString(((CharSequence) value).toString());
                case BYTES -> writeBytes(g, value);
                case ARRAY -> {
                    g.writeStartArray();
                    for (Object item : (List<?>) value) {
                        write(g, schema.valueSchema(), item);
                    }
                    g.writeEndArray();
                }
                case STRUCT -> writeStruct(g, schema, (Struct) value);
                case MAP -> throw new DataException("maps are written by JsonConverter");
            }
        } catch (ClassCastException e) {
            throw new DataException("Invalid type for " + schema.type() + ": " + value.getClass());
        }
    }

    private void writeStruct(JsonGenerator g, Schema schema, Struct struct) throws IOException {
        if (!struct.schema().equals(schema)) {
            throw new DataException("Mismatching schema.");
        }
        g.writeStartObject();
        for (Field field : schema.fields()) {
            g.writeFieldName(field.name());
            write(g, field.schema(), struct.getWithoutDefault(field.name()));
        }
        g.writeEndObject();
    }

    private static void writeBytes(JsonGenerator g, Object value) throws IOException {
        if (value instanceof byte[] b) {
            g.writeBinary(b);
        } else if (value instanceof ByteBuffer b) {
            g.writeBinary(b.array()); // as JsonConverter does: the whole backing array
        } else {
            throw new DataException("Invalid type for bytes type: " + value.getClass());
        }
    }
}
