package io.bendcdc.applier.coalesce;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.bendcdc.applier.decode.ChangeEvent;

/**
 * The pending changes of one table, coalesced by key: the last change of a key wins (its row
 * image, or its deletion). After coalescing, the keys to upsert and the keys to delete are
 * disjoint, so one REPLACE and one DELETE per batch, in either order, give the final state.
 */
public final class ChangeBuffer {

    private final List<String> keyColumns;
    private final Map<List<Object>, ChangeEvent> byKey = new LinkedHashMap<>();
    private final Map<List<Object>, ConsumerRecord<ByteBuffer, ByteBuffer>> records = new LinkedHashMap<>();
    private int events;

    public ChangeBuffer(List<String> keyColumns) {
        this.keyColumns = List.copyOf(keyColumns);
    }

    public void add(ChangeEvent event, ConsumerRecord<ByteBuffer, ByteBuffer> record) {
        List<Object> key;
        if (keyColumns.isEmpty()) {
            // Append-only table: nothing identifies a row, so every change is kept.
            key = List.of(events);
        } else {
            key = keyOf(event.op() == ChangeEvent.Op.DELETE ? keyImage(event) : event.after());
        }
        byKey.put(key, event);
        records.put(key, record);
        events++;
    }

    /** The surviving changes with the records they came from, in first-seen key order. */
    public Map<List<Object>, ChangeEvent> byKey() {
        return byKey;
    }

    public ConsumerRecord<ByteBuffer, ByteBuffer> record(List<Object> key) {
        return records.get(key);
    }

    /** Changes received, before coalescing. */
    public int events() {
        return events;
    }

    public boolean isEmpty() {
        return byKey.isEmpty();
    }

    /** Row images of the keys whose last change is an insert, update or snapshot read. */
    public List<Map<String, Object>> upserts() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ChangeEvent e : byKey.values()) {
            if (e.op() == ChangeEvent.Op.UPSERT) {
                rows.add(e.after());
            }
        }
        return rows;
    }

    /** Key values, in key column order, of the keys whose last change is a delete. */
    public List<List<Object>> deletedKeys() {
        List<List<Object>> keys = new ArrayList<>();
        for (ChangeEvent e : byKey.values()) {
            if (e.op() == ChangeEvent.Op.DELETE) {
                keys.add(rawKey(keyImage(e)));
            }
        }
        return keys;
    }

    public Collection<ChangeEvent> survivors() {
        return byKey.values();
    }

    public void clear() {
        byKey.clear();
        records.clear();
        events = 0;
    }

    private Map<String, Object> keyImage(ChangeEvent e) {
        return e.before() != null ? e.before() : e.key();
    }

    private List<Object> rawKey(Map<String, Object> image) {
        List<Object> key = new ArrayList<>(keyColumns.size());
        for (String c : keyColumns) {
            key.add(image.get(c));
        }
        return key;
    }

    // byte[] has identity equality; a key map needs content equality.
    private List<Object> keyOf(Map<String, Object> image) {
        List<Object> key = new ArrayList<>(keyColumns.size());
        for (String c : keyColumns) {
            Object v = image.get(c);
            key.add(v instanceof byte[] b ? ByteBuffer.wrap(b) : v);
        }
        return key;
    }
}
