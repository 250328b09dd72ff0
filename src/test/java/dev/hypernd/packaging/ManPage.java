package dev.hypernd.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A man(7) page as its sections and subsections of plain text: roff font escapes dropped, {@code
 * \-} read as a hyphen, so that {@code \fB\-\-grace\fR} reads {@code --grace}.
 */
final class ManPage {
  /** One {@code .SH} or {@code .SS} heading and the plain text up to the next heading. */
  record Section(boolean subsection, String title, String text) {}

  private static final Pattern FONT = Pattern.compile("\\\\f(\\[[^]]*]|\\(..|.)");
  private static final Pattern QUOTES = Pattern.compile("^\"|\"$");

  private final Path file;
  private final List<Section> sections;

  private ManPage(Path file, List<Section> sections) {
    this.file = file;
    this.sections = sections;
  }

  static ManPage read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Section> sections = new ArrayList<>();
    String title = null;
    boolean subsection = false;
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      if (line.startsWith(".SH ") || line.startsWith(".SS ")) {
        if (title != null) {
          sections.add(new Section(subsection, title, text.toString()));
        }
        subsection = line.startsWith(".SS ");
        title = QUOTES.matcher(plain(line.substring(4).strip())).replaceAll("");
        text.setLength(0);
      } else if (!line.startsWith(".\\\"") && !line.startsWith("'\\\"")) {
        text.append(plain(line)).append('\n');
      }
    }
    if (title != null) {
      sections.add(new Section(subsection, title, text.toString()));
    }
    return new ManPage(file, List.copyOf(sections));
  }

  /** A line of roff as plain text: no font changes, {@code \-} as {@code -}, quotes as quotes. */
  static String plain(String roff) {
    return FONT.matcher(roff)
        .replaceAll("")
        .replace("\\-", "-")
        .replace("\\(aq", "'")
        .replace("\\(dq", "\"")
        .replace("\\&", "")
        .replace("\\c", "");
  }

  Path file() {
    return file;
  }

  /** The plain text of the whole page, headings included. */
  String text() {
    StringBuilder all = new StringBuilder();
    sections.forEach(s -> all.append(s.title()).append('\n').append(s.text()));
    return all.toString();
  }

  /** The {@code .SH} section called {@code title}. */
  Optional<Section> section(String title) {
    return sections.stream().filter(s -> !s.subsection() && s.title().equals(title)).findFirst();
  }

  /** The {@code .SS} subsection called {@code title}. */
  Optional<Section> subsection(String title) {
    return sections.stream().filter(s -> s.subsection() && s.title().equals(title)).findFirst();
  }

  /** Whether {@code text} names the option {@code --name} as a whole word. */
  static boolean mentions(String text, String option) {
    return Pattern.compile("(?<![\\w-])" + Pattern.quote(option) + "(?![\\w-])")
        .matcher(text)
        .find();
  }
}
