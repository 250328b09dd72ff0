package dev.hypernd.control.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Limits of the control server.
 *
 * @param maxLineBytes the longest request line; a longer one is answered {@code too_large} and the
 *     connection is closed without reading the rest
 * @param requestTimeout how long a new connection may take to send its first complete request
 *     before it is closed: short, so that connections that say nothing cannot hold the slots
 * @param idleTimeout after the first request, how long a connection may take to send the next
 *     complete request, or to take its answer, before it is closed; a {@code wait} in progress is
 *     not idle
 * @param maxConnections connections open at once; more are answered {@code busy} and closed
 * @param reservedConnections of {@code maxConnections}, how many only root and the daemon's user
 *     may use, so that other users together cannot lock them out
 * @param maxConnectionsPerUser connections one user other than root and the daemon's user may have
 *     open at once
 * @param workerThreads threads that run verbs (a {@code wait} holds none while it waits)
 * @param groupFile where group members are listed ({@link GroupFile})
 */
public record ControlServerOptions(
    int maxLineBytes,
    Duration requestTimeout,
    Duration idleTimeout,
    int maxConnections,
    int reservedConnections,
    int maxConnectionsPerUser,
    int workerThreads,
    Path groupFile) {

  public ControlServerOptions {
    if (maxLineBytes < 64) {
      throw new IllegalArgumentException("maxLineBytes (" + maxLineBytes + ") must be at least 64");
    }
    positive("requestTimeout", requestTimeout);
    positive("idleTimeout", idleTimeout);
    if (maxConnections <= 0) {
      throw new IllegalArgumentException(
          "maxConnections (" + maxConnections + ") must be positive");
    }
    if (reservedConnections < 0 || reservedConnections >= maxConnections) {
      throw new IllegalArgumentException(
          "reservedConnections ("
              + reservedConnections
              + ") must be at least 0 and less than maxConnections ("
              + maxConnections
              + ")");
    }
    if (maxConnectionsPerUser <= 0) {
      throw new IllegalArgumentException(
          "maxConnectionsPerUser (" + maxConnectionsPerUser + ") must be positive");
    }
    if (workerThreads <= 0) {
      throw new IllegalArgumentException("workerThreads (" + workerThreads + ") must be positive");
    }
    Objects.requireNonNull(groupFile, "groupFile");
  }

  private static void positive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " (" + value + ") must be positive");
    }
  }

  /**
   * 1 MiB lines, 10 s to send the first request, 60 s idle after it, 256 connections of which 16
   * are kept for root and the daemon's user, 32 per other user, 4 worker threads, {@code
   * /etc/group}.
   */
  public static ControlServerOptions defaults() {
    return new ControlServerOptions(
        1 << 20,
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        256,
        16,
        32,
        4,
        GroupFile.ETC_GROUP);
  }

  public ControlServerOptions withMaxLineBytes(int bytes) {
    return new ControlServerOptions(
        bytes,
        requestTimeout,
        idleTimeout,
        maxConnections,
        reservedConnections,
        maxConnectionsPerUser,
        workerThreads,
        groupFile);
  }

  public ControlServerOptions withRequestTimeout(Duration timeout) {
    return new ControlServerOptions(
        maxLineBytes,
        timeout,
        idleTimeout,
        maxConnections,
        reservedConnections,
        maxConnectionsPerUser,
        workerThreads,
        groupFile);
  }

  public ControlServerOptions withIdleTimeout(Duration timeout) {
    return new ControlServerOptions(
        maxLineBytes,
        requestTimeout,
        timeout,
        maxConnections,
        reservedConnections,
        maxConnectionsPerUser,
        workerThreads,
        groupFile);
  }

  /** The total and the share kept for root and the daemon's user. */
  public ControlServerOptions withMaxConnections(int max, int reserved) {
    return new ControlServerOptions(
        maxLineBytes,
        requestTimeout,
        idleTimeout,
        max,
        reserved,
        maxConnectionsPerUser,
        workerThreads,
        groupFile);
  }

  public ControlServerOptions withMaxConnectionsPerUser(int max) {
    return new ControlServerOptions(
        maxLineBytes,
        requestTimeout,
        idleTimeout,
        maxConnections,
        reservedConnections,
        max,
        workerThreads,
        groupFile);
  }

  public ControlServerOptions withWorkerThreads(int threads) {
    return new ControlServerOptions(
        maxLineBytes,
        requestTimeout,
        idleTimeout,
        maxConnections,
        reservedConnections,
        maxConnectionsPerUser,
        threads,
        groupFile);
  }

  public ControlServerOptions withGroupFile(Path file) {
    return new ControlServerOptions(
        maxLineBytes,
        requestTimeout,
        idleTimeout,
        maxConnections,
        reservedConnections,
        maxConnectionsPerUser,
        workerThreads,
        file);
  }
}
