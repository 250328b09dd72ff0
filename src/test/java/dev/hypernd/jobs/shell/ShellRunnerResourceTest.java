package dev.hypernd.jobs.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Memory and process-table hygiene: dkron's OOMs, supercronic's zombies. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ShellRunnerResourceTest {
  private static final int HEAD = 16 * 1024;
  private static final int TAIL = 16 * 1024;

  private final ShellRunner runner = new ShellRunner(ShellConfig.DEFAULTS.withCapture(HEAD, TAIL));

  @Test
  void hundredMegabytesOfOutputAreCapturedInBoundedMemory() throws Exception {
    // stderr is written concurrently: a runner draining one pipe after the other would deadlock.
    String script =
        "(head -c 10000000 /dev/zero | tr '\\0' e >&2) &"
            + " head -c 100000000 /dev/zero | tr '\\0' x; printf end; wait";
    long allocatedBefore = allocatedByAllThreads();

    ShellOutcome outcome = runner.run(ShellCommand.script("chatty", script), List.of(), Map.of());

    long allocated = allocatedByAllThreads() - allocatedBefore;
    String marker = "…\n[" + (100_000_003L - HEAD - TAIL) + " bytes omitted]\n…";
    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.stdoutTail())
        .hasSize(HEAD + marker.length() + TAIL)
        .startsWith("x".repeat(HEAD) + marker)
        .endsWith("x".repeat(TAIL - 3) + "end");
    assertThat(outcome.stderrTail())
        .contains("[" + (10_000_000L - HEAD - TAIL) + " bytes omitted]");
    assertThat(allocated).as("bytes allocated on the heap").isLessThan(16L * 1024 * 1024);
  }

  @Test
  void everyChildIsReapedAfterManyJobs() throws Exception {
    long jvm = ProcessHandle.current().pid();
    for (int i = 0; i < 200; i++) {
      // Every tenth job leaves a background process behind for the runner to stop.
      String script = i % 10 == 0 ? "sleep 1000 & exit 1" : "echo " + i;
      runner.run(ShellCommand.script("short-" + i, script), List.of(), Map.of());
    }

    List<ProcStat> children = ProcStat.all().stream().filter(p -> p.parentPid() == jvm).toList();
    assertThat(children).as("children of the JVM, zombie or not").isEmpty();
  }

  private static long allocatedByAllThreads() {
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long[] ids = Thread.getAllStackTraces().keySet().stream().mapToLong(Thread::getId).toArray();
    long total = 0;
    for (long bytes : threads.getThreadAllocatedBytes(ids)) {
      total += Math.max(0, bytes);
    }
    return total;
  }
}
