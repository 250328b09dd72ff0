package dev.hypernd.control;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Limits of the control server.
 *
 * @param maxLineBytes the longest request line; a longer one is answered {@code too_large} and the
 *     connection is closed without reading the rest
 * @param idleTimeout how long a connection may take to send a complete request, or to take its
 *     answer, before it is closed; a {@code wait} in progress is not idle
 * @param maxConnections connections open at once; more are answered {@code busy} and closed
 * @param workerThreads threads that run verbs (a {@code wait} holds none while it waits)
 * @param groupFile where group members are listed ({@link GroupFile})
 */
public record ControlServerOptions(
    int maxLineBytes, Duration idleTimeout, int maxConnections, int workerThreads, Path groupFile) {

  public ControlServerOptions {
    if (maxLineBytes < 64) {
      throw new IllegalArgumentException("maxLineBytes (" + maxLineBytes + ") must be at least 64");
    }
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout (" + idleTimeout + ") must be positive");
    }
    if (maxConnections <= 0) {
      throw new IllegalArgumentException(
          "maxConnections (" + maxConnections + ") must be positive");
    }
    if (workerThreads <= 0) {
      throw new IllegalArgumentException("workerThreads (" + workerThreads + ") must be positive");
    }
    Objects.requireNonNull(groupFile, "groupFile");
  }

  /** 1 MiB lines, 60 s idle timeout, 256 connections, 4 worker threads, {@code /etc/group}. */
  public static ControlServerOptions defaults() {
    return new ControlServerOptions(1 << 20, Duration.ofSeconds(60), 256, 4, GroupFile.ETC_GROUP);
  }

  public ControlServerOptions withMaxLineBytes(int bytes) {
    return new ControlServerOptions(bytes, idleTimeout, maxConnections, workerThreads, groupFile);
  }

  public ControlServerOptions withIdleTimeout(Duration timeout) {
    return new ControlServerOptions(
        maxLineBytes, timeout, maxConnections, workerThreads, groupFile);
  }

  public ControlServerOptions withMaxConnections(int max) {
    return new ControlServerOptions(maxLineBytes, idleTimeout, max, workerThreads, groupFile);
  }

  public ControlServerOptions withWorkerThreads(int threads) {
    return new ControlServerOptions(maxLineBytes, idleTimeout, maxConnections, threads, groupFile);
  }

  public ControlServerOptions withGroupFile(Path file) {
    return new ControlServerOptions(maxLineBytes, idleTimeout, maxConnections, workerThreads, file);
  }
}
