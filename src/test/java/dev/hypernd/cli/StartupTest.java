package dev.hypernd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.daemon.control.ControlFixture;
import dev.hypernd.fixtures.ChildJvm.Run;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hypernctl starts fast because it loads little: never the engine or a logging back-end, and for
 * {@code --help} no JSON machinery (picocli's reflection over the verbs' method signatures loads
 * the four types of the {@code JsonNode} hierarchy, but no mapper, parser or factory). Checked on a
 * fresh JVM with {@code -verbose:class}.
 */
class StartupTest {
  @TempDir Path classes;
  @TempDir Path sockets;

  private static List<String> loaded(String verboseOutput) {
    return verboseOutput
        .lines()
        .filter(l -> l.startsWith("[") && l.contains("class,load"))
        .toList();
  }

  @Test
  void helpLoadsNoJsonMapperNorTheEngineNorLogging() throws Exception {
    ClientProcess client = new ClientProcess(classes);
    Run r = client.run(List.of(), List.of("-verbose:class"), "--help");
    assertThat(r.code()).isZero();
    List<String> classes = loaded(r.out());
    assertThat(classes).isNotEmpty();
    assertThat(classes.stream().filter(l -> l.contains("com.fasterxml.jackson")))
        .hasSizeLessThan(5);
    assertThat(classes)
        .noneMatch(l -> l.contains("ObjectMapper") || l.contains("JsonFactory"))
        .noneMatch(l -> l.contains("dev.hypernd.engine"))
        .noneMatch(l -> l.contains("org.slf4j") || l.contains("ch.qos.logback"));
  }

  @Test
  void aVerbLoadsNeitherTheEngineNorLogging() throws Exception {
    ClientProcess client = new ClientProcess(classes);
    try (ControlFixture daemon = new ControlFixture(sockets).start()) {
      Run r =
          client.run(
              List.of(), List.of("-verbose:class"), "--socket", daemon.socket.toString(), "jobs");
      assertThat(r.code()).as(r.err()).isZero();
      List<String> classes = loaded(r.out());
      assertThat(classes).anyMatch(l -> l.contains("com.fasterxml.jackson"));
      assertThat(classes)
          .noneMatch(l -> l.contains("dev.hypernd.engine"))
          .noneMatch(l -> l.contains("org.slf4j") || l.contains("ch.qos.logback"));
    }
  }
}
