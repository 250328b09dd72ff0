package dev.hypernd.engine;

/**
 * What happens when a job is due while an earlier task of the same job is still active (RUNNING,
 * RETRYING, or started and waiting for a worker).
 */
public enum OverlapPolicy {
  /** The new fire is skipped and reported as {@code task.skipped}. */
  SKIP,
  /** Tasks of the job run side by side. */
  ALLOW,
  /** The new task waits (PENDING) until the earlier ones have finished, in order. */
  QUEUE,
  /** The earlier tasks are cancelled and the new one starts. */
  REPLACE
}
