package dev.hypernd.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClasspathClassCheckTest {
  private static final String PREFIX = ClasspathClassCheckTest.class.getName() + "$";
  private static final String TASK_ACTION = "dev.hypernd.engine.TaskAction";

  private final ClasspathClassCheck check =
      new ClasspathClassCheck(Set.of(TASK_ACTION, PREFIX + "CustomJob"));

  @TempDir Path dir;

  static volatile boolean explosiveInitialised;

  public static class RunnableJob implements Runnable {
    @Override
    public void run() {}
  }

  public static class CallableJob implements Callable<String> {
    @Override
    public String call() {
      return "done";
    }
  }

  public static class InheritedJob extends RunnableJob {}

  public interface CustomJob {}

  public interface RefinedCustomJob extends CustomJob {}

  public static class CustomInterfaceJob implements RefinedCustomJob {}

  public abstract static class AbstractJob implements Runnable {}

  static class PackagePrivateJob implements Runnable {
    @Override
    public void run() {}
  }

  public static class NoNoArgConstructor implements Runnable {
    public NoNoArgConstructor(String unused) {}

    @Override
    public void run() {}
  }

  public static class NotAJob {}

  public class InnerJob implements Runnable {
    @Override
    public void run() {}
  }

  public static class Explosive implements Runnable {
    static {
      explosiveInitialised = true;
    }

    @Override
    public void run() {}
  }

  private String check(String simpleName) {
    return check.check(PREFIX + simpleName, List.of()).orElse("accepted");
  }

  @Test
  void acceptsRunnableCallableAndNamedInterfacesAlsoWhenInherited() {
    assertThat(check("RunnableJob")).isEqualTo("accepted");
    assertThat(check("CallableJob")).isEqualTo("accepted");
    assertThat(check("InheritedJob")).isEqualTo("accepted");
    assertThat(check("CustomInterfaceJob")).isEqualTo("accepted");
  }

  @Test
  void rejectsClassesThatCannotBeInstantiatedAndRun() {
    assertThat(check("AbstractJob")).endsWith("$AbstractJob must not be abstract");
    assertThat(check("PackagePrivateJob")).endsWith("$PackagePrivateJob must be public");
    assertThat(check("NoNoArgConstructor"))
        .endsWith("$NoNoArgConstructor needs a public constructor without parameters");
    assertThat(check("InnerJob"))
        .endsWith("$InnerJob must be a static nested class or a top-level class");
    assertThat(check("CustomJob"))
        .endsWith("$CustomJob must be a class, not an interface, enum or annotation");
  }

  @Test
  void namesTheAcceptedInterfacesForAClassOfTheWrongType() {
    ClasspathClassCheck engineOnly = new ClasspathClassCheck(Set.of(TASK_ACTION));

    assertThat(engineOnly.check(PREFIX + "NotAJob", List.of()))
        .contains(PREFIX + "NotAJob must implement Runnable, Callable or " + TASK_ACTION);
  }

  @Test
  void loadsWithoutInitialising() {
    assertThat(check("Explosive")).isEqualTo("accepted");
    assertThat(explosiveInitialised).isFalse();
  }

  @Test
  void aMissingClassNamesTheClasspathSearched() {
    List<Path> classpath = List.of(dir);

    assertThat(check.check("com.acme.Missing", classpath))
        .contains(
            "class com.acme.Missing not found on the classpath (daemon classpath + classpath: ["
                + dir
                + "])");
  }

  @Test
  void findsClassesInDirectoriesAndJarsOfTheFilesClasspath() throws IOException {
    Path classes =
        compile(
            "com.acme.Hello", "public class Hello implements Runnable { public void run() {} }");
    Path jar = jar(classes, "com/acme/Hello.class");

    assertThat(check.check("com.acme.Hello", List.of())).isPresent();
    assertThat(check.check("com.acme.Hello", List.of(classes))).isEmpty();
    assertThat(check.check("com.acme.Hello", List.of(jar))).isEmpty();
  }

  @Test
  void aClassWhoseDependencyIsMissingCannotBeLoaded() throws IOException {
    Path classes =
        compile(
            "com.acme.Child",
            "public class Child extends Parent implements Runnable { public void run() {} }",
            "com.acme.Parent",
            "public class Parent {}");
    Files.delete(classes.resolve("com/acme/Parent.class"));

    assertThat(check.check("com.acme.Child", List.of(classes)))
        .hasValueSatisfying(
            message ->
                assertThat(message)
                    .startsWith(
                        "class com.acme.Child cannot be loaded: java.lang.NoClassDefFoundError")
                    .contains("com/acme/Parent"));
  }

  @Test
  void theLoaderLooksClassesUpOnTheFilesRelativeClasspath() throws IOException {
    compile("com.acme.Hello", "public class Hello implements Runnable { public void run() {} }");
    Path file = dir.resolve("jobs.yaml");
    JobFileLoader loader = new JobFileLoader(FakeChecks.ANY_CRON, check);

    LoadResult found =
        loader.parse(
            file,
            "classpath: [classes]\njobs: [{name: hello, interval: 5s, class: com.acme.Hello}]\n");
    LoadResult missing =
        loader.parse(file, "jobs: [{name: hello, interval: 5s, class: com.acme.Hello}]\n");

    assertThat(found.errors()).isEmpty();
    assertThat(((LoadResult.Valid) found).jobFile().classpath())
        .containsExactly(dir.resolve("classes"));
    assertThat(missing.errors())
        .singleElement()
        .hasToString(
            file
                + ":1:43: jobs[0] (hello).class: class com.acme.Hello not found on the classpath"
                + " (daemon classpath + classpath: [])");
  }

  /** Pairs of class name and body, each compiled in its package under a fresh directory. */
  private Path compile(String... namesAndBodies) throws IOException {
    Path sources = Files.createDirectories(dir.resolve("src"));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    List<String> args = new ArrayList<>(List.of("-d", classes.toString()));
    for (int i = 0; i < namesAndBodies.length; i += 2) {
      String name = namesAndBodies[i];
      String pkg = name.substring(0, name.lastIndexOf('.'));
      Path source = sources.resolve(name.replace('.', '/') + ".java");
      Files.createDirectories(source.getParent());
      Files.writeString(source, "package " + pkg + ";\n" + namesAndBodies[i + 1] + "\n");
      args.add(source.toString());
    }
    int status =
        ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new));
    assertThat(status).as("javac exit status").isZero();
    return classes;
  }

  private Path jar(Path classes, String entry) throws IOException {
    Path jar = dir.resolve("jobs.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(new JarEntry(entry));
      out.write(Files.readAllBytes(classes.resolve(entry)));
      out.closeEntry();
    }
    return jar;
  }
}
