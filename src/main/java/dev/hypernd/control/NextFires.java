package dev.hypernd.control;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The answer to {@code next}: a job's coming fire times.
 *
 * @param job the job's name
 * @param paused whether the job is paused; then {@code fires} is empty, because a paused job does
 *     not fire (after {@code resume} it fires on its schedule from then on)
 * @param fires the next fire times, earliest first; empty for a paused or on-demand job. A time is
 *     listed once per fire due then (a cron job's times skipped by a daylight-saving gap all fire
 *     right after it)
 */
public record NextFires(String job, boolean paused, List<Instant> fires) {
  public NextFires {
    Objects.requireNonNull(job, "job");
    fires = List.copyOf(fires);
  }
}
