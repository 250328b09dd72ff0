package dev.hypernd.e2e;

import dev.hypernd.fixtures.Poll;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Processes by session, read from {@code /proc}; every job runs in a session of its own. */
final class Sessions {
  private Sessions() {}

  /** Pids of the processes in session {@code sid} that have not exited (zombies count as gone). */
  static List<Long> liveMembers(long sid) {
    List<Long> members = new ArrayList<>();
    try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
      for (Path entry : entries.toList()) {
        String name = entry.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        String stat;
        try {
          stat = Files.readString(entry.resolve("stat"));
        } catch (IOException gone) {
          continue;
        }
        // pid (comm) state ppid pgrp session ...; comm may contain spaces and parentheses.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        if (Long.parseLong(fields[3]) == sid && !fields[0].equals("Z") && !fields[0].equals("X")) {
          members.add(Long.parseLong(name));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read /proc", e);
    }
    return members;
  }

  /**
   * The sessions of the daemon's job processes: each job's direct child is a child of the daemon
   * and leads its own session. Waits up to {@code timeout} until {@code count} are there.
   */
  static List<Long> ofChildren(long daemonPid, int count, Duration timeout) {
    return Poll.until(
        timeout,
        () -> children(daemonPid).map(ProcessHandle::pid).toList(),
        sessions -> sessions.size() >= count,
        sessions -> "the daemon has " + sessions.size() + " job processes, expected " + count);
  }

  /** Waits up to {@code timeout} until session {@code sid} has at least {@code count} members. */
  static void awaitMembers(long sid, int count, Duration timeout) {
    Poll.until(
        timeout,
        () -> liveMembers(sid),
        members -> members.size() >= count,
        members -> "session " + sid + " has " + members + ", expected " + count);
  }

  /**
   * The session of the running task of job {@code jobName}: the daemon's child whose arguments name
   * the job (a command string runs as {@code sh -c SCRIPT JOB ARGS...}). Waits up to {@code
   * timeout} for it to appear.
   */
  static long ofJob(long daemonPid, String jobName, Duration timeout) {
    return Poll.until(
            timeout,
            () ->
                children(daemonPid)
                    .filter(
                        p -> List.of(p.info().arguments().orElse(new String[0])).contains(jobName))
                    .map(ProcessHandle::pid)
                    .toList(),
            matching -> matching.size() == 1,
            matching ->
                "the daemon has "
                    + matching.size()
                    + " job processes of "
                    + jobName
                    + ", expected 1")
        .get(0);
  }

  /** Waits up to {@code timeout} until session {@code sid} has no live member. */
  static void awaitGone(long sid, Duration timeout) {
    Poll.until(
        timeout,
        () -> liveMembers(sid),
        List::isEmpty,
        members -> "session " + sid + " still has " + members);
  }

  private static Stream<ProcessHandle> children(long pid) {
    return ProcessHandle.of(pid).stream().flatMap(ProcessHandle::children);
  }

  /** SIGKILL to every live member of session {@code sid}: leftovers of a daemon killed by -9. */
  static void killAll(long sid) {
    for (long pid : liveMembers(sid)) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
  }
}
