package dev.hypernd.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles job classes at test time into a directory or a jar, as a user's build would. */
final class JavaSources {
  private JavaSources() {}

  /** Compiles {@code source} (class {@code example.<simpleName>}) into {@code classes}. */
  static void compile(Path classes, String simpleName, String source) throws IOException {
    Path src = Files.createTempDirectory("job-src");
    Path file = src.resolve("example").resolve(simpleName + ".java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, source);
    Files.createDirectories(classes);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int code =
        javac.run(
            null,
            null,
            null,
            "-d",
            classes.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            file.toString());
    assertThat(code).as("javac exit code").isZero();
  }

  /** Writes every file under {@code classes} into a new jar at {@code jar}. */
  static void jar(Path classes, Path jar) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    Path temporary = Files.createTempFile(jar.getParent(), "jar", ".tmp");
    try (OutputStream out = Files.newOutputStream(temporary);
        JarOutputStream jarOut = new JarOutputStream(out)) {
      for (Path file : files) {
        jarOut.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        jarOut.write(Files.readAllBytes(file));
        jarOut.closeEntry();
      }
    }
    // A new file rather than an overwrite, as install(1) and build tools replace jars.
    Files.move(temporary, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** A {@code Callable} job that returns {@code result}. */
  static String callable(String simpleName, String result) {
    return "package example;\n"
        + "public class "
        + simpleName
        + " implements java.util.concurrent.Callable<String> {\n"
        + "  public String call() { return \""
        + result
        + "\"; }\n"
        + "}\n";
  }
}
