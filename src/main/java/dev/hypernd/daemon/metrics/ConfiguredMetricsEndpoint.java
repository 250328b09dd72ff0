package dev.hypernd.daemon.metrics;

import dev.hypernd.daemon.Daemon;
import dev.hypernd.daemon.DaemonListener;
import dev.hypernd.daemon.ReloadOutcome;
import dev.hypernd.jobs.config.JobFile;
import dev.hypernd.jobs.config.ListenAddress;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics endpoint where the configuration puts it: {@code --metrics-listen}, else {@code
 * HYPERND_METRICS_LISTEN}, else the running job file's {@code metrics.listen}, else nowhere. The
 * first two are fixed for the daemon's life; the key follows each applied reload: a changed address
 * is bound anew and the old listener closed, a removed key closes it. A reload whose address cannot
 * be bound keeps the old listener (and the rest of the reload) and logs an error; the next applied
 * reload tries again. Thread-safe.
 */
public final class ConfiguredMetricsEndpoint implements DaemonListener, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ConfiguredMetricsEndpoint.class);

  /**
   * An address and where it was set, for messages.
   *
   * @param source such as {@code --metrics-listen} or {@code metrics.listen in /etc/jobs.yaml}
   */
  public record Setting(ListenAddress address, String source) {
    public Setting {
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(source, "source");
    }
  }

  private final Supplier<JobFile> running;
  private final Optional<Setting> fixed;
  private final PrometheusRegistry registry;

  private Optional<Setting> wanted = Optional.empty();
  private MetricsEndpoint endpoint;
  private Optional<ListenAddress> ignoredKey = Optional.empty();
  private boolean closed;

  private ConfiguredMetricsEndpoint(
      Supplier<JobFile> running, Optional<Setting> fixed, PrometheusRegistry registry) {
    this.running = Objects.requireNonNull(running, "running");
    this.fixed = Objects.requireNonNull(fixed, "fixed");
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /**
   * Serves {@code registry} where {@code fixed} or {@code daemon}'s job file says, and follows the
   * file's reloads from now on.
   *
   * @param fixed the address of {@code --metrics-listen} or {@code HYPERND_METRICS_LISTEN}, which
   *     wins over the job file
   * @throws IOException naming the address and its source, if it cannot be bound
   */
  public static ConfiguredMetricsEndpoint start(
      Daemon daemon, Optional<Setting> fixed, PrometheusRegistry registry) throws IOException {
    ConfiguredMetricsEndpoint endpoint =
        new ConfiguredMetricsEndpoint(daemon::jobFile, fixed, registry);
    endpoint.bindInitial();
    daemon.addListener(endpoint);
    return endpoint;
  }

  /** Binds the address the configuration asks for at start; a failure is the caller's to report. */
  private synchronized void bindInitial() throws IOException {
    JobFile file = running.get();
    Optional<Setting> first = wanted(file);
    if (first.isPresent()) {
      try {
        endpoint = MetricsEndpoint.start(first.get().address(), registry);
      } catch (IOException e) {
        throw new IOException(cannotServe(first.get(), e), e);
      }
    }
    wanted = first;
  }

  @Override
  public void loaded(ReloadOutcome outcome) {
    if (outcome instanceof ReloadOutcome.Loaded) {
      follow(running.get());
    }
  }

  /** Makes the endpoint match {@code file}, the configuration just applied. */
  private synchronized void follow(JobFile file) {
    if (closed) {
      return;
    }
    Optional<Setting> next = wanted(file);
    if (next.map(Setting::address).equals(wanted.map(Setting::address))) {
      wanted = next;
      return;
    }
    if (next.isEmpty()) {
      String was = endpoint == null ? null : endpoint.address().toString();
      closeEndpoint();
      wanted = next;
      if (was != null) {
        log.info(
            "stopped serving Prometheus metrics on http://{}/metrics: {} has no metrics.listen",
            was,
            file.source());
      }
      return;
    }
    Optional<String> was = Optional.ofNullable(endpoint).map(e -> e.address().toString());
    try {
      MetricsEndpoint fresh = bindBeside(next.get().address());
      closeEndpoint();
      endpoint = fresh;
      wanted = next;
      was.ifPresent(
          old -> log.info("stopped serving Prometheus metrics on http://{}/metrics", old));
    } catch (IOException | RuntimeException e) {
      if (endpoint == null) {
        // Nothing serves now, whatever was wanted before: any address is a change to try.
        wanted = Optional.empty();
      }
      log.error(
          "{}; {}; the rest of the reload was applied",
          cannotServe(next.get(), e),
          endpoint == null
              ? "no metrics are served"
              : "still serving on http://" + endpoint.address() + "/metrics");
    }
  }

  /**
   * A new endpoint on {@code address} while the current one, if any, still serves. When the current
   * one holds the same port (127.0.0.1:9464 to 0.0.0.0:9464), it is closed for the new bind, and
   * bound again if that fails too.
   */
  private MetricsEndpoint bindBeside(ListenAddress address) throws IOException {
    try {
      return MetricsEndpoint.start(address, registry);
    } catch (IOException first) {
      if (endpoint == null || endpoint.address().port() != address.port()) {
        throw first;
      }
    }
    ListenAddress old = endpoint.address();
    closeEndpoint();
    try {
      return MetricsEndpoint.start(address, registry);
    } catch (IOException second) {
      try {
        endpoint = MetricsEndpoint.start(old, registry);
      } catch (IOException | RuntimeException third) {
        second.addSuppressed(third);
        log.error("cannot serve metrics on {} again: {}", old, third.toString());
      }
      throw second;
    }
  }

  /** The fixed address, else the file's, noting once per value a key that the fixed one hides. */
  private Optional<Setting> wanted(JobFile file) {
    Optional<ListenAddress> key = file.metrics().listen();
    if (fixed.isEmpty()) {
      return key.map(address -> new Setting(address, "metrics.listen in " + file.source()));
    }
    if (key.isPresent() && !key.equals(ignoredKey)) {
      log.info(
          "metrics.listen {} in {} is not used: {} sets {}",
          key.get(),
          file.source(),
          fixed.get().source(),
          fixed.get().address());
    }
    ignoredKey = key;
    return fixed;
  }

  private static String cannotServe(Setting setting, Exception e) {
    return "cannot serve metrics on "
        + setting.address()
        + " (from "
        + setting.source()
        + "): "
        + e;
  }

  private void closeEndpoint() {
    if (endpoint != null) {
      endpoint.close();
      endpoint = null;
    }
  }

  /** Where metrics are served now, with the port chosen for port 0; empty when nowhere. */
  public synchronized Optional<ListenAddress> address() {
    return Optional.ofNullable(endpoint).map(MetricsEndpoint::address);
  }

  /** Stops serving; later reloads change nothing. */
  @Override
  public synchronized void close() {
    closed = true;
    closeEndpoint();
  }
}
