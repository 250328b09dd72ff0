package dev.hypernd.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

/**
 * Builds the Debian package as {@code mvn -Pdeb package} does, with {@code packaging/build-deb.sh},
 * from the jar that {@code package} made; the install tests run in {@code integration-test}, after
 * it.
 */
final class DebBuild {
  static final Path JAR = Path.of("target", "hypernd.jar");
  static final Path UNIT = Path.of("packaging", "hypernd.service");

  private DebBuild() {}

  /** Builds the package into {@code out} and returns its path. */
  static Path into(Path out) {
    Tools.require("dpkg-deb", "dpkg");
    assertThat(JAR).as("made by package, which runs before integration-test").exists();
    String output =
        Tools.ok(
            List.of(
                "bash",
                "packaging/build-deb.sh",
                "--jar",
                JAR.toString(),
                "--unit",
                UNIT.toString(),
                "--out",
                out.toString()));
    List<String> lines = output.strip().lines().toList();
    return Path.of(lines.get(lines.size() - 1));
  }
}
