package org.visionzero.ops.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the process's metrics for Prometheus at {@code http://host:port/metrics}. Components register their
 * meters (and bind {@code KafkaClientMetrics}/{@code KafkaStreamsMetrics}) on {@link #registry()}.
 */
public final class MetricsEndpoint implements AutoCloseable {

  public static final String PATH = "/metrics";

  private static final Logger LOG = LoggerFactory.getLogger(MetricsEndpoint.class);
  private static final int HTTP_OK = 200;
  private static final int METHOD_NOT_ALLOWED = 405;
  private static final int NO_BACKLOG_LIMIT = 0;
  private static final int STOP_DELAY_SECONDS = 0;
  private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;
  private final HttpServer server;

  private MetricsEndpoint(PrometheusMeterRegistry registry, HttpServer server) {
    this.registry = registry;
    this.server = server;
  }

  /** Starts serving on {@code port} of the loopback interface only (0 picks a free port). */
  public static MetricsEndpoint start(int port) {
    return start(InetAddress.getLoopbackAddress().getHostAddress(), port);
  }

  /**
   * Starts serving on {@code port} (0 picks a free port) of {@code host}: the loopback address by default
   * ({@code metrics.host}), so that nothing outside the machine reads the metrics unless configured to, e.g.
   * {@code 0.0.0.0} in a container that Prometheus scrapes. JVM metrics are bound.
   */
  public static MetricsEndpoint start(String host, int port) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(host, port), NO_BACKLOG_LIMIT);
      server.createContext(PATH, exchange -> respond(exchange, registry));
      server.start();
      MetricsEndpoint endpoint = new MetricsEndpoint(registry, server);
      LOG.info("Metrics for Prometheus at {}", endpoint.url());
      return endpoint;
    } catch (IOException e) {
      registry.close();
      throw new UncheckedIOException("Cannot serve metrics on " + host + ":" + port + " (" + e.getMessage()
          + "): choose another metrics port (0 picks a free one) or metrics.host", e);
    }
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The address it listens on (e.g. 127.0.0.1, or 0.0.0.0 for every interface). */
  public String host() {
    return server.getAddress().getAddress().getHostAddress();
  }

  public String url() {
    InetAddress address = server.getAddress().getAddress();
    String host = address.isAnyLocalAddress() || address.isLoopbackAddress() ? "localhost" : address.getHostAddress();
    return "http://" + host + ":" + port() + PATH;
  }

  @Override
  public void close() {
    server.stop(STOP_DELAY_SECONDS);
    registry.close();
  }

  private static void respond(HttpExchange exchange, PrometheusMeterRegistry registry) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(METHOD_NOT_ALLOWED, -1);
        return;
      }
      byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
      exchange.sendResponseHeaders(HTTP_OK, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
