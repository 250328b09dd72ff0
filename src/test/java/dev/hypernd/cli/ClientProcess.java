package dev.hypernd.cli;

import dev.hypernd.fixtures.ChildJvm;
import dev.hypernd.fixtures.ChildJvm.Run;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs hypernctl as a separate JVM, on a classpath of only what the client needs (the project's
 * classes, picocli and Jackson), copied where any user can read it: the Maven repository under
 * root's home is not readable by {@code nobody}.
 */
final class ClientProcess {
  private final Path classpathDir;
  private final String classpath;

  ClientProcess(Path dir) throws IOException {
    classpathDir = dir;
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path source = Path.of(entry);
      String name = source.getFileName().toString();
      if (entry.endsWith("target/classes")) {
        entries.add(copyTree(source, dir.resolve("classes")).toString());
      } else if (name.startsWith("picocli-") || name.startsWith("jackson-")) {
        Path target = dir.resolve(name);
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        readable(target);
        entries.add(target.toString());
      }
    }
    classpath = String.join(File.pathSeparator, entries);
  }

  /** Runs {@code prefix... java [jvmOptions] -cp CLASSPATH HypernctlMain args...}. */
  Run run(List<String> prefix, List<String> jvmOptions, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(prefix);
    command.addAll(java(jvmOptions, args));
    return run(command, Map.of());
  }

  /** Runs hypernctl with {@code env} added, its output to a pipe. */
  Run piped(Map<String, String> env, String... args) throws IOException, InterruptedException {
    return run(java(List.of(), args), env);
  }

  /**
   * Runs hypernctl with {@code env} added, its standard output on a terminal (a pseudo-terminal
   * that {@code script} (bsdutils) opens) and its standard input from {@code /dev/null}. What it
   * printed comes back with the terminal's {@code \r\n} line ends.
   */
  Run onTerminal(Map<String, String> env, String... args) throws IOException, InterruptedException {
    StringBuilder line = new StringBuilder();
    for (String word : java(List.of(), args)) {
      line.append('\'').append(word.replace("'", "'\\''")).append("' ");
    }
    line.append("</dev/null");
    return run(
        List.of("script", "--quiet", "--return", "--command", line.toString(), "/dev/null"), env);
  }

  private List<String> java(List<String> jvmOptions, String... args) {
    return ChildJvm.command(classpath, jvmOptions, ChildJvm.HYPERNCTL, List.of(args));
  }

  private Run run(List<String> command, Map<String, String> env)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(classpathDir.toFile());
    builder.environment().remove("HYPERND_SOCKET");
    builder.environment().remove("NO_COLOR");
    builder.environment().putAll(env);
    return ChildJvm.run(builder);
  }

  private static Path copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      files.forEach(
          source -> {
            Path target = to.resolve(from.relativize(source).toString());
            try {
              if (Files.isDirectory(source)) {
                Files.createDirectories(target);
              } else {
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
              }
              readable(target);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
    return to;
  }

  private static void readable(Path path) throws IOException {
    Files.setPosixFilePermissions(
        path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
  }
}
