package dev.hypernd.jobs.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Loads and validates a job file completely, reporting every error it finds rather than the first.
 * Nothing of an invalid file is returned, so a reload can keep the old configuration whole. Holds
 * no state between loads, so one instance may serve concurrent loads if its checks can.
 */
public final class JobFileLoader {
  private static final List<String> KEYS = List.of("defaults", "classpath", "metrics", "jobs");
  private static final List<String> DEFAULTS_KEYS =
      List.of("timezone", "timeout", "overlap", "retry", "env", "alert", "output");
  static final List<String> METRICS_KEYS = List.of("listen");

  private final CronCheck cronCheck;
  private final ClassCheck classCheck;

  /**
   * @param cronCheck the cron parser's verdict on each {@code cron:} expression
   * @param classCheck the verdict on each {@code class:} job, e.g. a {@link ClasspathClassCheck}
   */
  public JobFileLoader(CronCheck cronCheck, ClassCheck classCheck) {
    this.cronCheck = Objects.requireNonNull(cronCheck, "cronCheck");
    this.classCheck = Objects.requireNonNull(classCheck, "classCheck");
  }

  /**
   * Loads a job file together with its drop-in directory ({@code jobs.yaml} with {@code
   * jobs.d/*.yaml} beside it, when that directory exists), or every {@code *.yaml} file of a
   * directory, as one configuration; see {@link JobDirectory}.
   */
  public LoadResult load(Path path) {
    return new JobDirectory(this).load(path);
  }

  /**
   * Reads {@code file} as UTF-8 and validates it. A file that cannot be read, is not a regular file
   * or is larger than the limit is one error at line 0.
   */
  LoadResult loadFile(Path file, Map<String, Cursor> names) {
    ErrorSink errors = new ErrorSink(file);
    return JobFileText.read(file, errors)
        .map(yaml -> parse(file, yaml, names))
        .orElseGet(() -> new LoadResult.Invalid(errors.errors()));
  }

  /**
   * Validates job-file text.
   *
   * @param source names the file in errors; relative paths in the text are resolved against its
   *     directory
   */
  public LoadResult parse(Path source, String yaml) {
    return parse(source, yaml, new HashMap<>());
  }

  /** As {@link #parse(Path, String)}, also filling {@code names} with each job's name node. */
  LoadResult parse(Path source, String yaml, Map<String, Cursor> names) {
    ErrorSink errors = new ErrorSink(source);
    Optional<JobFile> jobFile =
        JobFileText.checkLines(yaml, errors)
            ? YamlDocument.compose(yaml, errors)
                .flatMap(root -> read(source, Cursor.root(root, errors), names))
            : Optional.empty();
    if (errors.count() > 0 || jobFile.isEmpty()) {
      return new LoadResult.Invalid(errors.errors());
    }
    return new LoadResult.Valid(jobFile.get());
  }

  private Optional<JobFile> read(Path source, Cursor root, Map<String, Cursor> names) {
    Optional<Fields> top =
        root.mapping(
            "expected a mapping with the keys defaults, classpath, metrics and jobs", KEYS);
    if (top.isEmpty()) {
      return Optional.empty();
    }
    Path baseDir = source.toAbsolutePath().getParent();
    Defaults defaults =
        top.get().get("defaults").map(JobFileLoader::defaults).orElse(Defaults.NONE);
    Optional<List<Path>> classpath =
        top.get()
            .get("classpath")
            .map(value -> PathValues.classpath(value, baseDir))
            .orElse(Optional.of(List.of()));
    MetricsConfig metrics =
        top.get().get("metrics").map(JobFileLoader::metrics).orElse(MetricsConfig.NONE);
    JobReader jobReader = new JobReader(baseDir, defaults, cronCheck, classCheck, classpath);
    Optional<List<JobConfig>> jobs = jobs(top.get(), jobReader, names);
    if (classpath.isEmpty() || jobs.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new JobFile(source, defaults, classpath.get(), metrics, jobs.get()));
  }

  /** {@code metrics: {listen: HOST:PORT}}; an empty block, like none, serves nothing. */
  private static MetricsConfig metrics(Cursor value) {
    return value
        .mapping("expected a mapping such as {listen: 127.0.0.1:9464}", METRICS_KEYS)
        .map(f -> new MetricsConfig(f.get("listen").flatMap(Values::listenAddress)))
        .orElse(MetricsConfig.NONE);
  }

  private static Defaults defaults(Cursor value) {
    Optional<Fields> fields =
        value.mapping("expected a mapping of settings shared by all jobs", DEFAULTS_KEYS);
    if (fields.isEmpty()) {
      return Defaults.NONE;
    }
    Fields f = fields.get();
    return new Defaults(
        f.get("timezone").flatMap(Values::zone),
        f.get("timeout").flatMap(Values::positiveDuration),
        f.get("overlap").flatMap(Values::overlap),
        f.get("retry").map(RetryReader::readDefaults).orElse(RetryBlock.EMPTY),
        f.get("env").flatMap(Values::env).orElse(Map.of()),
        f.get("alert").flatMap(AlertReader::read),
        f.get("output").flatMap(Values::outputMode));
  }

  private static Optional<List<JobConfig>> jobs(
      Fields top, JobReader reader, Map<String, Cursor> firstByName) {
    if (!top.has("jobs")) {
      top.self().error("missing key \"jobs\", the list of jobs");
      return Optional.empty();
    }
    Cursor value = top.get("jobs").orElseThrow();
    Optional<List<Cursor>> items = value.list("expected a list of jobs");
    if (items.isEmpty()) {
      return Optional.empty();
    }
    if (items.get().isEmpty()) {
      value.error("the jobs list is empty; a job file needs at least one job");
      return Optional.empty();
    }
    List<JobConfig> jobs = new ArrayList<>();
    for (Cursor item : items.get()) {
      reader.read(item).ifPresent(jobs::add);
      JobReader.validName(item.node()).ifPresent(name -> checkUnique(name, item, firstByName));
    }
    return jobs.size() == items.get().size() ? Optional.of(jobs) : Optional.empty();
  }

  private static void checkUnique(ScalarNode name, Cursor item, Map<String, Cursor> firstByName) {
    Cursor first = firstByName.putIfAbsent(name.getValue(), item);
    if (first != null) {
      item.labelled(name.getValue())
          .key("name", name)
          .error(
              "duplicate job name \""
                  + name.getValue()
                  + "\"; "
                  + first.path()
                  + " at line "
                  + first.line()
                  + " has the same name");
    }
  }
}
