package dev.hypernd.daemon.metrics;

import dev.hypernd.jobs.config.ListenAddress;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP listener Prometheus scrapes: {@code /metrics} in the Prometheus text format, or
 * OpenMetrics when the scraper asks for it, served by the Prometheus client's own server on the
 * JDK's HTTP server. It has no authentication or TLS: listen on loopback, or put a proxy in front.
 */
public final class MetricsEndpoint implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MetricsEndpoint.class);

  private final HTTPServer server;
  private final ListenAddress address;

  private MetricsEndpoint(HTTPServer server, ListenAddress address) {
    this.server = server;
    this.address = address;
  }

  /**
   * Listens on {@code address} and serves {@code registry}.
   *
   * @throws IOException if the address cannot be bound (in use, not local, no permission)
   */
  public static MetricsEndpoint start(ListenAddress address, PrometheusRegistry registry)
      throws IOException {
    HTTPServer server =
        HTTPServer.builder()
            .hostname(address.host())
            .port(address.port())
            .registry(registry)
            .buildAndStart();
    ListenAddress bound = new ListenAddress(address.host(), server.getPort());
    log.info("serving Prometheus metrics on http://{}/metrics", bound);
    return new MetricsEndpoint(server, bound);
  }

  /** The address listened on, with the port chosen when 0 was asked for. */
  public ListenAddress address() {
    return address;
  }

  @Override
  public void close() {
    server.close();
  }
}
