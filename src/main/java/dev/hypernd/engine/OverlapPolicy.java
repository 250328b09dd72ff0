package dev.hypernd.engine;

/**
 * What happens when a job is due while an earlier task of the same job is still active (RUNNING,
 * RETRYING, or started and waiting for a worker). The one place that applies it is {@link
 * OverlapGate}; a new policy is a constant here and a case there.
 */
public enum OverlapPolicy {
  /** The new fire is skipped and reported as {@code task.skipped}. */
  SKIP,
  /** Tasks of the job run side by side. */
  ALLOW,
  /** The new task waits (PENDING) until the earlier ones have finished, in order. */
  QUEUE,
  /** The earlier tasks are cancelled and the new one starts. */
  REPLACE;

  /**
   * The policy of a job that does not set one: {@link #SKIP} for a job that fires on a schedule,
   * {@link #ALLOW} for an on-demand job, because a submission is a deliberate request, not a fire
   * that may collide with a slow predecessor.
   */
  public static OverlapPolicy defaultFor(boolean onDemand) {
    return onDemand ? ALLOW : SKIP;
  }
}
