package io.bendcdc.applier.decode;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes a Connect struct (a row image or a key) into column name → value, in schema order,
 * straight from the parser's tokens: no JSON tree is built.
 */
final class StructDecoder implements FieldDecoder {

    private final String[] names;
    private final FieldDecoder[] decoders;
    private final boolean[] optional;
    private final Map<String, Integer> index = new HashMap<>();
    private final RowImage.Columns columns;
    private final String path;

    StructDecoder(String path, List<String> names, List<FieldDecoder> decoders, List<Boolean> optional) {
        this.path = path;
        this.names = names.toArray(String[]::new);
        this.decoders = decoders.toArray(FieldDecoder[]::new);
        this.optional = new boolean[optional.size()];
        for (int i = 0; i < this.optional.length; i++) {
            this.optional[i] = optional.get(i);
            index.put(this.names[i], i);
        }
        this.columns = new RowImage.Columns(this.names, index);
    }

    @Override
    public Map<String, Object> decode(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new EnvelopeDecodingException(path + ": expected a struct but got " + p.currentToken());
        }
        Object[] values = new Object[names.length];
        boolean[] present = new boolean[names.length];
        // JsonConverter writes the fields in schema order: guess the next one before looking up.
        int next = 0;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            int i = next < names.length && names[next].equals(name) ? next : index.getOrDefault(name, -1);
            JsonToken value = p.nextToken();
            if (i < 0) {
                p.skipChildren(); // a field the schema does not declare carries nothing for the row
                continue;
            }
            next = i + 1;
            present[i] = true;
            if (value != JsonToken.VALUE_NULL) {
                values[i] = decodeField(i, p);
            }
        }
        for (int i = 0; i < names.length; i++) {
            // A missing field is null too: JsonConverter omits nothing, other writers may.
            if (!present[i] && !optional[i]) {
                throw new EnvelopeDecodingException(path + "." + names[i] + ": required field missing");
            }
        }
        return new RowImage(columns, values);
    }

    private Object decodeField(int i, JsonParser p) throws IOException {
        try {
            return decoders[i].decode(p);
        } catch (EnvelopeDecodingException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new EnvelopeDecodingException(path + "." + names[i] + ": cannot decode " + abbreviate(p) + ": "
                    + e.getMessage(), e);
        }
    }

    private static String abbreviate(JsonParser p) throws IOException {
        String s = p.currentToken().isScalarValue() ? p.getText() : String.valueOf(p.currentToken());
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
