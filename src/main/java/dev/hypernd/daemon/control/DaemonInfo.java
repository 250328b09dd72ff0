package dev.hypernd.daemon.control;

import dev.hypernd.control.ReloadView;
import java.time.Instant;
import java.util.Objects;

/**
 * What only the daemon knows about itself, for the header of {@code status}.
 *
 * @param version the daemon's version
 * @param startedAt when the daemon started
 * @param configFile the job file in force, as the daemon names it
 * @param configLoadedAt when that file was loaded
 * @param lastReload the outcome of the last reload, or {@code null} when there was none
 */
public record DaemonInfo(
    String version,
    Instant startedAt,
    String configFile,
    Instant configLoadedAt,
    ReloadView lastReload) {
  public DaemonInfo {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(configFile, "configFile");
    Objects.requireNonNull(configLoadedAt, "configLoadedAt");
  }
}
