package dev.hypernd.e2e;

import static dev.hypernd.e2e.Events.event;
import static dev.hypernd.e2e.Events.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hypernd.cli.HypernctlMain;
import dev.hypernd.daemon.HyperndMain;
import dev.hypernd.fixtures.ChildJvm.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * hypernd and hypernctl write UTF-8 whatever the locale: with {@code LANG} empty and {@code
 * LC_ALL=C}, Java's default charset is ASCII, which would print every other character as {@code ?}.
 */
@Tag("e2e")
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class Utf8E2ETest {
  private static final Duration SOON = Duration.ofSeconds(15);
  private static final String WORDS = "café – naïve ✓";

  /** The C locale; an empty LANG is no LANG to the C library. */
  private static final Map<String, String> C_LOCALE =
      Map.of("LANG", "", "LC_ALL", "C", "LC_CTYPE", "");

  @TempDir Path dir;

  @Test
  void hypernctlPrintsAJobsOutputAsItIs() throws Exception {
    Path file = dir.resolve("jobs.yaml");
    Files.writeString(
        file,
        "jobs:\n  - {name: words, once: {at_start: true}, command: \"printf '" + WORDS + "'\"}\n");
    // As the launchers start it: without file.encoding, Java 17 in the C locale would already pass
    // the job's command to sh as "printf 'caf? ? na?ve ?'".
    try (DaemonProcess daemon =
        DaemonProcess.start(file, List.of("-Dfile.encoding=UTF-8"), C_LOCALE)) {
      JsonNode done = daemon.await(event("task.completed", "words"), SOON);
      String socket = dir.resolve("hypernd.sock").toString();
      String id = text(done, "task_id");

      Run json =
          Ctl.inChildJvm(HypernctlMain.class, C_LOCALE, "--socket", socket, "--json", "result", id);
      Run human = Ctl.inChildJvm(HypernctlMain.class, C_LOCALE, "--socket", socket, "result", id);
      Run help = Ctl.inChildJvm(HypernctlMain.class, C_LOCALE, "metrics", "--help");

      assertThat(text(done, "result")).as("the daemon's JSON log").isEqualTo(WORDS);
      assertThat(json.code()).as(json.toString()).isZero();
      assertThat(json.json().get("result").asText()).isEqualTo(WORDS);
      assertThat(json.out()).contains(WORDS);
      assertThat(human.out()).contains(WORDS);
      assertThat(help.out()).contains("total_completed, …, success_rate");
      daemon.signal("TERM");
      assertThat(daemon.awaitExit(SOON)).isZero();
    }
  }

  @Test
  void validatePrintsItsMessagesAsWritten() throws Exception {
    Path file = dir.resolve("jobs.yaml");
    Files.writeString(
        file, "jobs:\n  - {name: x, interval: 1s, command: 'true', retry: {retry_on: [0]}}\n");

    Run run = Ctl.inChildJvm(HyperndMain.class, C_LOCALE, "validate", file.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("expected 1–255").doesNotContain("?");
  }
}
