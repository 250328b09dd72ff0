package dev.hypernd.daemon;

import dev.hypernd.jobs.OutputListener;

/** Combines the daemon's listeners for output lines. */
final class OutputListeners {
  private OutputListeners() {}

  /** The log first, then the journal: a follower never sees a line the log does not have yet. */
  static OutputListener both(OutputListener log, OutputListener journal) {
    return event -> {
      log.onOutput(event);
      journal.onOutput(event);
    };
  }
}
