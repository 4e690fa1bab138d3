package io.bendcdc.applier.decode;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A decoded row image or key: column name → value, in schema order, immutable. The names and
 * their index are shared by every row of a schema, so a row costs one array: a batch holds tens
 * of thousands of rows, and a map per row was most of the applier's heap and garbage.
 */
final class RowImage extends AbstractMap<String, Object> {

    /** The columns of one struct schema, shared by its rows. */
    static final class Columns {
        final String[] names;
        final Map<String, Integer> index;

        Columns(String[] names, Map<String, Integer> index) {
            this.names = names;
            this.index = Map.copyOf(index);
        }
    }

    private final Columns columns;
    private final Object[] values;

    RowImage(Columns columns, Object[] values) {
        this.columns = columns;
        this.values = values;
    }

    @Override
    public Object get(Object name) {
        Integer i = columns.index.get(name);
        return i == null ? null : values[i];
    }

    @Override
    public boolean containsKey(Object name) {
        return columns.index.containsKey(name);
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(columns.names[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }
}
