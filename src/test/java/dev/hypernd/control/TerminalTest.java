package dev.hypernd.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What counts as a terminal, checked on links like those in {@code /proc/self/fd}. Real terminals
 * are in {@code TerminalLogE2ETest}.
 */
class TerminalTest {
  @TempDir Path dir;

  private boolean terminal(String target) throws Exception {
    Path link = dir.resolve("fd");
    Files.createSymbolicLink(link, Path.of(target));
    try {
      return Terminal.isTerminal(link);
    } finally {
      Files.delete(link);
    }
  }

  @Test
  void theControllingTerminalDeviceIsATerminal() throws Exception {
    assertThat(terminal("/dev/tty")).isTrue();
    assertThat(terminal("/dev/pts/ptmx")).isFalse();
  }

  @Test
  void otherCharacterDevicesFilesAndPipesAreNot() throws Exception {
    assertThat(terminal("/dev/null")).isFalse();
    assertThat(terminal("/dev/zero")).isFalse();
    Path file = Files.createFile(dir.resolve("log"));
    assertThat(terminal(file.toString())).isFalse();
    assertThat(terminal("pipe:[12345]")).isFalse();
    assertThat(terminal("socket:[12345]")).isFalse();
  }

  @Test
  void aFileNamedLikeATerminalIsNotOne() throws Exception {
    // Only the name would match: /dev/ttyX must also be a character device.
    assertThat(terminal("/dev/ttyhypernd-test-no-such-device")).isFalse();
  }

  @Test
  void theTestsOwnStdoutIsAPipe() {
    // Surefire reads a forked test JVM's stdout through a pipe.
    assertThat(Terminal.isStdout()).isFalse();
  }
}
