package dev.hypernd.jobs.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads an {@code alert:} block, of a job or of the defaults. */
final class AlertReader {
  static final List<String> KEYS = List.of("webhook", "headers", "mail", "on");
  private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");
  // A plain address: no spaces, no header-breaking characters, one '@' with text on each side.
  private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>,;\"]+@[^\\s@<>,;\"]+");

  private AlertReader() {}

  static Optional<AlertConfig> read(Cursor value) {
    Optional<Fields> mapping =
        value.mapping(
            "expected a mapping such as {webhook: https://example.com/hook, on: [failure]}", KEYS);
    if (mapping.isEmpty()) {
      return Optional.empty();
    }
    Fields fields = mapping.get();
    int before = value.errors().count();
    Optional<URI> webhook = fields.get("webhook").flatMap(AlertReader::url);
    Map<String, String> headers =
        fields.get("headers").flatMap(AlertReader::headers).orElse(Map.of());
    Optional<String> mail = fields.get("mail").flatMap(AlertReader::address);
    Set<AlertOn> on = fields.get("on").flatMap(AlertReader::on).orElse(AlertConfig.DEFAULT_ON);
    if (webhook.isEmpty() && mail.isEmpty() && value.errors().count() == before) {
      fields.self().error("an alert needs a webhook, a mail address, or both");
    }
    if (fields.has("headers") && webhook.isEmpty() && fields.get("webhook").isEmpty()) {
      fields.atKey("headers").error("headers are sent with a webhook; add webhook: URL");
    }
    if (value.errors().count() > before) {
      return Optional.empty();
    }
    return Optional.of(new AlertConfig(webhook, headers, mail, on));
  }

  private static Optional<URI> url(Cursor value) {
    String expectation = "expected an http or https URL such as https://example.com/hooks/backup";
    return value
        .text(expectation)
        .flatMap(
            text -> {
              try {
                URI uri = new URI(text);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme();
                if ((scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null) {
                  return Optional.of(uri);
                }
              } catch (URISyntaxException e) {
                // reported below
              }
              value.error(expectation + ", found \"" + text + "\"");
              return Optional.empty();
            });
  }

  private static Optional<Map<String, String>> headers(Cursor value) {
    Optional<Fields> mapping =
        value.anyMapping(
            "expected a mapping of header names to values, such as"
                + " {Authorization: \"Bearer ${HOOK_TOKEN}\"}");
    if (mapping.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> headers = new LinkedHashMap<>();
    mapping
        .get()
        .all()
        .forEach(
            (name, entry) -> {
              if (!HEADER_NAME.matcher(name).matches()) {
                mapping.get().atKey(name).error("\"" + name + "\" is not an HTTP header name");
                return;
              }
              entry
                  .text("expected a header value (${NAME} takes it from the environment)")
                  .filter(text -> singleLine(text, entry))
                  .ifPresent(text -> headers.put(name, text));
            });
    return Optional.of(headers);
  }

  private static boolean singleLine(String text, Cursor value) {
    if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      value.error("a header value must be one line");
      return false;
    }
    return true;
  }

  private static Optional<String> address(Cursor value) {
    return value
        .text("expected a mail address such as ops@example.com")
        .flatMap(
            text -> {
              if (ADDRESS.matcher(text).matches()) {
                return Optional.of(text);
              }
              value.error(
                  "expected one mail address such as ops@example.com, found \"" + text + "\"");
              return Optional.empty();
            });
  }

  private static Optional<Set<AlertOn>> on(Cursor value) {
    Optional<List<Cursor>> items = value.list("expected a list such as [failure, error]");
    if (items.isEmpty()) {
      return Optional.empty();
    }
    Set<AlertOn> on = EnumSet.noneOf(AlertOn.class);
    for (Cursor item : items.get()) {
      item.text("expected one of failure, error, success")
          .ifPresent(
              word -> {
                try {
                  on.add(AlertOn.valueOf(word.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                  item.error(
                      "unknown alert outcome \"" + word + "\"; expected failure, error or success");
                }
              });
    }
    if (items.get().isEmpty()) {
      value.error("the list is empty; leave out on to alert on failure only");
    }
    return Optional.of(on);
  }
}
