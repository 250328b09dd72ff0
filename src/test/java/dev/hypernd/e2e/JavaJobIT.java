package dev.hypernd.e2e;

import static dev.hypernd.e2e.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hypernd.fixtures.ChildJvm;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * The README's "Writing a Java job", done as it says, against the jar that {@code package} built
 * (an integration test, so that the jar exists): its {@code Greet.java} is compiled and jarred by
 * its {@code javac} and {@code jar} lines (with {@code target/hypernd.jar} for the installed jar),
 * its job file (with the new jar's path) is validated and run by a daemon on that jar alone, and
 * its {@code hypernctl submit} gets the result it promises. hypernd.yaml(5) shows the same class,
 * and the Maven coordinates are this build's.
 */
@Tag("e2e")
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JavaJobIT {
  private static final Path JAR = Path.of("target", "hypernd.jar").toAbsolutePath();
  private static final String INSTALLED_JAR = "/usr/share/hypernd/hypernd.jar";
  private static final String JOB_JAR = "/opt/hypernd-jobs/greet.jar";

  @TempDir Path dir;

  @Test
  void theReadmesJavaJobBuildsAgainstTheJarAndRunsAsAClassJob() throws Exception {
    String section = section(Files.readString(Path.of("README.md")), "## Writing a Java job");
    assertThat(JAR).as("made by package, which runs before integration-test").exists();

    Files.writeString(dir.resolve("Greet.java"), block(section, "java", 0));
    String build = block(section, "sh", 0).replace(INSTALLED_JAR, JAR.toString());
    ProcessBuilder bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", build);
    bash.directory(dir.toFile());
    // The JDK that runs the tests, whatever else is on PATH.
    String jdkBin = Path.of(System.getProperty("java.home"), "bin").toString();
    bash.environment().merge("PATH", jdkBin, (path, jdk) -> jdk + File.pathSeparator + path);
    ChildJvm.Run built = ChildJvm.run(bash);
    assertThat(built.code()).as(build + "\n" + built).isZero();
    assertThat(dir.resolve("greet.jar")).exists();

    Path jobFile = dir.resolve("jobs.yaml");
    Files.writeString(
        jobFile, block(section, "yaml", 0).replace(JOB_JAR, dir.resolve("greet.jar").toString()));
    ChildJvm.Run validated =
        ChildJvm.run(
            new ProcessBuilder(
                ChildJvm.command(
                    JAR.toString(),
                    List.of(),
                    ChildJvm.HYPERND,
                    List.of("validate", jobFile.toString()))));
    assertThat(validated.code()).as(validated.toString()).isZero();

    try (DaemonProcess daemon = DaemonProcess.start(JAR.toString(), jobFile, List.of(), Map.of())) {
      daemon.await(event("daemon.started"), Duration.ofSeconds(60));
      Ctl ctl = new Ctl(dir.resolve("hypernd.sock"));

      String id = ctl.submit("greet", "alice");
      JsonNode waited = ctl.json("wait", id, "--timeout", "30s");

      assertThat(waited.path("state").asText()).as(waited.toString()).isEqualTo("COMPLETED");
      assertThat(ctl.result(id).path("result").asText())
          .isEqualTo("hello, alice (" + id + ", attempt 1)");
    }
  }

  @Test
  void theManPageShowsTheSameClass() throws Exception {
    String readme =
        block(section(Files.readString(Path.of("README.md")), "## Writing a Java job"), "java", 0);
    String page = Files.readString(Path.of("man", "hypernd.yaml.5"));
    String manSection = page.substring(page.indexOf(".SS Writing a Java job"));
    Matcher example = Pattern.compile("\\.EX\\n(package [\\s\\S]*?)\\.EE\\n").matcher(manSection);
    assertThat(example.find()).as("a Java example in hypernd.yaml(5)").isTrue();
    assertThat(example.group(1).replace("\\-", "-")).isEqualTo(readme);
  }

  @Test
  void theMavenCoordinatesAreThisBuilds() throws Exception {
    String xml =
        block(section(Files.readString(Path.of("README.md")), "## Writing a Java job"), "xml", 0);
    Element pom =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(Path.of("pom.xml").toFile())
            .getDocumentElement();
    for (String field : List.of("groupId", "artifactId", "version")) {
      String value = pom.getElementsByTagName(field).item(0).getTextContent();
      assertThat(xml).contains("<" + field + ">" + value + "</" + field + ">");
    }
    assertThat(xml).contains("<scope>provided</scope>");
  }

  /** The text of a {@code ## } section, up to the next one. */
  private static String section(String markdown, String heading) {
    int start = markdown.indexOf("\n" + heading + "\n");
    assertThat(start).as("a section \"%s\"", heading).isNotNegative();
    int end = markdown.indexOf("\n## ", start + 1);
    return markdown.substring(start, end < 0 ? markdown.length() : end);
  }

  /** The {@code n}-th fenced block of {@code language} in {@code text}, with its final newline. */
  private static String block(String text, String language, int n) {
    Matcher fence = Pattern.compile("\\n```" + language + "\\n([\\s\\S]*?\\n)```\\n").matcher(text);
    for (int i = 0; i <= n; i++) {
      assertThat(fence.find()).as("a %s block #%d", language, i).isTrue();
    }
    return fence.group(1);
  }
}
