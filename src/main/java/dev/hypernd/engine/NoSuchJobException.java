package dev.hypernd.engine;

/** No job has the given name. */
public final class NoSuchJobException extends HyperndException {
  public NoSuchJobException(String jobName) {
    super("no job named " + jobName);
  }
}
