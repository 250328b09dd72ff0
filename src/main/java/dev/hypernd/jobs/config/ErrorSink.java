package dev.hypernd.jobs.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/** Collects every error of one load, so that a user sees them all at once. */
final class ErrorSink {
  private final Path file;
  private final List<ConfigError> errors = new ArrayList<>();

  ErrorSink(Path file) {
    this.file = file;
  }

  void add(Node node, String keyPath, String message) {
    add(node.getStartMark(), keyPath, message);
  }

  /** At a snakeyaml mark, which counts from 0; messages count from 1 like editors do. */
  void add(Optional<Mark> mark, String keyPath, String message) {
    int line = mark.map(m -> m.getLine() + 1).orElse(1);
    int column = mark.map(m -> m.getColumn() + 1).orElse(1);
    errors.add(new ConfigError(file, line, column, keyPath, message));
  }

  /** At a 1-based line and column; line 0 and column 0 for a file that could not be read. */
  void add(int line, int column, String keyPath, String message) {
    errors.add(new ConfigError(file, line, column, keyPath, message));
  }

  int count() {
    return errors.size();
  }

  List<ConfigError> errors() {
    return List.copyOf(errors);
  }
}
