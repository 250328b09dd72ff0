package dev.hypernd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** README.md's Layout table names every package of the main sources, and no other. */
class ReadmeLayoutTest {
  private static final Path SOURCES = Path.of("src/main/java");
  private static final Pattern ROW = Pattern.compile("^\\| `(dev\\.hypernd[\\w.]*)` \\|");

  @Test
  void theLayoutTableListsEveryPackage() throws IOException {
    assertThat(tablePackages()).isEqualTo(sourcePackages());
  }

  private static Set<String> tablePackages() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    String layout = readme.substring(readme.indexOf("## Layout"));
    layout = layout.substring(0, layout.indexOf("\n## ", 1));
    Set<String> packages = new TreeSet<>();
    for (String line : layout.lines().toList()) {
      Matcher row = ROW.matcher(line);
      if (row.find()) {
        packages.add(row.group(1));
      }
    }
    return packages;
  }

  private static Set<String> sourcePackages() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      return files
          .filter(file -> file.toString().endsWith(".java"))
          .map(file -> SOURCES.relativize(file.getParent()).toString().replace('/', '.'))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }
}
