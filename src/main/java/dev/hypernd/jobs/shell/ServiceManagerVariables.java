package dev.hypernd.jobs.shell;

import java.util.Map;
import java.util.Set;

/**
 * The environment variables through which systemd talks to the daemon itself: the notify socket,
 * the watchdog and passed sockets. Jobs and hooks do not get them (sd_notify(3)'s {@code
 * unset_environment}): under {@code NotifyAccess=main} a job's notifications are refused and logged
 * as noise, and a job that runs a daemon of its own would take the watchdog or the sockets for its.
 */
final class ServiceManagerVariables {
  static final Set<String> NAMES =
      Set.of(
          "NOTIFY_SOCKET",
          "WATCHDOG_USEC",
          "WATCHDOG_PID",
          "LISTEN_FDS",
          "LISTEN_PID",
          "LISTEN_FDNAMES");

  private ServiceManagerVariables() {}

  /** Removes them from {@code environment}, a process's environment about to be started. */
  static void removeFrom(Map<String, String> environment) {
    environment.keySet().removeAll(NAMES);
  }
}
