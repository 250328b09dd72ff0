package dev.hypernd.jobs.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Accepts a class job when its class loads from the daemon's classpath plus the file's {@code
 * classpath:} entries and could be instantiated and run: a public, concrete class with a public
 * no-argument constructor that implements {@link Runnable}, {@link Callable} or one of the accepted
 * interfaces. Classes are loaded without being initialised, so validating a file runs none of its
 * code. Each check opens its own class loader and closes it again, so that no jar stays open (or
 * locked against replacement) between reloads.
 */
public final class ClasspathClassCheck implements ClassCheck {
  private final ClassLoader parent;
  private final List<String> accepted;

  /**
   * @param parent the daemon's class loader, searched first
   * @param acceptedInterfaces fully qualified names of further job interfaces, compared by name so
   *     that the interface need not be loadable here
   */
  public ClasspathClassCheck(ClassLoader parent, Set<String> acceptedInterfaces) {
    this.parent = Objects.requireNonNull(parent, "parent");
    Set<String> accepted = new LinkedHashSet<>();
    accepted.add(Runnable.class.getName());
    accepted.add(Callable.class.getName());
    accepted.addAll(acceptedInterfaces);
    this.accepted = List.copyOf(accepted);
  }

  /** With this class's own loader as the daemon's loader. */
  public ClasspathClassCheck(Set<String> acceptedInterfaces) {
    this(ClasspathClassCheck.class.getClassLoader(), acceptedInterfaces);
  }

  @Override
  public Optional<String> check(String className, List<Path> classpath) {
    try (URLClassLoader loader = new URLClassLoader(urls(classpath), parent)) {
      return check(Class.forName(className, false, loader));
    } catch (ClassNotFoundException e) {
      return Optional.of(
          "class "
              + className
              + " not found on the classpath (daemon classpath + classpath: "
              + classpath
              + ")");
    } catch (LinkageError e) {
      return Optional.of("class " + className + " cannot be loaded: " + e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs inside the loader's lifetime: reflection may still load classes the type refers to. */
  private Optional<String> check(Class<?> type) {
    String name = type.getName();
    int modifiers = type.getModifiers();
    if (type.isInterface() || type.isEnum() || type.isAnnotation() || type.isArray()) {
      return Optional.of(name + " must be a class, not an interface, enum or annotation");
    }
    if (Modifier.isAbstract(modifiers)) {
      return Optional.of(name + " must not be abstract");
    }
    if (!Modifier.isPublic(modifiers)) {
      return Optional.of(name + " must be public");
    }
    if (type.isMemberClass() && !Modifier.isStatic(modifiers)) {
      return Optional.of(name + " must be a static nested class or a top-level class");
    }
    if (!implementsAccepted(type)) {
      return Optional.of(name + " must implement " + describeAccepted());
    }
    try {
      type.getConstructor();
      return Optional.empty();
    } catch (NoSuchMethodException e) {
      return Optional.of(name + " needs a public constructor without parameters");
    }
  }

  private boolean implementsAccepted(Class<?> type) {
    Deque<Class<?>> pending = new ArrayDeque<>();
    Set<Class<?>> seen = new HashSet<>();
    pending.add(type);
    while (!pending.isEmpty()) {
      Class<?> next = pending.poll();
      if (!seen.add(next)) {
        continue;
      }
      if (next.isInterface() && accepted.contains(next.getName())) {
        return true;
      }
      pending.addAll(List.of(next.getInterfaces()));
      if (next.getSuperclass() != null) {
        pending.add(next.getSuperclass());
      }
    }
    return false;
  }

  /** "Runnable, Callable or dev.hypernd.engine.TaskAction". */
  private String describeAccepted() {
    List<String> names = new ArrayList<>();
    for (String name : accepted) {
      names.add(name.startsWith("java.") ? name.substring(name.lastIndexOf('.') + 1) : name);
    }
    String last = names.remove(names.size() - 1);
    return String.join(", ", names) + " or " + last;
  }

  private static URL[] urls(List<Path> classpath) {
    List<URL> urls = new ArrayList<>();
    for (Path entry : classpath) {
      try {
        urls.add(entry.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("classpath entry (" + entry + ") is not a valid URL", e);
      }
    }
    return urls.toArray(URL[]::new);
  }
}
