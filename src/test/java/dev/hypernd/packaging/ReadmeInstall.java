package dev.hypernd.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The commands of README.md's "Install" section, in order: every line of its {@code sh} blocks,
 * without the trailing comments. The systemd install test runs them as written, so that the README
 * cannot promise what the package does not do.
 */
final class ReadmeInstall {
  static final Path README = Path.of("README.md");

  private ReadmeInstall() {}

  static List<String> commands() {
    List<String> lines;
    try {
      lines = Files.readAllLines(README);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int start = lines.indexOf("## Install");
    if (start < 0) {
      throw new IllegalStateException(README + " has no \"## Install\" section");
    }
    List<String> commands = new ArrayList<>();
    boolean inBlock = false;
    for (String line : lines.subList(start + 1, lines.size())) {
      if (!inBlock && line.startsWith("## ")) {
        break;
      }
      if (line.startsWith("```")) {
        inBlock = !inBlock && line.equals("```sh");
      } else if (inBlock && !line.isBlank()) {
        commands.add(withoutComment(line));
      }
    }
    return commands;
  }

  /** The line without a trailing {@code # ...}; the README's commands have no other {@code #}. */
  private static String withoutComment(String line) {
    int hash = line.indexOf(" #");
    return (hash < 0 ? line : line.substring(0, hash)).strip();
  }
}
