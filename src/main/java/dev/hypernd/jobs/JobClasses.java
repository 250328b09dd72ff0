package dev.hypernd.jobs;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The class loader of one configuration's class jobs: the daemon's own classpath first, then the
 * job file's {@code classpath:} entries. A reload keeps it when the entries and their contents are
 * unchanged ({@link #reuseOrOpen}); otherwise the new configuration gets a new loader, which is how
 * a rebuilt jar is picked up.
 *
 * <p>A replaced loader is not closed: tasks created under the old configuration (running, or
 * waiting for a retry) still load classes through it. It is collected, and its jars closed, once
 * the last of them is gone. Replacing a jar by a new file (as {@code mv} and {@code install} do)
 * leaves the classes an old loader has already loaded alone; overwriting it in place under a
 * running task is not safe, and classes an old loader loads only after the change come from the new
 * file.
 */
public final class JobClasses {
  private final List<Path> classpath;
  private final String fingerprint;
  private final ClassLoader parent;
  private final ClassLoader loader;

  private JobClasses(
      List<Path> classpath, String fingerprint, ClassLoader parent, ClassLoader loader) {
    this.classpath = List.copyOf(classpath);
    this.fingerprint = fingerprint;
    this.parent = parent;
    this.loader = loader;
  }

  /**
   * @param parent the daemon's class loader, asked first
   */
  public static JobClasses open(List<Path> classpath, ClassLoader parent) {
    Objects.requireNonNull(parent, "parent");
    String fingerprint = ClasspathFingerprint.of(classpath);
    ClassLoader loader =
        classpath.isEmpty() ? parent : new URLClassLoader("hypernd-jobs", urls(classpath), parent);
    return new JobClasses(classpath, fingerprint, parent, loader);
  }

  /** This loader when {@code classpath} and what it holds are unchanged, else a new one. */
  public JobClasses reuseOrOpen(List<Path> classpath) {
    if (classpath.equals(this.classpath)
        && ClasspathFingerprint.of(classpath).equals(fingerprint)) {
      return this;
    }
    return open(classpath, parent);
  }

  public ClassLoader loader() {
    return loader;
  }

  public List<Path> classpath() {
    return classpath;
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
