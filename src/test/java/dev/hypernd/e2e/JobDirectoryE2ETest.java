package dev.hypernd.e2e;

import static dev.hypernd.e2e.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hypernd.fixtures.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code hypernd run DIR}: a directory of job files is one configuration, reloaded as one. */
@Tag("e2e")
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JobDirectoryE2ETest {
  private static final Duration SOON = Duration.ofSeconds(30);

  @TempDir Path dir;

  private static List<String> names(JsonNode event, String field) {
    List<String> names = new ArrayList<>();
    event.get(field).forEach(name -> names.add(name.asText()));
    return names;
  }

  @Test
  void threeFilesLoadReloadAndAnErrorNamesItsFile() throws Exception {
    Path jobs = Files.createDirectory(dir.resolve("jobs"));
    Files.writeString(jobs.resolve("a.yaml"), "jobs: [{name: a, interval: 1s, command: echo a}]\n");
    Files.writeString(jobs.resolve("b.yaml"), "jobs: [{name: b, once: {}, command: echo b}]\n");
    Files.writeString(jobs.resolve("c.yaml"), "jobs: [{name: c, once: {}, command: echo c}]\n");

    try (DaemonProcess daemon = DaemonProcess.start(jobs)) {
      JsonNode loaded = daemon.await(event("config.loaded"), SOON);
      assertThat(loaded.get("jobs").asInt()).isEqualTo(3);
      assertThat(names(loaded, "added_jobs")).containsExactly("a", "b", "c");
      daemon.await(event("task.completed", "a"), SOON);

      Files.delete(jobs.resolve("c.yaml"));
      Files.writeString(jobs.resolve("d.yaml"), "jobs: [{name: d, once: {}, command: echo d}]\n");
      daemon.signal("HUP");
      JsonNode reloaded =
          daemon.await(event("config.loaded").and(e -> !e.get("initial").asBoolean()), SOON);
      assertThat(names(reloaded, "added_jobs")).containsExactly("d");
      assertThat(names(reloaded, "removed_jobs")).containsExactly("c");
      assertThat(reloaded.get("unchanged").asInt()).isEqualTo(2);

      Path broken = jobs.resolve("e.yaml");
      Files.writeString(broken, "jobs: [{name: a, once: {}, command: echo again}]\n");
      daemon.signal("HUP");
      JsonNode rejected = daemon.await(event("config.rejected"), SOON);
      assertThat(rejected.get("error").asText())
          .isEqualTo(
              broken
                  + ":1:8: jobs[0] (a): duplicate job name \"a\"; jobs[0] (a) at "
                  + jobs.resolve("a.yaml")
                  + ":1 has the same name");
    }

    ChildJvm.Run validate =
        ChildJvm.run(
            new ProcessBuilder(ChildJvm.command(ChildJvm.HYPERND, "validate", jobs.toString())));
    assertThat(validate.code()).as(validate.toString()).isEqualTo(2);
    assertThat(validate.out()).isEmpty();
    assertThat(validate.err())
        .startsWith(jobs.resolve("e.yaml") + ":1:8: jobs[0] (a): duplicate job name");
  }
}
