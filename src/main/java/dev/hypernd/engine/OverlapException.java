package dev.hypernd.engine;

/** A submission was refused because the job's overlap policy is SKIP and a task is active. */
public final class OverlapException extends HyperndException {
  public OverlapException(String jobName, String activeTaskId) {
    super(
        "job "
            + jobName
            + " already has an active task ("
            + activeTaskId
            + ") and its overlap policy is skip");
  }
}
