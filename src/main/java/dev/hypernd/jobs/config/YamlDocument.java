package dev.hypernd.jobs.config;

import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Parses YAML 1.2 text into a node tree whose nodes keep their line and column. Nodes rather than
 * Java objects, so that every later error can point at its place in the file.
 */
final class YamlDocument {
  private YamlDocument() {}

  /** The root node; empty, with the error reported, for broken YAML or an empty document. */
  static Optional<Node> compose(String yaml, ErrorSink errors) {
    // The core schema reads `True` and `~` as YAML 1.2 intends, unlike the stricter JSON schema.
    LoadSettings settings = LoadSettings.builder().setSchema(new CoreSchema()).build();
    try {
      Optional<Node> root = new Compose(settings).composeString(yaml);
      if (root.isEmpty()) {
        errors.add(Optional.empty(), "", "the file is empty; expected a mapping with a jobs list");
      }
      return root;
    } catch (MarkedYamlEngineException e) {
      errors.add(e.getProblemMark(), "", syntaxMessage(e));
    } catch (YamlEngineException e) {
      errors.add(Optional.empty(), "", "YAML syntax error: " + e.getMessage());
    }
    return Optional.empty();
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
