package dev.hypernd.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the Debian package as {@code mvn -Pdeb package} does, with {@code packaging/build-deb.sh}
 * (dpkg-buildpackage and debhelper on {@code debian/}), from the jar that {@code package} made; the
 * install tests run in {@code integration-test}, after it. Each Debian revision is built once per
 * test JVM and shared by the tests that install it.
 */
final class DebBuild {
  static final Path JAR = Path.of("target", "hypernd.jar");
  static final Path UNIT = Path.of("packaging", "hypernd.service");
  private static final Path OUT = Path.of("target", "deb-it");
  private static final Map<Integer, Path> BUILT = new HashMap<>();

  private DebBuild() {}

  /** The package as debian/changelog versions it (revision 1). */
  static Path first() {
    return revision(1);
  }

  /**
   * The package with Debian revision {@code revision} ({@code DEB_REVISION}); a higher revision is
   * an upgrade of the same program.
   */
  static synchronized Path revision(int revision) {
    Path built = BUILT.get(revision);
    if (built != null) {
      return built;
    }
    Tools.require("dpkg-buildpackage", "dpkg-dev");
    Tools.require("dh", "debhelper");
    Tools.require("zip", "zip");
    Tools.require("unzip", "unzip");
    assertThat(JAR).as("made by package, which runs before integration-test").exists();
    List<String> command =
        List.of(
            "bash",
            "packaging/build-deb.sh",
            "--jar",
            JAR.toString(),
            "--out",
            OUT.resolve("revision-" + revision).toString());
    Tools.Run run =
        Tools.run(
            command,
            Path.of("").toAbsolutePath(),
            Map.of("DEB_REVISION", Integer.toString(revision)),
            java.time.Duration.ofMinutes(10));
    assertThat(run.exitCode()).as(command + ":\n" + run.output()).isZero();
    List<String> lines = run.output().strip().lines().toList();
    built = Path.of(lines.get(lines.size() - 1));
    BUILT.put(revision, built);
    return built;
  }

  /** The Debian architecture this machine builds for, such as amd64. */
  static String architecture() {
    return Tools.ok(List.of("dpkg", "--print-architecture")).strip();
  }
}
