package dev.hypernd.jobs.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A node of the job file with its key path. Typed reads return empty after reporting why the node
 * does not fit, so readers can carry on and report every error in one pass.
 */
final class Cursor {
  private final Node node;
  private final String path;
  private final ErrorSink errors;

  private Cursor(Node node, String path, ErrorSink errors) {
    this.node = node;
    this.path = path;
    this.errors = errors;
  }

  static Cursor root(Node node, ErrorSink errors) {
    return new Cursor(node, "", errors);
  }

  Node node() {
    return node;
  }

  String path() {
    return path;
  }

  ErrorSink errors() {
    return errors;
  }

  /** 1-based, for messages that refer to another place in the file. */
  int line() {
    return node.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
  }

  Cursor key(String key, Node child) {
    return new Cursor(child, path.isEmpty() ? key : path + "." + key, errors);
  }

  Cursor index(int index, Node child) {
    return new Cursor(child, path + "[" + index + "]", errors);
  }

  /** Another node at this cursor's path, such as the key of this mapping entry. */
  Cursor at(Node other) {
    return new Cursor(other, path, errors);
  }

  /** This cursor with a label after its path, e.g. a job's name after {@code jobs[2]}. */
  Cursor labelled(String label) {
    return new Cursor(node, path + " (" + label + ")", errors);
  }

  void error(String message) {
    errors.add(node, path, message);
  }

  /** Reports {@code expectation, found <what the node is>}. */
  void mismatch(String expectation) {
    error(expectation + ", found " + describe(node));
  }

  /** {@code value} unless it is present and not {@code ok}; then reports the mismatch. */
  <T> Optional<T> checked(Optional<T> value, Predicate<? super T> ok, String expectation) {
    if (value.isPresent() && !ok.test(value.get())) {
      mismatch(expectation);
      return Optional.empty();
    }
    return value;
  }

  boolean isNull() {
    return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
  }

  /** Any scalar but null, as written: {@code command: true} is the shell builtin. */
  Optional<String> text(String expectation) {
    if (node instanceof ScalarNode scalar && !isNull()) {
      return Optional.of(scalar.getValue());
    }
    mismatch(expectation);
    return Optional.empty();
  }

  Optional<Boolean> bool() {
    if (node instanceof ScalarNode scalar && Tag.BOOL.equals(node.getTag())) {
      return Optional.of(scalar.getValue().toLowerCase(Locale.ROOT).equals("true"));
    }
    mismatch("expected true or false");
    return Optional.empty();
  }

  /** A YAML 1.2 core-schema integer: decimal, {@code 0o17} or {@code 0x1F}. */
  Optional<Long> wholeNumber(String expectation) {
    if (node instanceof ScalarNode scalar && Tag.INT.equals(node.getTag())) {
      Optional<Long> value = YamlNumbers.parseInt(scalar.getValue());
      if (value.isPresent()) {
        return value;
      }
    }
    mismatch(expectation);
    return Optional.empty();
  }

  /** A finite integer or decimal number. */
  Optional<Double> number(String expectation) {
    if (node instanceof ScalarNode scalar
        && (Tag.INT.equals(node.getTag()) || Tag.FLOAT.equals(node.getTag()))) {
      Optional<Double> value = YamlNumbers.parseFinite(scalar.getValue());
      if (value.isPresent()) {
        return value;
      }
    }
    mismatch(expectation);
    return Optional.empty();
  }

  Optional<Duration> duration() {
    if (!(node instanceof ScalarNode scalar) || isNull()) {
      mismatch(DurationParser.EXPECTED);
      return Optional.empty();
    }
    try {
      return Optional.of(DurationParser.parse(scalar.getValue()));
    } catch (IllegalArgumentException e) {
      error(e.getMessage());
      return Optional.empty();
    }
  }

  Optional<List<Cursor>> list(String expectation) {
    if (!(node instanceof SequenceNode sequence)) {
      mismatch(expectation);
      return Optional.empty();
    }
    List<Cursor> items = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      items.add(index(items.size(), item));
    }
    return Optional.of(items);
  }

  /** A mapping whose keys must be among {@code knownKeys}. */
  Optional<Fields> mapping(String expectation, Collection<String> knownKeys) {
    return mappingNode(expectation).map(m -> Fields.of(this, m, Optional.of(knownKeys)));
  }

  /** A mapping with free-form keys, such as {@code env}. */
  Optional<Fields> anyMapping(String expectation) {
    return mappingNode(expectation).map(m -> Fields.of(this, m, Optional.empty()));
  }

  private Optional<MappingNode> mappingNode(String expectation) {
    if (node instanceof MappingNode mapping) {
      return Optional.of(mapping);
    }
    mismatch(expectation);
    return Optional.empty();
  }

  /** What a user would call the node: a list, a mapping, nothing, true, the number 5, "abc". */
  static String describe(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    String value = ((ScalarNode) node).getValue();
    Tag tag = node.getTag();
    if (Tag.NULL.equals(tag)) {
      return "nothing";
    }
    if (Tag.BOOL.equals(tag)) {
      return value;
    }
    if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
      return "the number " + value;
    }
    return "\"" + (value.length() > 60 ? value.substring(0, 57) + "..." : value) + "\"";
  }
}
