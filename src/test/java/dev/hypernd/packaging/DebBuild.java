package dev.hypernd.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
    return into(out, 1);
  }

  /**
   * Builds the package with Debian revision {@code revision} ({@code DEB_REVISION}) into {@code
   * out} and returns its path; a higher revision is an upgrade of the same program.
   */
  static Path into(Path out, int revision) {
    Tools.require("dpkg-deb", "dpkg");
    assertThat(JAR).as("made by package, which runs before integration-test").exists();
    List<String> command =
        List.of(
            "bash",
            "packaging/build-deb.sh",
            "--jar",
            JAR.toString(),
            "--unit",
            UNIT.toString(),
            "--out",
            out.toString());
    Tools.Run run =
        Tools.run(
            command,
            Path.of("").toAbsolutePath(),
            Map.of("DEB_REVISION", Integer.toString(revision)));
    assertThat(run.exitCode()).as(command + ":\n" + run.output()).isZero();
    List<String> lines = run.output().strip().lines().toList();
    return Path.of(lines.get(lines.size() - 1));
  }
}
