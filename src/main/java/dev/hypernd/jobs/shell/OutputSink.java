package dev.hypernd.jobs.shell;

/**
 * Receives a process's output line by line, as {@link OutputLines} cuts and limits it. Called on
 * the threads that read the process's pipes (one per stream, so possibly two at once); keep it
 * quick, since a slow sink slows the reading and, once the pipe is full, the process itself.
 */
public interface OutputSink {

  /**
   * One line, without its line feed (and without a carriage return before it).
   *
   * @param text the line as UTF-8 text, malformed bytes replaced; a cut line ends with {@code " …
   *     [N bytes cut]"}
   * @param cutBytes how many bytes of the line were left out (0 for a whole line)
   */
  void line(StdStream stream, String text, long cutBytes);

  /**
   * {@code count} lines of {@code stream} were left out by the rate limit since the last report.
   */
  void suppressed(StdStream stream, long count);
}
