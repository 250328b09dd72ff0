package dev.hypernd.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** The version the build stamped into {@code version.properties}. */
public final class Version implements CommandLine.IVersionProvider {

  public static String current() {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("/dev/hypernd/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("version", "unknown");
  }

  @Override
  public String[] getVersion() {
    return new String[] {"hypernd " + current()};
  }
}
