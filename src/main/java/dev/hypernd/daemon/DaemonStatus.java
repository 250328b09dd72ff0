package dev.hypernd.daemon;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What {@code hypernctl status} shows about the daemon itself (task and job figures come from the
 * scheduler).
 *
 * @param version the build's version
 * @param pid the daemon's process id
 * @param startedAt when the daemon started
 * @param uptime how long it has been running, on the monotonic clock
 * @param configFile the job file it runs and reloads
 * @param loadedAt when the running configuration was applied
 * @param jobs how many jobs the running configuration has
 * @param lastReload the outcome of the latest load, the first one included
 * @param store the task store in use
 * @param socket the control socket given on the command line, if any
 */
public record DaemonStatus(
    String version,
    long pid,
    Instant startedAt,
    Duration uptime,
    Path configFile,
    Instant loadedAt,
    int jobs,
    ReloadOutcome lastReload,
    String store,
    Optional<Path> socket) {}
