package dev.hypernd.jobs;

import dev.hypernd.jobs.config.JobConfig;
import dev.hypernd.jobs.config.JobFile;
import dev.hypernd.jobs.config.LoadResult;
import java.nio.file.Path;

/** Job files parsed by the real loader (real cron parser, real class check) from text. */
final class JobFilesForTests {
  static final Path SOURCE = Path.of("/etc/hypernd/jobs.yaml");

  private JobFilesForTests() {}

  static JobFile parse(String yaml) {
    LoadResult result = JobFiles.loader().parse(SOURCE, yaml);
    if (result instanceof LoadResult.Valid valid) {
      return valid.jobFile();
    }
    throw new AssertionError("test job file is invalid: " + result.errors());
  }

  static JobConfig job(String yaml) {
    return parse(yaml).jobs().get(0);
  }
}
