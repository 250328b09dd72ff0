package dev.hypernd.daemon.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalEntryTest {
  @TempDir Path dir;

  @Test
  void aValueWithoutANewlineIsNameEqualsValue() {
    byte[] encoded =
        JournalEntry.builder().field("MESSAGE", "täsk ok").field("JOB", "backup").build().encode();
    assertThat(new String(encoded, StandardCharsets.UTF_8))
        .isEqualTo("MESSAGE=täsk ok\nJOB=backup\n");
  }

  @Test
  void aValueWithANewlineCarriesItsLengthAsLittleEndian64Bits() {
    byte[] encoded = JournalEntry.builder().field("MESSAGE", "a\nb").build().encode();
    assertThat(encoded)
        .containsExactly(
            'M', 'E', 'S', 'S', 'A', 'G', 'E', '\n', 3, 0, 0, 0, 0, 0, 0, 0, 'a', '\n', 'b', '\n');
  }

  @Test
  void eventKeysBecomeJournalFieldNames() {
    assertThat(JournalEntry.name("task_id")).isEqualTo("TASK_ID");
    assertThat(JournalEntry.name("job")).isEqualTo("JOB");
    assertThat(JournalEntry.name("key.path-x")).isEqualTo("KEY_PATH_X");
    assertThat(JournalEntry.name("_secret")).isEqualTo("F_SECRET");
    assertThat(JournalEntry.name("9lives")).isEqualTo("F9LIVES");
    assertThat(JournalEntry.name("x".repeat(100))).hasSize(64);
  }

  @Test
  void namesJournaldWouldRejectAreRefused() {
    for (String bad : new String[] {"job", "_PID", "1A", "", "A B", "X".repeat(65)}) {
      assertThatThrownBy(() -> JournalEntry.builder().field(bad, "v"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not a journal field name");
    }
    assertThatThrownBy(() -> JournalEntry.builder().field("JOB", "x").build())
        .isInstanceOf(IllegalStateException.class);
  }

  /** Through a real Unix datagram socket, decoded as journald decodes it. */
  @Test
  void theSocketDeliversEntriesAndShortensOneTooLargeForADatagram() throws Exception {
    try (FakeJournal journal = new FakeJournal(dir.resolve("socket"));
        JournalSocket socket = JournalSocket.open(journal.path()).orElseThrow()) {
      socket.send(JournalEntry.builder().field("MESSAGE", "one\ntwo").field("N", "1").build());
      assertThat(journal.await(e -> "1".equals(e.get("N")), Duration.ofSeconds(5)))
          .containsEntry("MESSAGE", "one\ntwo");

      String huge = "x".repeat(8 << 20);
      socket.send(
          JournalEntry.builder()
              .field("MESSAGE", "big")
              .field("N", "2")
              .field("ERROR", huge)
              .build());
      Map<String, String> big = journal.await(e -> "2".equals(e.get("N")), Duration.ofSeconds(5));
      assertThat(big.get("ERROR")).hasSize(JournalSocket.TRUNCATED_VALUE + 1).endsWith("…");
    }
  }

  @Test
  void noSocketNoSender() throws Exception {
    assertThat(JournalSocket.open(dir.resolve("absent"))).isEmpty();
    assertThat(JournalSocket.open(dir)).isEmpty();
  }
}
