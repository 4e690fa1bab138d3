package io.bendcdc.applier.event;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decodes a Connect struct (a row image or a key) into column name → value, in schema order. */
final class StructDecoder implements FieldDecoder {

    private final String[] names;
    private final FieldDecoder[] decoders;
    private final boolean[] optional;
    private final String path;

    StructDecoder(String path, List<String> names, List<FieldDecoder> decoders, List<Boolean> optional) {
        this.path = path;
        this.names = names.toArray(String[]::new);
        this.decoders = decoders.toArray(FieldDecoder[]::new);
        this.optional = new boolean[optional.size()];
        for (int i = 0; i < this.optional.length; i++) {
            this.optional[i] = optional.get(i);
        }
    }

    @Override
    public Map<String, Object> decode(JsonNode struct) {
        if (!struct.isObject()) {
            throw new EnvelopeDecodingException(path + ": expected a struct but got " + struct.getNodeType());
        }
        Map<String, Object> row = new LinkedHashMap<>(names.length * 4 / 3 + 1);
        for (int i = 0; i < names.length; i++) {
            JsonNode v = struct.get(names[i]);
            if (v == null || v.isNull()) {
                // A missing field is null too: JsonConverter omits nothing, other writers may.
                if (!optional[i] && v == null) {
                    throw new EnvelopeDecodingException(path + "." + names[i] + ": required field missing");
                }
                row.put(names[i], null);
            } else {
                try {
                    row.put(names[i], decoders[i].decode(v));
                } catch (EnvelopeDecodingException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw new EnvelopeDecodingException(path + "." + names[i] + ": cannot decode " + abbreviate(v) + ": " + e.getMessage(), e);
                }
            }
        }
        return Collections.unmodifiableMap(row);
    }

    private static String abbreviate(JsonNode v) {
        String s = v.toString();
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
