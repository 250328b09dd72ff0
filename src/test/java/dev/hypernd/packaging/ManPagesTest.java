package dev.hypernd.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypernd.cli.CliContext;
import dev.hypernd.cli.HypernctlMain;
import dev.hypernd.daemon.HyperndMain;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The man pages cannot drift from the programs: every long option that {@code --help} shows for a
 * command is documented in that command's part of its man page, every hypernctl verb has a section,
 * every key of the job file is in hypernd.yaml(5), and the pages lint clean.
 *
 * <p>A command's part is its {@code .SS} subsection ({@code .SS "hypernd run"}, {@code .SS
 * "hypernctl wait"}); options that every command takes are documented once in {@code .SH OPTIONS},
 * which counts for all of them.
 */
class ManPagesTest {
  static final Path MAN = Path.of("man");
  static final List<Path> PAGES =
      List.of(MAN.resolve("hypernd.8"), MAN.resolve("hypernctl.1"), MAN.resolve("hypernd.yaml.5"));

  @Test
  void hyperndPageDocumentsEveryCommandAndOption() {
    assertDocumented(HyperndMain.commandLine(), ManPage.read(MAN.resolve("hypernd.8")));
  }

  @Test
  void hypernctlPageDocumentsEveryVerbAndOption() {
    CommandLine ctl = HypernctlMain.commandLine(new CliContext(Map.of(), false, Clock.systemUTC()));
    assertDocumented(ctl, ManPage.read(MAN.resolve("hypernctl.1")));
  }

  @Test
  void jobFilePageNamesEveryKeyOfTheExample() throws IOException {
    ManPage page = ManPage.read(MAN.resolve("hypernd.yaml.5"));
    String text = page.text();
    Set<String> keys = new TreeSet<>();
    try (Reader reader = Files.newBufferedReader(Path.of("jobs.example.yaml"))) {
      LoadSettings settings = LoadSettings.builder().build();
      Node root =
          new Composer(settings, new ParserImpl(settings, new StreamReader(settings, reader)))
              .getSingleNode()
              .orElseThrow();
      collectKeys(root, keys);
    }
    assertThat(keys).contains("defaults", "jobs", "retry_on", "on_failure", "catch_up");
    assertThat(keys)
        .as("keys of jobs.example.yaml missing in %s", page.file())
        .allSatisfy(key -> assertThat(ManPage.mentions(text, key + ":")).as(key).isTrue());
  }

  @Tag("system")
  @Test
  void pagesLintCleanWithMandoc() {
    Path mandoc = Tools.require("mandoc", "mandoc");
    List<String> command = new ArrayList<>(List.of(mandoc.toString(), "-Tlint", "-W", "warning"));
    PAGES.forEach(p -> command.add(p.toString()));
    Tools.Run lint = Tools.run(command);
    assertThat(lint.output()).as("mandoc -Tlint -W warning").isEmpty();
    assertThat(lint.exitCode()).isZero();
  }

  /** What lintian checks with man(1): groff's warnings, with tbl for the tables. */
  @Tag("system")
  @Test
  void pagesFormatWithoutGroffWarnings() {
    Path groff = Tools.require("groff", "groff-base");
    for (Path page : PAGES) {
      Tools.Run run =
          Tools.run(
              List.of(groff.toString(), "-t", "-man", "-ww", "-z", "-Tutf8", page.toString()));
      assertThat(run.output()).as("groff -ww on %s", page).isEmpty();
      assertThat(run.exitCode()).isZero();
    }
  }

  private static void assertDocumented(CommandLine command, ManPage page) {
    CommandSpec spec = command.getCommandSpec();
    String common = page.section("OPTIONS").map(ManPage.Section::text).orElse("");
    assertThat(common).as("%s has no OPTIONS section", page.file()).isNotEmpty();
    String own = common;
    if (spec.parent() != null) {
      String title = spec.qualifiedName();
      own =
          page.subsection(title)
              .map(ManPage.Section::text)
              .orElseThrow(() -> new AssertionError(page.file() + " has no .SS \"" + title + "\""));
    }
    String usage = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
    for (String option : longOptions(spec)) {
      assertThat(usage).contains(option);
      assertThat(ManPage.mentions(own, option) || ManPage.mentions(common, option))
          .as(
              "%s: %s is in the --help of %s but not in the man page",
              page.file(), option, spec.qualifiedName())
          .isTrue();
    }
    for (CommandLine sub : command.getSubcommands().values()) {
      if (!sub.getCommandSpec().usageMessage().hidden()) {
        assertDocumented(sub, page);
      }
    }
  }

  private static List<String> longOptions(CommandSpec spec) {
    List<String> names = new ArrayList<>();
    for (OptionSpec option : spec.options()) {
      if (!option.hidden()) {
        for (String name : option.names()) {
          if (name.startsWith("--")) {
            names.add(name);
          }
        }
      }
    }
    return names;
  }

  /** The keys of every mapping, except the variable names under {@code env}. */
  private static void collectKeys(Node node, Set<String> keys) {
    if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        String key = ((ScalarNode) tuple.getKeyNode()).getValue();
        keys.add(key);
        if (!key.equals("env")) {
          collectKeys(tuple.getValueNode(), keys);
        }
      }
    } else if (node instanceof SequenceNode sequence) {
      sequence.getValue().forEach(item -> collectKeys(item, keys));
    }
  }
}
