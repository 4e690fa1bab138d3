package io.bendcdc.service;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * HTTP endpoint of a running service: {@code /metrics} (Prometheus text), {@code /health}
 * (readiness, 200 or 503 with a JSON body) and {@code /health/live} (200 while the process runs).
 */
final class MetricsEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsEndpoint.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;

    MetricsEndpoint(String host, int port, Supplier<String> metrics, Supplier<HealthCheck.Health> health)
            throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 16);
        server.createContext("/metrics", ex -> {
            String text;
            try {
                text = metrics.get();
            } catch (RuntimeException e) {
                LOG.warn("Cannot render metrics: {}", e.getMessage(), e);
                respond(ex, 500, "text/plain", "cannot render metrics: " + e.getMessage());
                return;
            }
            respond(ex, 200, PrometheusText.CONTENT_TYPE, text);
        });
        server.createContext("/health/live", ex -> respond(ex, 200, "application/json", "{\"status\":\"UP\"}"));
        server.createContext("/health", ex -> {
            if (!ex.getRequestURI().getPath().equals("/health")) {
                respond(ex, 404, "text/plain", "not found");
                return;
            }
            HealthCheck.Health h = health.get();
            ObjectNode body = JSON.createObjectNode().put("status", h.ready() ? "UP" : "DOWN");
            h.parts().forEach((name, part) -> body.put(name, part.detail()));
            respond(ex, h.ready() ? 200 : 503, "application/json", body.toString());
        });
        server.createContext("/", ex -> respond(ex, 404, "text/plain", "not found: try /metrics, /health"));
        // Two threads: a slow health probe must not hold up a metrics scrape.
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "metrics-http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        LOG.info("Metrics and health on http://{}:{}/metrics and /health", host, port());
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void respond(HttpExchange ex, int status, String type, String body) throws IOException {
        try (ex) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", type);
            boolean head = "HEAD".equals(ex.getRequestMethod());
            ex.sendResponseHeaders(status, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
