package dev.hypernd.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Java jobs' stack traces, bounded, on throwables whose frames the test sets. */
class StackTracesTest {
  private static final String ENTRY = "dev.hypernd.jobs.ClassTask";

  /** {@code count} frames of the job, {@code example.Job.fN} from the top, then hypernd's. */
  private static StackTraceElement[] frames(String method, int count) {
    List<StackTraceElement> frames = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      frames.add(new StackTraceElement("example.Job", method + i, "Job.java", 10 + i));
    }
    frames.add(new StackTraceElement(ENTRY, "run", "ClassTask.java", 40));
    frames.add(new StackTraceElement("dev.hypernd.engine.Attempts", "run", "Attempts.java", 50));
    frames.add(new StackTraceElement("java.lang.Thread", "run", "Thread.java", 840));
    return frames.toArray(StackTraceElement[]::new);
  }

  private static Throwable failure(String message, int frames) {
    Throwable error = new IllegalStateException(message);
    error.setStackTrace(frames("f", frames));
    return error;
  }

  @Test
  void aShortTraceIsWholeWithoutHyperndsFrames() {
    String trace = StackTraces.bounded(failure("boom", 3), ENTRY);

    assertThat(trace)
        .isEqualTo(
            "java.lang.IllegalStateException: boom\n"
                + "\tat example.Job.f0(Job.java:10)\n"
                + "\tat example.Job.f1(Job.java:11)\n"
                + "\tat example.Job.f2(Job.java:12)");
  }

  @Test
  void aDeepTraceKeepsItsFirstAndLastFramesAroundACount() {
    String trace = StackTraces.bounded(failure("deep", 100), ENTRY);

    List<String> lines = trace.lines().toList();
    assertThat(lines).hasSize(1 + StackTraces.HEAD_FRAMES + 1 + StackTraces.TAIL_FRAMES);
    assertThat(lines.get(1)).isEqualTo("\tat example.Job.f0(Job.java:10)");
    assertThat(lines.get(StackTraces.HEAD_FRAMES)).isEqualTo("\tat example.Job.f9(Job.java:19)");
    assertThat(lines.get(StackTraces.HEAD_FRAMES + 1)).isEqualTo("\t… 85 frames omitted");
    assertThat(lines.get(StackTraces.HEAD_FRAMES + 2))
        .isEqualTo("\tat example.Job.f95(Job.java:105)");
    assertThat(lines).last().isEqualTo("\tat example.Job.f99(Job.java:109)");
  }

  @Test
  void causesFollowWithTheFramesTheyShareWithTheirWrapperCounted() {
    Throwable cause = new java.io.IOException("disk full");
    StackTraceElement[] wrapperFrames = frames("f", 2);
    StackTraceElement[] causeFrames = new StackTraceElement[wrapperFrames.length + 1];
    causeFrames[0] = new StackTraceElement("example.Disk", "write", "Disk.java", 7);
    System.arraycopy(wrapperFrames, 0, causeFrames, 1, wrapperFrames.length);
    cause.setStackTrace(causeFrames);
    Throwable wrapper = new IllegalStateException("report failed", cause);
    wrapper.setStackTrace(wrapperFrames);

    assertThat(StackTraces.bounded(wrapper, ENTRY))
        .isEqualTo(
            "java.lang.IllegalStateException: report failed\n"
                + "\tat example.Job.f0(Job.java:10)\n"
                + "\tat example.Job.f1(Job.java:11)\n"
                + "Caused by: java.io.IOException: disk full\n"
                + "\tat example.Disk.write(Disk.java:7)\n"
                + "\t... 2 more");
  }

  @Test
  void aCauseCycleAndALongChainEnd() {
    Throwable a = new RuntimeException("a");
    Throwable b = new RuntimeException("b", a);
    a.initCause(b);
    Throwable chain = new RuntimeException("0");
    Throwable top = chain;
    for (int i = 1; i < 20; i++) {
      top = new RuntimeException(Integer.toString(i), top);
    }

    assertThat(StackTraces.bounded(b, ENTRY).lines().filter(l -> l.startsWith("Caused by")))
        .hasSize(1);
    assertThat(StackTraces.bounded(top, ENTRY))
        .contains("… more causes omitted")
        .doesNotContain("RuntimeException: 0\n");
  }

  @Test
  void aHugeMessageCannotMakeItLong() {
    Throwable error = failure("x".repeat(1_000_000) + "\nsecond line", 2);

    String trace = StackTraces.bounded(error, ENTRY);

    assertThat(trace.length()).isLessThan(StackTraces.MAX_CHARS + 100);
    assertThat(trace.lines().findFirst().orElseThrow()).contains("chars omitted");
    assertThat(trace).contains("\tat example.Job.f1(Job.java:11)");
  }
}
