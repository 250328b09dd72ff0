package dev.hypernd.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Debian package's install test. It builds the package with {@code packaging/build-deb.sh}
 * (dpkg-buildpackage and debhelper on {@code debian/}) from the jar that {@code package} made (so
 * it runs in {@code integration-test}, under failsafe), unpacks it with {@code dpkg-deb -x} into a
 * throw-away root and checks what an installation would get: the control data, every file with its
 * mode, native code for this architecture only, launchers that run the unpacked jar, a default job
 * file that validates, man pages that render, completions, lintian's verdict, and the maintainer
 * scripts run against stub commands.
 */
@Tag("system")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DebPackageIT {
  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();
  private static final String ARCHIVE_DUMP =
      "java -XX:+UseSerialGC -Xshare:dump"
          + " -XX:SharedClassListFile=/usr/share/hypernd/hypernctl.classlist"
          + " -XX:SharedArchiveFile=/var/cache/hypernd/hypernctl.jsa"
          + " -cp /usr/share/hypernd/hypernd.jar";
  private static final String DEPENDS =
      "default-jre-headless (>= 2:1.17) | java17-runtime-headless | java-runtime-headless (>= 17)";

  /** Every file of the package and its mode; a new file is added here deliberately. */
  private static final Map<String, String> FILES =
      new TreeMap<>(
          Map.ofEntries(
              Map.entry("etc/hypernd/jobs.yaml", "-rw-r--r--"),
              Map.entry("lib/systemd/system/hypernd.service", "-rw-r--r--"),
              Map.entry("usr/bin/hypernctl", "-rwxr-xr-x"),
              Map.entry("usr/bin/hypernd", "-rwxr-xr-x"),
              Map.entry("usr/lib/hypernd/libjunixsocket-native.so", "-rw-r--r--"),
              Map.entry("usr/lib/hypernd/libsqlitejdbc.so", "-rw-r--r--"),
              Map.entry("usr/share/bash-completion/completions/hypernd", "-rw-r--r--"),
              Map.entry("usr/share/bash-completion/completions/hypernctl", "-rw-r--r--"),
              Map.entry("usr/share/doc/hypernd/changelog.Debian.gz", "-rw-r--r--"),
              Map.entry("usr/share/doc/hypernd/copyright", "-rw-r--r--"),
              Map.entry("usr/share/doc/hypernd/examples/jobs.example.yaml", "-rw-r--r--"),
              Map.entry("usr/share/hypernd/hypernd.jar", "-rw-r--r--"),
              Map.entry("usr/share/hypernd/hypernctl.classlist", "-rw-r--r--"),
              Map.entry("usr/share/lintian/overrides/hypernd", "-rw-r--r--"),
              Map.entry("usr/share/man/man1/hypernctl.1.gz", "-rw-r--r--"),
              Map.entry("usr/share/man/man5/hypernd.yaml.5.gz", "-rw-r--r--"),
              Map.entry("usr/share/man/man8/hypernd.8.gz", "-rw-r--r--"),
              Map.entry("usr/share/zsh/vendor-completions/_hypernctl", "-rw-r--r--"),
              Map.entry("usr/share/zsh/vendor-completions/_hypernd", "-rw-r--r--")));

  private final String version = System.getProperty("hypernd.version", "");
  private Path work;
  private Path deb;
  private Path root;
  private Path control;

  @BeforeAll
  void buildAndUnpack() throws IOException {
    Path dpkgDeb = Tools.require("dpkg-deb", "dpkg");
    assertThat(version).as("the hypernd.version system property (set by the pom)").isNotEmpty();
    work = Files.createTempDirectory("hypernd-deb");
    deb = DebBuild.first();
    root = work.resolve("root");
    control = work.resolve("control");
    Tools.ok(List.of(dpkgDeb.toString(), "-x", deb.toString(), root.toString()));
    Tools.ok(List.of(dpkgDeb.toString(), "-e", deb.toString(), control.toString()));
  }

  @AfterAll
  void removeWorkDirectory() throws IOException {
    if (work != null) {
      try (Stream<Path> paths = Files.walk(work)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  @Test
  void controlDataNamesTheVersionTheRuntimeAndThisArchitecture() {
    String debVersion = version.toLowerCase(Locale.ROOT).replace('-', '~') + "-1";
    String architecture = DebBuild.architecture();
    Map<String, String> fields = fields(Tools.ok(List.of("dpkg-deb", "-f", deb.toString())));
    assertThat(fields)
        .containsEntry("Package", "hypernd")
        .containsEntry("Version", debVersion)
        .containsEntry("Architecture", architecture)
        .containsEntry("Section", "admin")
        .containsKeys("Maintainer", "Installed-Size", "Description");
    // libc6 comes from dpkg-shlibdeps, for the two native libraries.
    assertThat(fields.get("Depends")).contains(DEPENDS).contains("adduser").contains("libc6");
    assertThat(deb.getFileName())
        .hasToString("hypernd_" + debVersion + "_" + architecture + ".deb");
  }

  /**
   * The jar has no native code of any platform; the two libraries that need some have this
   * architecture's only, in the package's own directory, which the launcher points them at.
   */
  @Test
  void nativeCodeIsThisArchitecturesOnlyAndOutsideTheJar() throws IOException {
    List<String> entries = Tools.ok(List.of("unzip", "-Z1", jar())).lines().toList();
    assertThat(entries)
        .contains("org/sqlite/core/NativeDB.class", "org/newsclub/net/unix/AFUNIXSocket.class")
        .noneMatch(e -> e.matches(".*\\.(so|dll|dylib|jnilib|a)$"));
    long packaged = Files.size(Path.of(jar()));
    long built = Files.size(DebBuild.JAR);
    System.out.printf("hypernd.jar: %d bytes as built, %d in the package%n", built, packaged);
    assertThat(packaged).as("the jar without every platform's libraries").isLessThan(built / 2);

    int machine =
        switch (DebBuild.architecture()) {
          case "amd64" -> 62; // EM_X86_64
          case "arm64" -> 183; // EM_AARCH64
          default -> throw new AssertionError("debian/control builds for amd64 and arm64 only");
        };
    for (String library : List.of("libsqlitejdbc.so", "libjunixsocket-native.so")) {
      byte[] elf = Files.readAllBytes(root.resolve("usr/lib/hypernd").resolve(library));
      assertThat(new String(elf, 1, 3, StandardCharsets.US_ASCII)).as(library).isEqualTo("ELF");
      assertThat((elf[18] & 0xff) | (elf[19] & 0xff) << 8).as(library).isEqualTo(machine);
    }
    String launcher = Files.readString(root.resolve("usr/bin/hypernd"));
    assertThat(launcher)
        .contains("lib=${HYPERND_LIB:-/usr/lib/hypernd}")
        .contains("-Dorg.sqlite.lib.path=\"$lib\"")
        .contains("-Dorg.newsclub.net.unix.library.override=\"$lib/libjunixsocket-native.so\"");
  }

  @Test
  void installsExactlyTheseFilesOwnedByRoot() {
    Map<String, String> files = new TreeMap<>();
    for (String line : Tools.ok(List.of("dpkg-deb", "-c", deb.toString())).lines().toList()) {
      String[] cols = line.trim().split("\\s+");
      assertThat(cols[1]).as(line).isEqualTo("root/root");
      String path = cols[cols.length - 1].replaceFirst("^\\./", "");
      if (cols[0].startsWith("d")) {
        assertThat(cols[0]).as(line).isEqualTo("drwxr-xr-x");
      } else {
        files.put(path, cols[0]);
      }
    }
    assertThat(files).isEqualTo(FILES);
    assertThat(root.resolve("var/cache/hypernd")).isEmptyDirectory();
  }

  @Test
  void classListNamesTheClassesOfHypernctlVerbsButNotTheDaemons() throws IOException {
    List<String> classes =
        Files.readAllLines(root.resolve("usr/share/hypernd/hypernctl.classlist"));
    assertThat(classes)
        .contains(
            "dev/hypernd/cli/HypernctlMain",
            "dev/hypernd/cli/StatusCommand",
            "dev/hypernd/cli/TaskPrinter",
            "dev/hypernd/cli/CompleteCommand",
            "picocli/CommandLine",
            "com/fasterxml/jackson/databind/ObjectMapper")
        .noneMatch(c -> c.startsWith("#") || c.startsWith("@") || c.contains("$Proxy"))
        .noneMatch(c -> c.startsWith("dev/hypernd/engine/") || c.startsWith("ch/qos/logback/"))
        .doesNotHaveDuplicates();
  }

  @Test
  void jobFileIsAConffileAndChecksumsMatch() throws IOException {
    assertThat(control.resolve("conffiles")).hasContent("/etc/hypernd/jobs.yaml");
    assertThat(control.resolve("triggers")).hasContent("interest-noawait /usr/lib/jvm");
    Tools.Run sums =
        Tools.run(
            List.of(
                "md5sum", "--check", "--quiet", "--strict", control.resolve("md5sums").toString()),
            root,
            Map.of());
    assertThat(sums.exitCode()).as(sums.output()).isZero();
    assertThat(Files.readAllLines(control.resolve("md5sums"))).hasSize(FILES.size() - 1);
  }

  /**
   * What dh_installsystemd made of the unit: nothing stops the service before an upgrade, the
   * upgrade restarts it if it runs, and remove stops it.
   */
  @Test
  void anUpgradeRestartsARunningServiceAndARemoveStopsIt() throws IOException {
    assertThat(control.resolve("preinst")).doesNotExist();
    assertThat(Files.readString(control.resolve("postinst")))
        .contains("deb-systemd-invoke try-restart 'hypernd.service'")
        .doesNotContain("deb-systemd-helper enable 'hypernd.service' >/dev/null || true\nfi\nfi\n");
    assertThat(Files.readString(control.resolve("prerm")))
        .contains("deb-systemd-invoke stop 'hypernd.service'");
  }

  @Test
  void maintainerScriptsAreValidShell() {
    Optional<Path> shellcheck = Tools.find("shellcheck");
    if (shellcheck.isEmpty()) {
      System.err.println("NOTE: shellcheck is not installed; only sh -n checks the scripts");
    }
    for (String script : List.of("postinst", "prerm", "postrm")) {
      Path path = control.resolve(script);
      assertThat(Files.isExecutable(path)).as(script).isTrue();
      Tools.ok(List.of("sh", "-n", path.toString()));
      shellcheck.ifPresent(sc -> Tools.ok(List.of(sc.toString(), "-s", "sh", path.toString())));
    }
  }

  @Test
  void launchersRunTheUnpackedJarWithTheChosenJava() {
    Map<String, String> env = Map.of("HYPERND_JAR", jar(), "HYPERND_LIB", lib(), "JAVA", JAVA);
    assertThat(launch("hypernd", env, "--version").strip()).isEqualTo("hypernd " + version);
    assertThat(launch("hypernctl", env, "--version").strip()).isEqualTo("hypernctl " + version);
    assertThat(launch("hypernctl", env, "--help")).contains("Usage: hypernctl").contains("submit");
    assertThat(launch("hypernd", env, "run", "--help")).contains("--socket");
    Map<String, String> javaHome =
        Map.of("HYPERND_JAR", jar(), "JAVA", "", "JAVA_HOME", System.getProperty("java.home"));
    assertThat(launch("hypernctl", javaHome, "--version")).contains(version);
    Tools.Run wrongJava =
        Tools.run(
            List.of(root.resolve("usr/bin/hypernd").toString(), "--version"),
            work,
            Map.of("HYPERND_JAR", jar(), "JAVA", "/nonexistent/java"));
    assertThat(wrongJava.exitCode()).as("JAVA is honoured").isNotZero();
  }

  @Test
  void defaultJobFileValidatesAndSoDoItsCommentedExamples() throws IOException {
    Map<String, String> env = Map.of("HYPERND_JAR", jar(), "JAVA", JAVA);
    Path jobs = root.resolve("etc/hypernd/jobs.yaml");
    assertThat(launch("hypernd", env, "validate", jobs.toString())).contains("OK (1 job)");
    StringBuilder uncommented = new StringBuilder();
    for (String line : Files.readAllLines(jobs)) {
      uncommented
          .append(
              line.replaceFirst("^  # - ", "  - ")
                  .replaceFirst("^  #   ", "    ")
                  .replaceFirst("^# (metrics:)$", "$1")
                  .replaceFirst("^#   (listen: )", "  $1"))
          .append('\n');
    }
    Path all = Files.writeString(work.resolve("jobs-all.yaml"), uncommented);
    assertThat(launch("hypernd", env, "validate", all.toString())).contains("OK (3 jobs)");
  }

  @Test
  void unitFileIsInstalledAndStartsThePackagedDaemonOnThePackagedJobFile() throws IOException {
    Path installed = root.resolve("lib/systemd/system/hypernd.service");
    assertThat(installed).hasSameTextualContentAs(DebBuild.UNIT);
    List<String> execStart =
        Files.readAllLines(installed).stream().filter(l -> l.startsWith("ExecStart=")).toList();
    assertThat(execStart).hasSize(1);
    assertThat(execStart.get(0))
        .startsWith("ExecStart=/usr/bin/hypernd run")
        .contains("/etc/hypernd/jobs.yaml");
  }

  @Test
  void manPagesAreCompressedAndRender() throws IOException {
    Optional<Path> man = Tools.find("man");
    Path renderer = man.orElseGet(() -> Tools.require("mandoc", "mandoc or man-db"));
    Map<String, String> pages =
        Map.of(
            "man1/hypernctl.1.gz", "hypernctl.1",
            "man5/hypernd.yaml.5.gz", "hypernd.yaml.5",
            "man8/hypernd.8.gz", "hypernd.8");
    for (Map.Entry<String, String> page : pages.entrySet()) {
      Path gz = root.resolve("usr/share/man").resolve(page.getKey());
      try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
            .isEqualTo(Files.readString(ManPagesTest.MAN.resolve(page.getValue())));
      }
      List<String> command =
          man.isPresent()
              ? List.of(renderer.toString(), "-l", gz.toString())
              : List.of(renderer.toString(), "-Tutf8", gz.toString());
      Tools.Run rendered = Tools.run(command, work, Map.of("MANPAGER", "cat", "MANWIDTH", "80"));
      assertThat(rendered.exitCode()).as(rendered.output()).isZero();
      assertThat(rendered.output()).contains("NAME").contains("SYNOPSIS").contains("SEE ALSO");
    }
  }

  @Test
  void completionsAreInstalledForBashAndZsh() throws IOException {
    Optional<Path> zshell = Tools.find("zsh");
    for (String program : List.of("hypernctl", "hypernd")) {
      Path bash = root.resolve("usr/share/bash-completion/completions").resolve(program);
      assertThat(bash)
          .hasSameTextualContentAs(Path.of("packaging/completion/bash").resolve(program));
      assertThat(Files.readString(bash)).doesNotStartWith("#!");
      Tools.ok(List.of("bash", "-n", bash.toString()));
      Path zsh = root.resolve("usr/share/zsh/vendor-completions").resolve("_" + program);
      assertThat(zsh)
          .hasSameTextualContentAs(Path.of("packaging/completion/zsh").resolve("_" + program));
      assertThat(Files.readString(zsh)).startsWith("#compdef " + program + "\n");
      if (zshell.isPresent()) {
        Tools.ok(List.of(zshell.get().toString(), "-n", zsh.toString()));
      } else {
        System.err.println("NOTE: zsh is not installed; the zsh completion's syntax is unchecked");
      }
    }
  }

  @Test
  void lintianReportsNoErrorsAndNoWarnings() {
    Path lintian = Tools.require("lintian", "lintian");
    Tools.Run run =
        Tools.run(List.of(lintian.toString(), "--fail-on", "error,warning", deb.toString()));
    System.out.println("lintian " + deb.getFileName() + ":\n" + run.output());
    assertThat(run.output()).doesNotContainPattern("(?m)^[EW]: ");
    assertThat(run.exitCode()).as(run.output()).isZero();
  }

  @Test
  void postinstCreatesTheUserOnlyWhenItIsMissing() throws IOException {
    Stubs stubs = new Stubs(work.resolve("stubs-postinst"));
    stubs.run(control.resolve("postinst"), Map.of("STUB_GETENT_RC", "2"), "configure");
    assertThat(stubs.log())
        .contains("getent passwd hypernd")
        .contains("adduser --system --group --home /var/lib/hypernd hypernd")
        .contains(ARCHIVE_DUMP)
        .contains("deb-systemd-helper update-state hypernd.service");
    stubs.clear();
    stubs.run(control.resolve("postinst"), Map.of("STUB_GETENT_RC", "0"), "configure", "0.0.1-1");
    assertThat(stubs.log()).doesNotContain("adduser");
    Tools.Run bogus =
        Tools.run(List.of("sh", control.resolve("postinst").toString(), "bogus"), work, stubs.env);
    assertThat(bogus.exitCode()).isEqualTo(1);
  }

  /** What postinst does with the installed Java, here on the unpacked jar. */
  @Test
  void classListMakesAnArchiveThatHypernctlLoadsPicocliFrom() {
    String archive = work.resolve("hypernctl.jsa").toString();
    Tools.ok(
        List.of(
            JAVA,
            "-XX:+UseSerialGC",
            "-Xshare:dump",
            "-XX:SharedClassListFile=" + root.resolve("usr/share/hypernd/hypernctl.classlist"),
            "-XX:SharedArchiveFile=" + archive,
            "-cp",
            jar()));
    String loaded =
        Tools.ok(
            List.of(
                JAVA,
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xshare:on",
                "-XX:SharedArchiveFile=" + archive,
                "-Xlog:class+load=info",
                "-cp",
                jar(),
                "dev.hypernd.cli.HypernctlMain",
                "--help"));
    assertThat(loaded)
        .contains("picocli.CommandLine source: shared objects file")
        .contains("dev.hypernd.cli.HypernctlMain source: shared objects file");
  }

  @Test
  void aJavaUpgradeRebuildsTheArchiveOnly() throws IOException {
    Stubs stubs = new Stubs(work.resolve("stubs-trigger"));
    stubs.run(control.resolve("postinst"), Map.of(), "triggered", "/usr/lib/jvm");
    assertThat(stubs.log().strip()).isEqualTo(ARCHIVE_DUMP);
  }

  @Test
  void purgeRemovesTheStateAndKeepsItOnRemove() throws IOException {
    Stubs stubs = new Stubs(work.resolve("stubs-postrm"));
    Path fakeRoot = work.resolve("installed");
    Path state = Files.createDirectories(fakeRoot.resolve("var/lib/hypernd"));
    Files.writeString(state.resolve("state.db"), "tasks");
    Path cache = Files.createDirectories(fakeRoot.resolve("var/cache/hypernd"));
    Files.writeString(cache.resolve("hypernctl.jsa"), "archive");
    Map<String, String> env = Map.of("DPKG_ROOT", fakeRoot.toString());
    stubs.run(control.resolve("prerm"), env, "upgrade", "0.0.2-1");
    assertThat(cache.resolve("hypernctl.jsa")).exists();
    stubs.run(control.resolve("prerm"), env, "remove");
    assertThat(cache).isEmptyDirectory();
    stubs.run(control.resolve("postrm"), env, "remove");
    assertThat(state.resolve("state.db")).exists();
    stubs.run(control.resolve("postrm"), env, "purge");
    assertThat(state).doesNotExist();
    assertThat(cache).doesNotExist();
    assertThat(stubs.log()).doesNotContain("deluser").doesNotContain("delgroup");
    if (Files.isExecutable(Path.of("/usr/bin/deb-systemd-helper"))) {
      assertThat(stubs.log()).contains("deb-systemd-helper purge hypernd.service");
    }
  }

  /** Commands that maintainer scripts call, as stubs on the PATH that log their arguments. */
  private static final class Stubs {
    private static final List<String> NAMES =
        List.of(
            "getent",
            "adduser",
            "deluser",
            "delgroup",
            "deb-systemd-helper",
            "deb-systemd-invoke",
            "systemctl",
            "java");

    private final Path dir;
    private final Path log;
    private final Map<String, String> env = new HashMap<>();

    Stubs(Path dir) throws IOException {
      this.dir = Files.createDirectories(dir);
      this.log = dir.resolve("calls.log");
      for (String name : NAMES) {
        String rc = name.equals("getent") ? "${STUB_GETENT_RC:-0}" : "0";
        Path stub =
            Files.writeString(
                dir.resolve(name),
                "#!/bin/sh\necho \"" + name + " $*\" >>\"$STUB_LOG\"\nexit " + rc + "\n");
        assertThat(stub.toFile().setExecutable(true)).isTrue();
      }
      env.put("PATH", dir + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
      env.put("STUB_LOG", log.toString());
    }

    void run(Path script, Map<String, String> extraEnv, String... args) {
      List<String> command = new ArrayList<>(List.of("sh", script.toString()));
      command.addAll(List.of(args));
      Map<String, String> all = new LinkedHashMap<>(env);
      all.putAll(extraEnv);
      Tools.Run run = Tools.run(command, dir, all);
      assertThat(run.exitCode())
          .as(script.getFileName() + " " + String.join(" ", args) + ":\n" + run.output())
          .isZero();
    }

    String log() throws IOException {
      return Files.exists(log) ? Files.readString(log) : "";
    }

    void clear() throws IOException {
      Files.deleteIfExists(log);
    }
  }

  private String jar() {
    return root.resolve("usr/share/hypernd/hypernd.jar").toString();
  }

  private String lib() {
    return root.resolve("usr/lib/hypernd").toString();
  }

  /** Runs an unpacked launcher; it must exit 0. */
  private String launch(String program, Map<String, String> env, String... args) {
    List<String> command =
        new ArrayList<>(List.of(root.resolve("usr/bin").resolve(program).toString()));
    command.addAll(List.of(args));
    Tools.Run run = Tools.run(command, work, env);
    assertThat(run.exitCode()).as(command + ":\n" + run.output()).isZero();
    return run.output();
  }

  /** The fields of {@code dpkg-deb -f}, continuation lines joined to their field. */
  private static Map<String, String> fields(String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    String last = null;
    for (String line : text.lines().toList()) {
      if (line.startsWith(" ") && last != null) {
        fields.merge(last, "\n" + line, String::concat);
      } else if (line.contains(":")) {
        last = line.substring(0, line.indexOf(':'));
        fields.put(last, line.substring(line.indexOf(':') + 1).strip());
      }
    }
    return fields;
  }
}
