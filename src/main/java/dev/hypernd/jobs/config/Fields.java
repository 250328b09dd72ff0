package dev.hypernd.jobs.config;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * The keys of a mapping node, in document order. Building it reports keys that are not names,
 * unknown keys (with a suggestion) and duplicate keys; such entries are left out. Duplicates are
 * found here because snakeyaml-engine's composer keeps them and only its object constructor, which
 * this loader does not use, would reject them.
 */
final class Fields {
  private record Entry(Node key, Cursor value) {}

  private final Cursor self;
  private final Map<String, Entry> entries;

  private Fields(Cursor self, Map<String, Entry> entries) {
    this.self = self;
    this.entries = entries;
  }

  static Fields of(Cursor self, MappingNode mapping, Optional<Collection<String>> knownKeys) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      Cursor unnamed = self.at(keyNode);
      if (!(keyNode instanceof ScalarNode scalar) || unnamed.isNull()) {
        unnamed.mismatch("expected a key name");
        continue;
      }
      String key = scalar.getValue();
      Cursor keyCursor = self.key(key, keyNode);
      if (knownKeys.isPresent() && !knownKeys.get().contains(key)) {
        keyCursor.error(unknownKey(key, knownKeys.get()));
      } else if (entries.containsKey(key)) {
        keyCursor.error(
            "duplicate key \""
                + key
                + "\"; it is already set at line "
                + self.key(key, entries.get(key).key()).line());
      } else {
        entries.put(key, new Entry(keyNode, self.key(key, tuple.getValueNode())));
      }
    }
    return new Fields(self, entries);
  }

  private static String unknownKey(String key, Collection<String> knownKeys) {
    if (key.equals("<<")) {
      return "unknown key \"<<\": merge keys are YAML 1.1, not 1.2; put shared settings in"
          + " defaults instead";
    }
    String suggestion = Suggestions.didYouMean(key, knownKeys);
    return "unknown key \""
        + key
        + "\""
        + (suggestion.isEmpty()
            ? "; valid keys here: " + String.join(", ", knownKeys)
            : suggestion);
  }

  /** The mapping itself, for errors about the whole of it such as a missing key. */
  Cursor self() {
    return self;
  }

  boolean has(String key) {
    return entries.containsKey(key);
  }

  Optional<Cursor> get(String key) {
    return Optional.ofNullable(entries.get(key)).map(Entry::value);
  }

  /** Points at the key itself rather than its value, for errors about the key's presence. */
  Cursor atKey(String key) {
    Entry entry = entries.get(key);
    return self.key(key, entry.key());
  }

  /**
   * Those of {@code group} that are present, in document order, for keys of which a job needs
   * exactly one. Reports {@code missing} when there is none, and each one after the first.
   *
   * @param what what the group is, e.g. {@code schedule}
   */
  List<String> exactlyOne(List<String> group, String what, String missing) {
    List<String> present = present(group);
    if (present.isEmpty()) {
      self.error(missing);
    }
    for (String extra : present.stream().skip(1).toList()) {
      atKey(extra)
          .error(
              "a job has one "
                  + what
                  + ", but this one has "
                  + present.get(0)
                  + " (line "
                  + atKey(present.get(0)).line()
                  + ") as well");
    }
    return present;
  }

  /** Those of {@code keys} that are present, in document order. */
  private List<String> present(Collection<String> keys) {
    return entries.keySet().stream().filter(keys::contains).toList();
  }

  /** Every key with its value, in document order. */
  Map<String, Cursor> all() {
    Map<String, Cursor> values = new LinkedHashMap<>();
    entries.forEach((key, entry) -> values.put(key, entry.value()));
    return values;
  }
}
