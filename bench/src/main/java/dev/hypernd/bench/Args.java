package dev.hypernd.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} command-line options of the harness mains. */
public final class Args {
  private final Map<String, String> values = new HashMap<>();

  public Args(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got: " + args[i]);
      }
      values.put(args[i].substring(2), args[++i]);
    }
  }

  public String get(String name, String dflt) {
    return values.getOrDefault(name, dflt);
  }

  public String require(String name) {
    String v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return v;
  }

  public int getInt(String name, int dflt) {
    return Integer.parseInt(get(name, Integer.toString(dflt)));
  }
}
