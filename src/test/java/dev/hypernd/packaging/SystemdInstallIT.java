package dev.hypernd.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * README.md's "Install" section on a real Debian 12 with systemd as its init: the package is
 * installed with apt (which brings the Java runtime), then {@code systemctl enable --now hypernd}
 * and {@code hypernctl status}, exactly as the README writes them; then what the unit promises:
 * readiness, status, reload, watchdog, the sandbox jobs run in, who may use the socket, the stop
 * with running jobs, and remove and purge.
 *
 * <p>The machine is a debootstrapped tree booted with {@code systemd-nspawn} ({@link
 * DebianMachine}). The steps run inside it as a oneshot unit after {@code multi-user.target}
 * ({@code systemd/run.sh} and the files beside it) and write a transcript; the machine then powers
 * off, and each test here asserts on its steps. Needs root, systemd-container, debootstrap and
 * Debian's package mirror; takes about two minutes.
 */
@Tag("system")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SystemdInstallIT {
  private static final Path WORK = Path.of("target", "systemd-it");
  private static final String IT = "/root/it/";

  /** The clone the README's commands run in, as the operator: the packages are in its target. */
  private static final String CLONE = "/srv/hypernd/";

  /** Files of the test that the operator and the jobs read. */
  private static final String FILES = "/usr/local/lib/hypernd-it/";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The README's commands that cannot run as written in a test, and what runs instead. */
  private static final Map<String, String> STAND_INS =
      Map.of(
          // The build ran on the host (DebBuild, as -Pdeb does); the package is in ./target.
          "mvn -B -Pdeb -DskipTests package",
          "ls ./target/deb/hypernd_*.deb",
          // The operator's edit: the test's jobs appended to the packaged job file.
          "sudoedit /etc/hypernd/jobs.yaml",
          "sudo tee -a /etc/hypernd/jobs.yaml <" + FILES + "jobs.yaml >/dev/null");

  private final List<String> readme = ReadmeInstall.commands();
  private DebianMachine machine;
  private Transcript transcript;

  @BeforeAll
  void bootAndRunTheSteps() throws IOException {
    machine = DebianMachine.create(WORK.resolve("machine"));
    Path deb = DebBuild.first();
    machine.copy(deb, CLONE + "target/deb/" + deb.getFileName());
    Path upgrade = DebBuild.revision(2);
    machine.copy(upgrade, CLONE + "upgrade/" + upgrade.getFileName());
    machine.write(IT + "lib.sh", resource("lib.sh"), "rw-r--r--");
    machine.write(IT + "checks.sh", resource("checks.sh"), "rw-r--r--");
    machine.write(FILES + "jobs.yaml", resource("jobs.yaml"), "rw-r--r--");
    machine.write(IT + "run.sh", runScript(), "rw-r--r--");
    // A host name that resolves, as on an installed system (sudo complains otherwise).
    machine.write("/etc/hostname", "hypernd-it\n", "rw-r--r--");
    machine.write("/etc/hosts", "127.0.0.1 localhost\n127.0.1.1 hypernd-it\n", "rw-r--r--");
    machine.write(FILES + "probe.sh", resource("probe.sh"), "rwxr-xr-x");
    // apt asks before it installs the Java runtime with the package; this is the operator's "Y".
    // A proxy the host reaches the mirror through (debootstrap used it already) serves apt too.
    String proxy = System.getenv().getOrDefault("http_proxy", "");
    machine.write(
        "/etc/apt/apt.conf.d/90hypernd-it",
        "APT::Get::Assume-Yes \"true\";\n"
            + (proxy.isEmpty() ? "" : "Acquire::http::Proxy \"" + proxy + "\";\n"),
        "rw-r--r--");
    machine.write(
        "/etc/systemd/system/hypernd-it.service", resource("hypernd-it.service"), "rw-r--r--");
    Path wants = machine.path("/etc/systemd/system/multi-user.target.wants/hypernd-it.service");
    Files.createDirectories(wants.getParent());
    Files.createSymbolicLink(wants, Path.of("/etc/systemd/system/hypernd-it.service"));

    Tools.Run boot = machine.boot(Duration.ofMinutes(15));
    Path written = machine.path(IT + "transcript");
    if (!Files.exists(written)) {
      fail(
          "the machine wrote no transcript; systemd-nspawn exited "
              + boot.exitCode()
              + ":\n"
              + boot.output()
              + "\njournal:\n"
              + machine.journal(100));
    }
    transcript = new Transcript(Files.readString(written));
  }

  @Test
  void readmeInstallCommandsRunAsWrittenAndSucceed() {
    assertThat(readme)
        .as("README.md's Install section")
        .contains(
            "sudo apt install ./target/deb/hypernd_*.deb",
            "sudo systemctl enable --now hypernd",
            "sudo hypernctl status");
    for (int i = 0; i < readme.size(); i++) {
      Transcript.Step step = step("readme-" + (i + 1));
      assertThat(step.status()).as(readme.get(i) + " printed:\n" + step.output()).isZero();
    }
  }

  @Test
  void statusRightAfterEnableNowShowsTheDaemonAndItsJobs() {
    String status = readmeStep("sudo hypernctl status").output();
    assertThat(status).contains("/etc/hypernd/jobs.yaml", "heartbeat", "probe", "sleeper");
    assertThat(readmeStep("sudo journalctl -u hypernd").output())
        .contains("config.loaded /etc/hypernd/jobs.yaml: 3 jobs", "daemon.started hypernd ");
  }

  @Test
  void unitIsReadyThroughNotifyWithAStatusLineAndAWatchdog() {
    Map<String, String> unit = properties(step("unit").output());
    assertThat(unit)
        .containsEntry("Type", "notify")
        .containsEntry("NotifyAccess", "main")
        .containsEntry("ActiveState", "active")
        .containsEntry("SubState", "running")
        .containsEntry("User", "hypernd")
        .containsEntry("WatchdogUSec", "1min")
        .containsEntry("KillMode", "mixed")
        .containsEntry("NRestarts", "0");
    assertThat(unit.get("StatusText")).matches("3 jobs, 0 running, 0 pending(, .*)?");
  }

  /** systemd-analyze security, under the systemd that runs the unit: 3.5 or lower. */
  @Test
  void theSandboxScoresAtMost3Point5() {
    String security = step("security").output();
    java.util.regex.Matcher overall =
        java.util.regex.Pattern.compile("Overall exposure level for hypernd.service: ([0-9.]+)")
            .matcher(security);
    assertThat(overall.find()).as(security).isTrue();
    assertThat(Double.parseDouble(overall.group(1))).as(security).isLessThanOrEqualTo(3.5);
  }

  @Test
  void daemonRunsAsHyperndAndOwnsItsSocketAndState() {
    Map<String, String> process = properties(step("main-process").output());
    assertThat(process).containsEntry("user", "hypernd");
    assertThat(process.get("exe")).startsWith("/usr/lib/jvm/");
    assertThat(step("socket").output().lines())
        .containsExactly(
            "/run/hypernd hypernd:hypernd 750",
            "/run/hypernd/hypernd.sock hypernd:hypernd 660",
            "/var/lib/hypernd hypernd:hypernd 750",
            "/var/lib/hypernd/state.db hypernd:hypernd 640");
  }

  @Test
  void jobsRunAsHyperndInTheSandboxTheUnitDescribes() throws IOException {
    JsonNode task = json(step("probe"));
    assertThat(task.path("state").asText()).as(task.toString()).isEqualTo("COMPLETED");
    Map<String, String> seen = properties(task.path("result").asText());
    assertThat(seen)
        .containsEntry("user", "hypernd")
        .containsEntry("group", "hypernd")
        .containsEntry("home", "/var/lib/hypernd")
        .containsEntry("task", task.path("task_id").asText())
        .containsEntry("socket", "/run/hypernd/hypernd.sock")
        .containsEntry("notify_socket", "unset")
        .containsEntry("watchdog_usec", "unset")
        .containsEntry("no_new_privs", "1")
        .containsEntry("cap_eff", "0000000000000000")
        .containsEntry("state_dir_writable", "yes")
        .containsEntry("usr_writable", "no")
        .containsEntry("etc_writable", "no")
        .containsEntry("private_tmp", "yes")
        .containsEntry("hypernctl", "ok");
  }

  @Test
  void groupMembersMayUseHypernctlAndOthersAreToldWhyNot() {
    Transcript.Step member = step("group-member");
    assertThat(member.status()).as(member.output()).isZero();
    assertThat(member.output()).contains("heartbeat");
    Transcript.Step outsider = step("outsider");
    assertThat(outsider.status()).as(outsider.output()).isEqualTo(3);
    assertThat(outsider.output()).contains("/run/hypernd/hypernd.sock", "permission denied");
  }

  @Test
  void reloadAppliesAValidFileAndKeepsTheJobsOnAnInvalidOne() {
    Transcript.Step valid = step("reload-valid");
    assertThat(valid.status()).as(valid.output()).isZero();
    // Synchronous: the change is applied when systemctl reload returns.
    assertThat(valid.output()).contains("every 30s", "1 changed", "last reload ok");
    System.out.println("systemctl reload: " + properties(valid.output()).get("reload_ms") + " ms");
    assertThat(step("metrics-key").output())
        .startsWith("HTTP/1.1 200")
        .contains("hypernd_config_last_reload_success 1.0");

    Map<String, String> invalid = properties(step("reload-invalid").output());
    assertThat(invalid.get("reload_exit")).as(step("reload-invalid").output()).isNotEqualTo("0");
    assertThat(invalid)
        .as(step("reload-invalid").output())
        .containsEntry("state", "active")
        .containsEntry("submit_after", "ok");
    assertThat(invalid.get("status_text")).contains("last reload rejected");
    // The old jobs, with the interval of the last valid file, still scheduled.
    assertThat(step("reload-invalid").output()).containsPattern("heartbeat +every 30s");

    String told = step("reload-invalid-hypernctl").output();
    assertThat(told).contains("exit=1").containsPattern("jobs\\.yaml:\\d+:\\d+: .*interval");

    Transcript.Step restored = step("reload-restored");
    assertThat(restored.status()).as(restored.output()).isZero();
    assertThat(restored.output()).contains("last reload ok");
  }

  @Test
  void aDropInSetsGraceWatchdogAndMetricsAndTheRestartKeepsTheState() throws IOException {
    Transcript.Step dropIn = step("drop-in");
    assertThat(dropIn.status()).as(dropIn.output()).isZero();
    assertThat(dropIn.output()).contains("4s");

    JsonNode probe = json(step("state-after-restart"));
    assertThat(probe.path("state").asText()).as(probe.toString()).isEqualTo("COMPLETED");

    String scrape = step("metrics").output();
    assertThat(scrape)
        .startsWith("HTTP/1.1 200")
        .contains("hypernd_tasks_running{job_name=\"probe\"}");
    assertThat(step("metrics-key-ignored").output()).contains("key_port=closed");

    // Three times the 4 s watchdog: a daemon that stopped pinging would have been restarted.
    Map<String, String> watchdog = properties(step("watchdog").output());
    assertThat(watchdog.get("main_pid_after")).isEqualTo(watchdog.get("main_pid_before"));
    assertThat(watchdog).containsEntry("restarts", "0").containsEntry("state", "active");
  }

  /**
   * A host whose /tmp is noexec: the service starts, its native libraries are the package's, and
   * nothing of it is mapped from or extracted to /tmp.
   */
  @Test
  void withNoExecTmpTheServiceStartsOnThePackagesNativeLibraries() {
    Transcript.Step noexec = step("noexec-tmp");
    Map<String, String> seen = properties(noexec.output());
    assertThat(seen)
        .as(noexec.output())
        .containsEntry("restart", "0")
        .containsEntry("state", "active")
        .containsEntry("tmp_executable", "0")
        .containsEntry("tmp_libraries", "0")
        .containsEntry("probe", "ok");
    assertThat(seen.get("noexec")).contains("/tmp");
    assertThat(seen.get("natives").split(" "))
        .containsExactlyInAnyOrder(
            "/usr/lib/hypernd/libjunixsocket-native.so", "/usr/lib/hypernd/libsqlitejdbc.so");
  }

  @Test
  void anUpgradeRestartsTheEnabledServiceAndKeepsTheEditedJobFileAndTheState() throws IOException {
    Transcript.Step upgrade = step("upgrade");
    assertThat(upgrade.status()).as(upgrade.output()).isZero();
    Map<String, String> seen = properties(upgrade.output());
    assertThat(seen.get("version")).as(upgrade.output()).endsWith("-2");
    assertThat(seen.get("main_pid_after")).isNotEqualTo(seen.get("main_pid_before"));
    assertThat(seen)
        .containsEntry("state", "active")
        .containsEntry("jobs_file_kept", "yes")
        .containsEntry("archive", "yes");
    JsonNode probe = json(step("state-after-upgrade"));
    assertThat(probe.path("state").asText()).as(probe.toString()).isEqualTo("COMPLETED");
  }

  @Test
  void stopGivesRunningJobsTheGracePeriodAndLeavesNoProcessBehind() throws IOException {
    Transcript.Step stop = step("stop");
    Map<String, String> seen = properties(stop.output());
    assertThat(seen)
        .as(stop.output())
        .containsEntry("sleeps_before", "2")
        .containsEntry("sleeps_after", "0")
        .containsEntry("state", "inactive")
        .containsEntry("result", "success");
    assertThat(Long.parseLong(seen.get("stop_ms"))).as("the 3 s grace period").isGreaterThan(3000);

    JsonNode sleeper = json(step("after-stop"));
    assertThat(sleeper.path("state").asText()).as(sleeper.toString()).isEqualTo("FAILED");
    assertThat(sleeper.path("error").path("type").asText()).endsWith(".ShutdownException");
    assertThat(sleeper.path("error").path("message").asText()).startsWith("killed at shutdown");
  }

  @Test
  void journalHoldsEveryDaemonEventWithItsFields() throws IOException {
    List<JsonNode> events = entries(step("journal"));
    List<String> names = events.stream().map(e -> e.path("EVENT").asText()).toList();
    assertThat(names)
        .containsSubsequence(
            "config.loaded",
            "daemon.started",
            "task.completed", // the probe
            "config.loaded", // systemctl reload
            "config.rejected",
            "daemon.stopping", // the drop-in's restart
            "daemon.stopped",
            "daemon.started",
            "task.started", // the sleeper
            "daemon.stopping",
            "task.failed",
            "daemon.stopped");
    for (JsonNode event : events) {
      assertThat(event.path("SYSLOG_IDENTIFIER").asText()).isEqualTo("hypernd");
      assertThat(event.path("MESSAGE").asText())
          .startsWith(event.path("EVENT").asText())
          .doesNotContain("\n")
          .hasSizeLessThanOrEqualTo(300);
      if (event.path("EVENT").asText().startsWith("task.")) {
        assertThat(event.has("JOB") && event.has("TASK_ID") && event.has("ATTEMPT"))
            .as(event.toString())
            .isTrue();
      }
    }
    JsonNode lastStop =
        events.stream()
            .filter(e -> e.path("EVENT").asText().equals("daemon.stopped"))
            .reduce((first, second) -> second)
            .orElseThrow();
    assertThat(lastStop.path("KILLED").asText()).isEqualTo("1");
    // Every event went through the native protocol: none fell back to a JSON line on stdout.
    assertThat(step("journal-text").output().lines())
        .noneMatch(line -> line.startsWith("<") || line.startsWith("{\"@timestamp\""));
  }

  @Test
  void journalctlFindsOneJobsEventsByItsField() throws IOException {
    List<JsonNode> sleeper = entries(step("journal-job"));
    assertThat(sleeper)
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.path("JOB").asText()).isEqualTo("sleeper"));
    assertThat(sleeper.stream().map(e -> e.path("EVENT").asText()))
        .containsSubsequence("task.started", "task.failed");
    // Its attempt killed at shutdown (a warning), then the task failed for good (an error).
    List<JsonNode> warnings = entries(step("journal-job-warnings"));
    assertThat(
            warnings.stream()
                .map(e -> e.path("EVENT").asText() + " " + e.path("PRIORITY").asText()))
        .containsExactly("task.error 4", "task.failed 3");
  }

  @Test
  void journalShowsOnlyWarningsAndErrorsWithDashP() throws IOException {
    List<JsonNode> warnings = entries(step("journal-warnings"));
    assertThat(warnings)
        .allSatisfy(w -> assertThat(w.path("PRIORITY").asInt()).isLessThanOrEqualTo(4));
    assertThat(warnings.stream().map(w -> w.path("EVENT").asText()))
        .contains("config.rejected", "task.error", "task.failed");
  }

  /** A JVM option error is a warning in the journal, and a unit that cannot start gives up. */
  @Test
  void aJvmThatCannotStartIsAWarningAndTheUnitGivesUp() {
    Transcript.Step jvm = step("jvm-option-error");
    Map<String, String> seen = properties(jvm.output());
    // Five starts (StartLimitBurst=5), each one's JVM error a warning; then systemd gives up.
    assertThat(seen)
        .as(jvm.output())
        .containsEntry("state", "failed")
        .containsEntry("limit", "1")
        .containsEntry("starts", "5")
        .containsEntry("vm_warnings", "5")
        .containsEntry("fixed", "active");
    assertThat(Integer.parseInt(seen.get("option_warnings"))).isGreaterThanOrEqualTo(5);
    assertThat(seen.get("restart")).isNotEqualTo("0");
  }

  @Test
  void aJobFileThatIsInvalidAtStartFailsTheUnitWithoutARestartLoop() {
    Map<String, String> seen = properties(step("invalid-at-start").output());
    assertThat(seen)
        .as(step("invalid-at-start").output())
        .containsEntry("restart", "1")
        .containsEntry("state", "failed")
        .containsEntry("sub", "failed")
        .containsEntry("status", "2")
        .containsEntry("errors_in_journal", "1")
        .containsEntry("fixed", "active");
  }

  @Test
  void removeKeepsTheJobFileAndStateAndPurgeDeletesThem() {
    Transcript.Step remove = step("remove");
    assertThat(remove.output())
        .contains("/etc/hypernd/jobs.yaml", "/var/lib/hypernd/state.db", "bin=none")
        .contains("active=inactive");
    assertThat(properties(step("purge").output()))
        .containsEntry("/etc/hypernd", "gone")
        .containsEntry("/var/lib/hypernd", "gone")
        .containsEntry("user", "hypernd");
  }

  /** The machine's script: the helpers, the README's commands as steps, then the checks. */
  private String runScript() {
    StringBuilder script =
        new StringBuilder(
            """
            # Written by SystemdInstallIT; run as root by hypernd-it.service once the machine is up.
            set -u
            # The machine shares the host's network: ports that are free there now, not fixed ones
            # another build on the host may hold.
            METRICS_PORT=%d
            KEY_PORT=%d
            export DEBIAN_FRONTEND=noninteractive
            . /root/it/lib.sh
            # A new debootstrap tree has no package lists yet; an installed Debian has.
            step prepare 'apt-get update -q'
            # The README's reader: a user who may use sudo (without a password, for the test).
            step operator 'useradd --create-home --shell /bin/bash --groups sudo admin &&
              echo "admin ALL=(ALL) NOPASSWD: ALL" >/etc/sudoers.d/admin'
            """
                .formatted(freePort(), freePort()));
    for (int i = 0; i < readme.size(); i++) {
      String command = STAND_INS.getOrDefault(readme.get(i), readme.get(i));
      script
          .append("step readme-")
          .append(i + 1)
          .append(' ')
          .append(quoted("as_admin " + quoted(command)))
          .append('\n');
    }
    return script.append(". /root/it/checks.sh\n").toString();
  }

  private Transcript.Step readmeStep(String command) {
    int index = readme.indexOf(command);
    assertThat(index).as("README.md's Install section runs " + command).isNotNegative();
    return step("readme-" + (index + 1));
  }

  private Transcript.Step step(String name) {
    return transcript
        .step(name)
        .orElseThrow(
            () ->
                new AssertionError(
                    "step " + name + " did not run; the transcript:\n" + transcript.text()));
  }

  /** The JSON object that ends a step's output (hypernctl --json's answer, pretty-printed). */
  private static JsonNode json(Transcript.Step step) throws IOException {
    String output = step.output();
    int start = output.startsWith("{") ? 0 : output.indexOf("\n{") + 1;
    assertThat(output.startsWith("{", start))
        .as(step.name() + " printed no JSON:\n" + output)
        .isTrue();
    return JSON.readTree(output.substring(start));
  }

  /** The entries of {@code journalctl -o json} that are hypernd's events (those with EVENT). */
  private static List<JsonNode> entries(Transcript.Step step) throws IOException {
    List<JsonNode> events = new ArrayList<>();
    for (String line : step.output().lines().toList()) {
      if (line.startsWith("{")) {
        JsonNode entry = JSON.readTree(line);
        if (entry.has("EVENT")) {
          events.add(entry);
        }
      }
    }
    return events;
  }

  /** {@code key=value} lines (the probe's, systemctl show's); other lines are ignored. */
  private static Map<String, String> properties(String text) {
    Map<String, String> properties = new LinkedHashMap<>();
    for (String line : text.lines().toList()) {
      int equals = line.indexOf('=');
      if (equals > 0) {
        properties.put(line.substring(0, equals), line.substring(equals + 1));
      }
    }
    return properties;
  }

  private static int freePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String quoted(String command) {
    return "'" + command.replace("'", "'\\''") + "'";
  }

  private static String resource(String name) {
    try (InputStream in = SystemdInstallIT.class.getResourceAsStream("systemd/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no test resource systemd/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
