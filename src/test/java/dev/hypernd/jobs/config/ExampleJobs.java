package dev.hypernd.jobs.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The jobs of {@code jobs.example.yaml} with the comment that introduces each, as people read it.
 */
public final class ExampleJobs {
  public static final Path FILE = Path.of("jobs.example.yaml");

  private ExampleJobs() {}

  /**
   * Each job's name and the comment lines right above its {@code - name:} line, without the {@code
   * #}, joined with spaces; empty when a job has none.
   */
  public static Map<String, String> comments() {
    List<String> lines;
    try {
      lines = Files.readAllLines(FILE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> comments = new LinkedHashMap<>();
    List<String> comment = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("  #")) {
        comment.add(line.substring(3).strip());
      } else if (line.startsWith("  - name: ")) {
        comments.put(line.substring("  - name: ".length()).strip(), String.join(" ", comment));
        comment.clear();
      } else {
        comment.clear();
      }
    }
    return comments;
  }
}
