package dev.hypernd.engine;

/**
 * The error of an attempt that was running when the scheduler stopped without recording its end (a
 * crash, {@code kill -9}, a power loss); found in the store at the next start. Its outcome is
 * unknown, so it counts as a failed attempt and is retried if the job's retry policy allows: when
 * the policy has no {@code retryOn}, or names this class or a supertype.
 */
public final class DaemonStoppedException extends Exception {
  public DaemonStoppedException(String message) {
    super(message);
  }
}
