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
 * through {@link ProcessHandle}, the way systemd signals the processes of a cgroup. SIGTERM goes
 * once to every member of one scan; SIGKILL goes to every member of every scan until a scan finds
 * nobody, so a process forked between a scan and the signals is found by the next scan and none
 * escapes by forking. A member's handle is taken before it is checked to still be in the session,
 * and {@link ProcessHandle#destroy} checks the start time recorded in the handle, so a recycled pid
 * is never signalled. The alternative, {@code /bin/kill -- -PGID}, forks per signal, needs procps
 * (missing from minimal images), and reaches one group only.
 */
final class ProcessGroup {
  private static final Logger log = LoggerFactory.getLogger(ProcessGroup.class);

  /** How long SIGKILLed processes get to vanish; only one stuck in the kernel takes longer. */
  private static final Duration KILL_WAIT = Duration.ofSeconds(5);

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
      // One SIGTERM to every process there is, as kill(-pgid) would send it. What the job starts
      // afterwards, such as a trap handler's cleanup, may finish within the grace period; a
      // process forked while the signals went out gets SIGKILL at the end of it.
      signalNewcomers(false, leader.isAlive(), otherMembers(), new HashSet<>());
      if (awaitGone(grace, false)) {
        return true;
      }
      log.warn(
          "job {}: processes {} still running {} ms after SIGTERM; sending SIGKILL",
          jobName,
          remaining(),
          grace.toMillis());
      if (awaitGone(KILL_WAIT, true)) {
        return true;
      }
      log.error(
          "job {}: processes {} survived SIGKILL for {} ms (stuck in the kernel?)",
          jobName,
          remaining(),
          KILL_WAIT.toMillis());
      return false;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Polls until no process of the job is left or {@code patience} ran out; with {@code kill},
   * SIGKILLs every process it finds, newcomers included.
   */
  private boolean awaitGone(Duration patience, boolean kill) {
    long deadline = System.nanoTime() + patience.toNanos();
    Set<Long> killed = new HashSet<>();
    long pause = FIRST_POLL_NANOS;
    while (true) {
      List<ProcStat> others = otherMembers();
      boolean leaderAlive = leader.isAlive();
      if (!leaderAlive && others.isEmpty()) {
        return true;
      }
      if (kill) {
        signalNewcomers(true, leaderAlive, others, killed);
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      pause(Math.min(pause, left));
      pause = Math.min(2 * pause, MAX_POLL_NANOS);
    }
  }

  private void signalNewcomers(
      boolean kill, boolean leaderAlive, List<ProcStat> others, Set<Long> signalled) {
    // The direct child goes first, so that a script cannot go on to its next command when the
    // command it waits for dies. It is signalled whether or not it is in the session yet (it is
    // not until setsid() ran), through its handle: Process.destroy() would also close the pipes,
    // losing what the job prints while it shuts down.
    if (leaderAlive && signalled.add(leader.pid())) {
      if (kill) {
        leader.toHandle().destroyForcibly();
      } else {
        leader.toHandle().destroy();
      }
    }
    for (ProcStat member : others) {
      if (signalled.add(member.pid())) {
        signal(member.pid(), kill);
      }
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
