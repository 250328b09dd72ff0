package dev.hypernd.daemon;

import dev.hypernd.control.ReloadView;
import dev.hypernd.control.server.ControlServer;
import dev.hypernd.daemon.control.DaemonInfo;
import dev.hypernd.daemon.control.SchedulerControlBackend;
import dev.hypernd.jobs.ReloadDiff;
import dev.hypernd.jobs.config.ConfigError;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/** Serves a {@link Daemon} on the control socket: what only the daemon knows, in control terms. */
final class DaemonControl {
  private DaemonControl() {}

  static ControlServer server(Daemon daemon, Path socket) {
    return new ControlServer(
        socket,
        new SchedulerControlBackend(
            daemon.scheduler(),
            () -> info(daemon),
            () -> view(daemon.reload()),
            InstantSource.system(),
            daemon.outputs()));
  }

  static DaemonInfo info(Daemon daemon) {
    DaemonStatus status = daemon.status();
    // Before start() there is no start time; the load time is the closest truth.
    Instant startedAt = status.startedAt() != null ? status.startedAt() : status.loadedAt();
    return new DaemonInfo(
        status.version(),
        startedAt,
        status.configFile().toString(),
        status.loadedAt(),
        status.lastReload() == null ? null : view(status.lastReload()));
  }

  static ReloadView view(ReloadOutcome outcome) {
    if (outcome instanceof ReloadOutcome.Loaded loaded) {
      return ReloadView.accepted(loaded.at(), summary(loaded.diff()));
    }
    List<String> errors = outcome.errors().stream().map(ConfigError::toString).toList();
    return ReloadView.rejected(outcome.at(), errors);
  }

  private static String summary(ReloadDiff diff) {
    return diff.added().size()
        + " added, "
        + diff.changed().size()
        + " changed, "
        + diff.removed().size()
        + " removed, "
        + diff.unchanged().size()
        + " unchanged";
  }
}
