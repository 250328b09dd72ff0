package dev.hypernd.jobs.config;

import java.util.Objects;

/**
 * Where the metrics endpoint listens: {@code HOST:PORT}, with an IPv6 host in brackets ({@code
 * [::1]:9464}). Port 0 takes any free port. The job file's {@code metrics.listen} and {@code
 * hypernd run --metrics-listen} read it the same way; only the syntax is checked here, the daemon
 * binds it.
 *
 * @param host a host name or an IP address, without brackets
 * @param port 0 to 65535
 */
public record ListenAddress(String host, int port) {
  public ListenAddress {
    Objects.requireNonNull(host, "host");
    if (host.isEmpty()) {
      throw new IllegalArgumentException("host must not be empty");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port (" + port + ") must be from 0 to 65535");
    }
  }

  /**
   * Reads {@code HOST:PORT} or {@code [IPV6]:PORT}.
   *
   * @throws IllegalArgumentException naming the text and what is expected
   */
  public static ListenAddress parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw invalid(text);
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.contains(":")) {
      throw invalid(text);
    }
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw invalid(text);
    }
    try {
      return new ListenAddress(host, port);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(text + ": " + e.getMessage(), e);
    }
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "'"
            + text
            + "' is not HOST:PORT; examples: 127.0.0.1:9464, localhost:9464, [::1]:9464,"
            + " 0.0.0.0:9464");
  }

  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
