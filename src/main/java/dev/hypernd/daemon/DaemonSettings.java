package dev.hypernd.daemon;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@code hypernd run} was asked to run.
 *
 * @param configFile the job file, absolute, read again by every reload
 * @param grace how long running tasks may finish at shutdown before they are killed
 * @param store the task store: {@code memory} is the only one this version has
 * @param socket the control socket's path when {@code --socket} was given
 */
public record DaemonSettings(Path configFile, Duration grace, String store, Optional<Path> socket) {
  public DaemonSettings {
    Objects.requireNonNull(configFile, "configFile");
    Objects.requireNonNull(grace, "grace");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(socket, "socket");
    configFile = configFile.toAbsolutePath();
    if (grace.isNegative()) {
      throw new IllegalArgumentException("grace (" + grace + ") must not be negative");
    }
  }
}
