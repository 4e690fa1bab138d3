package io.bendcdc.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text format 0.0.4, as scraped over HTTP: every line must be a
 * HELP, a TYPE or a sample line with a valid name, properly escaped labels and a number; a family's
 * TYPE comes before its samples, which are contiguous, and no series appears twice. Anything else
 * fails the test with the offending line.
 */
public final class PrometheusScrape {

    /** One sample: metric name, labels in order, value. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") (.*)");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(.*)\\})? (\\S+)( -?\\d+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"(,|$)");

    private final List<Sample> samples;
    private final Map<String, String> types;

    private PrometheusScrape(List<Sample> samples, Map<String, String> types) {
        this.samples = samples;
        this.types = types;
    }

    /** GETs {@code url}, checks status 200 and the 0.0.4 content type, and parses the body. */
    public static PrometheusScrape get(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + url + " gave " + r.statusCode());
        }
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("text/plain") || !type.contains("version=0.0.4")) {
            throw new AssertionError("content type " + type);
        }
        return parse(r.body());
    }

    public static PrometheusScrape parse(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new AssertionError("the text must end with a newline");
        }
        List<Sample> samples = new ArrayList<>();
        Map<String, String> types = new LinkedHashMap<>();
        Set<String> helped = new HashSet<>();
        Set<String> closedFamilies = new HashSet<>();
        Set<String> series = new HashSet<>();
        String family = null;
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            if (line.isEmpty() && n == text.split("\n", -1).length) {
                break;
            }
            Matcher m;
            if ((m = HELP.matcher(line)).matches()) {
                if (!helped.add(m.group(1))) {
                    throw bad(n, line, "second HELP for the family");
                }
                family = switchFamily(family, m.group(1), closedFamilies, n, line);
            } else if ((m = TYPE.matcher(line)).matches()) {
                if (types.put(m.group(1), m.group(2)) != null) {
                    throw bad(n, line, "second TYPE for the family");
                }
                family = switchFamily(family, m.group(1), closedFamilies, n, line);
            } else if (line.startsWith("#")) {
                throw bad(n, line, "a comment that is neither HELP nor TYPE");
            } else if ((m = SAMPLE.matcher(line)).matches()) {
                String name = m.group(1);
                String base = familyOf(name, types);
                if (base == null) {
                    throw bad(n, line, "sample before its family's TYPE");
                }
                family = switchFamily(family, base, closedFamilies, n, line);
                Map<String, String> labels = labels(m.group(3), n, line);
                if (!series.add(name + labels)) {
                    throw bad(n, line, "series appears twice");
                }
                samples.add(new Sample(name, labels, number(m.group(4), n, line)));
            } else {
                throw bad(n, line, "not a valid line");
            }
        }
        return new PrometheusScrape(samples, types);
    }

    public List<Sample> samples() {
        return samples;
    }

    public String type(String family) {
        return types.get(family);
    }

    /** The value of the one sample with this name and exactly these labels, or null. */
    public Double value(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(labels)).map(Sample::value)
                .findFirst().orElse(null);
    }

    public double valueOr(String name, Map<String, String> labels, double fallback) {
        Double v = value(name, labels);
        return v == null ? fallback : v;
    }

    private static String switchFamily(String current, String next, Set<String> closed, int n, String line) {
        if (next.equals(current)) {
            return current;
        }
        if (closed.contains(next)) {
            throw bad(n, line, "family " + next + " is not contiguous");
        }
        if (current != null) {
            closed.add(current);
        }
        return next;
    }

    private static String familyOf(String sample, Map<String, String> types) {
        if (types.containsKey(sample)) {
            return sample;
        }
        for (String suffix : List.of("_bucket", "_sum", "_count")) {
            if (sample.endsWith(suffix)) {
                String base = sample.substring(0, sample.length() - suffix.length());
                if ("histogram".equals(types.get(base)) || "summary".equals(types.get(base))) {
                    return base;
                }
            }
        }
        return null;
    }

    private static Map<String, String> labels(String text, int n, String line) {
        Map<String, String> labels = new HashMap<>();
        if (text == null || text.isEmpty()) {
            return labels;
        }
        Matcher m = LABEL.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (!m.find(at) || m.start() != at) {
                throw bad(n, line, "malformed labels");
            }
            String value = m.group(2).replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
            if (labels.put(m.group(1), value) != null) {
                throw bad(n, line, "label repeated");
            }
            at = m.end();
        }
        return labels;
    }

    private static double number(String s, int n, String line) {
        switch (s) {
            case "+Inf": return Double.POSITIVE_INFINITY;
            case "-Inf": return Double.NEGATIVE_INFINITY;
            case "NaN": return Double.NaN;
            default:
                try {
                    return Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw bad(n, line, "not a number: " + s);
                }
        }
    }

    private static AssertionError bad(int n, String line, String why) {
        return new AssertionError("line " + n + " of the metrics is invalid (" + why + "): " + line);
    }
}
