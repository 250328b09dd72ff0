package dev.hypernd.control;

import java.time.Instant;
import java.util.List;

/**
 * The answer to {@code status}: the daemon, its job file, and its jobs.
 *
 * @param version the daemon's version
 * @param pid the daemon's process id
 * @param startedAt when the daemon started
 * @param uptimeS seconds since then
 * @param configFile the job file in force
 * @param configLoadedAt when it was loaded
 * @param lastReload the last reload's outcome, or {@code null}
 * @param jobs every job, in the order the daemon lists them
 */
public record StatusView(
    String version,
    long pid,
    Instant startedAt,
    long uptimeS,
    String configFile,
    Instant configLoadedAt,
    ReloadView lastReload,
    List<JobView> jobs) {
  public StatusView {
    jobs = List.copyOf(jobs);
  }
}
