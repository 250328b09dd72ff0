package dev.hypernd.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under {@code jobfiles/broken/} states the errors it must produce in header lines
 *
 * <pre># expect: LINE:COLUMN KEY.PATH "phrase of the message"</pre>
 *
 * ({@code -} for the empty key path; the phrase runs to the last quote, unescaped). A file without
 * expectations fails, and so does a file that produces an error nobody expected, so no file can
 * pass unchecked.
 */
class BrokenJobFilesTest {
  private static final Pattern EXPECT =
      Pattern.compile("#\\s*expect:\\s*(\\d+):(\\d+)\\s+(.+?)\\s+\"(.*)\"\\s*");

  private record Expectation(int line, int column, String keyPath, String phrase) {
    boolean matches(ConfigError error) {
      return error.line() == line
          && error.column() == column
          && error.keyPath().equals(keyPath)
          && error.message().contains(phrase);
    }

    @Override
    public String toString() {
      return line
          + ":"
          + column
          + " "
          + (keyPath.isEmpty() ? "-" : keyPath)
          + " \""
          + phrase
          + "\"";
    }
  }

  static Stream<Path> brokenFiles() throws IOException, URISyntaxException {
    Path dir = Path.of(BrokenJobFilesTest.class.getResource("/jobfiles/broken").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @Test
  void theCorpusHasAtLeastThirtyFiles() throws Exception {
    assertThat(brokenFiles().count()).isGreaterThanOrEqualTo(30);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenFiles")
  void reportsExactlyTheExpectedErrors(Path file) throws IOException {
    List<Expectation> expected = expectations(file);
    assertThat(expected).as("%s has no '# expect:' header", file.getFileName()).isNotEmpty();

    LoadResult result = FakeChecks.loader().load(file);

    List<ConfigError> errors = result.errors();
    String actual =
        errors.stream().map(BrokenJobFilesTest::describe).collect(Collectors.joining("\n"));
    assertThat(errors).as("errors of %s:%n%s", file.getFileName(), actual).hasSameSizeAs(expected);
    List<ConfigError> unmatched = new ArrayList<>(errors);
    for (Expectation expectation : expected) {
      Optional<ConfigError> match = unmatched.stream().filter(expectation::matches).findFirst();
      assertThat(match)
          .as("expected %s%nbut %s reported:%n%s", expectation, file.getFileName(), actual)
          .isPresent();
      unmatched.remove(match.get());
    }
    assertThat(errors).allSatisfy(error -> assertThat(error.file()).isEqualTo(file));
    assertThat(errors).isSortedAccordingTo(ConfigError.BY_POSITION);
  }

  private static List<Expectation> expectations(Path file) throws IOException {
    return Files.readAllLines(file).stream()
        .map(EXPECT::matcher)
        .filter(Matcher::matches)
        .map(
            m ->
                new Expectation(
                    Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)),
                    m.group(3).equals("-") ? "" : m.group(3),
                    m.group(4)))
        .sorted(Comparator.comparingInt(Expectation::line).thenComparingInt(Expectation::column))
        .toList();
  }

  private static String describe(ConfigError error) {
    return "# expect: "
        + error.line()
        + ":"
        + error.column()
        + " "
        + (error.keyPath().isEmpty() ? "-" : error.keyPath())
        + " \""
        + error.message()
        + "\"";
  }
}
