package dev.hypernd.daemon;

import dev.hypernd.jobs.config.ConfigError;
import dev.hypernd.jobs.config.JobFileLoader;
import dev.hypernd.jobs.config.LoadResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hypernd validate FILE}: checks a job file as {@code run} and reload would, runs nothing.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Check a job file without running it; print every error found.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the file is valid",
      "2:the file is invalid or unreadable, or the command line is wrong"
    })
public final class ValidateCommand implements Callable<Integer> {
  /** The file is valid. */
  public static final int EXIT_VALID = 0;

  /** The file has errors; the same code as a usage error, as design §8 asks. */
  public static final int EXIT_INVALID = 2;

  private final JobFileLoader loader;

  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The job file (YAML).")
  private Path file;

  /**
   * @param loader wired with the real cron parser and class check, so that validation agrees with
   *     what {@code run} would accept
   */
  public ValidateCommand(JobFileLoader loader) {
    this.loader = Objects.requireNonNull(loader, "loader");
  }

  @Override
  public Integer call() {
    LoadResult result = loader.load(file);
    if (result instanceof LoadResult.Valid valid) {
      int count = valid.jobFile().jobs().size();
      spec.commandLine()
          .getOut()
          .println(file + ": OK (" + count + (count == 1 ? " job)" : " jobs)"));
      return EXIT_VALID;
    }
    PrintWriter err = spec.commandLine().getErr();
    for (ConfigError error : result.errors()) {
      err.println(error);
    }
    return EXIT_INVALID;
  }
}
