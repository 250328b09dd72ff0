package dev.hypernd.jobs.config;

import dev.hypernd.engine.OverlapPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** Reads one entry of {@code jobs:} and applies the defaults to it. */
final class JobReader {
  static final List<String> ACTION_KEYS = List.of("command", "class");
  static final List<String> KEYS =
      List.of(
          "name",
          "interval",
          "cron",
          "once",
          "at_start",
          "timezone",
          "random_delay",
          "random_delay_seed",
          "command",
          "class",
          "retry",
          "timeout",
          "overlap",
          "env",
          "workdir",
          "on_start",
          "on_error",
          "on_failure",
          "on_success",
          "alert",
          "catch_up",
          "output");

  private final Path baseDir;
  private final Defaults defaults;
  private final ScheduleReader schedules;
  private final ClassCheck classCheck;
  private final Optional<List<Path>> classpath;

  /**
   * @param classpath empty when the file's classpath is broken: looking classes up in part of it
   *     would only add errors that fixing the classpath removes
   */
  JobReader(
      Path baseDir,
      Defaults defaults,
      CronCheck cronCheck,
      ClassCheck classCheck,
      Optional<List<Path>> classpath) {
    this.baseDir = baseDir;
    this.defaults = defaults;
    this.schedules = new ScheduleReader(cronCheck, defaults.timezone());
    this.classCheck = classCheck;
    this.classpath = classpath;
  }

  /**
   * The value node of a job's {@code name} when it is a valid name, read ahead of the rest so that
   * every key path inside the job can carry the name.
   */
  static Optional<ScalarNode> validName(Node job) {
    if (!(job instanceof MappingNode mapping)) {
      return Optional.empty();
    }
    for (NodeTuple tuple : mapping.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key
          && key.getValue().equals("name")
          && tuple.getValueNode() instanceof ScalarNode value) {
        return JobNames.isValid(value.getValue()) ? Optional.of(value) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  Optional<JobConfig> read(Cursor item) {
    Cursor job = validName(item.node()).map(name -> item.labelled(name.getValue())).orElse(item);
    Optional<Fields> mapping =
        job.mapping("expected a job: a mapping with a name, a schedule and an action", KEYS);
    if (mapping.isEmpty()) {
      return Optional.empty();
    }
    Fields fields = mapping.get();
    int before = job.errors().count();
    Optional<String> name = name(fields);
    Optional<Schedule> schedule = schedules.read(fields);
    Optional<Action> action = action(fields);
    Optional<RetryConfig> retry =
        RetryReader.readJob(fields.get("retry"), defaults.retry(), action, job);
    Optional<Duration> timeout =
        fields.get("timeout").flatMap(Values::positiveDuration).or(defaults::timeout);
    Optional<OverlapPolicy> overlap = fields.get("overlap").flatMap(Values::overlap);
    Map<String, String> env = new LinkedHashMap<>(defaults.env());
    fields.get("env").flatMap(Values::env).ifPresent(env::putAll);
    Optional<Path> workdir =
        fields.get("workdir").flatMap(value -> PathValues.directory(value, baseDir));
    Optional<AlertConfig> alert =
        fields.has("alert") ? fields.get("alert").flatMap(AlertReader::read) : defaults.alert();
    Hooks hooks =
        new Hooks(
            hook(fields, "on_start"),
            hook(fields, "on_error"),
            hook(fields, "on_failure"),
            hook(fields, "on_success"),
            alert);
    boolean catchUp = fields.get("catch_up").flatMap(Cursor::bool).orElse(false);
    Optional<OutputMode> output = output(fields, action);
    // A part can also be missing without an error here: a retry block that only conflicts
    // through the defaults is reported at the defaults.
    if (job.errors().count() > before
        || Stream.of(name, schedule, action, retry).anyMatch(Optional::isEmpty)) {
      return Optional.empty();
    }
    return Optional.of(
        new JobConfig(
            name.orElseThrow(),
            schedule.orElseThrow(),
            action.orElseThrow(),
            retry.orElseThrow(),
            timeout,
            overlap.orElseGet(() -> defaultOverlap(schedule.get())),
            env,
            workdir,
            hooks,
            catchUp,
            output.orElse(OutputMode.LOG)));
  }

  /**
   * The job's own {@code output}, else the defaults'. Set on a class job it is an error: such a job
   * writes no lines that hypernd reads, so the setting could only mislead.
   */
  private Optional<OutputMode> output(Fields fields, Optional<Action> action) {
    Optional<Cursor> value = fields.get("output");
    if (value.isPresent() && action.isPresent() && action.get() instanceof ClassAction) {
      value
          .get()
          .error(
              "output applies to command jobs; a class job's return value or exception is its"
                  + " result");
      return Optional.empty();
    }
    return value.flatMap(Values::outputMode).or(defaults::output);
  }

  /**
   * A submission of a once job is an explicit request, so by default it is never dropped for
   * colliding with another; the defaults' overlap is about schedules firing into running tasks.
   */
  private OverlapPolicy defaultOverlap(Schedule schedule) {
    boolean onDemand = schedule instanceof OnceSchedule;
    return onDemand
        ? OverlapPolicy.defaultFor(true)
        : defaults.overlap().orElse(OverlapPolicy.defaultFor(false));
  }

  private static Optional<String> name(Fields fields) {
    if (!fields.has("name")) {
      fields.self().error("missing key \"name\"; every job needs a unique name");
      return Optional.empty();
    }
    Cursor value = fields.get("name").orElseThrow();
    return value
        .text("expected a job name")
        .filter(
            name -> {
              if (!JobNames.isValid(name)) {
                value.error("invalid job name \"" + name + "\": a name " + JobNames.RULE);
                return false;
              }
              return true;
            });
  }

  private Optional<Action> action(Fields fields) {
    List<String> present =
        fields.exactlyOne(
            ACTION_KEYS,
            "action",
            "no action; add command (a shell string or an argument list) or class");
    List<Optional<Action>> actions =
        present.stream().map(key -> action(key, fields.get(key).orElseThrow())).toList();
    return present.size() == 1 ? actions.get(0) : Optional.empty();
  }

  private Optional<Action> action(String key, Cursor value) {
    if (key.equals("command")) {
      return CommandReader.read(value).map(Action.class::cast);
    }
    return value
        .text("expected a class name such as com.example.SendWelcomeEmail")
        .filter(className -> isUsableClass(className, value))
        .map(ClassAction::new);
  }

  private boolean isUsableClass(String className, Cursor value) {
    if (!ClassNames.isValid(className)) {
      value.error(
          "expected a fully qualified class name such as com.example.SendWelcomeEmail, found "
              + Cursor.describe(value.node()));
      return false;
    }
    Optional<String> problem = classpath.flatMap(entries -> classCheck.check(className, entries));
    problem.ifPresent(value::error);
    return problem.isEmpty();
  }

  private static Optional<CommandAction> hook(Fields fields, String key) {
    return fields.get(key).flatMap(CommandReader::read);
  }
}
