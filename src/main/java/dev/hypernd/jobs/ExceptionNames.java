package dev.hypernd.jobs;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The {@code retry_on} rule of a class job: an error is retried when its class, or one of its
 * superclasses, has one of the listed names. Names are compared rather than classes, because the
 * job's exceptions may come from a jar in the file's classpath that the daemon never loads itself,
 * and a name needs no class loader to be checked.
 */
final class ExceptionNames implements Predicate<Throwable> {
  private final Set<String> names;

  ExceptionNames(Collection<String> names) {
    this.names = Set.copyOf(names);
  }

  @Override
  public boolean test(Throwable error) {
    for (Class<?> type = error.getClass(); type != null; type = type.getSuperclass()) {
      if (names.contains(type.getName())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "retry on " + new TreeSet<>(names) + " and subclasses";
  }
}
