package dev.hypernd.jobs.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A named pipe through which a job tells a test that it reached a point (and which pid it has): the
 * test's read returns when the job has written, so tests wait on the event, not on time.
 */
final class Fifo {
  private final Path path;

  private Fifo(Path path) {
    this.path = path;
  }

  static Fifo create(Path directory) throws IOException, InterruptedException {
    Path path = directory.resolve("signal.fifo");
    Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    if (mkfifo.waitFor() != 0) {
      throw new IOException("mkfifo " + path + " failed");
    }
    return new Fifo(path);
  }

  String path() {
    return path.toString();
  }

  /** Blocks until a writer opened, wrote and closed the pipe; what it wrote, trimmed. */
  String read() throws IOException {
    return Files.readString(path).trim();
  }

  long readPid() throws IOException {
    return Long.parseLong(read());
  }
}
