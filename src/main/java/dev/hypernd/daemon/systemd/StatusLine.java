package dev.hypernd.daemon.systemd;

import dev.hypernd.daemon.DaemonStatus;
import dev.hypernd.daemon.ReloadOutcome;
import dev.hypernd.engine.MetricsSnapshot;

/**
 * The one-line {@code STATUS=} that {@code systemctl status hypernd} shows, such as {@code 8 jobs,
 * 2 running, 1 pending, last reload ok}.
 */
final class StatusLine {
  private StatusLine() {}

  static String of(DaemonStatus status, MetricsSnapshot metrics) {
    return plural(status.jobs(), "job")
        + ", "
        + metrics.running()
        + " running, "
        + metrics.pending()
        + " pending, "
        + reload(status.lastReload());
  }

  private static String reload(ReloadOutcome outcome) {
    if (outcome instanceof ReloadOutcome.Rejected rejected) {
      return "last reload rejected ("
          + plural(rejected.errors().size(), "error")
          + "; the previous configuration runs)";
    }
    return "last reload ok";
  }

  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
