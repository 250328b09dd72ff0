package dev.hypernd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.daemon.HyperndMain;
import dev.hypernd.daemon.control.ControlFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The shipped bash completions, run by bash: they offer exactly the verbs, commands and options of
 * today's command models (so they cannot go stale), the values the options take, and what only the
 * running daemon knows (job names, task ids), asked through the real hypernctl. The zsh completions
 * are the bash ones behind a fixed prologue; to rewrite them after editing a bash script: {@code
 * mvn test -Dtest=CompletionScriptsTest -Dhypernd.updateCompletion=true}.
 */
class CompletionScriptsTest {
  static final Path BASH = Path.of("packaging/completion/bash");
  static final Path ZSH = Path.of("packaging/completion/zsh");

  @TempDir Path dir;
  private ControlFixture daemon;
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    if (daemon != null) {
      daemon.close();
    }
  }

  /**
   * The zsh completion of {@code program}: its bash completion run through bashcompinit. compinit
   * autoloads it by its #compdef line for the first completion, which it then hands to the function
   * the bash script has just registered; sourced from ~/.zshrc, it only registers.
   */
  static String zsh(String program, String bash) {
    return "#compdef "
        + program
        + "\n# zsh completion for "
        + program
        + ": the bash completion below, run through bashcompinit.\n"
        + "# Installed as _"
        + program
        + " in zsh's fpath, or sourced from ~/.zshrc.\n"
        + "autoload -U +X bashcompinit && bashcompinit\n"
        + "# bashcompinit has no compopt (bash display options): a no-op stands in for it.\n"
        + "(( $+functions[compopt] )) || compopt() { return 0; }\n"
        + bash
        + "# Autoloaded for a completion (compstate is set): complete it with the function the\n"
        + "# script has just registered.\n"
        + "(( ${+compstate} )) && _bash_complete -o default -F _"
        + program
        + "\n";
  }

  @Test
  void theZshScriptsAreTheBashOnesBehindTheirPrologue() throws IOException {
    for (String program : List.of("hypernctl", "hypernd")) {
      Path zsh = ZSH.resolve("_" + program);
      String expected = zsh(program, Files.readString(BASH.resolve(program)));
      if (Boolean.getBoolean("hypernd.updateCompletion")) {
        Files.writeString(zsh, expected);
      }
      assertThat(zsh)
          .as("stale; rewrite it with -Dhypernd.updateCompletion=true")
          .hasContent(expected);
    }
  }

  @Test
  void hypernctlOffersItsVerbsAndEachVerbsOptions() throws Exception {
    CommandLine model = HypernctlMain.commandLine(new CliContext(Map.of(), false, null));
    assertThat(words("hypernctl ")).isEqualTo(visibleSubcommands(model));
    assertThat(words("hypernctl -")).isEqualTo(optionNames(model.getCommandSpec()));
    for (CommandLine verb : model.getSubcommands().values()) {
      CommandSpec spec = verb.getCommandSpec();
      if (!spec.usageMessage().hidden()) {
        assertThat(words("hypernctl " + spec.name() + " -"))
            .as("options of hypernctl " + spec.name())
            .isEqualTo(optionNames(spec));
      }
    }
    assertThat(complete("hypernctl ta")).isEqualTo("tasks");
    assertThat(complete("hypernctl --json wait --t")).isEqualTo("--timeout");
    assertThat(complete("hypernctl logs --f")).isEqualTo("--follow");
    assertThat(complete("hypernctl tasks --state "))
        .isEqualTo("PENDING RUNNING RETRYING COMPLETED FAILED CANCELLED");
    assertThat(complete("hypernctl tasks --state R")).isEqualTo("RUNNING RETRYING");
  }

  @Test
  void hypernctlAsksTheRunningDaemonForJobNamesAndTaskIds() throws Exception {
    daemon = new ControlFixture(dir);
    daemon.scheduler.task("backup", ctx -> "saved");
    daemon.scheduler.task("beacon", ctx -> "seen");
    daemon.scheduler.task(
        "slow",
        ctx -> {
          release.await();
          return "done";
        });
    daemon.start();
    Map<String, String> env = Map.of("HYPERND_SOCKET", daemon.socket.toString());
    String done = daemon.submit("backup");
    assertThat(new Hypernctl(env, false, ControlFixture.START).run("wait", done)).isZero();
    String running = daemon.submit("slow");

    assertThat(complete("hypernctl pause ", env)).isEqualTo("backup beacon slow");
    assertThat(complete("hypernctl resume b", env)).isEqualTo("backup beacon");
    assertThat(complete("hypernctl submit bea", env)).isEqualTo("beacon");
    assertThat(complete("hypernctl submit beacon ", env)).isEmpty();
    assertThat(complete("hypernctl tasks --job s", env)).isEqualTo("slow");
    assertThat(complete("hypernctl metrics --job ba", env)).isEqualTo("backup");
    assertThat(words("hypernctl result ", env)).containsExactlyInAnyOrder(done, running);
    assertThat(complete("hypernctl cancel ", env)).isEqualTo(running);
    assertThat(complete("hypernctl wait ", env)).isEqualTo(running);
    // The socket on the line is the one asked, not the environment's.
    assertThat(complete("hypernctl --socket " + daemon.socket + " pause ba")).isEqualTo("backup");
    assertThat(complete("hypernctl pause --socket " + daemon.socket + " ba")).isEqualTo("backup");
  }

  @Test
  void withoutADaemonTheCompletionOffersNothingAndPrintsNothing() throws Exception {
    Map<String, String> env = Map.of("HYPERND_SOCKET", dir.resolve("absent.sock").toString());
    assertThat(complete("hypernctl pause ", env)).isEmpty();
    assertThat(complete("hypernctl result ", env)).isEmpty();
    Hypernctl ctl = new Hypernctl(env, false, java.time.Instant.EPOCH);
    assertThat(ctl.run("__complete", "jobs")).isZero();
    assertThat(ctl.out).isEmpty();
    assertThat(ctl.err).isEmpty();
  }

  @Test
  void hyperndOffersItsCommandsTheirOptionsJobFilesZonesAndFormats() throws Exception {
    CommandLine model = HyperndMain.commandLine();
    assertThat(words("hypernd ")).isEqualTo(visibleSubcommands(model));
    assertThat(words("hypernd -")).isEqualTo(optionNames(model.getCommandSpec()));
    for (CommandLine command : model.getSubcommands().values()) {
      CommandSpec spec = command.getCommandSpec();
      assertThat(words("hypernd " + spec.name() + " -"))
          .as("options of hypernd " + spec.name())
          .isEqualTo(optionNames(spec));
    }
    CommandSpec crontab =
        model.getSubcommands().get("import").getSubcommands().get("crontab").getCommandSpec();
    assertThat(words("hypernd import crontab -")).isEqualTo(optionNames(crontab));
    assertThat(complete("hypernd import ")).isEqualTo("crontab");
    assertThat(complete("hypernd run --log-format ")).isEqualTo("json text");
    assertThat(complete("hypernd run --store ")).isEqualTo("memory");
    assertThat(complete("hypernd next --tz Europe/Berl")).isEqualTo("Europe/Berlin");
    assertThat(complete("hypernd next --tz America/New_")).isEqualTo("America/New_York");
    assertThat(complete("hypernd next @da")).isEqualTo("@daily");

    Path cwd = Files.createDirectories(dir.resolve("cwd"));
    Files.writeString(cwd.resolve("jobs.yaml"), "jobs: []\n");
    Files.writeString(cwd.resolve("other.yml"), "jobs: []\n");
    Files.writeString(cwd.resolve("notes.txt"), "not a job file\n");
    Files.createDirectories(cwd.resolve("conf.d"));
    assertThat(words("hypernd run ", Map.of())).containsExactly("conf.d", "jobs.yaml", "other.yml");
    assertThat(complete("hypernd validate j")).isEqualTo("jobs.yaml");
  }

  /** The names of the visible subcommands, sorted. */
  private static TreeSet<String> visibleSubcommands(CommandLine model) {
    TreeSet<String> names = new TreeSet<>();
    model
        .getSubcommands()
        .forEach(
            (name, sub) -> {
              if (!sub.getCommandSpec().usageMessage().hidden()) {
                names.add(name);
              }
            });
    return names;
  }

  /** Every name of every visible option, sorted. */
  private static TreeSet<String> optionNames(CommandSpec spec) {
    TreeSet<String> names = new TreeSet<>();
    for (OptionSpec option : spec.options()) {
      if (!option.hidden()) {
        names.addAll(Arrays.asList(option.names()));
      }
    }
    return names;
  }

  private TreeSet<String> words(String line) throws Exception {
    return words(line, Map.of());
  }

  private TreeSet<String> words(String line, Map<String, String> env) throws Exception {
    String offered = complete(line, env);
    return new TreeSet<>(offered.isEmpty() ? List.of() : List.of(offered.split(" ")));
  }

  private String complete(String line) throws Exception {
    return complete(line, Map.of());
  }

  /**
   * What bash offers for {@code line} (completing its last word), through the shipped script of the
   * line's program, in {@link #dir}. hypernctl on the PATH is the real one, run from this test's
   * classpath.
   */
  private String complete(String line, Map<String, String> env) throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is not installed");
    String program = line.substring(0, line.indexOf(' '));
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path hypernctl = bin.resolve("hypernctl");
    if (!Files.exists(hypernctl)) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Files.writeString(
          hypernctl,
          "#!/bin/sh\nexec '"
              + java
              + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '"
              + System.getProperty("java.class.path")
              + "' dev.hypernd.cli.HypernctlMain \"$@\"\n");
      Files.setPosixFilePermissions(hypernctl, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    String script =
        "source \"$1\"; read -ra COMP_WORDS <<< \"$2\"; "
            + "[[ \"$2\" == *' ' ]] && COMP_WORDS+=(''); "
            + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMP_LINE=\"$2\"; "
            + "COMP_POINT=${#COMP_LINE}; _"
            + program
            + "; echo \"${COMPREPLY[*]}\"";
    List<String> command =
        new ArrayList<>(
            List.of(
                "/bin/bash",
                "-c",
                script,
                "bash",
                BASH.resolve(program).toAbsolutePath().toString(),
                line));
    Path cwd = Files.createDirectories(dir.resolve("cwd"));
    ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile());
    Map<String, String> environment = new LinkedHashMap<>(env);
    environment.put("PATH", bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    builder.environment().remove("HYPERND_SOCKET");
    builder.environment().putAll(environment);
    Process bash = builder.start();
    String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    String err = new String(bash.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(err).as("completing '" + line + "' printed on stderr").isEmpty();
    return out;
  }
}
