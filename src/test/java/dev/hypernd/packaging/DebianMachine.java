package dev.hypernd.packaging;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Debian 12 machine that boots with systemd as its init: a tree made by {@code debootstrap},
 * started with {@code systemd-nspawn --boot}. The systemd install test puts the package and its
 * steps in the tree, boots it, and reads what the steps wrote once it has powered off.
 *
 * <p>The freshly debootstrapped tree is kept in {@code target/systemd-it/bookworm} and copied for
 * every machine, so a second run in the same build directory does not download it again. The tree
 * is a minimal Debian ({@code --variant=minbase}) plus systemd, D-Bus, sudo, procps and adduser:
 * what a Debian 12 server has that the README's commands and the test's steps use.
 */
final class DebianMachine {
  static final String SUITE = "bookworm";
  private static final Path CACHE = Path.of("target", "systemd-it", SUITE).toAbsolutePath();
  private static final String PACKAGES = "systemd,systemd-sysv,dbus,sudo,procps,adduser";
  private static final String MIRROR =
      System.getenv().getOrDefault("HYPERND_DEBIAN_MIRROR", hostMirror());

  private final Path tree;

  private DebianMachine(Path tree) {
    this.tree = tree;
  }

  /**
   * A new machine in {@code tree} (replacing what is there). Skips the test, saying why, where the
   * host cannot boot one (not root, no systemd-nspawn or debootstrap), except in CI, where it
   * fails.
   */
  static DebianMachine create(Path where) {
    Path tree = where.toAbsolutePath();
    requireRoot();
    Tools.require("systemd-nspawn", "systemd-container");
    Path debootstrap = Tools.require("debootstrap", "debootstrap");
    Path base = base(debootstrap);
    Tools.ok(List.of("rm", "-rf", tree.toString()));
    Tools.ok(List.of("cp", "-a", base.toString(), tree.toString()));
    return new DebianMachine(tree);
  }

  /** The path of {@code absolute} (a path inside the machine) on the host. */
  Path path(String absolute) {
    return tree.resolve(absolute.substring(1));
  }

  /** Writes {@code content} to {@code absolute} inside the machine, with {@code mode}. */
  void write(String absolute, String content, String mode) {
    Path path = path(absolute);
    try {
      Files.createDirectories(path.getParent());
      Files.writeString(path, content);
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies the host's {@code file} to {@code absolute} inside the machine. */
  void copy(Path file, String absolute) {
    Path path = path(absolute);
    try {
      Files.createDirectories(path.getParent());
      Files.copy(file, path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Boots the machine and waits until it powers off (at most {@code limit}). No host systemd is
   * needed: the container registers with no machined and stays in the caller's cgroup. Its console
   * is a terminal of its own, unconnected ({@code passive}); what ran is in its journal.
   */
  Tools.Run boot(Duration limit) {
    return Tools.run(
        List.of(
            "systemd-nspawn",
            "--quiet",
            "--directory=" + tree,
            // Unique, so that two builds on one host do not share nspawn's per-machine state.
            "--machine=hypernd-it-" + ProcessHandle.current().pid(),
            "--boot",
            "--register=no",
            "--keep-unit",
            "--console=passive"),
        Path.of("").toAbsolutePath(),
        Map.of(),
        limit);
  }

  /** The last lines of the machine's journal, for failure messages. */
  String journal(int lines) {
    return Tools.run(
            List.of(
                "journalctl",
                "--directory=" + path("/var/log/journal"),
                "--no-pager",
                "-n",
                Integer.toString(lines)))
        .output();
  }

  /** The debootstrapped tree, made once per build directory. */
  private static Path base(Path debootstrap) {
    Path done = CACHE.resolve(".hypernd-complete");
    if (Files.exists(done)) {
      return CACHE;
    }
    Path partial = CACHE.resolveSibling(SUITE + ".partial");
    Tools.ok(List.of("rm", "-rf", partial.toString(), CACHE.toString()));
    Tools.ok(List.of("mkdir", "-p", CACHE.getParent().toString()));
    Tools.Run run =
        Tools.run(
            List.of(
                debootstrap.toString(),
                "--variant=minbase",
                "--include=" + PACKAGES,
                SUITE,
                partial.toString(),
                MIRROR),
            Path.of("").toAbsolutePath(),
            Map.of(),
            Duration.ofMinutes(10));
    if (run.exitCode() != 0) {
      fail("debootstrap of Debian " + SUITE + " from " + MIRROR + " failed:\n" + run.output());
    }
    try {
      Files.move(partial, CACHE);
      Files.writeString(done, MIRROR + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return CACHE;
  }

  /**
   * The Debian mirror the host's apt uses (the first {@code URIs:} of {@code debian.sources}, or
   * the first {@code deb} line of {@code sources.list}), so the test fetches from where the host
   * can; else deb.debian.org.
   */
  private static String hostMirror() {
    List<String> lines = new ArrayList<>();
    for (String file : List.of("/etc/apt/sources.list.d/debian.sources", "/etc/apt/sources.list")) {
      try {
        lines.addAll(Files.readAllLines(Path.of(file)));
      } catch (IOException e) {
        // Not there: the other file, or the default.
      }
    }
    for (String line : lines) {
      String[] words = line.strip().split("\\s+");
      if (words[0].equals("URIs:") || words[0].equals("deb")) {
        for (String word : words) {
          if (word.startsWith("http") && word.replaceAll("/+$", "").endsWith("/debian")) {
            return word;
          }
        }
      }
    }
    return "http://deb.debian.org/debian";
  }

  private static void requireRoot() {
    if (Tools.ok(List.of("id", "-u")).strip().equals("0")) {
      return;
    }
    Tools.unavailable("booting a Debian machine with systemd-nspawn needs root", "CI runs as root");
  }
}
