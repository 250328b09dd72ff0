package dev.hypernd.jobs.shell;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processes of one job, and the sequence that stops them all: SIGTERM, a grace period, SIGKILL,
 * then a bounded wait until none is left.
 *
 * <p><b>Membership.</b> The job's direct child was started through setsid(1), so it leads a new
 * session and a new process group, both numbered by its pid. Everything it forks stays in that
 * session unless it calls setsid() itself. Membership is read from the session field of {@code
 * /proc/PID/stat} rather than the process group so that processes which moved to a group of their
 * own inside the session (timeout(1) does, so does a shell with job control) are stopped too.
 *
 * <p><b>Signalling.</b> Java cannot call kill(2) on a process group, so each member is signalled
 * through {@link ProcessHandle}, the way systemd signals the processes of a cgroup: signal every
 * member not signalled yet, scan again, repeat until nobody is left. A process forked between a
 * scan and the signals is found by the next scan. A member's handle is taken before it is checked
 * to still be in the session, and {@link ProcessHandle#destroy} checks the start time recorded in
 * the handle, so a recycled pid is never signalled. The alternative, {@code /bin/kill -- -PGID},
 * forks per signal, needs procps (missing from minimal images), and reaches one group only.
 */
final class ProcessGroup {
  private static final Logger log = LoggerFactory.getLogger(ProcessGroup.class);

  /** How long SIGKILLed processes get to vanish; only one stuck in the kernel takes longer. */
  static final Duration KILL_WAIT = Duration.ofSeconds(5);

  private static final long FIRST_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long MAX_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final Process leader;
  private final String jobName;
  private boolean interrupted;

  ProcessGroup(Process leader, String jobName) {
    this.leader = leader;
    this.jobName = jobName;
  }

  /** The session id, which is also the process group id: the direct child's pid. */
  long id() {
    return leader.pid();
  }

  /** Running processes of the job other than its direct child. */
  List<ProcStat> otherMembers() {
    long session = id();
    return ProcStat.all().stream()
        .filter(p -> p.session() == session && p.pid() != session && !p.hasExited())
        .toList();
  }

  /**
   * Stops every process of the job: SIGTERM, up to {@code grace} for all to exit, SIGKILL, and up
   * to {@link #KILL_WAIT} for all to vanish. An interrupt does not cut this short; the interrupt
   * status is restored on return.
   *
   * @return whether no process of the job is left
   */
  boolean terminate(Duration grace) {
    interrupted = Thread.interrupted();
    try {
      if (signalUntilGone(false, grace)) {
        return true;
      }
      log.warn(
          "job {}: processes {} still running {} after SIGTERM; sending SIGKILL",
          jobName,
          remaining(),
          grace);
      if (signalUntilGone(true, KILL_WAIT)) {
        return true;
      }
      log.error(
          "job {}: processes {} survived SIGKILL for {} (stuck in the kernel?)",
          jobName,
          remaining(),
          KILL_WAIT);
      return false;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private boolean signalUntilGone(boolean kill, Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    Set<Long> signalled = new HashSet<>();
    long pause = FIRST_POLL_NANOS;
    while (true) {
      List<ProcStat> others = otherMembers();
      boolean leaderAlive = leader.isAlive();
      if (!leaderAlive && others.isEmpty()) {
        return true;
      }
      // The direct child goes first, so that a script cannot go on to its next command when the
      // command it waits for dies; it is signalled through its Process, which also covers the
      // instant before setsid() made it a session leader.
      if (leaderAlive && signalled.add(leader.pid())) {
        if (kill) {
          leader.destroyForcibly();
        } else {
          leader.destroy();
        }
      }
      for (ProcStat member : others) {
        if (signalled.add(member.pid())) {
          signal(member.pid(), kill);
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      pause(Math.min(pause, left));
      pause = Math.min(2 * pause, MAX_POLL_NANOS);
    }
  }

  private List<Object> remaining() {
    List<Object> remaining = new ArrayList<>(otherMembers());
    if (leader.isAlive()) {
      remaining.add(0, leader.pid() + " (direct child)");
    }
    return remaining;
  }

  private void signal(long pid, boolean kill) {
    ProcessHandle.of(pid)
        .filter(handle -> ProcStat.read(pid).filter(p -> p.session() == id()).isPresent())
        .ifPresent(
            handle -> {
              if (kill) {
                handle.destroyForcibly();
              } else {
                handle.destroy();
              }
            });
  }

  private void pause(long nanos) {
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
    } catch (InterruptedException e) {
      interrupted = true;
    }
  }
}
