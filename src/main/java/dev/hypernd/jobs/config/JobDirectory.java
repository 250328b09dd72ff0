package dev.hypernd.jobs.config;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Several job files read as one configuration: a directory's {@code *.yaml} files in name order, or
 * a job file followed by its drop-in directory ({@code jobs.yaml}, then {@code jobs.d/*.yaml}).
 *
 * <p>Each file is a job file of its own: its {@code defaults} apply to its own jobs only, and its
 * errors name it. Across the files, job names are unique, {@code classpath} entries add up in file
 * order, and at most one file sets {@code metrics}. The result's source is the path that was given,
 * so that a reload reads the same files again, and picks up added or removed ones.
 */
final class JobDirectory {
  static final String SUFFIX = ".yaml";

  private final JobFileLoader loader;

  JobDirectory(JobFileLoader loader) {
    this.loader = loader;
  }

  LoadResult load(Path path) {
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(path)) {
      Optional<ConfigError> problem = list(path, files);
      if (problem.isPresent()) {
        return new LoadResult.Invalid(List.of(problem.get()));
      }
      if (files.isEmpty()) {
        return unreadable(path, "the directory has no *.yaml job files");
      }
    } else {
      files.add(path);
      Path dropIns = dropInDirectory(path);
      if (Files.isDirectory(dropIns)) {
        Optional<ConfigError> problem = list(dropIns, files);
        if (problem.isPresent()) {
          return new LoadResult.Invalid(List.of(problem.get()));
        }
      }
    }
    return files.size() == 1 ? loader.loadFile(files.get(0), new HashMap<>()) : merge(path, files);
  }

  /** {@code jobs.yaml} → {@code jobs.d}: the directory whose files are added to the file. */
  static Path dropInDirectory(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    String stem = name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name;
    return file.resolveSibling(stem + ".d");
  }

  private LoadResult merge(Path source, List<Path> files) {
    List<ConfigError> errors = new ArrayList<>();
    List<JobConfig> jobs = new ArrayList<>();
    List<Path> classpath = new ArrayList<>();
    Map<String, Place> firstByName = new LinkedHashMap<>();
    Defaults defaults = null;
    MetricsConfig metrics = MetricsConfig.NONE;
    Path metricsFile = null;
    for (Path file : files) {
      Map<String, Cursor> names = new HashMap<>();
      LoadResult result = loader.loadFile(file, names);
      errors.addAll(result.errors());
      for (Map.Entry<String, Cursor> name : names.entrySet()) {
        Place place = new Place(file, name.getValue().labelled(name.getKey()));
        Place first = firstByName.putIfAbsent(name.getKey(), place);
        if (first != null && !first.file().equals(file)) {
          errors.add(place.error("duplicate job name \"" + name.getKey() + "\"; " + first));
        }
      }
      if (result instanceof LoadResult.Valid valid) {
        JobFile one = valid.jobFile();
        jobs.addAll(one.jobs());
        classpath.addAll(one.classpath());
        defaults = defaults == null ? one.defaults() : defaults;
        if (one.metrics().listen().isPresent()) {
          if (metricsFile != null) {
            errors.add(
                new ConfigError(
                    file,
                    1,
                    1,
                    "metrics",
                    "metrics is set in " + metricsFile + " already; set it in one file only"));
          } else {
            metrics = one.metrics();
            metricsFile = file;
          }
        }
      }
    }
    if (!errors.isEmpty()) {
      return new LoadResult.Invalid(errors);
    }
    return new LoadResult.Valid(new JobFile(source, defaults, classpath, metrics, jobs));
  }

  /** Where a job stands: its file and its entry in the jobs list. */
  private record Place(Path file, Cursor job) {
    ConfigError error(String message) {
      int column = job.node().getStartMark().map(mark -> mark.getColumn() + 1).orElse(1);
      return new ConfigError(file, job.line(), column, job.path(), message);
    }

    @Override
    public String toString() {
      return job.path() + " at " + file + ":" + job.line() + " has the same name";
    }
  }

  /** The directory's {@code *.yaml} files in name order, skipping hidden ones. */
  private static Optional<ConfigError> list(Path dir, List<Path> into) {
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!name.startsWith(".") && Files.isRegularFile(entry)) {
          found.add(entry);
        }
      }
    } catch (IOException e) {
      return Optional.of(
          new ConfigError(dir, 0, 0, "", "cannot read the job directory: " + e.getMessage()));
    }
    found.sort(null);
    into.addAll(found);
    return Optional.empty();
  }

  private static LoadResult unreadable(Path path, String why) {
    return new LoadResult.Invalid(List.of(new ConfigError(path, 0, 0, "", why)));
  }
}
