package dev.hypernd.jobs.config;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Parses YAML 1.2 text into a node tree whose nodes keep their line and column. Nodes rather than
 * Java objects, so that every later error can point at its place in the file.
 *
 * <p>A syntax error that an unquoted value causes is explained ({@link UnquotedValue}), and the
 * text is parsed again with that value quoted, so that the other errors of the file are reported
 * too; a bounded number of times, so that a file full of them costs little.
 */
final class YamlDocument {
  /** At most this many values are quoted to read on after a syntax error. */
  private static final int MAX_REPAIRS = 20;

  /** And only while the text parsed again stays under this many characters in all. */
  private static final long REPAIR_BUDGET_CHARS = 8L << 20;

  private static final LoadSettings SETTINGS =
      LoadSettings.builder()
          // The core schema reads `True` and `~` as YAML 1.2 intends, unlike the stricter JSON one.
          .setSchema(new CoreSchema())
          .setMaxAliasesForCollections(JobFileText.MAX_COLLECTION_ALIASES)
          .setCodePointLimit(JobFileText.MAX_BYTES)
          .build();

  private YamlDocument() {}

  /** The root node; empty, with every error reported, for broken YAML or an empty document. */
  static Optional<Node> compose(String yaml, ErrorSink errors) {
    String text = yaml;
    Set<Integer> repaired = new HashSet<>();
    while (true) {
      try {
        Optional<Node> root = composeOnce(text);
        if (root.isEmpty()) {
          errors.add(
              Optional.empty(), "", "the file is empty; expected a mapping with a jobs list");
        }
        return root.filter(node -> valuesFit(node, errors));
      } catch (NestingLimit.TooDeep e) {
        errors.add(
            e.mark(),
            "",
            "lists and mappings nest more than "
                + JobFileText.MAX_DEPTH
                + " levels deep here, the limit for a job file");
      } catch (MarkedYamlEngineException e) {
        Optional<UnquotedValue.Diagnosis> diagnosis = UnquotedValue.diagnose(text, e);
        if (diagnosis.isEmpty() || repaired.contains(diagnosis.get().line())) {
          errors.add(e.getProblemMark(), "", syntaxMessage(e));
          return Optional.empty();
        }
        UnquotedValue.Diagnosis found = diagnosis.get();
        errors.add(found.line(), found.column(), "", found.message());
        repaired.add(found.line());
        boolean affordable =
            repaired.size() <= MAX_REPAIRS
                && (long) (repaired.size() + 1) * text.length() <= REPAIR_BUDGET_CHARS;
        if (found.repaired().isPresent() && affordable) {
          text = found.repaired().get();
          continue;
        }
      } catch (YamlEngineException e) {
        errors.add(Optional.empty(), "", engineMessage(e));
      }
      return Optional.empty();
    }
  }

  private static Optional<Node> composeOnce(String text) {
    ParserImpl parser = new ParserImpl(SETTINGS, new StreamReader(SETTINGS, text));
    return new Composer(SETTINGS, new NestingLimit(parser, JobFileText.MAX_DEPTH)).getSingleNode();
  }

  /**
   * Reports every scalar longer than the limit (a line can be short while a block value is not).
   * Shared nodes (aliases) are visited once.
   */
  private static boolean valuesFit(Node root, ErrorSink errors) {
    Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Node> toVisit = new ArrayDeque<>();
    toVisit.push(root);
    boolean fit = true;
    while (!toVisit.isEmpty()) {
      Node node = toVisit.pop();
      if (!seen.add(node)) {
        continue;
      }
      if (node instanceof ScalarNode scalar
          && scalar.getValue().length() > JobFileText.MAX_LINE_CHARS) {
        errors.add(node, "", JobFileText.tooLong("value", scalar.getValue().length()));
        fit = false;
      } else if (node instanceof SequenceNode sequence) {
        sequence.getValue().forEach(toVisit::push);
      } else if (node instanceof MappingNode mapping) {
        for (NodeTuple tuple : mapping.getValue()) {
          toVisit.push(tuple.getKeyNode());
          toVisit.push(tuple.getValueNode());
        }
      }
    }
    return fit;
  }

  /** The errors snakeyaml-engine raises without a place in the text. */
  private static String engineMessage(YamlEngineException e) {
    String message = String.valueOf(e.getMessage());
    if (message.startsWith("Number of aliases for non-scalar nodes")) {
      return String.format(
          "more than %,d aliases (*name) of lists and mappings; a job file may use at most %,d",
          JobFileText.MAX_COLLECTION_ALIASES, JobFileText.MAX_COLLECTION_ALIASES);
    }
    return "YAML syntax error: " + message;
  }

  /** In snakeyaml's order: what it was doing and where that began, then what went wrong. */
  private static String syntaxMessage(MarkedYamlEngineException e) {
    StringBuilder message = new StringBuilder("YAML syntax error: ");
    String context = e.getContext();
    if (context != null && !context.isBlank()) {
      message.append(context);
      e.getContextMark()
          .ifPresent(
              mark ->
                  message
                      .append(" (started at line ")
                      .append(mark.getLine() + 1)
                      .append(", column ")
                      .append(mark.getColumn() + 1)
                      .append(')'));
      message.append(", ");
    }
    return message.append(e.getProblem()).toString();
  }
}
