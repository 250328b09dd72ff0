package dev.hypernd.daemon;

import dev.hypernd.jobs.config.ConfigError;
import dev.hypernd.jobs.config.JobFileLoader;
import dev.hypernd.jobs.config.LoadResult;
import dev.hypernd.jobs.crontab.CrontabImporter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hypernd import crontab [FILE|-]}: a crontab as an equivalent job file. */
@Command(
    name = "crontab",
    mixinStandardHelpOptions = true,
    description = {
      "Print a job file with the same jobs as a crontab: a user's crontab (crontab -l) or, with"
          + " --system, /etc/crontab or a file of /etc/cron.d, whose lines name a user.",
      "Variables become each job's env (CRON_TZ its time zone, SHELL its shell), @reboot a once"
          + " job that runs at start, and % in a command the command's standard input, as cron"
          + " does. Comments are carried over. What a job file cannot say exactly is kept as a"
          + " comment and reported on standard error."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:converted (warnings, if any, on standard error)",
      "1:the converted file did not validate (a bug: please report it with the crontab)",
      "2:usage error, or the crontab cannot be read"
    })
public final class ImportCrontabCommand implements Callable<Integer> {
  static final int EXIT_OK = 0;
  static final int EXIT_BUG = 1;
  static final int EXIT_USAGE = 2;

  private final JobFileLoader loader;
  private final InputStream stdin;

  @Spec private CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FILE",
      description = "The crontab; - or nothing reads standard input.")
  private String file;

  @Option(
      names = "--system",
      description =
          "The lines have a user column after the schedule, as /etc/crontab and /etc/cron.d"
              + " files do (the default for files under /etc/cron.d and for /etc/crontab).")
  private boolean system;

  /**
   * @param loader the loader {@code validate} uses: the output is checked with it before it is
   *     printed
   */
  public ImportCrontabCommand(JobFileLoader loader, InputStream stdin) {
    this.loader = Objects.requireNonNull(loader, "loader");
    this.stdin = Objects.requireNonNull(stdin, "stdin");
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    boolean fromStdin = file == null || file.equals("-");
    String source = fromStdin ? "standard input" : file;
    String text;
    try {
      text =
          fromStdin
              ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
              : Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println("hypernd import crontab: cannot read " + source + ": " + reason(e));
      return EXIT_USAGE;
    }
    boolean userColumn = system || (!fromStdin && isSystemCrontab(Path.of(file)));
    CrontabImporter.Conversion conversion = new CrontabImporter(userColumn).convert(source, text);
    for (String warning : conversion.warnings()) {
      err.println("hypernd import crontab: " + source + ": warning: " + warning);
    }
    LoadResult check = loader.parse(Path.of("imported.yaml"), conversion.yaml());
    if (check instanceof LoadResult.Invalid) {
      err.println("hypernd import crontab: the converted file is not valid:");
      for (ConfigError error : check.errors()) {
        err.println("  " + error);
      }
      return EXIT_BUG;
    }
    spec.commandLine().getOut().print(conversion.yaml());
    spec.commandLine().getOut().flush();
    return EXIT_OK;
  }

  private static boolean isSystemCrontab(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    return absolute.equals(Path.of("/etc/crontab")) || absolute.startsWith("/etc/cron.d");
  }

  private static String reason(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.charset.MalformedInputException) {
      return "not UTF-8 text";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
