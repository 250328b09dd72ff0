package dev.hypernd.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The documented example must stay valid: users copy it, and DESIGN §8 runs it as is. */
class ExampleJobFileTest {
  private static final Path EXAMPLE = Path.of("jobs.example.yaml");

  private static JobFile load() {
    JobFileLoader loader =
        new JobFileLoader(
            expression -> Optional.empty(), FakeChecks.classes("dev.hypernd.examples.HelloJob"));
    LoadResult result = loader.load(EXAMPLE);
    assertThat(result.errors()).isEmpty();
    return ((LoadResult.Valid) result).jobFile();
  }

  @Test
  void isAccepted() {
    assertThat(load().jobs()).isNotEmpty();
  }
}
