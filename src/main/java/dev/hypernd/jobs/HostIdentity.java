package dev.hypernd.jobs;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * The seeds of {@code random_delay}: the host's identity, which outlives reboots and renames
 * (systemd's machine id, else the host name), and a random seed per daemon run.
 */
final class HostIdentity {
  private static final Path MACHINE_ID = Path.of("/etc/machine-id");
  // Chosen once per JVM: a delay that is not per host stays the same across reloads of a run.
  private static final String RUN_SEED = Long.toHexString(new SecureRandom().nextLong());

  private HostIdentity() {}

  static String host() {
    try {
      String id = Files.readString(MACHINE_ID).strip();
      if (!id.isEmpty()) {
        return id;
      }
    } catch (IOException | SecurityException e) {
      // no machine id: the host name will do
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }

  static String run() {
    return RUN_SEED;
  }
}
