package dev.hypernd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.fixtures.JavaSources;
import dev.hypernd.fixtures.MetricsKeys;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java block of the README's "The Java library" section, read from README.md and compiled
 * against this build as written, then run: its imports head a class, its statements are the body of
 * a method, and the class supplies the three methods the example leaves to the reader ({@code
 * ping()}, {@code cleanUp()}, {@code sendEmail(String)}). The example runs on real threads and real
 * time, so only what holds however its threads interleave is checked here; the semantics its
 * comments state (fixed rate, cron in a zone, retries 1 s, 2 s, 4 s apart, on {@code IOException}
 * only) are each tested on a hand-driven clock in this package.
 */
class ReadmeExampleTest {
  private static final String SECTION = "## The Java library";

  @TempDir Path dir;

  @Test
  @Timeout(60)
  void theReadmeJavaBlockCompilesAndRunsAsWritten() throws Exception {
    List<String> block = javaBlock(Files.readString(Path.of("README.md")));
    Path classes = dir.resolve("classes");
    JavaSources.compile(
        classes, "readme.ReadmeExample", harness(block), System.getProperty("java.class.path"));

    Map<String, Object> out;
    List<Object> emailed;
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> type = loader.loadClass("readme.ReadmeExample");
      Object example = type.getConstructor().newInstance();
      @SuppressWarnings("unchecked")
      Callable<Map<String, Object>> run = (Callable<Map<String, Object>>) example;
      out = run.call();
      @SuppressWarnings("unchecked")
      List<Object> field = (List<Object>) type.getField("emailed").get(example);
      emailed = field;
    }

    TaskScheduler scheduler = (TaskScheduler) out.get("scheduler");
    String id = (String) out.get("id");
    TaskResult result = (TaskResult) out.get("result");
    @SuppressWarnings("unchecked")
    Map<String, Object> metrics = (Map<String, Object>) out.get("metrics");

