package dev.hypernd.jobs.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** What the tests check about processes, read from {@code /proc}. */
final class ProcAssertions {
  private ProcAssertions() {}

  /** Processes of session {@code session} that have not exited. */
  static List<ProcStat> liveMembers(long session) {
    return ProcStat.all().stream().filter(p -> p.session() == session && !p.hasExited()).toList();
  }

  static void assertSessionGone(long session) {
    assertThat(liveMembers(session)).as("processes left in session %d", session).isEmpty();
  }

  static boolean isRunning(long pid) {
    return ProcStat.read(pid).filter(p -> !p.hasExited()).isPresent();
  }
}
