package dev.hypernd.jobs.shell;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How jobs and hooks are run: how much output is kept and how their processes are stopped.
 *
 * @param headBytes bytes kept from the start of stdout and, separately, of stderr
 * @param tailBytes bytes kept from the end of stdout and, separately, of stderr
 * @param killGrace how long processes get between SIGTERM and SIGKILL
 * @param killLeftovers whether processes still running in a job's session after its direct child
 *     exited are terminated (SIGTERM, grace, SIGKILL) before the run returns
 */
public record ShellConfig(int headBytes, int tailBytes, Duration killGrace, boolean killLeftovers) {

  /** Largest head or tail: each running job holds up to four such buffers. */
  public static final int MAX_CAPTURE_BYTES = 16 * 1024 * 1024;

  /** 16 KiB head and tail, 5 s grace, leftovers killed. */
  public static final ShellConfig DEFAULTS =
      new ShellConfig(16 * 1024, 16 * 1024, Duration.ofSeconds(5), true);

  /** Validates every setting. */
  public ShellConfig {
    requireCaptureSize("headBytes", headBytes);
    requireCaptureSize("tailBytes", tailBytes);
    requireNonNull(killGrace, "killGrace cannot be null");
    if (killGrace.isNegative()) {
      throw new IllegalArgumentException("killGrace (" + killGrace + ") cannot be negative");
    }
  }

  /** A copy keeping {@code headBytes} and {@code tailBytes} of each output stream. */
  public ShellConfig withCapture(int headBytes, int tailBytes) {
    return new ShellConfig(headBytes, tailBytes, killGrace, killLeftovers);
  }

  /** A copy waiting {@code killGrace} between SIGTERM and SIGKILL. */
  public ShellConfig withKillGrace(Duration killGrace) {
    return new ShellConfig(headBytes, tailBytes, killGrace, killLeftovers);
  }

  /** A copy that does or does not terminate processes a job leaves behind. */
  public ShellConfig withKillLeftovers(boolean killLeftovers) {
    return new ShellConfig(headBytes, tailBytes, killGrace, killLeftovers);
  }

  private static void requireCaptureSize(String name, int bytes) {
    if (bytes < 0 || bytes > MAX_CAPTURE_BYTES) {
      throw new IllegalArgumentException(
          name + " (" + bytes + ") must be between 0 and " + MAX_CAPTURE_BYTES);
    }
  }
}
