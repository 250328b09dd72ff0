package dev.hypernd.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** The version the build stamped into {@code version.properties}, shared with hypernd. */
final class CliVersion implements CommandLine.IVersionProvider {

  @Override
  public String[] getVersion() throws IOException {
    Properties p = new Properties();
    try (InputStream in = CliVersion.class.getResourceAsStream("/dev/hypernd/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    }
    return new String[] {"hypernctl " + p.getProperty("version", "unknown")};
  }
}
