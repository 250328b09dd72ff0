package dev.hypernd.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.hypernd.daemon.metrics.ConfiguredMetricsEndpoint;
import dev.hypernd.daemon.metrics.ConfiguredMetricsEndpoint.Setting;
import dev.hypernd.daemon.metrics.HyperndMetrics;
import dev.hypernd.engine.store.InMemoryTaskStore;
import dev.hypernd.jobs.config.ListenAddress;
import dev.hypernd.testing.ManualScheduler;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The job file's {@code metrics.listen} across reloads of a daemon driven by hand, with real HTTP
 * listeners: bound at start, moved by a changed key, closed by a removed one, kept when the new
 * address cannot be bound; and hidden by {@code --metrics-listen}.
 */
class MetricsListenReloadTest {
  private static final String JOBS = "jobs:\n  - {name: a, interval: 10s, command: 'true'}\n";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @TempDir Path dir;
  private final InMemoryTaskStore store = new InMemoryTaskStore();
  private final ManualScheduler hand = new ManualScheduler(store);
  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final Logger logger = context.getLogger(ConfiguredMetricsEndpoint.class);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private Path file;
  private Daemon daemon;
  private ConfiguredMetricsEndpoint metrics;

  @BeforeEach
  void capture() {
    appender.setContext(context);
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(Level.INFO);
  }

  @AfterEach
  void stop() throws Exception {
    logger.detachAppender(appender);
    logger.setLevel(null);
    if (metrics != null) {
      metrics.close();
    }
    if (daemon != null) {
      daemon.stop("test");
    }
  }

  private ConfiguredMetricsEndpoint start(String yaml, Optional<Setting> fixed) throws Exception {
    file = dir.resolve("jobs.yaml");
    Files.writeString(file, yaml);
    daemon = HandDrivenDaemons.create(file, hand, store, new RecordingEvents());
    metrics = ConfiguredMetricsEndpoint.start(daemon, fixed, HyperndMetrics.register(daemon));
    daemon.start();
    return metrics;
  }

  private ReloadOutcome reload(String yaml) throws IOException {
    Files.writeString(file, yaml);
    return daemon.reload();
  }

  private static String listen(String address) {
    return "metrics:\n  listen: \"" + address + "\"\n";
  }

  private static int port(ConfiguredMetricsEndpoint metrics) {
    return metrics.address().orElseThrow().port();
  }

