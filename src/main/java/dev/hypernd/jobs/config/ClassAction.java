package dev.hypernd.jobs.config;

import java.util.Objects;

/** {@code class: com.example.Job}: a Java class from the daemon's or the file's classpath. */
public record ClassAction(String className) implements Action {
  public ClassAction {
    Objects.requireNonNull(className, "className");
  }
}
