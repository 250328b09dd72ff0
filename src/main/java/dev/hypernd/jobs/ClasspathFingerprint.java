package dev.hypernd.jobs;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A digest of what a job file's {@code classpath:} holds: every entry's path and the bytes of every
 * file in it (a jar, or each file under a directory). Two loads with the same fingerprint would
 * load the same classes, so a reload may keep the class loader; a rebuilt jar changes it even when
 * the file's text did not change. Contents rather than timestamps, because {@code cp -p} and build
 * tools that pin timestamps for reproducible jars keep the modification time of a changed jar.
 */
final class ClasspathFingerprint {
  private ClasspathFingerprint() {}

  static String of(List<Path> classpath) {
    MessageDigest digest = sha256();
    for (Path entry : classpath) {
      digest.update(entry.toString().getBytes(UTF_8));
      digest.update((byte) 0);
      if (Files.isDirectory(entry)) {
        for (Path file : filesUnder(entry)) {
          digest.update(entry.relativize(file).toString().getBytes(UTF_8));
          digest.update((byte) 0);
          addContent(digest, file);
        }
      } else {
        addContent(digest, entry);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static List<Path> filesUnder(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException | UncheckedIOException e) {
      // Unreadable now: the loader will fail on it too; a fingerprint of the entry alone will do.
      return List.of();
    }
  }

  private static void addContent(MessageDigest digest, Path file) {
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    } catch (IOException e) {
      digest.update(("unreadable: " + e.getMessage()).getBytes(UTF_8));
    }
    digest.update((byte) 0);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
