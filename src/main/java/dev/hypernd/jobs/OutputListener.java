package dev.hypernd.jobs;

/**
 * Receives the output lines of command jobs and hooks. Called on the threads that read the
 * processes' pipes, possibly several at once, in order for any one stream of one process; keep it
 * quick and non-blocking, since a slow listener slows the job (its pipe fills). An exception thrown
 * here is logged and loses that line only.
 */
@FunctionalInterface
public interface OutputListener {
  /** Drops every event; with it, command jobs do not split their output into lines at all. */
  OutputListener IGNORE = event -> {};

  void onOutput(OutputEvent event);
}
