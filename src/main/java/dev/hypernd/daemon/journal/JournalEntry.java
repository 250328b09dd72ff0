package dev.hypernd.daemon.journal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One entry for systemd's journal: fields in order, encoded as the native journal protocol wants
 * them in one datagram (systemd.journal-fields(7), "Native Journal Protocol" in systemd's
 * documentation): {@code NAME=value\n} for a value without a newline, else {@code NAME\n}, the
 * value's length as a little-endian 64-bit number, the value and {@code \n}.
 *
 * <p>Field names are what journald accepts: upper-case letters, digits and {@code _}, not starting
 * with a digit or with {@code _} (those are the journal's trusted fields), at most 64 characters.
 * {@link #name} turns an event's field name ({@code task_id}) into one ({@code TASK_ID}).
 */
public final class JournalEntry {
  static final int MAX_NAME = 64;

  private final Map<String, String> fields;

  private JournalEntry(Map<String, String> fields) {
    this.fields = Collections.unmodifiableMap(fields);
  }

  /** Builds an entry; a later value for a name replaces the earlier one. */
  public static final class Builder {
    private final Map<String, String> fields = new LinkedHashMap<>();

    /**
     * @throws IllegalArgumentException if {@code name} is not a valid journal field name
     */
    public Builder field(String name, String value) {
      Objects.requireNonNull(value, "value");
      if (!valid(name)) {
        throw new IllegalArgumentException(
            "not a journal field name: '"
                + name
                + "' (A-Z, 0-9 and _, not starting with a digit or _, at most 64)");
      }
      fields.put(name, value);
      return this;
    }

    public JournalEntry build() {
      if (!fields.containsKey("MESSAGE")) {
        throw new IllegalStateException("a journal entry needs a MESSAGE");
      }
      return new JournalEntry(new LinkedHashMap<>(fields));
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public Map<String, String> fields() {
    return fields;
  }

  /**
   * This entry with every value longer than {@code maxChars} cut there, marked with an ellipsis.
   */
  JournalEntry truncated(int maxChars) {
    Map<String, String> shorter = new LinkedHashMap<>();
    fields.forEach(
        (name, value) ->
            shorter.put(
                name, value.length() <= maxChars ? value : value.substring(0, maxChars) + "…"));
    return new JournalEntry(shorter);
  }

  /** The datagram of the native protocol. */
  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    for (Map.Entry<String, String> field : fields.entrySet()) {
      byte[] name = field.getKey().getBytes(StandardCharsets.US_ASCII);
      byte[] value = field.getValue().getBytes(StandardCharsets.UTF_8);
      out.writeBytes(name);
      if (field.getValue().indexOf('\n') < 0) {
        out.write('=');
        out.writeBytes(value);
      } else {
        out.write('\n');
        long length = value.length;
        for (int i = 0; i < 8; i++) {
          out.write((int) (length >>> (8 * i)) & 0xff);
        }
        out.writeBytes(value);
      }
      out.write('\n');
    }
    return out.toByteArray();
  }

  /**
   * The journal field name for {@code key}: upper case, every other character {@code _}, and a
   * leading digit or {@code _} prefixed with {@code F}.
   */
  public static String name(String key) {
    StringBuilder name = new StringBuilder(key.length());
    for (char c : key.toUpperCase(Locale.ROOT).toCharArray()) {
      name.append((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '_');
    }
    if (name.length() == 0 || !Character.isLetter(name.charAt(0))) {
      name.insert(0, 'F');
    }
    return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name.toString();
  }

  static boolean valid(String name) {
    if (name == null || name.isEmpty() || name.length() > MAX_NAME) {
      return false;
    }
    char first = name.charAt(0);
    if (first == '_' || (first >= '0' && first <= '9')) {
      return false;
    }
    return name.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_');
  }
}