    assertThat(result.taskId()).isEqualTo(id);
    assertThat(result.taskName()).isEqualTo("send-email");
    assertThat(result.args()).containsExactly("alice@example.com");
    assertThat(metrics).containsKeys(MetricsKeys.ALL.toArray(String[]::new));
    if ((Long) metrics.get("total_submitted") == 1) {
      // No cron or interval fire came first (one would only if the test ran across 03:00 Berlin).
      assertThat(id).isEqualTo("sched-1");
    }
    // After shutdown the email ran (and sendEmail succeeded at once) or never started.
    TaskResult after = scheduler.getResult(id).orElseThrow();
    assertThat(after.state()).isIn(TaskState.PENDING, TaskState.COMPLETED);
    if (after.state() == TaskState.COMPLETED) {
      assertThat(emailed).containsExactly("alice@example.com");
      assertThat(after.result()).isEqualTo("sent to alice@example.com");
    }
  }

  /**
   * The README's example of {@code dev.hypernd.testing}, its second Java block: given a retry
   * policy of three retries and an email that fails twice, one minute of hand-driven time runs the
   * retries, as its comment says.
   */
  @Test
  void theTestingExampleRunsTheRetriesByHand() throws Exception {
    List<String> block = javaBlock(Files.readString(Path.of("README.md")), 1);
    String source =
        "package readme;\n\n"
            + "import dev.hypernd.engine.*;\n"
            + "import dev.hypernd.testing.*;\n"
            + "import java.time.Duration;\n"
            + "import java.util.List;\n\n"
            + "public final class TestingExample\n"
            + "    implements java.util.concurrent.Callable<TaskResult> {\n"
            + "  private int calls;\n\n"
            + "  Object sendEmail(String to) throws java.io.IOException {\n"
            + "    if (++calls < 3) {\n"
            + "      throw new java.io.IOException(\"smtp down\");\n"
            + "    }\n"
            + "    return \"sent to \" + to;\n"
            + "  }\n\n"
            + "  @Override\n"
            + "  public TaskResult call() throws Exception {\n"
            + "    RetryPolicy retry = RetryPolicy.builder().maxRetries(3).build();\n"
            + block.stream().map(line -> "    " + line).collect(Collectors.joining("\n"))
            + "\n    return result;\n"
            + "  }\n"
            + "}\n";
    Path classes = dir.resolve("testing-classes");
    JavaSources.compile(
        classes, "readme.TestingExample", source, System.getProperty("java.class.path"));

    TaskResult result;
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      @SuppressWarnings("unchecked")
      Callable<TaskResult> example =
          (Callable<TaskResult>)
              loader.loadClass("readme.TestingExample").getConstructor().newInstance();
      result = example.call();
    }

    assertThat(result.state()).isEqualTo(TaskState.COMPLETED);
    assertThat(result.attempts()).isEqualTo(3);
    assertThat(result.result()).isEqualTo("sent to alice");
  }

  @Test
  void theBlockIsFoundAndSplitIntoImportsAndStatements() {
    List<String> block =
        javaBlock(
            "# x\n"
                + SECTION
                + "\n\ntext\n\n```java\nimport a.B;\n\nB b = new B();\n```\n\n```java\nno\n```\n");
    assertThat(block).containsExactly("import a.B;", "", "B b = new B();");
    assertThat(harness(block))
        .startsWith("package readme;\n\nimport a.B;\n")
        .contains("    B b = new B();\n");
  }

  /** The lines of the first {@code java} block after the section heading. */
  static List<String> javaBlock(String readme) {
    return javaBlock(readme, 0);
  }

  /** The lines of the {@code n}-th {@code java} block of the section, indented or not. */
  static List<String> javaBlock(String readme, int n) {
    int section = readme.indexOf("\n" + SECTION + "\n");
    assertThat(section).as("README.md has a section \"%s\"", SECTION).isNotNegative();
    int next = readme.indexOf("\n## ", section + 1);
    Matcher fence =
        Pattern.compile("\n( *)```java\n([\\s\\S]*?)\n\\1```\n")
            .matcher(readme.substring(section, next < 0 ? readme.length() : next));
    for (int i = 0; i <= n; i++) {
      assertThat(fence.find()).as("java block #%d of that section", i).isTrue();
    }
    String indent = fence.group(1);
    return fence
        .group(2)
        .lines()
        .map(line -> line.startsWith(indent) ? line.substring(indent.length()) : line)
        .toList();
  }

  /** A class whose imports are the block's, and whose {@code call()} runs its statements. */
  static String harness(List<String> block) {
    String imports =
        block.stream().filter(line -> line.startsWith("import ")).collect(Collectors.joining("\n"));
    String statements =
        block.stream()
            .filter(line -> !line.startsWith("import "))
            .map(line -> line.isEmpty() ? "" : "    " + line)
            .collect(Collectors.joining("\n"));
    return "package readme;\n\n"
        + imports
        + "\n\n"
        + "public final class ReadmeExample\n"
        + "    implements java.util.concurrent.Callable<java.util.Map<String, Object>> {\n"
        + "  public final java.util.List<String> emailed =\n"
        + "      new java.util.concurrent.CopyOnWriteArrayList<>();\n\n"
        + "  Object ping() {\n    return null;\n  }\n\n"
        + "  Object cleanUp() {\n    return null;\n  }\n\n"
        + "  Object sendEmail(String to) {\n"
        + "    emailed.add(to);\n"
        + "    return \"sent to \" + to;\n"
        + "  }\n\n"
        + "  @Override\n"
        + "  public java.util.Map<String, Object> call() throws Exception {\n"
        + statements
        + "\n    return java.util.Map.of(\n"
        + "        \"scheduler\", scheduler, \"id\", id, \"result\", result, \"metrics\", metrics);\n"
        + "  }\n"
        + "}\n";
  }
}
