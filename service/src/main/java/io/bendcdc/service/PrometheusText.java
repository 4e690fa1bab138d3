package io.bendcdc.service;

import java.util.Locale;
import java.util.Map;

/**
 * Writes metrics in the Prometheus text exposition format 0.0.4: one HELP and one TYPE line per
 * family, then its samples. Label values are escaped (backslash, double quote, newline) as the
 * format requires, so that table names cannot break the output.
 */
final class PrometheusText {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder out = new StringBuilder();

    /** Starts a metric family. */
    PrometheusText family(String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        return this;
    }

    PrometheusText sample(String name, double value) {
        return sample(name, Map.of(), value);
    }

    /** A sample; labels are written in the map's iteration order. */
    PrometheusText sample(String name, Map<String, String> labels, double value) {
        out.append(name);
        if (!labels.isEmpty()) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, String> l : labels.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                out.append(l.getKey()).append("=\"").append(escapeLabel(l.getValue())).append('"');
            }
            out.append('}');
        }
        out.append(' ').append(number(value)).append('\n');
        return this;
    }

    /**
     * A histogram from per-bucket counts (not cumulative; the last count is the +Inf bucket), as
     * cumulative {@code _bucket} samples, {@code _sum} and {@code _count}.
     */
    PrometheusText histogram(String name, String help, double[] bounds, long[] counts, double sum) {
        if (counts.length != bounds.length + 1) {
            throw new IllegalArgumentException("need one count per bound plus +Inf");
        }
        family(name, "histogram", help);
        long cumulative = 0;
        for (int i = 0; i < counts.length; i++) {
            cumulative += counts[i];
            String le = i < bounds.length ? number(bounds[i]) : "+Inf";
            sample(name + "_bucket", Map.of("le", le), cumulative);
        }
        sample(name + "_sum", sum);
        sample(name + "_count", cumulative);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static String escapeLabel(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String escapeHelp(String v) {
        return v.replace("\\", "\\\\").replace("\n", "\\n");
    }

    /** Whole numbers without a fraction (counters read better), others as Java prints doubles. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%s", v);
    }
}