  private static void assertServes(int port) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("hypernd_config_last_reload_success");
  }

  private static void assertClosed(int port) {
    assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
        .as("port %d refuses connections", port)
        .isInstanceOf(ConnectException.class);
  }

  private List<String> lines(Level level) {
    return appender.list.stream()
        .filter(e -> e.getLevel().equals(level))
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  @Test
  void theKeyIsBoundAtStartMovedByAChangeAndClosedWhenRemoved() throws Exception {
    ConfiguredMetricsEndpoint metrics = start(listen("127.0.0.1:0") + JOBS, Optional.empty());
    int first = port(metrics);
    assertServes(first);

    assertThat(reload(listen("127.0.0.1:0") + JOBS)).isInstanceOf(ReloadOutcome.Loaded.class);
    assertThat(port(metrics)).as("an unchanged key keeps its listener").isEqualTo(first);

    assertThat(reload(listen("localhost:0") + JOBS)).isInstanceOf(ReloadOutcome.Loaded.class);
    int second = port(metrics);
    assertThat(second).isNotEqualTo(first);
    assertServes(second);
    assertClosed(first);

    assertThat(reload(JOBS)).isInstanceOf(ReloadOutcome.Loaded.class);
    assertThat(metrics.address()).isEmpty();
    assertClosed(second);
    assertThat(lines(Level.INFO))
        .contains(
            "stopped serving Prometheus metrics on http://127.0.0.1:" + first + "/metrics",
            "stopped serving Prometheus metrics on http://localhost:"
                + second
                + "/metrics: "
                + file
                + " has no metrics.listen");

    reload(listen("127.0.0.1:0") + JOBS);
    assertServes(port(metrics));
    assertThat(lines(Level.ERROR)).isEmpty();
  }

  @Test
  void aRejectedFileChangesNothing() throws Exception {
    ConfiguredMetricsEndpoint metrics = start(listen("127.0.0.1:0") + JOBS, Optional.empty());
    int first = port(metrics);

    assertThat(reload(listen("127.0.0.1:99999") + JOBS)).isInstanceOf(ReloadOutcome.Rejected.class);

    assertThat(port(metrics)).isEqualTo(first);
    assertServes(first);
  }

  @Test
  void anAddressThatCannotBeBoundKeepsTheOldListenerAndTheRestOfTheReload() throws Exception {
    ConfiguredMetricsEndpoint metrics = start(listen("127.0.0.1:0") + JOBS, Optional.empty());
    int first = port(metrics);
    int taken;
    try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      taken = other.getLocalPort();
      String next =
          listen("127.0.0.1:" + taken) + "jobs:\n  - {name: b, interval: 10s, command: 'true'}\n";

      assertThat(reload(next)).isInstanceOf(ReloadOutcome.Loaded.class);

      assertThat(daemon.jobFile().job("b")).as("the jobs were applied").isPresent();
      assertThat(port(metrics)).isEqualTo(first);
      assertServes(first);
      assertThat(lines(Level.ERROR))
          .singleElement()
          .asString()
          .startsWith(
              "cannot serve metrics on 127.0.0.1:"
                  + taken
                  + " (from metrics.listen in "
                  + file
                  + "): java.net.BindException:")
          .endsWith(
              "; still serving on http://127.0.0.1:"
                  + first
                  + "/metrics; the rest of the reload was applied");
    }

    daemon.reload();

    assertThat(port(metrics)).as("the next reload tries again").isEqualTo(taken);
    assertServes(taken);
    assertClosed(first);
  }

  @Test
  void theOldListenerMakesWayForANewHostOnTheSamePort() throws Exception {
    ConfiguredMetricsEndpoint metrics = start(listen("127.0.0.1:0") + JOBS, Optional.empty());
    int port = port(metrics);

    reload(listen("localhost:" + port) + JOBS);

    assertThat(metrics.address()).contains(new ListenAddress("localhost", port));
    assertServes(port);
    assertThat(lines(Level.ERROR)).isEmpty();
  }

  @Test
  void aBindFailureAtStartNamesTheAddressAndTheKey() throws Exception {
    try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(
              () -> start(listen("127.0.0.1:" + other.getLocalPort()) + JOBS, Optional.empty()))
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith(
              "cannot serve metrics on 127.0.0.1:"
                  + other.getLocalPort()
                  + " (from metrics.listen in "
                  + dir.resolve("jobs.yaml")
                  + "): java.net.BindException");
    }
  }

  @Test
  void theCommandLineAddressWinsAndReloadsDoNotMoveIt() throws Exception {
    Setting flag = new Setting(new ListenAddress("127.0.0.1", 0), "--metrics-listen");
    try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      // The file's address is taken: only the flag's lets the daemon start.
      ConfiguredMetricsEndpoint metrics =
          start(listen("127.0.0.1:" + other.getLocalPort()) + JOBS, Optional.of(flag));
      int port = port(metrics);
      assertServes(port);

      reload(listen("localhost:0") + JOBS);
      reload(JOBS);

      assertThat(port(metrics)).isEqualTo(port);
      assertServes(port);
      assertThat(lines(Level.INFO))
          .contains(
              "metrics.listen 127.0.0.1:"
                  + other.getLocalPort()
                  + " in "
                  + file
                  + " is not used: --metrics-listen sets 127.0.0.1:0",
              "metrics.listen localhost:0 in "
                  + file
                  + " is not used: --metrics-listen sets"
                  + " 127.0.0.1:0");
      assertThat(lines(Level.ERROR)).isEmpty();
    }
  }

  @Test
  void afterCloseAReloadBindsNothing() throws Exception {
    ConfiguredMetricsEndpoint metrics = start(JOBS, Optional.empty());
    assertThat(metrics.address()).isEmpty();
    metrics.close();

    reload(listen("127.0.0.1:0") + JOBS);

    assertThat(metrics.address()).isEmpty();
  }
}
