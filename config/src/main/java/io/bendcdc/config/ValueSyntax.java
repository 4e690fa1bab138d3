package io.bendcdc.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How list and map values are written in the properties file, both ways. */
final class ValueSyntax {

    private ValueSyntax() {
    }

    /** {@code a, b,,c} → [a, b, c]: items trimmed, empty items dropped. */
    static List<String> parseList(String raw) {
        return splitTrimmed(raw, ",");
    }

    static String formatList(List<String> list) {
        return String.join(",", list);
    }

    /** {@code k1:v1,k2:v2} → ordered map; the first colon of an entry separates key from value. */
    static Map<String, String> parseMap(String raw) {
        return parseEntries(raw, "key:value", value -> value);
    }

    static String formatMap(Map<String, String> map) {
        return formatEntries(map, value -> value);
    }

    /** {@code k1:a|b,k2:c} → {k1=[a, b], k2=[c]}; each key needs at least one item. */
    static Map<String, List<String>> parseMapOfLists(String raw) {
        return parseEntries(raw, "key:item1|item2", value -> {
            List<String> items = splitTrimmed(value, "|");
            if (items.isEmpty()) {
                throw new InvalidValueException("expected at least one item after ':'");
            }
            return items;
        });
    }

    static String formatMapOfLists(Map<String, List<String>> map) {
        return formatEntries(map, items -> String.join("|", items));
    }

    private static <V> Map<String, V> parseEntries(String raw, String shape, Function<String, V> valueParser) {
        Map<String, V> map = new LinkedHashMap<>();
        for (String entry : parseList(raw)) {
            int colon = entry.indexOf(':');
            String key = colon < 0 ? "" : entry.substring(0, colon).trim();
            String value = colon < 0 ? "" : entry.substring(colon + 1).trim();
            if (key.isEmpty() || value.isEmpty()) {
                throw new InvalidValueException("expected comma-separated " + shape + " entries, got '" + entry + "'");
            }
            if (map.put(key, valueParser.apply(value)) != null) {
                throw new InvalidValueException("key '" + key + "' is given twice");
            }
        }
        return Collections.unmodifiableMap(map);
    }

    private static <V> String formatEntries(Map<String, V> map, Function<V, String> valueFormatter) {
        return map.entrySet().stream()
                .map(e -> e.getKey() + ":" + valueFormatter.apply(e.getValue()))
                .collect(Collectors.joining(","));
    }

    private static List<String> splitTrimmed(String raw, String separator) {
        List<String> items = new ArrayList<>();
        int start = 0;
        while (start <= raw.length()) {
            int end = raw.indexOf(separator, start);
            if (end < 0) {
                end = raw.length();
            }
            String item = raw.substring(start, end).trim();
            if (!item.isEmpty()) {
                items.add(item);
            }
            start = end + separator.length();
        }
        return List.copyOf(items);
    }
}
